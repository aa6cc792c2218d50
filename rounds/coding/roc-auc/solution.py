from itertools import groupby


def roc_auc(labels: list[int], scores: list[float]) -> float:
    if len(labels) != len(scores):
        raise ValueError("labels and scores must have the same length")
    n_pos = sum(1 for lab in labels if lab == 1)
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("AUC needs at least one positive and one negative")
    pairs = sorted(zip(scores, labels), key=lambda p: p[0])  # O(n log n)
    neg_below = 0  # negatives with a strictly smaller score than the current group
    twice_wins = 0  # 2 x (pairs won + half the tied pairs), kept as an exact integer
    for _, group in groupby(pairs, key=lambda p: p[0]):
        labs = [lab for _, lab in group]
        pos = sum(labs)
        neg = len(labs) - pos
        # Each positive here beats every negative below and ties every negative in its group.
        twice_wins += 2 * pos * neg_below + pos * neg
        neg_below += neg
    return twice_wins / (2 * n_pos * n_neg)
