import math


def apply_rope(
    xs: list[list[float]], positions: list[float], base: float = 10000.0
) -> list[list[float]]:
    if len(xs) != len(positions):
        raise ValueError("one position per vector")
    out = []
    for x, pos in zip(xs, positions):
        d = len(x)
        if d % 2 != 0:
            raise ValueError("vector length must be even")
        y = []
        for i in range(d // 2):
            # Pair (2i, 2i+1) is a point in the plane, rotated by pos * theta_i.
            angle = pos * base ** (-2 * i / d)
            c, s = math.cos(angle), math.sin(angle)
            a, b = x[2 * i], x[2 * i + 1]
            y.append(a * c - b * s)
            y.append(a * s + b * c)
        out.append(y)
    return out
