class MedianStream:
    """Running median of a stream of numbers."""

    def __init__(self):
        self.values = []

    def add(self, x: float) -> None:
        self.values.append(x)

    def median(self) -> float:
        """Median of all values added so far (mean of the two middle ones for an even count)."""
        raise NotImplementedError
