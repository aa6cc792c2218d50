class LRUCache:
    """Fixed-capacity cache that evicts the least recently used key. get and put in O(1)."""

    def __init__(self, capacity: int):
        self.capacity = capacity

    def get(self, key):
        """Return the value stored for key (and mark it used), or -1 if it is absent."""
        raise NotImplementedError

    def put(self, key, value) -> None:
        """Insert or update key; evict the least recently used key if the cache is over capacity."""
        raise NotImplementedError
