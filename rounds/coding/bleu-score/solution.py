import math
from collections import Counter


def _ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def corpus_bleu(
    candidates: list[list[str]], references: list[list[list[str]]], max_n: int = 4
) -> float:
    if len(candidates) != len(references):
        raise ValueError("one list of references per candidate")
    matches = [0] * max_n  # clipped n-gram matches, summed over the corpus
    totals = [0] * max_n   # candidate n-grams, summed over the corpus
    cand_len = ref_len = 0
    for cand, refs in zip(candidates, references):
        cand_len += len(cand)
        # Effective reference length: the closest to the candidate, the shorter on a tie.
        ref_len += min((abs(len(r) - len(cand)), len(r)) for r in refs)[1]
        for n in range(1, max_n + 1):
            counts = _ngrams(cand, n)
            # Clip each n-gram by the most times it occurs in any single reference.
            best = Counter()
            for r in refs:
                best |= _ngrams(r, n)
            matches[n - 1] += sum(min(c, best[g]) for g, c in counts.items())
            totals[n - 1] += sum(counts.values())
    # No smoothing: any order with no match (or no n-grams at all) makes BLEU 0.
    if cand_len == 0 or min(matches) == 0:
        return 0.0
    log_precision = sum(math.log(m / t) for m, t in zip(matches, totals)) / max_n
    brevity = 1.0 if cand_len > ref_len else math.exp(1 - ref_len / cand_len)
    return brevity * math.exp(log_precision)
