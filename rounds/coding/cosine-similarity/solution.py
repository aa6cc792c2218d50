import math


def cosine_similarity(a: list[float], b: list[float]) -> float:
    if len(a) != len(b):
        raise ValueError(f"vectors have different lengths: {len(a)} and {len(b)}")
    # math.hypot computes a Euclidean norm with internal rescaling, so squares of 1e200 cannot
    # overflow and squares of 1e-200 cannot underflow to zero.
    norm_a = math.hypot(*a)
    norm_b = math.hypot(*b)
    if norm_a == 0 or norm_b == 0:
        return 0.0  # convention: a zero vector has no direction
    # Normalise inside the sum: every factor is at most 1 in magnitude, so the dot product
    # cannot overflow or underflow either.
    dot = sum((x / norm_a) * (y / norm_b) for x, y in zip(a, b))
    # Rounding can push |cos| a hair above 1; keep it a valid cosine.
    return max(-1.0, min(1.0, dot))
