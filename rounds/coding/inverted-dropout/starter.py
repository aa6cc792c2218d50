import random


def dropout(xs: list[float], p_keep: float, training: bool = True) -> list[float]:
    """Inverted dropout: in training, keep each value with probability p_keep and divide the
    kept values by p_keep; set the others to 0. With training=False return the values unchanged.
    Raise ValueError unless 0 < p_keep <= 1."""
    raise NotImplementedError
