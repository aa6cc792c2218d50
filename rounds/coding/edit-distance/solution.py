def edit_distance(a: str | list[str], b: str | list[str]) -> int:
    # Keep the shorter sequence along the row: O(len(a) * len(b)) time, O(min) memory.
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))  # distance from the empty prefix of a to b[:j]
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(
                prev[j] + 1,             # delete x
                cur[j - 1] + 1,          # insert y
                prev[j - 1] + (x != y),  # substitute (free when equal)
            ))
        prev = cur
    return prev[-1]
