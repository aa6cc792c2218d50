import random


def power_iteration(A: list[list[float]], max_iter: int = 1000, tol: float = 1e-12) -> tuple[float, list[float]]:
    """Dominant eigenvalue of the square matrix A and its unit eigenvector.

    Return (eigenvalue, vector), the vector with its largest-magnitude entry positive."""
    raise NotImplementedError
