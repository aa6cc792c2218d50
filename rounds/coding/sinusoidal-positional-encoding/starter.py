import math


def positional_encoding(n: int, d: int, base: float = 10000.0) -> list[list[float]]:
    """The n x d sinusoidal positional-encoding table.

    PE[pos][2i] = sin(pos / base^(2i/d)) and PE[pos][2i+1] = cos(pos / base^(2i/d)).
    Raise ValueError unless d is a positive even number and n >= 0.
    """
    raise NotImplementedError
