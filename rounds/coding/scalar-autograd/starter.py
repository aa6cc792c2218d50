import math


class Value:
    """A scalar in a computation graph that remembers how it was made."""

    def __init__(self, data, parents=()):
        self.data = float(data)
        self.grad = 0.0
        self._parents = parents
        self._backward = lambda: None  # set by each operation: pushes self.grad to the parents

    def __add__(self, other):
        """self + other, where other is a Value or a plain number."""
        raise NotImplementedError

    def __radd__(self, other):
        """number + self."""
        raise NotImplementedError

    def __mul__(self, other):
        """self * other, where other is a Value or a plain number."""
        raise NotImplementedError

    def __rmul__(self, other):
        """number * self."""
        raise NotImplementedError

    def tanh(self):
        raise NotImplementedError

    def relu(self):
        raise NotImplementedError

    def backward(self):
        """Fill in .grad of every Value this one depends on (d self / d node).
        Assumes every grad starts at 0; Graph.backward resets them."""
        raise NotImplementedError


class Graph:
    """Test driver: builds Values by name and reads results back. (Given; do not change.)"""

    def __init__(self):
        self.nodes = {}

    def leaf(self, name, data):
        self.nodes[name] = Value(data)
        return self.nodes[name].data

    def add(self, out, a, b):
        self.nodes[out] = self.nodes[a] + self.nodes[b]
        return self.nodes[out].data

    def mul(self, out, a, b):
        self.nodes[out] = self.nodes[a] * self.nodes[b]
        return self.nodes[out].data

    def add_const(self, out, a, c):
        self.nodes[out] = c + self.nodes[a]  # exercises number + Value
        return self.nodes[out].data

    def mul_const(self, out, a, c):
        self.nodes[out] = c * self.nodes[a]  # exercises number * Value
        return self.nodes[out].data

    def tanh(self, out, a):
        self.nodes[out] = self.nodes[a].tanh()
        return self.nodes[out].data

    def relu(self, out, a):
        self.nodes[out] = self.nodes[a].relu()
        return self.nodes[out].data

    def backward(self, out):
        for v in self.nodes.values():
            v.grad = 0.0  # each backward starts from zero gradients
        self.nodes[out].backward()

    def grad(self, name):
        return self.nodes[name].grad
