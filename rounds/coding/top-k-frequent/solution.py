import heapq
from collections import Counter


def top_k_frequent(labels: list[str], k: int) -> list[str]:
    if k <= 0:
        return []
    # One O(n) pass to count, then a heap of size k: O(n + d log k) for d distinct labels.
    counts = Counter(labels)
    # The key (-count, label) puts higher counts first and breaks ties alphabetically.
    best = heapq.nsmallest(k, counts.items(), key=lambda item: (-item[1], item[0]))
    return [label for label, _ in best]
