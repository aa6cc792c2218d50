import math


def adam(
    w0: list[float],
    grads: list[list[float]],
    lr: float = 0.001,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
) -> list[list[float]]:
    w = [float(x) for x in w0]
    m = [0.0] * len(w)  # first moment: running mean of gradients
    v = [0.0] * len(w)  # second moment: running mean of squared gradients
    trajectory = []
    for t, g in enumerate(grads, start=1):
        m = [beta1 * mi + (1 - beta1) * gi for mi, gi in zip(m, g)]
        v = [beta2 * vi + (1 - beta2) * gi * gi for vi, gi in zip(v, g)]
        # m and v start at 0, so early on they are biased toward 0 by a factor (1 - beta^t);
        # dividing by it removes the bias.
        c1 = 1 - beta1**t
        c2 = 1 - beta2**t
        w = [wi - lr * (mi / c1) / (math.sqrt(vi / c2) + eps) for wi, mi, vi in zip(w, m, v)]
        trajectory.append(w)
    return trajectory
