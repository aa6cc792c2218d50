def determinant(M: list[list[float]]) -> float:
    """Determinant of the square matrix M (a list of rows) by cofactor expansion.

    An empty matrix has determinant 1; a non-square M raises ValueError."""
    raise NotImplementedError
