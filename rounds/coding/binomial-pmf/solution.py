import math


def binomial_pmf(k: int, n: int, p: float, log: bool = False) -> float:
    if n < 0:
        raise ValueError("n must be non-negative")
    if not 0.0 <= p <= 1.0:  # also rejects nan
        raise ValueError("p must lie in [0, 1]")
    if k < 0 or k > n:
        log_pmf = -math.inf  # impossible outcome
    elif p == 0.0 or p == 1.0:
        # Degenerate: all failures or all successes. Handled apart because log(0) fails.
        certain = 0 if p == 0.0 else n
        log_pmf = 0.0 if k == certain else -math.inf
    else:
        # log C(n, k) via lgamma: C(n, k) overflows a float for n in the thousands, and
        # p^k underflows, but their logs are moderate numbers. log1p(-p) keeps digits when p
        # is tiny.
        log_choose = math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
        log_pmf = log_choose + k * math.log(p) + (n - k) * math.log1p(-p)
    if log:
        return log_pmf
    return math.exp(log_pmf)
