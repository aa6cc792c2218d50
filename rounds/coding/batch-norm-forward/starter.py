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
    """Batch norm forward in training mode.

    Normalize each feature (column) of x with the batch mean and biased variance, apply gamma
    and beta, and update the running statistics (running variance uses the unbiased variance).
    Return (y, new_running_mean, new_running_var).
    """
    raise NotImplementedError
