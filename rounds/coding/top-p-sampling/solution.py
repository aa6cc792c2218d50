import math
import random


def top_p_sample(logits: list[float], p: float, temperature: float = 1.0) -> int:
    if not logits:
        raise ValueError("empty logits")
    if not 0.0 < p <= 1.0:
        raise ValueError("p must be in (0, 1]")
    if temperature < 0:
        raise ValueError("temperature must be >= 0")
    top = max(logits)
    if top == -math.inf:
        raise ValueError("every token is masked")
    if temperature == 0:
        return logits.index(top)  # greedy; index() gives the lowest index on ties
    # Stable softmax of logits / T (a -inf logit gets probability exactly 0).
    exps = [math.exp((z - top) / temperature) for z in logits]
    total = sum(exps)
    probs = [e / total for e in exps]
    # Most probable first; equal probabilities keep the lower index first.
    order = sorted(range(len(probs)), key=lambda i: (-probs[i], i))
    nucleus, mass = [], 0.0
    for i in order:
        nucleus.append(i)
        mass += probs[i]
        if mass >= p:
            break
    # Draw from the nucleus renormalised: scale a uniform draw by the nucleus mass.
    r = random.random() * mass
    acc = 0.0
    for i in nucleus:
        acc += probs[i]
        if r < acc:
            return i
    # Reached only when round-off makes r == mass: take the last nucleus token with mass.
    return [i for i in nucleus if probs[i] > 0][-1]
