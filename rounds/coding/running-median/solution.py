import heapq


class MedianStream:
    """Two heaps split the values at the median: a max-heap of the lower half (stored negated,
    since heapq is a min-heap) and a min-heap of the upper half. The lower half holds the extra
    value when the count is odd. add is O(log n); median is O(1)."""

    def __init__(self):
        self.low: list[float] = []   # negated values of the smaller half
        self.high: list[float] = []  # the larger half

    def add(self, x: float) -> None:
        # Route x through the lower half so that every value in low stays <= every value in high.
        heapq.heappush(self.low, -x)
        heapq.heappush(self.high, -heapq.heappop(self.low))
        # Rebalance so that len(low) is len(high) or len(high) + 1.
        if len(self.high) > len(self.low):
            heapq.heappush(self.low, -heapq.heappop(self.high))

    def median(self) -> float:
        if not self.low:
            raise ValueError("median of an empty stream")
        if len(self.low) > len(self.high):
            return float(-self.low[0])
        return (-self.low[0] + self.high[0]) / 2
