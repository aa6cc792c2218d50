from collections import Counter


def learn_bpe(word_freqs: dict[str, int], num_merges: int) -> list[tuple[str, str]]:
    # Work on distinct words, each a list of symbols, weighted by its frequency:
    # never expand a word freq times.
    words = [(list(word), freq) for word, freq in word_freqs.items() if len(word) > 1]
    merges = []
    for _ in range(num_merges):
        counts = Counter()
        for symbols, freq in words:
            for pair in zip(symbols, symbols[1:]):
                counts[pair] += freq
        if not counts:
            break  # every word is a single symbol: nothing left to merge
        # Most frequent pair; ties go to the smallest (left, right) in string order.
        a, b = min(counts, key=lambda pair: (-counts[pair], pair))
        merges.append((a, b))
        joined = a + b
        for symbols, _ in words:
            # Replace occurrences left to right, without overlap ("a a a" -> "aa a").
            out, i = [], 0
            while i < len(symbols):
                if i + 1 < len(symbols) and symbols[i] == a and symbols[i + 1] == b:
                    out.append(joined)
                    i += 2
                else:
                    out.append(symbols[i])
                    i += 1
            symbols[:] = out
    return merges
