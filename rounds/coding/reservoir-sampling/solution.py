import random
from typing import Iterable


def reservoir_sample(stream: Iterable, k: int) -> list:
    if k < 0:
        raise ValueError("k must be non-negative")
    reservoir = []
    for i, item in enumerate(stream):
        if i < k:
            reservoir.append(item)  # the first k items fill the reservoir, in order
        else:
            # Item i (0-based) is the (i+1)-th seen: keep it with probability k / (i + 1),
            # evicting a uniformly chosen slot. By induction every item seen so far is in
            # the reservoir with probability k / (i + 1).
            j = random.randrange(i + 1)
            if j < k:
                reservoir[j] = item
    return reservoir
