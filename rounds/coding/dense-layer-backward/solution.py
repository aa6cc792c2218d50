def _dot(u, v) -> float:
    return sum((a * b for a, b in zip(u, v)), 0.0)


def dense_backward(
    X: list[list[float]], W: list[list[float]], G: list[list[float]]
) -> tuple[list[list[float]], list[list[float]], list[float]]:
    # Take the shapes from W: with an empty batch X has no rows to read D from.
    d, m = len(W), len(W[0])

    # dX = G W^T, so dX[i][k] = G[i] . W[k]                      (N x D)
    dX = [[_dot(g_row, w_row) for w_row in W] for g_row in G]

    # dW = X^T G, so dW[k][j] = (column k of X) . (column j of G)   (D x M)
    x_cols = [[row[k] for row in X] for k in range(d)]
    g_cols = [[row[j] for row in G] for j in range(m)]
    dW = [[_dot(xc, gc) for gc in g_cols] for xc in x_cols]

    # b is added to every row of the batch, so its gradient sums G over the rows.   (M)
    db = [sum(gc, 0.0) for gc in g_cols]
    return dX, dW, db
