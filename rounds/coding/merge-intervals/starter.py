def merge_intervals(intervals: list[list[float]]) -> list[list[float]]:
    """Merge overlapping or touching [start, end] windows; return them sorted by start."""
    raise NotImplementedError
