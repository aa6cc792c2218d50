class _Node:
    __slots__ = ("key", "value", "prev", "next")

    def __init__(self, key=None, value=None):
        self.key = key
        self.value = value
        self.prev = None
        self.next = None


class LRUCache:
    """A hash map from key to node plus a doubly linked list ordered by recency.

    The map finds a node in O(1); the list moves or removes it in O(1). (collections.OrderedDict
    with move_to_end and popitem(last=False) is the same structure, ready-made.)
    """

    def __init__(self, capacity: int):
        self.capacity = capacity
        self.nodes: dict = {}
        # Sentinels: head.next is the least recently used entry, tail.prev the most recent.
        self.head = _Node()
        self.tail = _Node()
        self.head.next = self.tail
        self.tail.prev = self.head

    def _unlink(self, node: _Node) -> None:
        node.prev.next = node.next
        node.next.prev = node.prev

    def _append(self, node: _Node) -> None:
        node.prev = self.tail.prev
        node.next = self.tail
        self.tail.prev.next = node
        self.tail.prev = node

    def get(self, key):
        node = self.nodes.get(key)
        if node is None:
            return -1
        # A read counts as a use: move the entry to the most recent end.
        self._unlink(node)
        self._append(node)
        return node.value

    def put(self, key, value) -> None:
        node = self.nodes.get(key)
        if node is not None:
            # Updating an existing key never evicts anything; it refreshes its recency.
            node.value = value
            self._unlink(node)
            self._append(node)
            return
        if self.capacity <= 0:
            return
        if len(self.nodes) == self.capacity:
            oldest = self.head.next
            self._unlink(oldest)
            del self.nodes[oldest.key]
        node = _Node(key, value)
        self.nodes[key] = node
        self._append(node)
