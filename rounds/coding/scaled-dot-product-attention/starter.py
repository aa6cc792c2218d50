import math


def attention(
    Q: list[list[float]],
    K: list[list[float]],
    V: list[list[float]],
    mask: list[list[bool]] | None = None,
) -> list[list[float]]:
    """Scaled dot-product attention softmax(Q K^T / sqrt(d_k)) V.

    Q is n x d_k, K is m x d_k, V is m x d_v (lists of rows). mask, when given, is n x m:
    mask[i][j] is True when query i may attend to key j. A query with no allowed key
    gets a row of zeros. Returns the n x d_v output.
    """
    raise NotImplementedError
