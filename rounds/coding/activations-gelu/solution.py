import math

_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)


def _sigmoid(x: float) -> float:
    # Only ever exponentiate a non-positive number, so exp never overflows.
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def _gelu_exact(x: float) -> float:
    # x * Phi(x) with Phi(x) = erfc(-x / sqrt 2) / 2. erfc keeps precision in the far-left
    # tail, where 1 + erf(x / sqrt 2) would cancel to zero.
    return 0.5 * x * math.erfc(-x / math.sqrt(2.0))


def _gelu_tanh(x: float) -> float:
    inner = _SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)
    return 0.5 * x * (1.0 + math.tanh(inner))


def activate(name: str, xs: list[float], approximate: str = "none") -> list[float]:
    if approximate not in ("none", "tanh"):
        raise ValueError(f"unknown approximate mode: {approximate!r}")
    if name == "relu":
        fn = lambda x: x if x > 0 else 0.0
    elif name == "sigmoid":
        fn = _sigmoid
    elif name == "gelu":
        fn = _gelu_tanh if approximate == "tanh" else _gelu_exact
    else:
        raise ValueError(f"unknown activation: {name!r}")
    return [fn(x) for x in xs]
