import math


def adam(
    w0: list[float],
    grads: list[list[float]],
    lr: float = 0.001,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
) -> list[list[float]]:
    """Apply one Adam step per gradient in grads, starting from w0, and return the parameters
    after every step (one list per step)."""
    w = list(w0)
    m = [0.0] * len(w)
    v = [0.0] * len(w)
    trajectory = []
    for g in grads:
        m = [beta1 * mi + (1 - beta1) * gi for mi, gi in zip(m, g)]
        v = [beta2 * vi + (1 - beta2) * gi * gi for vi, gi in zip(v, g)]
        # TODO: bias correction is missing
        w = [wi - lr * mi / (math.sqrt(vi) + eps) for wi, mi, vi in zip(w, m, v)]
        trajectory.append(w)
    return trajectory
