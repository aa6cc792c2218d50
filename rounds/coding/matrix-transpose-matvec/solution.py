def transpose_matvec(A: list[list[float]], v: list[float]) -> list[float]:
    if len(v) != len(A):
        raise ValueError(f"A has {len(A)} rows but v has {len(v)} entries")
    if not A:
        return []
    n = len(A[0])
    if any(len(row) != n for row in A):
        raise ValueError("A has rows of different lengths")

    # (A^T v)_j = sum_i A[i][j] * v[i]: a weighted sum of the ROWS of A.
    # One pass over the rows in storage order; A^T is never built.
    out = [0] * n
    for row, weight in zip(A, v):
        for j, a in enumerate(row):
            out[j] += weight * a
    return out
