def min_capacity(batch_sizes: list[int], days: int) -> int:
    if not batch_sizes:
        return 0

    def days_needed(capacity: int) -> int:
        # Greedy: fill each day as far as it goes; starting a new day earlier never helps.
        used, total = 1, 0
        for size in batch_sizes:
            if total + size > capacity:
                used += 1
                total = 0
            total += size
        return used

    # Feasibility is monotone in capacity, so binary-search the smallest feasible value.
    # max(sizes) is the least that can hold every batch; sum(sizes) always fits in one day.
    lo, hi = max(batch_sizes), sum(batch_sizes)
    while lo < hi:
        mid = (lo + hi) // 2
        if days_needed(mid) <= days:
            hi = mid
        else:
            lo = mid + 1
    return lo
