def beam_search(
    table: dict[str, dict[str, float]],
    beam_width: int,
    max_len: int,
    eos: str = "</s>",
    alpha: float = 0.0,
) -> tuple[list[str], float]:
    if beam_width < 1 or max_len < 1:
        raise ValueError("beam_width and max_len must be at least 1")
    beams = [([], 0.0)]  # alive hypotheses: (tokens, summed log-prob)
    finished = []
    for _ in range(max_len):
        candidates = [
            (tokens + [tok], score + logp)
            for tokens, score in beams
            for tok, logp in table[" ".join(tokens)].items()
        ]
        # Prune on the raw score; equal scores keep the lexicographically smaller sequence.
        candidates.sort(key=lambda c: (-c[1], c[0]))
        beams = []
        for tokens, score in candidates[:beam_width]:
            # A hypothesis that emitted EOS is complete and leaves the beam.
            (finished if tokens[-1] == eos else beams).append((tokens, score))
        if not beams:
            break
    finished.extend(beams)  # hypotheses cut off by max_len compete too

    def normalised(h):
        return h[1] / len(h[0]) ** alpha

    # Highest normalised score; ties go to the lexicographically smaller sequence.
    best = min(finished, key=lambda h: (-normalised(h), h[0]))
    return best[0], best[1]
