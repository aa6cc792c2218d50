from collections import deque


def shortest_path(grid: list[list[int]], start: list[int], goal: list[int]) -> int:
    rows, cols = len(grid), len(grid[0])
    sr, sc = start
    gr, gc = goal
    if grid[sr][sc] == 1 or grid[gr][gc] == 1:
        return -1
    if (sr, sc) == (gr, gc):
        return 0
    # BFS visits cells in order of distance, so the first time we reach the goal is the shortest.
    dist = [[-1] * cols for _ in range(rows)]
    dist[sr][sc] = 0
    queue = deque([(sr, sc)])
    while queue:
        r, c = queue.popleft()
        d = dist[r][c] + 1
        for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] == 0 and dist[nr][nc] < 0:
                if (nr, nc) == (gr, gc):
                    return d
                # Mark when enqueued, not when popped, so no cell enters the queue twice.
                dist[nr][nc] = d
                queue.append((nr, nc))
    return -1
