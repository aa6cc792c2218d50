import math


def regression_metrics(y_true: list[float], y_pred: list[float]) -> dict[str, float]:
    """Return {"r2": ..., "rmse": ..., "mae": ...} for the predictions."""
    n = len(y_true)
    mean = sum(y_true) / n
    ss_tot = sum(t * t for t in y_true) - n * mean * mean
    ss_res = sum((t - p) ** 2 for t, p in zip(y_true, y_pred))
    mae = sum(abs(t - p) for t, p in zip(y_true, y_pred)) / n
    return {"r2": 1 - ss_res / ss_tot, "rmse": math.sqrt(ss_res / n), "mae": mae}
