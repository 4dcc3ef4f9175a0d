"""Jacobians of a recurrent model's state through time: dh_T/dh_t and dc_T/dc_t.

For one sequence x_1..x_T and a single-layer unidirectional model, the state after step t
is h_t (and c_t for an LSTM; t = 0 is the initial state). The Jacobian

    dh_T/dh_t = (dh_T/dh_{T-1}) (dh_{T-1}/dh_{T-2}) ... (dh_{t+1}/dh_t)      (H_s, H_s)

is what backpropagation through time multiplies a gradient by on its way from step T back
to step t. For an LSTM the state is the pair (h_t, c_t) and the partial derivatives here
hold the other half fixed: dh_T/dh_t with c_t fixed, dc_T/dc_t with h_t fixed.

Along the LSTM's cell path alone, c_k = f_k * c_{k-1} + i_k * g_k gives dc_k/dc_{k-1} =
diag(f_k), so that path contributes diag(f_T * ... * f_{t+1}): no weight matrix and no
squashing derivative (the constant error carousel, with Gers et al.'s forget gate). The full
dc_T/dc_t adds every path through h (c_k -> h_k -> the gates at k + 1 -> c_{k+1}).

How: one backward sweep (see ``_sweep``). The states come from one forward pass of the
model; the gates are recomputed from them; then a batch of n rows, seeded with the n unit
vectors at step T, is carried down to step 0 by the transposed per-step Jacobians, and the
batch at step t is dh_T/dh_t (or dc_T/dc_t). Cost O(T) matrix products, not O(T^2).
"""

from __future__ import annotations

import numpy as np

from rnnnotes.gradflow import _sweep
from rnnnotes.gradflow._checks import as_float_array, check_ord, stacked_norms
from rnnnotes.gradflow._model import (
    ModelSpec,
    as_batch,
    as_sequence,
    initial_state,
    model_spec,
    require_simple,
    run,
)

CELL_PATHS = ("cell", "full", "total")


def hidden_states(model, x: np.ndarray, hx=None) -> tuple[np.ndarray, np.ndarray | None]:
    r"""The states $h_0, \dots, h_T$ (and $c_0, \dots, c_T$) of a model on one sequence.

    :param model: a single-layer unidirectional `rnnnotes.RNN`, `GRU` or `LSTM` (with a
        projection $H_s$ = `proj_size`, else $H_s = H$).
    :param x: one unbatched sequence `(T, D)`, $T \ge 1$.
    :param hx: the initial state, unbatched: `(1, H_s)` or `(H_s,)`, for an LSTM the pair
        `(h0, c0)`; None means zeros.
    :returns: `(h, c)`: `h` `(T + 1, H_s)` with `h[t]` $= h_t$ (`h[0]` the initial state),
        and for an LSTM `c` `(T + 1, H)` with `c[t]` $= c_t$, else None.
    """
    spec = model_spec(model)
    require_simple(spec, "hidden_states")
    x = as_sequence(x, spec)
    return _states(model, spec, x, hx)


def _terms(model, spec: ModelSpec, x: np.ndarray, hx) -> _sweep.Terms:
    """One forward pass of the model on x (T, D), and every gate recomputed from its states."""
    h0, c0 = initial_state(hx, spec)  # (1, H_s), (1, H) | None
    T = x.shape[0]
    y, _, _ = run(model, spec, x[:, None], h0[:, None], None if c0 is None else c0[:, None])
    h = np.empty((T + 1, spec.state_size), dtype=spec.dtype)  # (T + 1, H_s)
    h[0] = h0[0]
    h[1:] = y[:, 0]  # single layer, one direction: y_t = h_t
    return _sweep.terms(model.state_dict(), spec, x, h, None if c0 is None else c0[0])


def _states(model, spec: ModelSpec, x: np.ndarray, hx) -> tuple[np.ndarray, np.ndarray | None]:
    tm = _terms(model, spec, x, hx)
    return tm.h, tm.c


def hidden_jacobians(model, x: np.ndarray, hx=None) -> np.ndarray:
    r"""$\partial h_T/\partial h_t$ for $t = 0, 1, \dots, T$, through the full recurrence.

    `J[t, i, j]` $= \partial h_T[i] / \partial h_t[j]$, so `J[T]` $= I$ and `J[0]`
    $= \partial h_T/\partial h_0$. For an LSTM $c_t$ is held fixed (the state is the pair
    $(h_t, c_t)$). One backward sweep seeded with the $H_s$ unit vectors at step $T$ computes
    every `J[t]`: $O(T)$ matrix products.

    :param model: a single-layer unidirectional `rnnnotes.RNN`, `GRU` or `LSTM` (with a
        projection $H_s$ = `proj_size`, else $H_s = H$).
    :param x: one unbatched sequence `(T, D)`, $T \ge 1$.
    :param hx: the initial state, unbatched: `(1, H_s)` or `(H_s,)`, for an LSTM the pair
        `(h0, c0)`; None means zeros.
    :returns: array of shape `(T + 1, H_s, H_s)` in the model's dtype.
    """
    spec = model_spec(model)
    require_simple(spec, "hidden_jacobians")
    x = as_sequence(x, spec)
    tm = _terms(model, spec, x, hx)
    eye = np.eye(spec.state_size, dtype=spec.dtype)  # (H_s, H_s): row i seeds e_i
    zero_c = np.zeros((spec.state_size, spec.hidden_size), dtype=spec.dtype)
    return _sweep.sweep(tm, eye, zero_c if spec.kind == "lstm" else None, "h")


