def min_capacity(batch_sizes: list[int], days: int) -> int:
    """Smallest daily capacity that processes the batches, in order, within the given number of days."""
    raise NotImplementedError
