def linear_regression_gd(
    X: list[list[float]], y: list[float], lr: float, epochs: int
) -> tuple[list[float], float]:
    n = len(X)
    if n == 0 or n != len(y):
        raise ValueError("need a non-empty X and one target per row")
    d = len(X[0])
    w = [0.0] * d
    b = 0.0
    for _ in range(epochs):
        grad_w = [0.0] * d
        grad_b = 0.0
        for row, target in zip(X, y):
            r = sum(wj * xj for wj, xj in zip(w, row)) + b - target  # residual
            grad_b += r
            for j in range(d):
                grad_w[j] += r * row[j]
        # d/dw of (1/n) sum r^2 is (2/n) sum r x; both gradients use the old w and b.
        scale = 2.0 / n
        w = [wj - lr * scale * gj for wj, gj in zip(w, grad_w)]
        b -= lr * scale * grad_b
    return w, b
