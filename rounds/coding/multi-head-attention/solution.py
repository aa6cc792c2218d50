import math


def _matmul(A: list[list[float]], B: list[list[float]]) -> list[list[float]]:
    cols = list(zip(*B))
    return [[sum(a * b for a, b in zip(row, col)) for col in cols] for row in A]


def _attend(Q, K, V, causal):
    scale = 1.0 / math.sqrt(len(Q[0]))
    out = []
    for i, q in enumerate(Q):
        visible = range(i + 1) if causal else range(len(K))
        scores = [sum(a * b for a, b in zip(q, K[j])) * scale for j in visible]
        top = max(scores)
        weights = [math.exp(s - top) for s in scores]
        total = sum(weights)
        row = [0.0] * len(V[0])
        for j, w in zip(visible, weights):
            w /= total
            for c, v in enumerate(V[j]):
                row[c] += w * v
        out.append(row)
    return out


def multi_head_attention(
    X: list[list[float]],
    Wq: list[list[float]],
    Wk: list[list[float]],
    Wv: list[list[float]],
    Wo: list[list[float]],
    num_heads: int,
    causal: bool = False,
) -> list[list[float]]:
    d_model = len(Wq)
    if num_heads < 1 or d_model % num_heads != 0:
        raise ValueError("num_heads must be a positive divisor of d_model")
    if not X:
        return []
    d_h = d_model // num_heads
    # Project once with the full matrices; head h owns columns h*d_h .. (h+1)*d_h - 1.
    Q, K, V = _matmul(X, Wq), _matmul(X, Wk), _matmul(X, Wv)
    concat = [[] for _ in X]
    for h in range(num_heads):
        cols = slice(h * d_h, (h + 1) * d_h)
        head = _attend([r[cols] for r in Q], [r[cols] for r in K], [r[cols] for r in V], causal)
        for row, part in zip(concat, head):
            row.extend(part)  # concatenating heads in order rebuilds a d_model row
    return _matmul(concat, Wo)
