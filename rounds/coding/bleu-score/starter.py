import math
from collections import Counter


def corpus_bleu(
    candidates: list[list[str]], references: list[list[list[str]]], max_n: int = 4
) -> float:
    """Corpus BLEU with clipped n-gram precisions for n = 1..max_n, their geometric
    mean, and the brevity penalty (see the statement for the exact conventions)."""
    raise NotImplementedError
