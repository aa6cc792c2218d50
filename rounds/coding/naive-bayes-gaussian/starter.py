import math


class GaussianNaiveBayes:
    """Gaussian naive Bayes: fit(X, y) stores per-class priors, means and
    variances; predict_log_proba and predict score new rows."""

    def __init__(self, var_smoothing: float = 1e-9):
        self.var_smoothing = var_smoothing

    def fit(self, X: list[list[float]], y: list[int]) -> None:
        raise NotImplementedError

    def predict_log_proba(self, X: list[list[float]]) -> list[list[float]]:
        raise NotImplementedError

    def predict(self, X: list[list[float]]) -> list[int]:
        raise NotImplementedError
