import math


def _nucleus(logits, p, temperature):
    """The renormalised nucleus distribution {index: probability}, computed independently."""
    top = max(logits)
    exps = [math.exp((z - top) / temperature) for z in logits]
    total = sum(exps)
    probs = [e / total for e in exps]
    order = sorted(range(len(probs)), key=lambda i: (-probs[i], i))
    kept, mass = [], 0.0
    for i in order:
        kept.append(i)
        mass += probs[i]
        if mass >= p:
            break
    return {i: probs[i] / mass for i in kept if probs[i] > 0}


def draws_follow_nucleus(fn, logits, p, temperature, trials):
    """Every draw is a nucleus index, and each index's frequency is within five standard
    errors of its renormalised probability."""
    target = _nucleus(logits, p, temperature)
    counts = {}
    for _ in range(trials):
        i = fn(list(logits), p, temperature)
        if isinstance(i, bool) or not isinstance(i, int):
            return f"returned {i!r}; expected an int index"
        if i not in target:
            return (
                f"drew index {i}, which is outside the nucleus {sorted(target)} "
                f"(logits={logits}, p={p}, temperature={temperature})"
            )
        counts[i] = counts.get(i, 0) + 1
    for i in sorted(target):
        q = target[i]
        freq = counts.get(i, 0) / trials
        allowed = 5 * math.sqrt(q * (1 - q) / trials) + 1e-9
        if abs(freq - q) > allowed:
            expected = ", ".join(f"{j}: {target[j]:.3f}" for j in sorted(target))
            seen = ", ".join(f"{j}: {counts.get(j, 0) / trials:.3f}" for j in sorted(target))
            return (
                f"index {i} was drawn with frequency {freq:.3f} in {trials} draws, expected about "
                f"{q:.3f}. Expected distribution {{{expected}}}, observed {{{seen}}}"
            )
    return None
