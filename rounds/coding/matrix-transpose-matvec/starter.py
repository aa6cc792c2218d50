def transpose_matvec(A: list[list[float]], v: list[float]) -> list[float]:
    """Return A^T v for a row-major m x n matrix A and a vector v of length m,
    without building A^T. Raise ValueError on mismatched or ragged shapes."""
    raise NotImplementedError
