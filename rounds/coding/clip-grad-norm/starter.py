import math


def clip_grad_norm(grads: list[list[float]], max_norm: float) -> tuple[list[list[float]], float]:
    """Clip a list of gradient vectors by their global L2 norm.

    Return (clipped_grads, total_norm) where total_norm is the norm before clipping.
    """
    clipped = []
    for g in grads:
        norm = math.sqrt(sum(x * x for x in g))
        factor = max_norm / norm
        clipped.append([x * factor for x in g] if norm > max_norm else list(g))
    return clipped, norm
