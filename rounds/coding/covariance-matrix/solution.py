def covariance_matrix(X: list[list[float]]) -> list[list[float]]:
    n = len(X)
    if n < 2:
        raise ValueError("the sample covariance needs at least two observations")
    d = len(X[0])
    if any(len(row) != d for row in X):
        raise ValueError("every observation must have the same number of features")

    # Two passes: centre each feature on its mean first. The one-pass formula
    # E[xy] - E[x]E[y] subtracts two huge, nearly equal numbers when the mean is large.
    columns = [list(col) for col in zip(*X)]
    centred = []
    for col in columns:
        mean = sum(col) / n
        centred.append([x - mean for x in col])

    cov = [[0.0] * d for _ in range(d)]
    for j in range(d):
        cj = centred[j]
        for k in range(j, d):
            # Symmetric: compute the upper triangle and mirror it.
            s = sum(a * b for a, b in zip(cj, centred[k])) / (n - 1)
            cov[j][k] = cov[k][j] = s
    return cov
