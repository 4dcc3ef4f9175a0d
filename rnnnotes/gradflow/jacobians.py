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

CELL_PATHS = ("cell", "full")


def hidden_states(model, x: np.ndarray, hx=None) -> tuple[np.ndarray, np.ndarray | None]:
    """States of a single-layer unidirectional model on one sequence x (T, D).

    Returns (h, c): h (T + 1, H_s) with h[t] = h_t (h[0] = h_0), and for an LSTM
    c (T + 1, H) with c[t] = c_t, else None. hx is unbatched: (1, H_s) or (H_s,), an LSTM's
    the pair (h0, c0); None means zeros.
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
    """dh_T/dh_t for t = 0..T through the full recurrence: shape (T + 1, H_s, H_s).

    J[t, i, j] = d h_T[i] / d h_t[j]; J[T] = I, J[0] = dh_T/dh_0. model: a single-layer
    unidirectional rnnnotes.RNN, GRU or LSTM (for an LSTM c_t is held fixed; with a
    projection H_s = proj_size). x: one unbatched sequence (T, D); hx as in hidden_states.
    """
    spec = model_spec(model)
    require_simple(spec, "hidden_jacobians")
    x = as_sequence(x, spec)
    tm = _terms(model, spec, x, hx)
    eye = np.eye(spec.state_size, dtype=spec.dtype)  # (H_s, H_s): row i seeds e_i
    zero_c = np.zeros((spec.state_size, spec.hidden_size), dtype=spec.dtype)
    return _sweep.sweep(tm, eye, zero_c if spec.kind == "lstm" else None, "h")


def hidden_jacobian_norms(model, x: np.ndarray, hx=None, ord: int | str = 2) -> np.ndarray:
    """||dh_T/dh_t|| for t = 0..T: shape (T + 1,). ord=2 spectral norm, "fro" Frobenius."""
    check_ord(ord)
    return stacked_norms(hidden_jacobians(model, x, hx), ord)


def forget_gates(lstm, x: np.ndarray, hx=None) -> np.ndarray:
    """The LSTM's forget gates f_1..f_T on one sequence: shape (T, H), row t - 1 = f_t.

    Recomputed from the state dict and the states h_{t-1} (PyTorch gate order i, f, g, o,
    so f is rows H:2H of every weight and bias):
        f_t = sigmoid(W_if x_t + b_if + W_hf h_{t-1} + b_hf).
    """
    spec = model_spec(lstm)
    require_simple(spec, "forget_gates", kinds=("lstm",))
    x = as_sequence(x, spec)
    return _terms(lstm, spec, x, hx).direct.copy()  # (T, H)


def cell_jacobians(lstm, x: np.ndarray, hx=None, path: str = "cell") -> np.ndarray:
    """dc_T/dc_t for t = 0..T: shape (T + 1, H, H), J[t, i, j] = d c_T[i] / d c_t[j].

    path="cell": the cell path only, diag(f_{t+1} * ... * f_T) (diagonal; J[T] = I).
    path="full": through the whole recurrence (h_t held fixed), via the model's backward.
    The two agree exactly when weight_hh is zero (no path through h reaches the gates).
    """
    if path not in CELL_PATHS:
        raise ValueError(f"path must be one of {CELL_PATHS}, got {path!r}")
    spec = model_spec(lstm)
    require_simple(spec, "cell_jacobians", kinds=("lstm",))
    x = as_sequence(x, spec)
    tm = _terms(lstm, spec, x, hx)
    T, H = x.shape[0], spec.hidden_size
    if path == "full":
        zero_h = np.zeros((H, spec.state_size), dtype=spec.dtype)
        return _sweep.sweep(tm, zero_h, np.eye(H, dtype=spec.dtype), "c")
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
    """||dc_T/dc_t|| for t = 0..T: shape (T + 1,). For path="cell" the 2-norm is max_i of
    the product of forget gates, the Frobenius norm the root of their sum of squares."""
    check_ord(ord)
    return stacked_norms(cell_jacobians(lstm, x, hx, path), ord)


def state_gradients(model, x: np.ndarray, grad_h_T: np.ndarray, hx=None) -> np.ndarray:
    """dL/dh_t for t = 0..T of a batch, for a loss that reads only the final states h_T.

    Row b is grad_h_T[b] dh_T/dh_t of sequence b: the gradient of a many-to-one loss (a
    readout of h_T) as it reaches every earlier state, from one backward sweep of B rows.
    model: a single-layer unidirectional RNN, GRU or LSTM (for an LSTM no gradient enters
    through c_T). x: (T, B, D), or (B, T, D) if the model is batch_first. grad_h_T:
    (B, H_s). hx: None (zeros) or batched (1, B, H_s), an LSTM's the pair (h0, c0).
    Returns (T + 1, B, H_s), [T] = grad_h_T, [0] = the model backward's grad_h0.
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
