def linear_regression_gd(
    X: list[list[float]], y: list[float], lr: float, epochs: int
) -> tuple[list[float], float]:
    """Fit y ~ X w + b by full-batch gradient descent on the mean squared error,
    starting from w = 0, b = 0. Return (w, b)."""
    raise NotImplementedError