def hidden_jacobian_norms(model, x: np.ndarray, hx=None, ord: int | str = 2) -> np.ndarray:
    r"""$\|\partial h_T/\partial h_t\|$ for $t = 0, 1, \dots, T$.

    The norms of [`hidden_jacobians`][rnnnotes.gradflow.hidden_jacobians].

    :param model: a single-layer unidirectional `rnnnotes.RNN`, `GRU` or `LSTM` (with a
        projection $H_s$ = `proj_size`, else $H_s = H$).
    :param x: one unbatched sequence `(T, D)`, $T \ge 1$.
    :param hx: the initial state, unbatched: `(1, H_s)` or `(H_s,)`, for an LSTM the pair
        `(h0, c0)`; None means zeros.
    :param ord: the norm: `2`, the spectral norm, or `"fro"`, the Frobenius norm.
    :returns: array of shape `(T + 1,)`, indexed by $t$ (entry $T$ is $\|I\|$).
    """
    check_ord(ord)
    return stacked_norms(hidden_jacobians(model, x, hx), ord)


def forget_gates(lstm, x: np.ndarray, hx=None) -> np.ndarray:
    r"""The LSTM's forget gates $f_1, \dots, f_T$ on one sequence.

    Recomputed from the state dict and the states $h_{t-1}$ (PyTorch's gate order i, f, g,
    o, so $f$ is rows `H:2H` of every weight and bias):
    $f_t = \sigma(W_{if} x_t + b_{if} + W_{hf} h_{t-1} + b_{hf})$.

    :param lstm: a single-layer unidirectional `rnnnotes.LSTM`.
    :param x: one unbatched sequence `(T, D)`, $T \ge 1$.
    :param hx: the initial state, unbatched: `(1, H_s)` or `(H_s,)`, for an LSTM the pair
        `(h0, c0)`; None means zeros.
    :returns: array of shape `(T, H)`: row $t - 1$ is $f_t$.
    """
    spec = model_spec(lstm)
    require_simple(spec, "forget_gates", kinds=("lstm",))
    x = as_sequence(x, spec)
    return _terms(lstm, spec, x, hx).direct.copy()  # (T, H)


def cell_jacobians(lstm, x: np.ndarray, hx=None, path: str = "cell") -> np.ndarray:
    r"""$\partial c_T/\partial c_t$ for $t = 0, 1, \dots, T$ of an LSTM: cell path, full, or total.

    `J[t, i, j]` $= \partial c_T[i] / \partial c_t[j]$, `J[T]` $= I$.

    - `path="cell"`: the cell path only, $c_k = f_k \odot c_{k-1} + i_k \odot g_k$ read as a
      function of $c_{k-1}$ alone, which gives
      $\operatorname{diag}(f_{t+1} \odot \dots \odot f_T)$: diagonal, no weight matrix, no
      squashing derivative.
    - `path="full"`: through the whole recurrence ($h_t$ held fixed), every path through
      $h$ included, from one backward sweep.
    - `path="total"`: as `"full"`, but $h_t = W_{hr}(o_t \odot \tanh c_t)$ (no $W_{hr}$
      without a projection) follows $c_t$, with $o_t$ fixed by $x_t$ and $h_{t-1}$: the
      gradient that backpropagation carries into $c_t$ from a loss on $c_T$,

        $$
        \begin{aligned}
        &\left.\frac{\partial c_T}{\partial c_t}\right|_{h_t} \\
        &+ \left.\frac{\partial c_T}{\partial h_t}\right|_{c_t}
        W_{hr} \operatorname{diag}\bigl(o_t \odot (1 - \tanh^2 c_t)\bigr).
        \end{aligned}
        $$

      For $t < T$ it is not
      zero when every $f_k = 0$, although the other two are: $c_t$ still reaches $c_T$
      through $h_t$. `J[0]` is that of `"full"` ($h_0$ is given, not computed from $c_0$).

    The first two agree exactly when `weight_hh_l0` is zero (no path through $h$ reaches
    the gates).

    :param lstm: a single-layer unidirectional `rnnnotes.LSTM`.
    :param x: one unbatched sequence `(T, D)`, $T \ge 1$.
    :param hx: the initial state, unbatched: `(1, H_s)` or `(H_s,)`, for an LSTM the pair
        `(h0, c0)`; None means zeros.
    :param path: `"cell"`, `"full"` or `"total"`.
    :returns: array of shape `(T + 1, H, H)`.
    """
    if path not in CELL_PATHS:
        raise ValueError(f"path must be one of {CELL_PATHS}, got {path!r}")
    spec = model_spec(lstm)
    require_simple(spec, "cell_jacobians", kinds=("lstm",))
    x = as_sequence(x, spec)
    tm = _terms(lstm, spec, x, hx)
    T, H = x.shape[0], spec.hidden_size
    if path != "cell":
        zero_h = np.zeros((H, spec.state_size), dtype=spec.dtype)
        eye = np.eye(H, dtype=spec.dtype)
        J = _sweep.sweep(tm, zero_h, eye, "c")  # (T + 1, H, H): [t] = dc_T/dc_t, h_t fixed
        if path == "total":  # add dc_T/dh_t (c_t fixed) times dh_t/dc_t, for t = 1..T - 1
            Jh = _sweep.sweep(tm, zero_h, eye, "h")  # (T + 1, H, H_s): dc_T/dh_t
            if tm.w_hr is not None:
                Jh = Jh @ tm.w_hr  # (T + 1, H, H_s) @ (H_s, H): through h_t = W_hr r_t
            J[1:T] += Jh[1:T] * tm.k[: T - 1, None, :]  # columns times o_t (1 - tanh^2 c_t)
        return J
    f = tm.direct  # (T, H), f[k - 1] = f_k
    prod = np.ones((T + 1, H), dtype=spec.dtype)  # prod[t] = f_{t+1} * ... * f_T
    for t in range(T - 1, -1, -1):  # the order backward multiplies in: from T down
        prod[t] = f[t] * prod[t + 1]
    J = np.zeros((T + 1, H, H), dtype=spec.dtype)  # (T + 1, H, H)
    idx = np.arange(H)
    J[:, idx, idx] = prod
    return J


