"""The dependency map |dy_t/dx_s|: which inputs each output can feel.

For one sequence x_1..x_T, entry [t, s] of the map is the Frobenius norm of the Jacobian
dy_t/dx_s (O, D) of the model's output at step t with respect to its input at step s.
A unidirectional network computes y_t from x_1..x_t only, so the map is lower-triangular
with *exact* zeros above the diagonal (backpropagation multiplies those gradients by zero,
it never computes a small number). A bidirectional layer's backward direction reads
x_T..x_t, so y_t depends on the future: entries above the diagonal are nonzero.

How: one backward per output unit, batched. Copy b = t * O + o of the sequence is given
the one-hot grad_output e_o at step t (zero elsewhere); its grad_x[s] is then
dy_t[o]/dx_s (D,). The batch is split into chunks of at most ``max_batch`` copies.
The model's cache and grads are overwritten by these calls.
"""

from __future__ import annotations

import numbers

import numpy as np

from rnnnotes.gradflow._model import as_sequence, initial_state, model_spec, run, vjp


def input_jacobians(model, x: np.ndarray, hx=None, max_batch: int = 1024) -> np.ndarray:
    """dy_t/dx_s for one sequence: shape (T, T, O, D), [t, s, o, d] = d y_t[o] / d x_s[d].

    model: any rnnnotes.RNN, GRU or LSTM (multi-layer, bidirectional, projected);
    O = num_directions * H_s output features. x: one unbatched sequence (T, D).
    hx: unbatched initial state (num_layers * num_directions, H_s), an LSTM's the pair
    (h0, c0); None means zeros.
    """
    if isinstance(max_batch, bool) or not isinstance(max_batch, numbers.Integral):
        raise TypeError(f"max_batch must be an int >= 1, got {max_batch!r}")
    if max_batch < 1:
        raise ValueError(f"max_batch must be an int >= 1, got {max_batch}")
    spec = model_spec(model)
    x = as_sequence(x, spec)
    h0, c0 = initial_state(hx, spec)  # (N, H_s), (N, H) | None
    T, D, K = x.shape[0], spec.input_size, spec.output_size  # K = O output features
    J = np.empty((T * K, T, D), dtype=spec.dtype)  # [b = t * K + o, s, d]
    for start in range(0, T * K, max_batch):
        b = np.arange(start, min(start + max_batch, T * K))  # (B,) copies in this chunk
        B = b.size
        xb = np.ascontiguousarray(np.broadcast_to(x[:, None], (T, B, D)))  # (T, B, D)
        hb = np.ascontiguousarray(np.broadcast_to(h0[:, None], (h0.shape[0], B, h0.shape[1])))
        cb = None
        if c0 is not None:
            cb = np.ascontiguousarray(np.broadcast_to(c0[:, None], (c0.shape[0], B, c0.shape[1])))
        run(model, spec, xb, hb, cb)
        grad_y = np.zeros((T, B, K), dtype=spec.dtype)  # (T, B, K)
        grad_y[b // K, np.arange(B), b % K] = 1.0  # copy b: e_o at step t
        g_hn = np.zeros_like(hb)  # no gradient enters through the final state
        g_cn = None if cb is None else np.zeros_like(cb)
        grad_x, _, _ = vjp(model, spec, grad_y, g_hn, g_cn)  # (T, B, D): [s, b, d]
        J[b] = grad_x.transpose(1, 0, 2)  # (B, T, D)
    return J.reshape(T, K, T, D).transpose(0, 2, 1, 3)  # (T, T, O, D): [t, s, o, d]


def dependency_map(model, x: np.ndarray, hx=None, max_batch: int = 1024) -> np.ndarray:
    """||dy_t/dx_s||_F for one sequence: shape (T, T), rows t (output step), columns s
    (input step). Lower-triangular (exact zeros above the diagonal) for a unidirectional
    model; nonzero above the diagonal for a bidirectional one. Arguments as input_jacobians.
    """
    J = input_jacobians(model, x, hx, max_batch)  # (T, T, O, D)
    return np.sqrt(np.sum(J**2, axis=(2, 3)))  # (T, T)
