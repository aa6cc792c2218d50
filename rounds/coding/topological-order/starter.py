def topological_order(n: int, edges: list[list[int]]) -> list[int]:
    """Order tasks 0..n-1 so every [before, after] edge is respected; smallest ready task first; [] on a cycle."""
    raise NotImplementedError
