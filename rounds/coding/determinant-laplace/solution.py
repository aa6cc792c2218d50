def determinant(M: list[list[float]]) -> float:
    n = len(M)
    if any(len(row) != n for row in M):
        raise ValueError("M must be square")
    return _det(M)


def _det(M):
    n = len(M)
    if n == 0:
        return 1  # the empty product: det of a 0 x 0 matrix
    if n == 1:
        return M[0][0]
    if n == 2:
        return M[0][0] * M[1][1] - M[0][1] * M[1][0]
    # Cofactor expansion along the first row: det M = sum_j (-1)^j M[0][j] det(minor_0j).
    total = 0
    for j, a in enumerate(M[0]):
        if a == 0:
            continue  # a zero entry contributes nothing: skip its whole sub-tree
        minor = [row[:j] + row[j + 1:] for row in M[1:]]
        term = a * _det(minor)
        total += term if j % 2 == 0 else -term
    return total
