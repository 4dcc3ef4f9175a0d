"""The dependency map |dy_t/dx_s|: which inputs each output can feel.

For one sequence x_1..x_T, entry [t, s] of the map is the Frobenius norm of the Jacobian
dy_t/dx_s (K, D) of the model's output at step t with respect to its input at step s.
A unidirectional network computes y_t from x_1..x_t only, so the map is lower-triangular
with *exact* zeros above the diagonal (backpropagation multiplies those gradients by zero,
it never computes a small number). A bidirectional layer's backward direction reads
x_T..x_t, so y_t depends on the future: entries above the diagonal are nonzero.

How, for a single-layer model (either direction or both): one forward pass, then one
backward sweep per direction whose batch grows as it goes. At step t the K unit vectors
seeding y_t = h_t join the rows of the later targets, and every row's dL/dx_t is read off
the step: T^2 K / 2 row-steps in all, no forward re-run (see ``_sweep``). A
bidirectional layer is two such sweeps, the reverse one over the reversed sequence.

For more layers, through the model's own backward: copy b = t * K + o of the sequence is
given the one-hot grad_output e_o at step t (zero elsewhere); its grad_x[s] is then
dy_t[o]/dx_s (D,). The batch is split into chunks of at most ``max_batch`` copies.
The model's cache and grads are overwritten by these calls.
"""

from __future__ import annotations

import numbers

import numpy as np

from rnnnotes.gradflow import _sweep
from rnnnotes.gradflow._model import ModelSpec, as_sequence, initial_state, model_spec, run, vjp


def input_jacobians(model, x: np.ndarray, hx=None, max_batch: int = 1024) -> np.ndarray:
    r"""$\partial y_t/\partial x_s$ for one sequence, every output step $t$ and input step $s$.

    `J[t, s, o, d]` $= \partial y_t[o] / \partial x_s[d]$. Single-layer models (either
    direction or both) take one backward sweep per direction whose batch grows as it goes;
    stacked layers go through the model's own backward, `max_batch` copies at a time.

    :param model: any `rnnnotes.RNN`, `GRU` or `LSTM` stacked, bidirectional or projected;
        $K$ = `num_directions * H_s` output features.
    :param x: one unbatched sequence `(T, D)`.
    :param hx: the unbatched initial state `(num_layers * num_directions, H_s)`, for an LSTM
        the pair `(h0, c0)`; None means zeros.
    :param max_batch: the most sequence copies per backward pass of a stacked model, a
        positive int.
    :returns: array of shape `(T, T, K, D)`.
    """
    if isinstance(max_batch, bool) or not isinstance(max_batch, numbers.Integral):
        raise TypeError(f"max_batch must be an int >= 1, got {max_batch!r}")
    if max_batch < 1:
        raise ValueError(f"max_batch must be an int >= 1, got {max_batch}")
    spec = model_spec(model)
    x = as_sequence(x, spec)
    h0, c0 = initial_state(hx, spec)  # (N, H_s), (N, H) | None
    if spec.num_layers == 1:
        return _single_layer(model, spec, x, h0, c0)
    return _through_backward(model, spec, x, h0, c0, max_batch)


def _through_backward(model, spec: ModelSpec, x, h0, c0, max_batch: int) -> np.ndarray:
    """input_jacobians of any model through its own backward, T * K copies in chunks."""
    T, D, K = x.shape[0], spec.input_size, spec.output_size  # K output features
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
    return J.reshape(T, K, T, D).transpose(0, 2, 1, 3)  # (T, T, K, D): [t, s, o, d]


def _single_layer(model, spec: ModelSpec, x, h0, c0) -> np.ndarray:
    """input_jacobians of a single-layer model, one growing sweep per direction."""
    T, D, P = x.shape[0], spec.input_size, spec.state_size
    c0b = None if c0 is None else c0[:, None]
    y, _, _ = run(model, spec, x[:, None], h0[:, None], c0b)  # (T, 1, K): [h_fwd | h_bwd]
    sd = model.state_dict()
    J = np.zeros((T, T, spec.output_size, D), dtype=spec.dtype)  # [t, s, o, d]
    for d in range(spec.num_directions):
        suffix = "_l0_reverse" if d else "_l0"  # this direction's weights, named as layer 0
        sub = {k[: -len(suffix)] + "_l0": v for k, v in sd.items() if k.endswith(suffix)}
        xs = x if d == 0 else x[::-1]  # the reverse direction reads x_T .. x_1
        h = np.empty((T + 1, P), dtype=spec.dtype)  # (T + 1, P) in the direction's own time
        h[0] = h0[d]
        h[1:] = y[:, 0, d * P : (d + 1) * P] if d == 0 else y[::-1, 0, P:]
        tm = _sweep.terms(sub, spec, xs, h, None if c0 is None else c0[d])
        Jd = _growing_sweep(tm, P, D)  # (T, T, P, D) in the direction's own time
        J[:, :, d * P : (d + 1) * P] = Jd if d == 0 else Jd[::-1, ::-1]
    return J


def _growing_sweep(tm: _sweep.Terms, P: int, D: int) -> np.ndarray:
    """dy_t/dx_s of one direction, (T, T, P, D): one sweep whose rows are (target, unit).

    Rows are ordered by target, latest first: the block k = T - t (P rows) seeds y_t with
    the unit vectors, so at step t the active rows are the first (T - t + 1) P.
    """
    T = tm.coef.shape[0]
    J = np.zeros((T, T, P, D), dtype=tm.h.dtype)  # exact zeros for s > t
    sw = _sweep.Sweep(tm, T * P)
    eye = np.eye(P, dtype=tm.h.dtype)
    for t in range(T, 0, -1):
        k = T - t
        sw.gh[k * P : (k + 1) * P] = eye  # target y_t joins: d y_t[o] / d h_t = e_o
        dx = sw.step(t, (k + 1) * P, input_grad=True)  # ((k + 1) P, D) rows' dL/dx_t
        J[T - 1 :: -1][: k + 1, t - 1] = dx.reshape(k + 1, P, D)  # targets T .. t
    return J


def dependency_map(model, x: np.ndarray, hx=None, max_batch: int = 1024) -> np.ndarray:
    r"""$\|\partial y_t/\partial x_s\|_F$ for one sequence: which inputs each output can feel.

    Rows are output steps $t$, columns input steps $s$. For a unidirectional model the map is
    lower-triangular with *exact* zeros above the diagonal ($y_t$ reads $x_1, \dots, x_t$
    only); a bidirectional layer's backward direction reads the future, so entries above the
    diagonal are nonzero.

    :param model: any `rnnnotes.RNN`, `GRU` or `LSTM`, as in
        [`input_jacobians`][rnnnotes.gradflow.input_jacobians].
    :param x: one unbatched sequence `(T, D)`.
    :param hx: as in [`input_jacobians`][rnnnotes.gradflow.input_jacobians].
    :param max_batch: as in [`input_jacobians`][rnnnotes.gradflow.input_jacobians].
    :returns: array of shape `(T, T)`.
    """
    J = input_jacobians(model, x, hx, max_batch)  # (T, T, K, D)
    return np.sqrt(np.sum(J**2, axis=(2, 3)))  # (T, T)
