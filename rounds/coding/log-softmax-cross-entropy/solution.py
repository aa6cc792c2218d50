import math


def _log_sum_exp(row: list[float]) -> float:
    # log(sum(e^z)) = m + log(sum(e^(z - m))): every exponent is <= 0, and the largest term is 1,
    # so the sum neither overflows nor underflows to zero.
    m = max(row)
    if m == -math.inf:
        return -math.inf
    return m + math.log(sum(math.exp(z - m) for z in row))


def cross_entropy(logits: list[list[float]], targets: list[int]) -> float:
    if not logits:
        raise ValueError("empty batch: the mean is undefined")
    if len(logits) != len(targets):
        raise ValueError("logits and targets must have the same length")
    total = 0.0
    for row, t in zip(logits, targets):
        if not 0 <= t < len(row):
            raise ValueError(f"target {t} is outside 0..{len(row) - 1}")
        # -log_softmax(row)[t] = logsumexp(row) - row[t]
        total += _log_sum_exp(row) - row[t]
    return total / len(logits)
