def _nearest(point: list[float], centroids: list[list[float]]) -> int:
    # Squared distance has the same argmin as the distance and needs no sqrt.
    # Strict "<" keeps the lowest index on ties.
    best, best_d = 0, float("inf")
    for j, c in enumerate(centroids):
        d = sum((p - q) ** 2 for p, q in zip(point, c))
        if d < best_d:
            best, best_d = j, d
    return best


def kmeans(
    points: list[list[float]], centroids: list[list[float]], max_iters: int
) -> tuple[list[list[float]], list[int]]:
    centroids = [list(map(float, c)) for c in centroids]  # never mutate the caller's lists
    dim = len(centroids[0])
    labels = None
    for _ in range(max_iters):
        new_labels = [_nearest(p, centroids) for p in points]
        if new_labels == labels:
            break  # converged: the update would reproduce the same centroids
        labels = new_labels
        sums = [[0.0] * dim for _ in centroids]
        counts = [0] * len(centroids)
        for p, j in zip(points, labels):
            counts[j] += 1
            for t in range(dim):
                sums[j][t] += p[t]
        for j, n in enumerate(counts):
            if n:  # an empty cluster keeps its centroid
                centroids[j] = [s / n for s in sums[j]]
    # The returned labels always match the returned centroids.
    return centroids, [_nearest(p, centroids) for p in points]
