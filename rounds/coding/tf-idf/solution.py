import math
from collections import Counter


def tf_idf(docs: list[list[str]], normalize: bool = True) -> list[dict[str, float]]:
    n = len(docs)
    # Document frequency: count each term once per document that contains it.
    df = Counter()
    for doc in docs:
        df.update(set(doc))
    idf = {term: math.log((1 + n) / (1 + count)) + 1 for term, count in df.items()}
    vectors = []
    for doc in docs:
        vec = {term: count * idf[term] for term, count in Counter(doc).items()}
        if normalize and vec:
            norm = math.sqrt(sum(w * w for w in vec.values()))
            vec = {term: w / norm for term, w in vec.items()}
        vectors.append(vec)
    return vectors
