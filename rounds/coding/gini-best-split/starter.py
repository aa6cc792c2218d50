def best_gini_split(values: list[float], labels: list) -> tuple[float, float] | None:
    """Return (threshold, weighted_gini) for the best split of one numeric
    feature, or None when no split exists. See the statement for the rules."""
    raise NotImplementedError
