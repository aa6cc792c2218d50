def kmeans(
    points: list[list[float]], centroids: list[list[float]], max_iters: int
) -> tuple[list[list[float]], list[int]]:
    """Run Lloyd's k-means from the given initial centroids.

    Returns (final_centroids, labels) where labels[i] is the index of the
    centroid nearest to points[i].
    """
    raise NotImplementedError
