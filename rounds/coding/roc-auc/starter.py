def roc_auc(labels: list[int], scores: list[float]) -> float:
    """Area under the ROC curve: the probability that a random positive scores
    higher than a random negative, with ties counted as 1/2."""
    pos = [s for s, lab in zip(scores, labels) if lab == 1]
    neg = [s for s, lab in zip(scores, labels) if lab == 0]
    wins = 0.0
    for p in pos:
        for q in neg:
            if p > q:
                wins += 1.0
            elif p == q:
                wins += 0.5
    return wins / (len(pos) * len(neg))
