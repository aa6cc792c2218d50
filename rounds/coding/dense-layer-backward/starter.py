def dense_backward(
    X: list[list[float]], W: list[list[float]], G: list[list[float]]
) -> tuple[list[list[float]], list[list[float]], list[float]]:
    """Gradients of a dense layer Y = X W + b.

    X is N x D, W is D x M, G = dL/dY is N x M. Return (dX, dW, db) with shapes
    N x D, D x M and M.
    """
    raise NotImplementedError
