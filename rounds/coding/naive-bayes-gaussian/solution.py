import math


class GaussianNaiveBayes:
    def __init__(self, var_smoothing: float = 1e-9):
        self.var_smoothing = var_smoothing

    def fit(self, X: list[list[float]], y: list[int]) -> None:
        self.classes = sorted(set(y))
        n, d = len(X), len(X[0])
        self.log_priors, self.means, self.vars = [], [], []
        for c in self.classes:
            rows = [x for x, label in zip(X, y) if label == c]
            m = len(rows)
            mean = [sum(r[j] for r in rows) / m for j in range(d)]
            # Population variance (divide by m), plus epsilon so a constant feature
            # does not divide by zero.
            var = [sum((r[j] - mean[j]) ** 2 for r in rows) / m + self.var_smoothing for j in range(d)]
            self.log_priors.append(math.log(m / n))
            self.means.append(mean)
            self.vars.append(var)

    def _joint_log_likelihood(self, x: list[float]) -> list[float]:
        # log P(c) + sum_j log N(x_j; mu_cj, var_cj), all in log space: a product of
        # densities underflows to 0 long before its logarithm loses precision.
        out = []
        for lp, mean, var in zip(self.log_priors, self.means, self.vars):
            s = lp
            for xj, mu, v in zip(x, mean, var):
                s -= 0.5 * math.log(2 * math.pi * v) + (xj - mu) ** 2 / (2 * v)
            out.append(s)
        return out

    def predict_log_proba(self, X: list[list[float]]) -> list[list[float]]:
        result = []
        for x in X:
            joint = self._joint_log_likelihood(x)
            top = max(joint)  # log-sum-exp, shifted by the maximum
            log_evidence = top + math.log(sum(math.exp(j - top) for j in joint))
            result.append([j - log_evidence for j in joint])
        return result

    def predict(self, X: list[list[float]]) -> list[int]:
        preds = []
        for x in X:
            joint = self._joint_log_likelihood(x)
            # max() keeps the first maximum, and classes are sorted: ties go to the smallest label.
            best = max(range(len(joint)), key=lambda i: joint[i])
            preds.append(self.classes[best])
        return preds
