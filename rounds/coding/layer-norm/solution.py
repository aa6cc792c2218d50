import math


def layer_norm(
    x: list[list[float]], gamma: list[float], beta: list[float], eps: float = 1e-5
) -> list[list[float]]:
    d = len(gamma)
    if len(beta) != d:
        raise ValueError("gamma and beta must have the same length")
    out = []
    for row in x:
        if len(row) != d:
            raise ValueError(f"each row needs {d} features, got {len(row)}")
        mean = sum(row) / d
        # Two passes: subtract the mean before squaring. E[x^2] - E[x]^2 cancels
        # catastrophically when the values are large compared with their spread.
        var = sum((v - mean) * (v - mean) for v in row) / d
        inv_std = 1.0 / math.sqrt(var + eps)
        out.append([g * (v - mean) * inv_std + b for v, g, b in zip(row, gamma, beta)])
    return out
