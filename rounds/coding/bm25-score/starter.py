import math
from collections import Counter


def bm25_scores(
    query: list[str], docs: list[list[str]], k1: float = 1.5, b: float = 0.75
) -> list[float]:
    """Okapi BM25 score of every document for the query (see the statement for the formula)."""
    raise NotImplementedError
