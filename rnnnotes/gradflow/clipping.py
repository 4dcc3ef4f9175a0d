r"""Gradient-norm clipping (Pascanu, Mikolov & Bengio 2013), with PyTorch's semantics.

All gradients together form one vector $g$; when its 2-norm exceeds a threshold, every
gradient is scaled by the same factor, so the update keeps its direction and only its
length is capped:

$$\|g\| = \sqrt{\textstyle\sum_k \|g_k\|_F^2}, \qquad
g_k \leftarrow g_k \cdot \min\left(1, \frac{m}{\|g\| + 10^{-6}}\right)$$

with $m$ the maximum norm. This is `torch.nn.utils.clip_grad_norm_` with its defaults
(`norm_type=2`, `foreach=None`): the $10^{-6}$ guards the division, and it also means a
norm within $10^{-6}$ below $m$ is scaled by a factor just under one.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence

import numpy as np

# torch.nn.utils.clip_grad_norm_ adds this to the total norm before dividing
CLIP_EPS = 1e-6


def _grad_arrays(grads: object) -> tuple[list[str] | None, list[np.ndarray]]:
    """(keys or None, arrays) from a mapping or a sequence of real finite arrays."""
    if isinstance(grads, Mapping):
        keys: list[str] | None = list(grads)
        values = list(grads.values())
    elif isinstance(grads, Sequence) and not isinstance(grads, str | bytes):
        keys, values = None, list(grads)
    else:
        raise TypeError(
            f"grads must be a mapping of names to arrays or a sequence of arrays, "
            f"got {type(grads).__name__}"
        )
    if not values:
        raise ValueError("grads must hold at least one array, got none")
    arrays = []
    for i, v in enumerate(values):
        label = f"grads[{keys[i]!r}]" if keys is not None else f"grads[{i}]"
        a = np.asarray(v)
        if a.dtype == bool or not np.issubdtype(a.dtype, np.number) or np.iscomplexobj(a):
            raise TypeError(f"{label} must be a real numeric array, got dtype {a.dtype}")
        if not np.all(np.isfinite(a)):
            bad = int(np.sum(~np.isfinite(a)))
            raise ValueError(f"{label} must be finite, got {bad} non-finite entries")
        arrays.append(a if np.issubdtype(a.dtype, np.floating) else a.astype(np.float64))
    return keys, arrays


def clip_grad_norm(
    grads, max_norm: float,
) -> tuple[dict[str, np.ndarray] | list[np.ndarray], float]:
    r"""Scale all gradients together so that their total 2-norm is at most `max_norm`.

    The total norm is $\|g\| = \sqrt{\sum_k \|g_k\|_F^2}$ over every entry of every
    array; each array is multiplied by $c = \min(1, m / (\|g\| + 10^{-6}))$ with
    $m$ = `max_norm`, as `torch.nn.utils.clip_grad_norm_` does in place. Here nothing is
    modified: new arrays come back (the same dtype; integers become float64).

    :param grads: the gradients, a mapping of names to arrays (such as a model's `grads`)
        or a sequence of arrays; every entry must be finite (torch's
        `error_if_nonfinite=True`).
    :param max_norm: the largest total norm $m > 0$ allowed.
    :returns: `(clipped, total_norm)`: the scaled gradients in the same container type (a
        dict with the same keys, or a list) and $\|g\|$ *before* clipping, a float.
    :raises TypeError: if `grads` is not a mapping or sequence of real arrays, or
        `max_norm` is not a real number.
    :raises ValueError: if `grads` is empty or not finite, or `max_norm` is not a
        finite number > 0.
    """
    if isinstance(max_norm, bool) or not isinstance(max_norm, numbers.Real):
        raise TypeError(f"max_norm must be a real number > 0, got {max_norm!r}")
    if not (np.isfinite(max_norm) and max_norm > 0):
        raise ValueError(f"max_norm must be a finite number > 0, got {max_norm!r}")
    keys, arrays = _grad_arrays(grads)
    # the sum of squares in float64, whatever the arrays' dtype
    total = float(np.sqrt(sum(np.sum(np.square(a, dtype=np.float64)) for a in arrays)))
    coef = min(1.0, float(max_norm) / (total + CLIP_EPS))
    clipped = [(a * coef).astype(a.dtype, copy=False) for a in arrays]
    if keys is None:
        return clipped, total
    return dict(zip(keys, clipped, strict=True)), total
