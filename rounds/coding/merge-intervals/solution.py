def merge_intervals(intervals: list[list[float]]) -> list[list[float]]:
    # Sorting by start means any interval that can merge with the current block comes next.
    merged: list[list[float]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            # Overlapping or touching (start == previous end): extend the current block.
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])  # a fresh list, so the caller's input is never mutated
    return merged
