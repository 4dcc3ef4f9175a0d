r"""Seeded initialisation, PyTorch's rule, without global random state.

PyTorch initialises every weight and bias of `nn.RNN`, `nn.LSTM` and `nn.GRU` from

$$
\mathcal{U}(-k, k), \qquad k = 1 / \sqrt{H}
$$

with $H$ = `hidden_size`, not `proj_size`, even for the projection `weight_hr`. We draw
from our own `np.random.Generator`, so the same seed gives the same model on every machine
and nothing else in the program moves the numbers. The values differ from torch's (a
different generator); to reproduce a torch model, `load_state_dict` its converted state
dict.
"""

from __future__ import annotations

import math
import numbers

import numpy as np


def make_rng(seed: object) -> np.random.Generator:
    """Return a `Generator` for `seed`: a non-negative int, or a `Generator` itself."""
    if isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise TypeError(f"seed must be a non-negative integer or a numpy Generator, "
                        f"got {seed!r}")
    return np.random.default_rng(int(seed))


def uniform_init(shapes: dict[str, tuple[int, ...]], hidden_size: int,
                 rng: np.random.Generator, dtype: np.dtype) -> dict[str, np.ndarray]:
    r"""Draw every array of `shapes`, in order, from $\mathcal{U}(-1/\sqrt{H}, 1/\sqrt{H})$.

    The draws happen in float64 and are rounded to `dtype`, so a float32 and a float64
    model with the same seed hold the same weights up to rounding.
    """
    bound = 1.0 / math.sqrt(hidden_size)
    return {name: rng.uniform(-bound, bound, size=shape).astype(dtype)
            for name, shape in shapes.items()}
