def kfold_indices(n: int, k: int) -> list[tuple[list[int], list[int]]]:
    """Split indices 0..n-1 into k contiguous folds (no shuffling) and return
    one (train_indices, test_indices) pair per fold."""
    size = n // k
    folds = []
    for i in range(k):
        test = list(range(i * size, (i + 1) * size))
        train = [j for j in range(n) if j not in test]
        folds.append((train, test))
    return folds
