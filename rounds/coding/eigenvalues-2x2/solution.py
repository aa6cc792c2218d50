import math


def eigenvalues_2x2(M: list[list[float]]) -> list[float] | None:
    (a, b), (c, d) = M
    half_trace = (a + d) / 2
    det = a * d - b * c
    # ((a - d) / 2)^2 + bc equals (trace/2)^2 - det, but does not subtract two large, nearly
    # equal numbers: it is exactly >= 0 whenever bc >= 0 (every symmetric matrix).
    disc = ((a - d) / 2) ** 2 + b * c
    if disc < 0:
        return None  # a complex-conjugate pair
    root = math.sqrt(disc)
    # Add the root with the sign of the half-trace so nothing cancels; recover the other
    # eigenvalue from the product of the two, which is the determinant.
    big = half_trace + math.copysign(root, half_trace)
    small = det / big if big != 0 else 0.0
    return sorted([big, small], reverse=True)
