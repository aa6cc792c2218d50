import math


def cosine_similarity(a: list[float], b: list[float]) -> float:
    """Cosine of the angle between a and b; 0.0 if either is a zero vector."""
    dot = sum(x * y for x, y in zip(a, b))
    norm_a = math.sqrt(sum(x * x for x in a))
    norm_b = math.sqrt(sum(y * y for y in b))
    return dot / (norm_a * norm_b)
