def stationary_distribution(P: list[list[float]]) -> list[float]:
    n = len(P)
    if any(len(row) != n for row in P):
        raise ValueError("P must be square")
    for row in P:
        if any(p < 0 for p in row) or abs(sum(row) - 1.0) > 1e-9:
            raise ValueError("every row of P must be a probability distribution")
    if n == 0:
        return []

    # pi P = pi is the linear system (P^T - I) pi = 0. Its n equations are dependent (they
    # sum to zero), so replace the last one with sum(pi) = 1. Solving directly works for
    # periodic and slowly mixing chains, where power iteration oscillates or crawls.
    A = [[P[j][i] - (1.0 if i == j else 0.0) for j in range(n)] for i in range(n)]
    A[-1] = [1.0] * n
    b = [0.0] * (n - 1) + [1.0]

    # Gaussian elimination with partial pivoting.
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(A[r][col]))
        if A[pivot][col] == 0:
            raise ValueError("the chain has no unique stationary distribution")
        A[col], A[pivot] = A[pivot], A[col]
        b[col], b[pivot] = b[pivot], b[col]
        for r in range(col + 1, n):
            f = A[r][col] / A[col][col]
            if f:
                for c in range(col, n):
                    A[r][c] -= f * A[col][c]
                b[r] -= f * b[col]
    pi = [0.0] * n
    for r in range(n - 1, -1, -1):
        s = b[r] - sum(A[r][c] * pi[c] for c in range(r + 1, n))
        pi[r] = s / A[r][r]
    # Clean rounding noise: probabilities are >= 0 and sum to 1.
    pi = [max(p, 0.0) for p in pi]
    total = sum(pi)
    return [p / total for p in pi]
