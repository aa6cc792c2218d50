import random


def dropout(xs: list[float], p_keep: float, training: bool = True) -> list[float]:
    if not 0.0 < p_keep <= 1.0:
        raise ValueError("p_keep must be in (0, 1]")
    if not training:
        # At inference the layer is the identity: the 1/p_keep scaling already happened in
        # training, so nothing needs rescaling here.
        return list(xs)
    scale = 1.0 / p_keep
    # Keep each unit independently with probability p_keep; dividing the survivors by p_keep
    # makes E[output] = p_keep * (x / p_keep) = x.
    return [x * scale if random.random() < p_keep else 0.0 for x in xs]
