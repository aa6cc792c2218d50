def train_perceptron(
    X: list[list[float]], y: list[int], epochs: int
) -> tuple[list[float], float, int]:
    if not X or len(X) != len(y):
        raise ValueError("need a non-empty X and one label per row")
    w = [0.0] * len(X[0])
    b = 0.0
    mistakes = 0
    for _ in range(epochs):
        for x, label in zip(X, y):
            margin = label * (sum(wj * xj for wj, xj in zip(w, x)) + b)
            if margin <= 0:  # on the boundary counts as wrong, so training can start from w = 0
                w = [wj + label * xj for wj, xj in zip(w, x)]
                b += label
                mistakes += 1
    return w, b, mistakes
