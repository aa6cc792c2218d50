import math


def cross_entropy(logits: list[list[float]], targets: list[int]) -> float:
    """Mean cross-entropy of each row of logits against its integer target class."""
    total = 0.0
    for row, t in zip(logits, targets):
        probs = [math.exp(z) / sum(math.exp(v) for v in row) for z in row]
        total += -math.log(probs[t])
    return total / len(logits)