def cell_jacobian_norms(
    lstm, x: np.ndarray, hx=None, path: str = "cell", ord: int | str = 2
) -> np.ndarray:
    r"""$\|\partial c_T/\partial c_t\|$ for $t = 0, 1, \dots, T$.

    The norms of [`cell_jacobians`][rnnnotes.gradflow.cell_jacobians]. For `path="cell"`
    the 2-norm is the largest product of forget gates,
    $\max_i \prod_{k > t} f_k[i]$, and the Frobenius norm the root of their sum of squares.

    :param lstm: a single-layer unidirectional `rnnnotes.LSTM`.
    :param x: one unbatched sequence `(T, D)`, $T \ge 1$.
    :param hx: the initial state, unbatched: `(1, H_s)` or `(H_s,)`, for an LSTM the pair
        `(h0, c0)`; None means zeros.
    :param path: `"cell"`, `"full"` or `"total"`.
    :param ord: the norm: `2`, the spectral norm, or `"fro"`, the Frobenius norm.
    :returns: array of shape `(T + 1,)`.
    """
    check_ord(ord)
    return stacked_norms(cell_jacobians(lstm, x, hx, path), ord)


def state_gradients(model, x: np.ndarray, grad_h_T: np.ndarray, hx=None) -> np.ndarray:
    r"""$\partial L/\partial h_t$, $t = 0, 1, \dots, T$, of a batch, for a loss reading only $h_T$.

    Row $b$ is $g_b^\top\, \partial h_T/\partial h_t$ of sequence $b$, with $g_b$ = `grad_h_T[b]`:
    the gradient of a many-to-one loss (a readout of $h_T$) as it reaches every earlier
    state, from one backward sweep of $B$ rows. At $t = 0$ it is the model backward's
    gradient of the initial state.

    :param model: a single-layer unidirectional `rnnnotes.RNN`, `GRU` or `LSTM` (with a
        projection $H_s$ = `proj_size`, else $H_s = H$). For an LSTM no gradient enters through
        $c_T$.
    :param x: a batch `(T, B, D)`, or `(B, T, D)` if the model is `batch_first`.
    :param grad_h_T: $\partial L/\partial h_T$, `(B, H_s)`.
    :param hx: None (zeros) or the batched initial state `(1, B, H_s)`, for an LSTM the pair
        `(h0, c0)`.
    :returns: array of shape `(T + 1, B, H_s)`; entry `[T]` is `grad_h_T`.
    """
    spec = model_spec(model)
    require_simple(spec, "state_gradients")
    x = as_batch(x, spec)  # (T, B, D) time-major
    T, B = x.shape[:2]
    g = as_float_array(grad_h_T, "grad_h_T", ndim=2)
    if g.shape != (B, spec.state_size):
        raise ValueError(
            f"grad_h_T must have shape (B, H_s) = ({B}, {spec.state_size}), got {g.shape}"
        )
    h0, c0 = initial_state(hx, spec, batch=B)  # (1, B, H_s), (1, B, H) | None
    y, _, _ = run(model, spec, x, h0, c0)  # (T, B, H_s)
    h = np.concatenate([h0, y])  # (T + 1, B, H_s)
    tm = _sweep.terms(model.state_dict(), spec, x, h, None if c0 is None else c0[0])
    zero_c = np.zeros((B, spec.hidden_size), dtype=spec.dtype)
    return _sweep.sweep(tm, g.astype(spec.dtype), zero_c if spec.kind == "lstm" else None, "h")
