import math


def gaussian_pdf(x: float, mu: float = 0.0, sigma: float = 1.0, log: bool = False) -> float:
    """Density of N(mu, sigma^2) at x, or its natural log when log is True."""
    p = math.exp(-((x - mu) ** 2) / (2 * sigma**2)) / (sigma * math.sqrt(2 * math.pi))
    return math.log(p) if log else p
