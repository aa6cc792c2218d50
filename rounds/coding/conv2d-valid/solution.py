def conv2d(image: list[list[float]], kernel: list[list[float]], stride: int = 1) -> list[list[float]]:
    if stride < 1:
        raise ValueError("stride must be a positive integer")
    h, kh, kw = len(image), len(kernel), len(kernel[0])
    w = len(image[0]) if image else 0
    if h < kh or w < kw:
        return []  # the kernel fits nowhere: a "valid" convolution has no output
    out_h = (h - kh) // stride + 1
    out_w = (w - kw) // stride + 1
    out = []
    for r in range(out_h):
        top = r * stride
        row = []
        for c in range(out_w):
            left = c * stride
            # Cross-correlation, as in deep-learning frameworks: the kernel is not flipped.
            total = 0.0
            for i in range(kh):
                img_row, k_row = image[top + i], kernel[i]
                for j in range(kw):
                    total += img_row[left + j] * k_row[j]
            row.append(total)
        out.append(row)
    return out
