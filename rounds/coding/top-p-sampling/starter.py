import math
import random


def top_p_sample(logits: list[float], p: float, temperature: float = 1.0) -> int:
    """Nucleus (top-p) sampling: return the index of one sampled token.

    Divide the logits by temperature (0 means greedy: the argmax, lowest index on ties),
    softmax, keep the smallest set of most probable tokens whose total probability is
    at least p, renormalise over that set and draw one token with Python's random.
    """
    # Samples from the whole distribution: the nucleus is never applied yet.
    scaled = [z / temperature for z in logits]
    top = max(scaled)
    weights = [math.exp(z - top) for z in scaled]
    return random.choices(range(len(logits)), weights=weights)[0]
