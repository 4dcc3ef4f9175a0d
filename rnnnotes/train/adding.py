r"""The adding problem (Hochreiter & Schmidhuber 1997, experiment 4): a task whose answer
depends on inputs far back in the sequence.

Every step $t$ carries two numbers: a value $v_t \sim \mathcal{U}(-1, 1)$ and a marker $m_t \in
\{0, 1\}$. Exactly two steps are marked, and the target, read once at the end of the
sequence, is the sum of their values, $y = v_{p_1} + v_{p_2}$. As in the original, the
first marked step $p_1$ is one of the first ten, and the second one of the first
$T/2 - 1$ still unmarked steps, so both lie in the first half: the network must carry what
it read for at least $T/2$ steps, and the gradient must travel as far back to teach it.
(For $T < 22$ the first mark is one of the first $\lfloor T/2 \rfloor - 1$ steps, so that
both still lie in the first half.)

Simplified against the 1997 setup: a fixed length $T$ (not random in $[T, T + T/10]$), no
$-1$ markers on the first and last steps, and the target is the sum itself, not its
rescaling $0.5 + y/4$ into $[0, 1]$. A model that ignores its input and predicts the mean
$0$ has mean squared error $\operatorname{Var}(y) = 2/3$ (`ADDING_VARIANCE`).
"""

from __future__ import annotations

import numbers

import numpy as np

ADDING_VARIANCE = 2.0 / 3.0
"""Var(v_1 + v_2) for two independent U(-1, 1) values, 2 * (1/3): the mean squared error of
the constant prediction 0, the baseline a model must beat."""

FIRST_WINDOW = 10
"""The first marker is one of the first FIRST_WINDOW steps (ten in the 1997 paper)."""


def _rng(seed: object) -> np.random.Generator:
    if isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise TypeError(f"seed must be an int >= 0 or a numpy Generator, got {seed!r}")
    return np.random.default_rng(int(seed))


def adding_problem(
    batch: int, steps: int, seed: int | np.random.Generator = 0
) -> tuple[np.ndarray, np.ndarray]:
    r"""A batch of adding-problem sequences, time-major like the rnnnotes models.

    :param batch: $B$, the number of sequences, an int ≥ 1.
    :param steps: $T$, the sequence length, an int ≥ 4 (so that $T/2 - 1 \ge 1$).
    :param seed: an int ≥ 0 or a `numpy.random.Generator` (pass one Generator to draw a
        fresh batch on every call).
    :returns: `(x, y)`: `x` float64 `(T, B, 2)` with `x[t, b] = (v_t, m_t)` and `y`
        float64 `(B,)`, the sum of the two marked values of each sequence.
    """
    for name, value, low in (("batch", batch, 1), ("steps", steps, 4)):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < low:
            raise ValueError(f"{name} must be an int >= {low}, got {value!r}")
    rng = _rng(seed)
    T, B = int(steps), int(batch)
    values = rng.uniform(-1.0, 1.0, size=(T, B))  # (T, B)
    half = T // 2 - 1  # p_2 is one of the first `half` unmarked steps
    first = rng.integers(0, min(FIRST_WINDOW, half), size=B)  # p_1 < half
    # p_2: the j-th unmarked step, j < T/2 - 1; skipping p_1 shifts j >= p_1 up by one
    j = rng.integers(0, half, size=B)
    second = j + (j >= first)
    markers = np.zeros((T, B))
    cols = np.arange(B)
    markers[first, cols] = 1.0
    markers[second, cols] = 1.0
    y = values[first, cols] + values[second, cols]  # (B,)
    return np.stack([values, markers], axis=-1), y  # (T, B, 2), (B,)
