import math


def layer_norm(
    x: list[list[float]], gamma: list[float], beta: list[float], eps: float = 1e-5
) -> list[list[float]]:
    """Normalize each row of x over its features, then scale by gamma and shift by beta."""
    out = []
    for row in x:
        d = len(row)
        mean = sum(row) / d
        var = sum(v * v for v in row) / d - mean * mean
        out.append([g * (v - mean) / math.sqrt(var) + b for v, g, b in zip(row, gamma, beta)])
    return out
