def sgd_momentum(
    A: list[list[float]], b: list[float], w0: list[float], lr: float, beta: float, steps: int
) -> list[float]:
    """Run `steps` steps of SGD with momentum on f(w) = 1/2 w^T A w - b^T w from w0 and return
    the final parameters. Velocity update: v = beta * v + grad; then w = w - lr * v."""
    w = list(w0)
    for _ in range(steps):
        g = [sum(a * x for a, x in zip(row, w)) - bi for row, bi in zip(A, b)]
        w = [wi - lr * gi for wi, gi in zip(w, g)]  # plain gradient descent: no momentum yet
    return w
