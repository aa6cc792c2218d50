import math


def _l2_norm(values: list[float]) -> float:
    # Scale by the largest magnitude before squaring: x * x overflows to inf above ~1e154
    # and underflows to 0 below ~1e-162, but (x / biggest) ** 2 stays in [0, 1].
    biggest = max((abs(x) for x in values), default=0.0)
    if biggest == 0.0:
        return 0.0
    return biggest * math.sqrt(sum((x / biggest) ** 2 for x in values))


def clip_grad_norm(grads: list[list[float]], max_norm: float) -> tuple[list[list[float]], float]:
    if max_norm <= 0:
        raise ValueError("max_norm must be positive")
    # One norm over every parameter's gradient together, not one per vector: clipping then
    # rescales the whole update and keeps its direction.
    total = _l2_norm([x for g in grads for x in g])
    if total <= max_norm:
        return [list(g) for g in grads], total  # within budget (this covers all-zero grads)
    factor = max_norm / total
    return [[x * factor for x in g] for g in grads], total
