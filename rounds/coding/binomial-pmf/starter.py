import math


def binomial_pmf(k: int, n: int, p: float, log: bool = False) -> float:
    """P(K = k) for K ~ Binomial(n, p), or its natural log when log is True."""
    raise NotImplementedError
