import math


def activate(name: str, xs: list[float], approximate: str = "none") -> list[float]:
    """Apply the activation `name` ("relu", "sigmoid" or "gelu") to every value in xs.

    For "gelu", approximate="none" means the exact erf form and approximate="tanh" the
    tanh approximation. Unknown names or modes raise ValueError.
    """
    if name == "relu":
        return [max(0.0, x) for x in xs]
    if name == "sigmoid":
        return [1.0 / (1.0 + math.exp(-x)) for x in xs]
    raise NotImplementedError("gelu is not written yet")
