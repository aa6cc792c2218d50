import math
from collections import Counter


def tf_idf(docs: list[list[str]], normalize: bool = True) -> list[dict[str, float]]:
    """TF-IDF vectors, one sparse dict per document.

    weight(t, d) = count(t in d) * (ln((1 + N) / (1 + df(t))) + 1), where N is the number
    of documents and df(t) the number of documents containing t. With normalize, each
    non-empty vector is divided by its Euclidean norm.
    """
    raise NotImplementedError
