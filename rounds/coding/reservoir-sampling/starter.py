import random
from typing import Iterable


def reservoir_sample(stream: Iterable, k: int) -> list:
    """A uniform random sample of k items from a one-pass stream of unknown length."""
    raise NotImplementedError
