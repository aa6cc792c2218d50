def top_k_frequent(labels: list[str], k: int) -> list[str]:
    """Return the k most frequent labels, most frequent first, ties broken alphabetically."""
    raise NotImplementedError
