def inverse_2x2(M: list[list[float]]) -> list[list[float]]:
    if len(M) != 2 or any(len(row) != 2 for row in M):
        raise ValueError("M must be 2 x 2")
    (a, b), (c, d) = M

    # Divide by the largest magnitude first. The inverse scales back by the same factor, the
    # singularity test becomes scale-free, and ad - bc cannot overflow or underflow.
    s = max(abs(a), abs(b), abs(c), abs(d))
    if s == 0:
        raise ValueError("the zero matrix is singular")
    a, b, c, d = a / s, b / s, c / s, d / s
    det = a * d - b * c
    # Entries are now at most 1 in magnitude, so |det| is compared on a fixed scale.
    if abs(det) <= 1e-12:
        raise ValueError("matrix is singular or too close to singular")
    k = 1.0 / (det * s)
    return [[d * k, -b * k], [-c * k, a * k]]
