import math


def kl_gaussians(mu1: float, sigma1: float, mu2: float, sigma2: float) -> float:
    """KL( N(mu1, sigma1^2) || N(mu2, sigma2^2) ) in nats; sigmas are standard deviations."""
    return (
        math.log(sigma2 / sigma1)
        + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2)
        - 0.5
    )
