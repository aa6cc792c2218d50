def sgd_momentum(
    A: list[list[float]], b: list[float], w0: list[float], lr: float, beta: float, steps: int
) -> list[float]:
    w = [float(x) for x in w0]  # a copy: never modify the caller's list
    v = [0.0] * len(w)          # the velocity starts at zero
    for _ in range(steps):
        # Gradient of f(w) = 1/2 w^T A w - b^T w for symmetric A: A w - b.
        g = [sum(a * x for a, x in zip(row, w)) - bi for row, bi in zip(A, b)]
        # Velocity first (a decaying sum of past gradients), then step along it.
        v = [beta * vi + gi for vi, gi in zip(v, g)]
        w = [wi - lr * vi for wi, vi in zip(w, v)]
    return w
