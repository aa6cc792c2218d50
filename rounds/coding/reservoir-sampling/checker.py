# Property checks for reservoir sampling. Each returns None when the sample looks right and a
# sentence describing the problem otherwise. The streams are one-pass generators, so a
# solution cannot call len() on them or index into them.
import math
from itertools import combinations


def _stream(n):
    return (x for x in range(n))


def check_sample_shape(fn, n, k):
    """One draw: k distinct items, all taken from the stream."""
    got = fn(_stream(n), k)
    if not isinstance(got, list):
        return f"expected a list, got {type(got).__name__}"
    if len(got) != min(n, k):
        return f"a stream of {n} items with k = {k} must give {min(n, k)} items, got {len(got)}"
    if len(set(got)) != len(got):
        return f"the sample repeats an item: {sorted(got)}"
    if any(not isinstance(x, int) or not 0 <= x < n for x in got):
        return f"the sample contains items that are not in the stream: {got}"
    return None


def check_short_stream(fn, n, k):
    """A stream of n <= k items comes back whole and in stream order."""
    got = fn(_stream(n), k)
    if got != list(range(n)):
        return f"a stream of {n} items with k = {k} must come back whole and in order, got {got}"
    return None


def check_inclusion_uniform(fn, n, k, trials):
    """Every item must land in the sample with probability k / n."""
    counts = [0] * n
    for _ in range(trials):
        sample = fn(_stream(n), k)
        if len(sample) != k:
            return f"expected {k} items per sample, got {len(sample)}"
        for x in sample:
            counts[x] += 1
    q = k / n
    mean = trials * q
    sd = math.sqrt(trials * q * (1 - q))
    worst = max(range(n), key=lambda i: abs(counts[i] - mean))
    z = (counts[worst] - mean) / sd
    # 4.5 standard deviations: a correct sampler fails this about once in 10^4 runs.
    if abs(z) > 4.5:
        freq = [round(c / trials, 3) for c in counts]
        return (
            f"over {trials} samples each item should be chosen with probability {q:.3f}; "
            f"observed frequencies {freq} (item {worst} is {z:+.1f} standard deviations off)"
        )
    return None


def check_subsets_uniform(fn, n, k, trials):
    """Every k-subset must be equally likely, not just every single item."""
    subsets = list(combinations(range(n), k))
    counts = dict.fromkeys(subsets, 0)
    for _ in range(trials):
        key = tuple(sorted(fn(_stream(n), k)))
        if key not in counts:
            return f"{list(key)} is not a set of {k} distinct items from the stream"
        counts[key] += 1
    expected = trials / len(subsets)
    chi2 = sum((c - expected) ** 2 / expected for c in counts.values())
    df = len(subsets) - 1
    # Mean df and sd sqrt(2 df); the limit df + 6.5 sd is far in the tail for a correct sampler.
    limit = df + 6.5 * math.sqrt(2 * df)
    if chi2 > limit:
        seen = sorted(counts.items(), key=lambda kv: kv[1])
        return (
            f"the {len(subsets)} possible samples should be equally likely ({expected:.0f} each over "
            f"{trials} draws); least and most frequent: {list(seen[0][0])} x{seen[0][1]}, "
            f"{list(seen[-1][0])} x{seen[-1][1]} (chi-square {chi2:.0f}, limit {limit:.0f})"
        )
    return None
