import math


class Value:
    """A scalar in a computation graph that remembers how it was made."""

    def __init__(self, data, parents=()):
        self.data = float(data)
        self.grad = 0.0
        self._parents = parents
        self._backward = lambda: None  # pushes self.grad into the parents' grads

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other))

        def backward():
            # += not =: a node used twice receives a contribution from each use.
            self.grad += out.grad
            other.grad += out.grad

        out._backward = backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other))

        def backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = backward
        return out

    # number + Value and number * Value
    __radd__ = __add__
    __rmul__ = __mul__

    def tanh(self):
        t = math.tanh(self.data)
        out = Value(t, (self,))

        def backward():
            self.grad += (1.0 - t * t) * out.grad

        out._backward = backward
        return out

    def relu(self):
        out = Value(self.data if self.data > 0 else 0.0, (self,))

        def backward():
            # The derivative at exactly 0 is taken as 0.
            self.grad += (1.0 if self.data > 0 else 0.0) * out.grad

        out._backward = backward
        return out

    def backward(self):
        # Order the graph so every node comes after its parents, then walk it in reverse:
        # a node's grad is complete (all its consumers have added to it) before it is pushed on.
        order, seen = [], set()
        stack = [(self, False)]
        while stack:  # iterative DFS, so deep chains do not hit the recursion limit
            node, done = stack.pop()
            if done:
                order.append(node)
            elif id(node) not in seen:
                seen.add(id(node))
                stack.append((node, True))
                stack.extend((p, False) for p in node._parents)
        self.grad = 1.0
        for node in reversed(order):
            node._backward()


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
