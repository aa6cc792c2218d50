import math


def regression_metrics(y_true: list[float], y_pred: list[float]) -> dict[str, float]:
    n = len(y_true)
    if n == 0 or n != len(y_pred):
        raise ValueError("need two non-empty lists of the same length")
    errors = [p - t for t, p in zip(y_true, y_pred)]
    ss_res = math.fsum(e * e for e in errors)
    mae = math.fsum(abs(e) for e in errors) / n
    rmse = math.sqrt(ss_res / n)
    if all(t == y_true[0] for t in y_true):
        # Constant target: R^2 is 0/0. Perfect predictions score 1, anything else 0.
        r2 = 1.0 if ss_res == 0 else 0.0
    else:
        # Two passes (mean first, then squared deviations) avoid the cancellation of
        # sum(y^2) - n * mean^2 when the targets share a large offset.
        mean = math.fsum(y_true) / n
        ss_tot = math.fsum((t - mean) ** 2 for t in y_true)
        r2 = 1.0 - ss_res / ss_tot
    return {"r2": r2, "rmse": rmse, "mae": mae}
