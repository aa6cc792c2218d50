def count_islands(grid: list[list[int]]) -> int:
    """Number of 4-connected groups of 1-cells in a binary mask."""
    raise NotImplementedError
