def edit_distance(a: str | list[str], b: str | list[str]) -> int:
    """Levenshtein distance: the fewest single-item insertions, deletions and
    substitutions (each costing 1) that turn a into b. a and b are both strings or
    both lists of tokens."""
    raise NotImplementedError
