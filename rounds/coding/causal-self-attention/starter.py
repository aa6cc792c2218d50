import math


def causal_self_attention(
    X: list[list[float]],
    Wq: list[list[float]],
    Wk: list[list[float]],
    Wv: list[list[float]],
) -> list[list[float]]:
    """Single-head causal self-attention.

    X is n x d_model (one row per position). Q = X Wq, K = X Wk (d_model x d_k) and
    V = X Wv (d_model x d_v). Row i of the output is the softmax(q_i . k_j / sqrt(d_k))
    weighted average of v_j over j <= i only. Returns n x d_v.
    """
    raise NotImplementedError
