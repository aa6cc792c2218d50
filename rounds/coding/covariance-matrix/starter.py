def covariance_matrix(X: list[list[float]]) -> list[list[float]]:
    """Sample covariance (divide by n - 1) of the features of X.

    X is n x d: each row is one observation, each column one feature. Return d x d."""
    raise NotImplementedError
