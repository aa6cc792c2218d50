import math


def softmax(scores: list[float]) -> list[float]:
    if not scores:
        return []
    # Shifting by the maximum leaves the result unchanged and keeps every exponent <= 0.
    top = max(scores)
    exps = [math.exp(z - top) for z in scores]
    total = sum(exps)
    return [e / total for e in exps]
