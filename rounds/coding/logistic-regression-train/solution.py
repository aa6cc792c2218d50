import math


def sigmoid(z: float) -> float:
    # Only ever exponentiate a non-positive number, so math.exp cannot overflow.
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def train_logistic_regression(
    X: list[list[float]], y: list[int], lr: float, epochs: int
) -> tuple[list[float], float]:
    n = len(X)
    if n == 0 or n != len(y):
        raise ValueError("need a non-empty X and one label per row")
    d = len(X[0])
    w = [0.0] * d
    b = 0.0
    for _ in range(epochs):
        grad_w = [0.0] * d
        grad_b = 0.0
        for row, label in zip(X, y):
            z = sum(wj * xj for wj, xj in zip(w, row)) + b
            err = sigmoid(z) - label  # d(log loss)/dz for one sample
            grad_b += err
            for j in range(d):
                grad_w[j] += err * row[j]
        # Mean over the batch; both gradients come from the same old parameters.
        w = [wj - lr * gj / n for wj, gj in zip(w, grad_w)]
        b -= lr * grad_b / n
    return w, b
