# Property checks for inverted dropout. Each returns None when the output is fine, or a string
# saying what is wrong. Tolerances are 5 standard deviations of the binomial noise, so a correct
# solution fails with negligible probability whatever way it draws its random numbers.
import math


def _inputs(n):
    # Distinct non-zero values of both signs, so a dropped 0 is never confused with a kept value.
    return [((i * 37) % 11) - 5 + 0.25 for i in range(n)]


def _check_output(xs, out, p_keep):
    if not isinstance(out, (list, tuple)):
        return f"expected a list, got {type(out).__name__}"
    if len(out) != len(xs):
        return f"expected {len(xs)} values, got {len(out)}"
    for i, (x, y) in enumerate(zip(xs, out)):
        if y == 0:
            continue
        if not math.isclose(y, x / p_keep, rel_tol=1e-9, abs_tol=1e-12):
            return (f"element {i}: input {x} became {y}; a kept value must be x / p_keep = "
                    f"{x / p_keep}, a dropped one 0")
    return None


def _fraction_problem(kept, n, p_keep, what):
    frac = kept / n
    sd = math.sqrt(p_keep * (1 - p_keep) / n)
    if abs(frac - p_keep) > 5 * sd + 1e-12:
        return (f"{what}: kept {kept} of {n} values ({frac:.4f}); with p_keep = {p_keep} "
                f"expected about {p_keep:.4f} (+/- {5 * sd:.4f})")
    return None


def kept_fraction_and_scaling(fn, n, p_keep):
    """Every output is 0 or x / p_keep; about p_keep of them are kept, in both halves."""
    xs = _inputs(n)
    before = list(xs)
    out = fn(xs, p_keep, True)
    if xs != before:
        return "the input list was modified; return a new list"
    problem = _check_output(xs, out, p_keep)
    if problem:
        return problem
    half = n // 2
    kept_first = sum(1 for y in out[:half] if y != 0)
    kept_second = sum(1 for y in out[half:] if y != 0)
    return (_fraction_problem(kept_first + kept_second, n, p_keep, "overall")
            or _fraction_problem(kept_first, half, p_keep, "first half")
            or _fraction_problem(kept_second, n - half, p_keep, "second half"))


def mean_preserved(fn, n, p_keep, value):
    """With every input equal to value, the output mean stays close to value."""
    xs = [value] * n
    out = fn(xs, p_keep, True)
    problem = _check_output(xs, out, p_keep)
    if problem:
        return problem
    mean = sum(out) / n
    sd = abs(value) * math.sqrt((1 - p_keep) / (p_keep * n))
    if abs(mean - value) > 5 * sd + 1e-9:
        return (f"the mean of the output is {mean:.4f}, but inverted dropout keeps the mean at "
                f"{value} (+/- {5 * sd:.4f})")
    return None


def fresh_mask_each_call(fn, n, p_keep):
    """Two calls draw two different random masks."""
    xs = _inputs(n)
    first = fn(xs, p_keep, True)
    second = fn(xs, p_keep, True)
    problem = _check_output(xs, first, p_keep) or _check_output(xs, second, p_keep)
    if problem:
        return problem
    if list(first) == list(second):
        return "two calls dropped exactly the same positions; draw a new random mask on every call"
    mask_first = [y != 0 for y in first]
    mask_second = [y != 0 for y in second]
    both = sum(1 for a, b in zip(mask_first, mask_second) if a and b)
    # Independent masks keep a position in both calls with probability p_keep^2.
    return _fraction_problem(both, n, p_keep * p_keep, "kept in both calls")
