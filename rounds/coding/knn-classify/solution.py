import heapq
from collections import Counter


def knn_predict(
    train_X: list[list[float]], train_y: list, queries: list[list[float]], k: int
) -> list:
    if k < 1 or not train_X:
        raise ValueError("need k >= 1 and at least one training point")
    preds = []
    for q in queries:
        # Squared distance orders neighbours exactly like the Euclidean distance.
        # Pairing it with the index makes ties go to the earlier training point.
        dists = (
            (sum((a - b) ** 2 for a, b in zip(q, x)), i) for i, x in enumerate(train_X)
        )
        neighbours = heapq.nsmallest(k, dists)  # O(n log k), already in (distance, index) order
        labels = [train_y[i] for _, i in neighbours]
        counts = Counter(labels)
        top = max(counts.values())
        # Walking the neighbours nearest-first, the first label with the top count wins ties.
        preds.append(next(lab for lab in labels if counts[lab] == top))
    return preds
