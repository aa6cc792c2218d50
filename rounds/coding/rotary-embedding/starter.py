import math


def apply_rope(
    xs: list[list[float]], positions: list[float], base: float = 10000.0
) -> list[list[float]]:
    """Rotary position embedding (RoPE).

    Vector xs[k] sits at position positions[k]. For each pair of coordinates (2i, 2i+1)
    of a d-dimensional vector, rotate the 2-D point (x[2i], x[2i+1]) by the angle
    position * base^(-2i/d). Raise ValueError on an odd length or when xs and positions
    differ in length.
    """
    raise NotImplementedError
