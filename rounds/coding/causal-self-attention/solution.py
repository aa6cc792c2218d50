import math


def _matmul(A: list[list[float]], B: list[list[float]]) -> list[list[float]]:
    cols = list(zip(*B))
    return [[sum(a * b for a, b in zip(row, col)) for col in cols] for row in A]


def causal_self_attention(
    X: list[list[float]],
    Wq: list[list[float]],
    Wk: list[list[float]],
    Wv: list[list[float]],
) -> list[list[float]]:
    if not X:
        return []
    Q, K, V = _matmul(X, Wq), _matmul(X, Wk), _matmul(X, Wv)
    scale = 1.0 / math.sqrt(len(Wq[0]))
    d_v = len(Wv[0])
    out = []
    for i, q in enumerate(Q):
        # The causal mask: position i sees keys 0..i only, never the future.
        scores = [sum(a * b for a, b in zip(q, K[j])) * scale for j in range(i + 1)]
        top = max(scores)
        weights = [math.exp(s - top) for s in scores]
        total = sum(weights)
        row = [0.0] * d_v
        for j, w in enumerate(weights):
            w /= total
            for c in range(d_v):
                row[c] += w * V[j][c]
        out.append(row)
    return out
