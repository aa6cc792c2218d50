def conv2d(image: list[list[float]], kernel: list[list[float]], stride: int = 1) -> list[list[float]]:
    """2-D cross-correlation of a single-channel image with a kernel, no padding ("valid"),
    moving the kernel by `stride` in both directions."""
    raise NotImplementedError
