import math


def lr_at(step: int, base_lr: float, warmup_steps: int, total_steps: int, min_lr: float = 0.0) -> float:
    if step < 0 or warmup_steps < 0 or total_steps < warmup_steps:
        raise ValueError("need step >= 0 and 0 <= warmup_steps <= total_steps")
    if step < warmup_steps:
        # Linear ramp from 0 at step 0 up to base_lr at step warmup_steps.
        return base_lr * step / warmup_steps
    if step >= total_steps:
        return min_lr  # the decay is over (this also covers warmup_steps == total_steps)
    # Half a cosine period from base_lr down to min_lr over the decay phase.
    progress = (step - warmup_steps) / (total_steps - warmup_steps)
    return min_lr + (base_lr - min_lr) * 0.5 * (1.0 + math.cos(math.pi * progress))
