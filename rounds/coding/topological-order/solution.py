import heapq


def topological_order(n: int, edges: list[list[int]]) -> list[int]:
    # Kahn's algorithm: repeatedly run a task whose prerequisites have all run.
    successors: list[list[int]] = [[] for _ in range(n)]
    indegree = [0] * n
    for before, after in edges:
        successors[before].append(after)
        indegree[after] += 1  # duplicate edges are counted twice and released twice: still correct
    # A min-heap of ready tasks gives the smallest-numbered ready task at every step.
    ready = [task for task in range(n) if indegree[task] == 0]
    heapq.heapify(ready)
    order: list[int] = []
    while ready:
        task = heapq.heappop(ready)
        order.append(task)
        for nxt in successors[task]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                heapq.heappush(ready, nxt)
    # Tasks on or behind a cycle never become ready, so a short order means a cycle.
    return order if len(order) == n else []
