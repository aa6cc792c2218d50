import math


def attention(
    Q: list[list[float]],
    K: list[list[float]],
    V: list[list[float]],
    mask: list[list[bool]] | None = None,
) -> list[list[float]]:
    d_v = len(V[0]) if V else 0
    scale = 1.0 / math.sqrt(len(K[0])) if K else 1.0
    out = []
    for i, q in enumerate(Q):
        # Only the keys this query may see take part in its softmax.
        allowed = [j for j in range(len(K)) if mask is None or mask[i][j]]
        if not allowed:
            out.append([0.0] * d_v)  # nothing to attend to: a zero row, not 0/0
            continue
        scores = [sum(a * b for a, b in zip(q, K[j])) * scale for j in allowed]
        top = max(scores)  # subtract the maximum so every exponent is <= 0
        weights = [math.exp(s - top) for s in scores]
        total = sum(weights)
        row = [0.0] * d_v
        for w, j in zip(weights, allowed):
            w /= total
            for c, v in enumerate(V[j]):
                row[c] += w * v
        out.append(row)
    return out
