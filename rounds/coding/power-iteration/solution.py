import math
import random


def power_iteration(A: list[list[float]], max_iter: int = 1000, tol: float = 1e-12) -> tuple[float, list[float]]:
    n = len(A)
    if n == 0 or any(len(row) != n for row in A):
        raise ValueError("A must be a non-empty square matrix")

    # A random start is orthogonal to the dominant eigenvector with probability zero;
    # a fixed start such as all ones can be exactly orthogonal to it.
    x = _normalise([random.gauss(0.0, 1.0) for _ in range(n)])
    for _ in range(max_iter):
        # Normalise every step: otherwise |lambda|^k overflows or underflows within a few
        # hundred steps. Fixing the sign stops x flipping each step when lambda < 0.
        y = _normalise(_matvec(A, x))
        change = max(abs(p - q) for p, q in zip(x, y))
        x = y
        if change < tol:
            break
    # Rayleigh quotient: x is a unit vector, so x . Ax is the eigenvalue estimate.
    eigenvalue = sum(p * q for p, q in zip(x, _matvec(A, x)))
    return eigenvalue, x


def _matvec(A, x):
    return [sum(a * b for a, b in zip(row, x)) for row in A]


def _normalise(v):
    """Unit length, with the largest-magnitude component made positive."""
    norm = math.hypot(*v)
    if norm == 0:
        raise ValueError("the iterate became zero: A has no dominant eigenvalue")
    big = max(v, key=abs)
    scale = norm if big > 0 else -norm
    return [c / scale for c in v]
