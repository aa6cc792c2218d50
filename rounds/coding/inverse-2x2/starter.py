def inverse_2x2(M: list[list[float]]) -> list[list[float]]:
    """Return the inverse of the 2 x 2 matrix M = [[a, b], [c, d]].

    Raise ValueError if M is not 2 x 2 or is singular (see the statement's tolerance)."""
    (a, b), (c, d) = M
    det = a * d - b * c
    return [[d / det, -b / det], [-c / det, a / det]]
