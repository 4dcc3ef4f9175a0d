"""The O(T^2) reference: the previous implementation of the state Jacobians, kept only as an
independent check of the one-sweep tools. It uses nothing but the model's public forward
and backward: the states come from running the model one step at a time; then, for every
t, the model is re-run on x[t:] from the state at t as a batch of n copies, and its
backward is given the n unit vectors as the gradient of the final state, so copy i returns
row i of dstate_T/dstate_t in grad_hx.
"""

from __future__ import annotations

import numpy as np

from rnnnotes.gradflow._model import as_sequence, initial_state, model_spec, run, vjp


def states(model, x, hx=None):
    """(h (T + 1, H_s), c (T + 1, H) | None), by running the model one step at a time."""
    spec = model_spec(model)
    x = as_sequence(x, spec)
    h0, c0 = initial_state(hx, spec)
    T = x.shape[0]
    h = np.empty((T + 1, spec.state_size), dtype=spec.dtype)
    c = np.empty((T + 1, spec.hidden_size), dtype=spec.dtype) if c0 is not None else None
    h[0] = h0[0]
    if c is not None:
        c[0] = c0[0]
    for t in range(T):
        c_t = None if c is None else c[t][None, None]
        _, h_n, c_n = run(model, spec, x[t : t + 1, None], h[t][None, None], c_t)
        h[t + 1] = h_n[0, 0]
        if c is not None:
            c[t + 1] = c_n[0, 0]
    return h, c


def _state_jacobian(model, spec, x, h_t, c_t, wrt):
    n = spec.state_size if wrt == "h" else spec.hidden_size
    S = x.shape[0]
    xb = np.ascontiguousarray(np.broadcast_to(x[:, None, :], (S, n, spec.input_size)))
    h0 = np.ascontiguousarray(np.broadcast_to(h_t, (1, n, spec.state_size)))
    c0 = None
    if c_t is not None:
        c0 = np.ascontiguousarray(np.broadcast_to(c_t, (1, n, spec.hidden_size)))
    run(model, spec, xb, h0, c0)
    grad_y = np.zeros((S, n, spec.output_size), dtype=spec.dtype)
    eye = np.eye(n, dtype=spec.dtype)[None]
    g_h = eye if wrt == "h" else np.zeros((1, n, spec.state_size), dtype=spec.dtype)
    g_c = None
    if spec.kind == "lstm":
        g_c = eye if wrt == "c" else np.zeros((1, n, spec.hidden_size), dtype=spec.dtype)
    _, g_h0, g_c0 = vjp(model, spec, grad_y, g_h, g_c)
    return np.asarray(g_h0 if wrt == "h" else g_c0)[0]


def state_jacobians(model, x, hx=None, wrt="h"):
    """dh_T/dh_t (wrt="h") or dc_T/dc_t (wrt="c") for t = 0..T, (T + 1, n, n)."""
    spec = model_spec(model)
    x = as_sequence(x, spec)
    h, c = states(model, x, hx)
    T = x.shape[0]
    n = spec.state_size if wrt == "h" else spec.hidden_size
    J = np.empty((T + 1, n, n), dtype=spec.dtype)
    J[T] = np.eye(n)
    for t in range(T):
        J[t] = _state_jacobian(model, spec, x[t:], h[t], None if c is None else c[t], wrt)
    return J
