import math


def multi_head_attention(
    X: list[list[float]],
    Wq: list[list[float]],
    Wk: list[list[float]],
    Wv: list[list[float]],
    Wo: list[list[float]],
    num_heads: int,
    causal: bool = False,
) -> list[list[float]]:
    """Multi-head self-attention over the rows of X (n x d_model).

    Wq, Wk, Wv and Wo are d_model x d_model. Head h uses columns h*d_h .. (h+1)*d_h - 1 of
    Q = X Wq, K = X Wk, V = X Wv, with d_h = d_model / num_heads and scaling 1/sqrt(d_h).
    The heads' outputs are concatenated in order and multiplied by Wo. Returns n x d_model.
    Raise ValueError when num_heads does not divide d_model.
    """
    raise NotImplementedError
