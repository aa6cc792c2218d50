import math
from collections import Counter


def bm25_scores(
    query: list[str], docs: list[list[str]], k1: float = 1.5, b: float = 0.75
) -> list[float]:
    n = len(docs)
    if n == 0:
        return []
    counts = [Counter(doc) for doc in docs]
    avgdl = sum(len(doc) for doc in docs) / n
    # idf depends only on the term: compute it once per distinct query term, not per document.
    idf = {}
    for term in set(query):
        df = sum(1 for c in counts if term in c)
        idf[term] = math.log(1 + (n - df + 0.5) / (df + 0.5))
    scores = []
    for doc, c in zip(docs, counts):
        norm = k1 * (1 - b + b * len(doc) / avgdl) if avgdl > 0 else k1
        score = 0.0
        for term in query:  # a repeated query term contributes once per repetition
            f = c.get(term, 0)
            if f:
                score += idf[term] * f * (k1 + 1) / (f + norm)
        scores.append(score)
    return scores
