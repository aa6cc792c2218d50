import math


def train_logistic_regression(
    X: list[list[float]], y: list[int], lr: float, epochs: int
) -> tuple[list[float], float]:
    """Train binary logistic regression by full-batch gradient descent on the
    mean log loss, from w = 0, b = 0. Return (w, b)."""
    n, d = len(X), len(X[0])
    w, b = [0.0] * d, 0.0
    for _ in range(epochs):
        grad_w, grad_b = [0.0] * d, 0.0
        for row, label in zip(X, y):
            z = sum(wj * xj for wj, xj in zip(w, row)) + b
            p = 1.0 / (1.0 + math.exp(-z))
            grad_b += p - label
            for j in range(d):
                grad_w[j] += (p - label) * row[j]
        w = [wj - lr * gj / n for wj, gj in zip(w, grad_w)]
        b -= lr * grad_b / n
    return w, b
