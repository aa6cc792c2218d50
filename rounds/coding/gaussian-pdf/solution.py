import math

_LOG_SQRT_2PI = 0.5 * math.log(2 * math.pi)


def gaussian_pdf(x: float, mu: float = 0.0, sigma: float = 1.0, log: bool = False) -> float:
    if not sigma > 0:  # also rejects nan
        raise ValueError("sigma must be positive")
    # Standardise first: (x - mu)^2 / (2 sigma^2) overflows to inf / inf when x and sigma
    # are both huge, while z itself is a modest number.
    z = (x - mu) / sigma
    # Work in log space: the log-density stays finite far in the tails, where the density
    # itself underflows to 0.0 and log(0.0) would fail.
    log_p = -0.5 * z * z - math.log(sigma) - _LOG_SQRT_2PI
    return log_p if log else math.exp(log_p)
