from collections import Counter

TIE_EPS = 1e-12


def best_gini_split(values: list[float], labels: list) -> tuple[float, float] | None:
    pairs = sorted(zip(values, labels), key=lambda p: p[0])  # O(n log n)
    n = len(pairs)
    right = Counter(labels)
    left = Counter()
    # n_S * Gini(S) = n_S - sum_c count_c^2 / n_S, so keep the sums of squared counts
    # and update them in O(1) as one point moves from the right side to the left.
    sq_left, sq_right = 0, sum(c * c for c in right.values())
    best = None
    for i in range(n - 1):
        x, lab = pairs[i]
        sq_left += 2 * left[lab] + 1  # (c + 1)^2 - c^2
        left[lab] += 1
        sq_right -= 2 * right[lab] - 1  # (c - 1)^2 - c^2
        right[lab] -= 1
        nxt = pairs[i + 1][0]
        if x == nxt:
            continue  # not a boundary: equal values always fall on the same side
        n_left, n_right = i + 1, n - i - 1
        impurity = (n_left - sq_left / n_left + n_right - sq_right / n_right) / n
        # Thresholds arrive in increasing order; a later one must be clearly better to win.
        if best is None or impurity < best[1] - TIE_EPS:
            best = ((x + nxt) / 2, impurity)
    return best  # None when there are fewer than two distinct values
