def shortest_path(grid: list[list[int]], start: list[int], goal: list[int]) -> int:
    """Fewest 4-neighbour moves from start to goal over free (0) cells, or -1 if unreachable."""
    raise NotImplementedError
