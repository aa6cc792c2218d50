import math


def eigenvalues_2x2(M: list[list[float]]) -> list[float] | None:
    """Real eigenvalues of the 2 x 2 matrix M, largest first; None if they are complex."""
    (a, b), (c, d) = M
    trace = a + d
    det = a * d - b * c
    root = math.sqrt(trace * trace - 4 * det)
    return [(trace + root) / 2, (trace - root) / 2]
