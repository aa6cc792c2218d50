import math


def kl_gaussians(mu1: float, sigma1: float, mu2: float, sigma2: float) -> float:
    if not (sigma1 > 0 and sigma2 > 0):  # also rejects nan
        raise ValueError("standard deviations must be positive")
    # Write everything in terms of t = log(sigma1 / sigma2) and d = (mu1 - mu2) / sigma2:
    # KL = (exp(2t) - 1 - 2t) / 2 + d^2 / 2.
    # Taking logs separately keeps sigma1 / sigma2 from overflowing, sigma^2 never
    # appears on its own, and expm1 keeps the tiny value exact when the sigmas are close.
    t = math.log(sigma1) - math.log(sigma2)
    d = (mu1 - mu2) / sigma2
    return 0.5 * (math.expm1(2 * t) - 2 * t) + 0.5 * d * d
