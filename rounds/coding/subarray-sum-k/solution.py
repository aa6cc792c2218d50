from collections import defaultdict


def count_subarrays_with_sum(values: list[int], k: int) -> int:
    # A window values[i:j] sums to k exactly when prefix[j] - prefix[i] == k, so for each
    # prefix sum we count how many earlier prefix sums equal prefix - k.
    seen = defaultdict(int)
    seen[0] = 1  # the empty prefix, so windows starting at index 0 are counted
    prefix = 0
    count = 0
    for v in values:
        prefix += v
        count += seen[prefix - k]
        seen[prefix] += 1  # after the lookup, so an empty window is never counted when k == 0
    return count
