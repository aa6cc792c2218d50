def matmul(A: list[list[float]], B: list[list[float]]) -> list[list[float]]:
    """Return the matrix product A @ B (A is n x k, B is k x m, both row-major).

    Raise ValueError when the shapes do not fit together.
    """
    raise NotImplementedError
