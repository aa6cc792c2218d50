def kfold_indices(n: int, k: int) -> list[tuple[list[int], list[int]]]:
    if not 2 <= k <= n:
        raise ValueError("need 2 <= k <= n")
    base, extra = divmod(n, k)
    folds = []
    start = 0
    for i in range(k):
        size = base + (1 if i < extra else 0)  # the first n % k folds get one more
        stop = start + size
        test = list(range(start, stop))
        # Everything before and after the contiguous test block, already in order: O(n) per fold.
        train = list(range(0, start)) + list(range(stop, n))
        folds.append((train, test))
        start = stop
    return folds
