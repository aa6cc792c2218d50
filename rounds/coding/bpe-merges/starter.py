from collections import Counter


def learn_bpe(word_freqs: dict[str, int], num_merges: int) -> list[tuple[str, str]]:
    """Learn up to num_merges byte-pair-encoding merges.

    word_freqs maps each word to how often it occurs; every word starts as its list of
    characters. Each step merges the adjacent symbol pair with the highest total count
    (ties: the smallest (left, right) pair in string order) everywhere, left to right.
    Returns the merges in the order they were learned.
    """
    raise NotImplementedError
