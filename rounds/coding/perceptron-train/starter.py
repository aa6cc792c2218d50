def train_perceptron(
    X: list[list[float]], y: list[int], epochs: int
) -> tuple[list[float], float, int]:
    """Train the classic perceptron (labels -1/+1) for a fixed number of epochs
    over the samples in order. Return (w, b, number_of_mistakes)."""
    raise NotImplementedError
