def knn_predict(
    train_X: list[list[float]], train_y: list, queries: list[list[float]], k: int
) -> list:
    """Predict a label for every query by a majority vote of its k nearest
    training points (Euclidean distance); see the statement for tie rules."""
    raise NotImplementedError
