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

How: the full Jacobians use only the model's public forward/backward. The states h_t, c_t
come from running the model one step at a time; then the model is run on x[t:] from the
state at t, as a batch of H_s copies, and backward is given grad_h_n = the H_s unit vectors
(one per copy): copy i returns row i of dh_T/dh_t in grad_hx. The model's cache and grads
are overwritten by these calls.
"""

from __future__ import annotations

import numpy as np

from rnnnotes.gradflow._checks import check_ord, stacked_norms
from rnnnotes.gradflow._model import (
    ModelSpec,
    as_sequence,
    initial_state,
    model_spec,
    require_simple,
    run,
    vjp,
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


def _states(model, spec: ModelSpec, x: np.ndarray, hx) -> tuple[np.ndarray, np.ndarray | None]:
    h0, c0 = initial_state(hx, spec)  # (1, H_s), (1, H) | None
    T = x.shape[0]
    h = np.empty((T + 1, spec.state_size), dtype=spec.dtype)  # (T + 1, H_s)
    c = np.empty((T + 1, spec.hidden_size), dtype=spec.dtype) if c0 is not None else None
    h[0] = h0[0]
    if c is not None:
        c[0] = c0[0]
    for t in range(T):
        # one step, batch of one: x (1, 1, D), states (1, 1, H_s) / (1, 1, H)
        c_t = None if c is None else c[t][None, None]
        _, h_n, c_n = run(model, spec, x[t : t + 1, None], h[t][None, None], c_t)
        h[t + 1] = h_n[0, 0]
        if c is not None:
            c[t + 1] = c_n[0, 0]
    return h, c


def _state_jacobian(model, spec: ModelSpec, x: np.ndarray, h_t, c_t, wrt: str) -> np.ndarray:
    """dh_T/dh_t (wrt="h") or dc_T/dc_t (wrt="c") for the rest of the sequence x (S, D).

    Batch of n copies (n = the state's width); copy i gets the unit vector e_i as the
    gradient of its final state, so its grad_hx is e_i^T dstate_T/dstate_t = row i.
    """
    n = spec.state_size if wrt == "h" else spec.hidden_size
    S = x.shape[0]
    xb = np.broadcast_to(x[:, None, :], (S, n, spec.input_size))  # (S, n, D)
    h0 = np.broadcast_to(h_t, (1, n, spec.state_size))  # (1, n, H_s)
    c0 = None if c_t is None else np.broadcast_to(c_t, (1, n, spec.hidden_size))  # (1, n, H)
    run(
        model,
        spec,
        np.ascontiguousarray(xb),
        np.ascontiguousarray(h0),
        None if c0 is None else np.ascontiguousarray(c0),
    )
    grad_y = np.zeros((S, n, spec.output_size), dtype=spec.dtype)  # no loss on the outputs
    eye = np.eye(n, dtype=spec.dtype)[None]  # (1, n, n): copy i seeds e_i
    g_h = eye if wrt == "h" else np.zeros((1, n, spec.state_size), dtype=spec.dtype)
    g_c = None
    if spec.kind == "lstm":
        g_c = eye if wrt == "c" else np.zeros((1, n, spec.hidden_size), dtype=spec.dtype)
    _, g_h0, g_c0 = vjp(model, spec, grad_y, g_h, g_c)
    # row i of the Jacobian = copy i's gradient: [i, j] = d state_T[i] / d state_t[j]
    return np.asarray(g_h0 if wrt == "h" else g_c0)[0]  # (n, n)


def hidden_jacobians(model, x: np.ndarray, hx=None) -> np.ndarray:
    """dh_T/dh_t for t = 0..T through the full recurrence: shape (T + 1, H_s, H_s).

    J[t, i, j] = d h_T[i] / d h_t[j]; J[T] = I, J[0] = dh_T/dh_0. model: a single-layer
    unidirectional rnnnotes.RNN, GRU or LSTM (for an LSTM c_t is held fixed; with a
    projection H_s = proj_size). x: one unbatched sequence (T, D); hx as in hidden_states.
    """
    spec = model_spec(model)
    require_simple(spec, "hidden_jacobians")
    x = as_sequence(x, spec)
    h, c = _states(model, spec, x, hx)
    T = x.shape[0]
    J = np.empty((T + 1, spec.state_size, spec.state_size), dtype=spec.dtype)
    J[T] = np.eye(spec.state_size)
    for t in range(T):
        J[t] = _state_jacobian(model, spec, x[t:], h[t], None if c is None else c[t], "h")
    return J


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
    h, _ = _states(lstm, spec, x, hx)
    return _forget_gates(lstm.state_dict(), spec, x, h)


def _forget_gates(sd, spec: ModelSpec, x: np.ndarray, h: np.ndarray) -> np.ndarray:
    H = spec.hidden_size
    rows = slice(H, 2 * H)  # the forget block
    W_if, W_hf = np.asarray(sd["weight_ih_l0"])[rows], np.asarray(sd["weight_hh_l0"])[rows]
    b = np.zeros(H, dtype=spec.dtype)
    for key in ("bias_ih_l0", "bias_hh_l0"):  # torch keeps two biases; only their sum acts
        if key in sd:
            b = b + np.asarray(sd[key])[rows]
    a = x @ W_if.T + h[:-1] @ W_hf.T + b  # (T, D) @ (D, H) + (T, H_s) @ (H_s, H) -> (T, H)
    # sigmoid(a) = (1 + tanh(a / 2)) / 2: no overflow in exp for a very negative forget bias
    return 0.5 * (1.0 + np.tanh(0.5 * a))  # (T, H)


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
    h, c = _states(lstm, spec, x, hx)
    T, H = x.shape[0], spec.hidden_size
    J = np.empty((T + 1, H, H), dtype=spec.dtype)  # (T + 1, H, H)
    if path == "full":
        J[T] = np.eye(H)
        for t in range(T):
            J[t] = _state_jacobian(lstm, spec, x[t:], h[t], c[t], "c")
        return J
    f = _forget_gates(lstm.state_dict(), spec, x, h)  # (T, H), f[k - 1] = f_k
    prod = np.ones((T + 1, H), dtype=spec.dtype)  # prod[t] = f_{t+1} * ... * f_T
    for t in range(T - 1, -1, -1):  # the order backward multiplies in: from T down
        prod[t] = f[t] * prod[t + 1]
    J[:] = 0.0
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
