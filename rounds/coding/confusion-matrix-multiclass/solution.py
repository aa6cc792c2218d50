def confusion_and_macro_f1(y_true: list[int], y_pred: list[int], k: int) -> dict:
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred must have the same length")
    matrix = [[0] * k for _ in range(k)]
    for t, p in zip(y_true, y_pred):
        if not (0 <= t < k and 0 <= p < k):
            raise ValueError(f"label out of range 0..{k - 1}: {t}, {p}")
        matrix[t][p] += 1  # rows are the true class, columns the prediction
    f1s = []
    for c in range(k):
        tp = matrix[c][c]
        actual = sum(matrix[c])  # TP + FN
        predicted = sum(matrix[r][c] for r in range(k))  # TP + FP
        # 2TP / (2TP + FP + FN) is the harmonic mean of precision and recall;
        # a class never seen nor predicted scores 0.0.
        f1s.append(2 * tp / (actual + predicted) if actual + predicted else 0.0)
    return {"matrix": matrix, "macro_f1": sum(f1s) / k}
