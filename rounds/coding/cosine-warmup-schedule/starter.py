import math


def lr_at(step: int, base_lr: float, warmup_steps: int, total_steps: int, min_lr: float = 0.0) -> float:
    """Learning rate at `step`: linear warm-up from 0 to base_lr over warmup_steps, then cosine
    decay from base_lr to min_lr, reached at total_steps and kept afterwards."""
    progress = step / total_steps
    return min_lr + (base_lr - min_lr) * 0.5 * (1.0 + math.cos(math.pi * progress))
