def matmul(A: list[list[float]], B: list[list[float]]) -> list[list[float]]:
    if not A:
        return []
    k = len(A[0])
    # Validate every shape up front: zip() would silently truncate a short row.
    if k == 0 or any(len(row) != k for row in A):
        raise ValueError("A has empty or ragged rows")
    if len(B) != k:
        raise ValueError(f"inner dimensions differ: A is {len(A)}x{k}, B has {len(B)} rows")
    m = len(B[0])
    if m == 0 or any(len(row) != m for row in B):
        raise ValueError("B has empty or ragged rows")

    out = []
    for row in A:
        # i-k-j order: scale row p of B by A[i][p] and accumulate, so B is read row by row.
        acc = [0] * m
        for a, b_row in zip(row, B):
            for j, b in enumerate(b_row):
                acc[j] += a * b
        out.append(acc)
    return out
