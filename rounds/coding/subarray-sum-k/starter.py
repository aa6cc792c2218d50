def count_subarrays_with_sum(values: list[int], k: int) -> int:
    """Number of contiguous, non-empty windows of values whose sum is exactly k."""
    raise NotImplementedError
