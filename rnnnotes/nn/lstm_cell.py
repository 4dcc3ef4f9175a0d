"""One direction of one LSTM layer over a whole sequence, and its backward pass.

The equations are PyTorch's (``torch.nn.LSTM``), gate order i, f, g, o::

    a_t = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh        (4H,) split into a_i, a_f, a_g, a_o
    i_t = sigmoid(a_i)   f_t = sigmoid(a_f)   g_t = tanh(a_g)   o_t = sigmoid(a_o)
    c_t = f_t * c_{t-1} + i_t * g_t
    r_t = o_t * tanh(c_t)
    h_t = r_t                  without projection (proj_size = 0)
    h_t = W_hr r_t             with projection: W_hr is (P, H), h_t is (P,)

Backward through time (``dh_t`` is the total gradient reaching h_t: from the layer above
and from step t + 1)::

    dr = dh_t                  or  W_hr^T dh_t,  and dW_hr += dh_t r_t^T
    do = dr * tanh(c_t)
    dc = dc_{t+1 -> t} + dr * o_t * (1 - tanh(c_t)^2)
    di = dc * g_t    df = dc * c_{t-1}    dg = dc * i_t
    da = [di * i(1 - i), df * f(1 - f), dg * (1 - g^2), do * o(1 - o)]
    dc_{t -> t-1} = dc * f_t           (the cell path: no matrix, no squashing)
    dh_{t-1} += W_hh^T da              dx_t = W_ih^T da

Weight gradients are sums over time of outer products, so they are taken after the loop as
one matrix product each over all T * B rows.

Shapes: T steps, B sequences, C input features of the layer, H hidden units
(P = proj_size or H for the LSTM's h).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from rnnnotes.nn._ops import sigmoid_


class LSTMCache(NamedTuple):
    """What the backward pass needs, and nothing else."""

    x: np.ndarray          # (T, B, C) the layer input, for dW_ih
    hs: np.ndarray         # (T + 1, B, P) h_0 .. h_T, for dW_hh (h_{t-1} feeds step t)
    cs: np.ndarray         # (T + 1, B, H) c_0 .. c_T, for df = dc * c_{t-1}
    acts: np.ndarray       # (T, B, 4H) i, f, g, o after their nonlinearities
    tanh_c: np.ndarray     # (T, B, H) tanh(c_t)
    rs: np.ndarray | None  # (T, B, H) o * tanh(c) before the projection, if any
    params: dict[str, np.ndarray | None]


def lstm_forward(x: np.ndarray, state0: tuple[np.ndarray, np.ndarray],
                 params: dict[str, np.ndarray | None]
                 ) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray], LSTMCache]:
    """Run the LSTM over ``x`` (T, B, C) from ``state0 = (h_0 (B, P), c_0 (B, H))``.

    ``params`` holds ``w_ih`` (4H, C), ``w_hh`` (4H, P), ``b_ih``/``b_hh`` (4H,) or None,
    ``w_hr`` (P, H) or None. Returns ``(hs (T, B, P), (h_T, c_T), cache)``.
    """
    w_ih, w_hh, w_hr = params["w_ih"], params["w_hh"], params["w_hr"]
    T, B, C = x.shape
    H = w_hh.shape[0] // 4
    P = w_hh.shape[1]  # size of h: proj_size, or H without projection
    h0, c0 = state0

    # The input projection of every step at once: one (T*B, C) @ (C, 4H) product.
    acts = (x.reshape(T * B, C) @ w_ih.T).reshape(T, B, 4 * H)
    if params["b_ih"] is not None:
        acts += params["b_ih"] + params["b_hh"]  # (4H,) broadcast over (T, B)
    hs = np.empty((T + 1, B, P), dtype=x.dtype)
    cs = np.empty((T + 1, B, H), dtype=x.dtype)
    tanh_c = np.empty((T, B, H), dtype=x.dtype)
    rs = np.empty((T, B, H), dtype=x.dtype) if w_hr is not None else None
    hs[0], cs[0] = h0, c0
    w_hh_t = w_hh.T  # (P, 4H), a view: matmul hands the transpose to BLAS
    w_hr_t = w_hr.T if w_hr is not None else None  # (H, P)
    rec = np.empty((B, 4 * H), dtype=x.dtype)
    ig = np.empty((B, H), dtype=x.dtype)

    with np.errstate(over="ignore"):
        for t in range(T):
            a = acts[t]                                   # (B, 4H), filled in place
            np.matmul(hs[t], w_hh_t, out=rec)             # (B, P) @ (P, 4H)
            a += rec
            sigmoid_(a[:, :2 * H])                       # i, f
            np.tanh(a[:, 2 * H:3 * H], out=a[:, 2 * H:3 * H])  # g
            sigmoid_(a[:, 3 * H:])                       # o
            i, f, g, o = a[:, :H], a[:, H:2 * H], a[:, 2 * H:3 * H], a[:, 3 * H:]
            np.multiply(f, cs[t], out=cs[t + 1])          # c_t = f * c_{t-1} + i * g
            np.multiply(i, g, out=ig)
            cs[t + 1] += ig
            np.tanh(cs[t + 1], out=tanh_c[t])
            if w_hr_t is None:
                np.multiply(o, tanh_c[t], out=hs[t + 1])
            else:
                np.multiply(o, tanh_c[t], out=rs[t])
                np.matmul(rs[t], w_hr_t, out=hs[t + 1])   # (B, H) @ (H, P)

    cache = LSTMCache(x, hs, cs, acts, tanh_c, rs, params)
    return hs[1:], (hs[T], cs[T]), cache


def lstm_backward(dhs: np.ndarray, dstate_T: tuple[np.ndarray, np.ndarray], cache: LSTMCache
                  ) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray], dict[str, np.ndarray]]:
    """Backpropagate ``dhs`` (T, B, P), the gradient of the loss w.r.t. every h_t from the
    layer above, and ``dstate_T = (dh_T, dc_T)`` through time.

    Returns ``(dx (T, B, C), (dh_0, dc_0), grads)``; ``grads`` has the keys of ``params``
    that are not None.
    """
    x, hs, cs, acts, tanh_c, rs, params = cache
    w_ih, w_hh, w_hr = params["w_ih"], params["w_hh"], params["w_hr"]
    T, B, C = x.shape
    H = w_hh.shape[0] // 4
    P = w_hh.shape[1]
    dtype = x.dtype

    # Local derivatives of every gate, for all steps at once (no recurrence in them):
    # sigmoid' = s (1 - s) for i, f, o and tanh' = 1 - g^2 for g. They are written into
    # the buffer that becomes dL/da, which the loop multiplies in place.
    da = 1.0 - acts                                       # (T, B, 4H)
    da *= acts
    g = acts[:, :, 2 * H:3 * H]
    np.multiply(g, g, out=da[:, :, 2 * H:3 * H])
    np.subtract(1.0, da[:, :, 2 * H:3 * H], out=da[:, :, 2 * H:3 * H])
    # d tanh(c_t) / d c_t, times o_t: the factor from h (or r) back to c.
    o_dtanh = tanh_c * tanh_c                             # (T, B, H)
    np.subtract(1.0, o_dtanh, out=o_dtanh)
    o_dtanh *= acts[:, :, 3 * H:]

    dh = np.array(dstate_T[0], dtype=dtype)               # (B, P) gradient reaching h_t
    dc = np.array(dstate_T[1], dtype=dtype)               # (B, H) gradient reaching c_t
    dh_all = np.empty((T, B, P), dtype=dtype) if w_hr is not None else None
    dr = np.empty((B, H), dtype=dtype)
    upstream = np.empty((B, 4 * H), dtype=dtype)          # dL/d(gate value), before da
    tmp = np.empty((B, H), dtype=dtype)
    for t in range(T - 1, -1, -1):
        dh += dhs[t]
        if w_hr is None:
            dr = dh
        else:
            dh_all[t] = dh
            np.matmul(dh, w_hr, out=dr)                   # (B, P) @ (P, H)
        i, f, gg = acts[t, :, :H], acts[t, :, H:2 * H], acts[t, :, 2 * H:3 * H]
        np.multiply(dr, o_dtanh[t], out=tmp)              # dc += dr * o * (1 - tanh^2 c)
        dc += tmp
        np.multiply(dc, gg, out=upstream[:, :H])          # di = dc * g
        np.multiply(dc, cs[t], out=upstream[:, H:2 * H])  # df = dc * c_{t-1}
        np.multiply(dc, i, out=upstream[:, 2 * H:3 * H])  # dg = dc * i
        np.multiply(dr, tanh_c[t], out=upstream[:, 3 * H:])  # do = dr * tanh(c)
        dc *= f                                           # down the cell path to c_{t-1}
        da[t] *= upstream                                 # (B, 4H) dL/da_t
        np.matmul(da[t], w_hh, out=dh)                    # (B, 4H) @ (4H, P) -> dh_{t-1}

    da2 = da.reshape(T * B, 4 * H)
    grads = {
        "w_ih": da2.T @ x.reshape(T * B, C),              # (4H, T*B) @ (T*B, C)
        "w_hh": da2.T @ hs[:T].reshape(T * B, P),         # (4H, T*B) @ (T*B, P)
    }
    if params["b_ih"] is not None:
        grads["b_ih"] = da2.sum(axis=0)                   # both biases enter a_t once
        grads["b_hh"] = grads["b_ih"].copy()
    if w_hr is not None:
        grads["w_hr"] = dh_all.reshape(T * B, P).T @ rs.reshape(T * B, H)  # (P, H)
    dx = (da2 @ w_ih).reshape(T, B, C)                    # (T*B, 4H) @ (4H, C)
    return dx, (dh, dc), grads
