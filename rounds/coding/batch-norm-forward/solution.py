import math


def batch_norm_train(
    x: list[list[float]],
    gamma: list[float],
    beta: list[float],
    running_mean: list[float],
    running_var: list[float],
    momentum: float = 0.1,
    eps: float = 1e-5,
) -> tuple[list[list[float]], list[float], list[float]]:
    n = len(x)
    d = len(gamma)
    if n < 2:
        # The unbiased variance for the running estimate needs at least two samples.
        raise ValueError("training-mode batch norm needs at least 2 examples")
    if any(len(v) != d for v in (beta, running_mean, running_var)) or any(len(row) != d for row in x):
        raise ValueError("every row and parameter must have one value per feature")

    # Per-feature statistics over the batch (column-wise), two-pass for accuracy.
    cols = list(zip(*x))
    means = [sum(c) / n for c in cols]
    sq_dev = [sum((v - m) * (v - m) for v in c) for c, m in zip(cols, means)]
    var_biased = [s / n for s in sq_dev]          # used to normalize this batch
    var_unbiased = [s / (n - 1) for s in sq_dev]  # used for the running estimate

    inv_std = [1.0 / math.sqrt(v + eps) for v in var_biased]
    y = [
        [g * (v - m) * s + b for v, m, s, g, b in zip(row, means, inv_std, gamma, beta)]
        for row in x
    ]

    # Exponential moving averages: new = (1 - momentum) * old + momentum * batch statistic.
    new_mean = [(1 - momentum) * r + momentum * m for r, m in zip(running_mean, means)]
    new_var = [(1 - momentum) * r + momentum * v for r, v in zip(running_var, var_unbiased)]
    return y, new_mean, new_var
