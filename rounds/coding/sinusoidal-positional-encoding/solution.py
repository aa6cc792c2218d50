import math


def positional_encoding(n: int, d: int, base: float = 10000.0) -> list[list[float]]:
    if d <= 0 or d % 2 != 0:
        raise ValueError("d must be a positive even number")
    if n < 0:
        raise ValueError("n must be non-negative")
    # One frequency per (sin, cos) pair: omega_i = base^(-2i/d), from 1 down towards 1/base.
    freqs = [base ** (-2 * i / d) for i in range(d // 2)]
    table = []
    for pos in range(n):
        row = []
        for w in freqs:
            angle = pos * w
            row.append(math.sin(angle))  # even column 2i
            row.append(math.cos(angle))  # odd column 2i + 1
        table.append(row)
    return table
