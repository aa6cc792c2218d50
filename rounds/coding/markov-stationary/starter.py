def stationary_distribution(P: list[list[float]]) -> list[float]:
    """The stationary distribution pi (pi P = pi, sum(pi) = 1) of the row-stochastic P."""
    n = len(P)
    pi = [1.0 / n] * n
    for _ in range(100):
        pi = [sum(pi[i] * P[i][j] for i in range(n)) for j in range(n)]
    return pi
