"""One backward sweep through a single-layer recurrence: every dh_T/dh_t in O(T).

Backpropagation through time carries a row vector g_t = dL/ds_t (s_t the state) from
step T down to step 0, one Jacobian per step: g_{t-1} = g_t J_t with J_t = ds_t/ds_{t-1}.
Seeded with the n unit vectors at once (a batch of n rows, g_T = I), row i of g_t is
e_i^T ds_T/ds_t, so the batch *is* the Jacobian ds_T/ds_t, for every t, in one sweep of
T steps: O(T) matrix products of (n, G*H) @ (G*H, H_s), where re-running the model from
every step costs O(T^2).

The forward quantities each step's Jacobian needs are recomputed here, vectorised over
all T steps, from the state dict (torch's names and gate order), the input x and the
states h_0..h_T of the model's own forward pass. Per cell (rows are batch rows, products
elementwise, sigma' = s(1 - s), tanh' = 1 - tanh^2):

RNN, h_t = phi(a_t)::

    g_{h,t-1} = (g_{h,t} * phi'(a_t)) W_hh                       phi' = 1 - h_t^2 or [h_t > 0]

GRU, h_t = n_t + z_t * (h_{t-1} - n_t) (torch: n_t = tanh(gx_n + r_t * gh_n))::

    g_{h,t-1} = g_{h,t} * z_t + [g * c_r, g * c_z, g * c_n * r_t] W_hh      (g = g_{h,t})
    c_n = (1 - z)(1 - n^2)   c_z = (h_{t-1} - n) z (1 - z)   c_r = c_n * gh_n * r (1 - r)

LSTM, state (h_t, c_t), c_t = f c_{t-1} + i g, h_t = W_hr (o * tanh c_t) (W_hr = I
without projection)::

    g_r = g_{h,t} W_hr                      g_c = g_{c,t} + g_r * o (1 - tanh^2 c_t)
    g_{h,t-1} = [g_c * g i(1-i), g_c * c_{t-1} f(1-f), g_c * i (1-g^2), g_r * tanh(c_t) o(1-o)] W_hh
    g_{c,t-1} = g_c * f_t

These are the model backward passes of ``rnnnotes.nn`` without the weight gradients;
the tests compare them with the models' own backward and with finite differences.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnnotes.gradflow._model import ModelSpec


def sigmoid(a: np.ndarray) -> np.ndarray:
    """1 / (1 + exp(-a)), torch's formula (exact where sigmoid(a) is tiny; exp overflow -> 0)."""
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-a))


def _param(sd: dict, key: str, like: np.ndarray) -> np.ndarray:
    """A bias of the state dict, or zeros when the model has none (bias=False)."""
    return np.asarray(sd[key]) if key in sd else np.zeros(like.shape[0], dtype=like.dtype)


@dataclass
class Terms:
    """The forward quantities of one sequence and what each backward step multiplies by.

    h (T + 1, H_s): h_0..h_T; c (T + 1, H): c_0..c_T for an LSTM, else None. coef is
    indexed by step t - 1 for step t: dL/da_t = g * coef[t - 1] gate block by gate block
    (RNN 1 block phi'; GRU 3 blocks c_r, c_z, c_n; LSTM blocks i, f, g of g_c).
    """

    kind: str
    h: np.ndarray
    c: np.ndarray | None
    w_ih: np.ndarray  # (G*H, D) torch's rows
    w_hh: np.ndarray  # (G*H, H_s) torch's rows
    w_hr: np.ndarray | None  # (H_s, H) LSTM projection, or None
    coef: np.ndarray  # (T, G', H)
    direct: np.ndarray | None = None  # GRU z, LSTM f: (T, H)
    r: np.ndarray | None = None  # GRU r (T, H): the n block reaches W_hh h only through r
    k: np.ndarray | None = None  # LSTM o (1 - tanh^2 c) (T, H)
    co: np.ndarray | None = None  # LSTM tanh(c) o (1 - o) (T, H)


def terms(sd: dict, spec: ModelSpec, x: np.ndarray, h: np.ndarray, c0) -> Terms:
    """Recompute every gate of the model on x (T, [B,] D) from its states h (T + 1, [B,] H_s).

    With the batch axis B every per-step array gains it too, and a sweep's m rows are then
    the B sequences (row b carries sequence b's gradient).
    """
    w_ih, w_hh = np.asarray(sd["weight_ih_l0"]), np.asarray(sd["weight_hh_l0"])
    b_ih, b_hh = _param(sd, "bias_ih_l0", w_ih), _param(sd, "bias_hh_l0", w_hh)
    H, T = spec.hidden_size, x.shape[0]
    if spec.kind == "rnn":
        hn = h[1:]  # (T, H): phi'(a_t) is a function of h_t
        d = 1.0 - hn * hn if spec.nonlinearity == "tanh" else (hn > 0).astype(h.dtype)
        return Terms("rnn", h, None, w_ih, w_hh, None, d[..., None, :])
    gx = x @ w_ih.T + b_ih  # (T, [B,] D) @ (D, G*H) -> (T, [B,] G*H)
    gh = h[:-1] @ w_hh.T + b_hh  # (T, [B,] H_s) @ (H_s, G*H): reads h_{t-1}
    if spec.kind == "gru":
        r = sigmoid(gx[..., :H] + gh[..., :H])  # (T, [B,] H) each
        z = sigmoid(gx[..., H : 2 * H] + gh[..., H : 2 * H])
        gh_n = gh[..., 2 * H :]
        n = np.tanh(gx[..., 2 * H :] + r * gh_n)
        c_n = (1.0 - z) * (1.0 - n * n)
        c_z = (h[:-1] - n) * z * (1.0 - z)
        c_r = c_n * gh_n * r * (1.0 - r)
        coef = np.stack([c_r, c_z, c_n], axis=-2)  # (T, [B,] 3, H)
        return Terms("gru", h, None, w_ih, w_hh, None, coef, direct=z, r=r)
    a = gx + gh  # (T, [B,] 4H), torch's order i, f, g, o
    i, f, o = sigmoid(a[..., :H]), sigmoid(a[..., H : 2 * H]), sigmoid(a[..., 3 * H :])
    g = np.tanh(a[..., 2 * H : 3 * H])
    c = np.empty((T + 1, *f.shape[1:]), dtype=h.dtype)  # (T + 1, [B,] H)
    c[0] = c0
    ig = i * g
    for t in range(T):  # c_t = f_t c_{t-1} + i_t g_t: elementwise, O(T H)
        c[t + 1] = f[t] * c[t] + ig[t]
    tc = np.tanh(c[1:])  # (T, [B,] H)
    coef = np.stack([g * i * (1.0 - i), c[:-1] * f * (1.0 - f), i * (1.0 - g * g)], axis=-2)
    w_hr = np.asarray(sd["weight_hr_l0"]) if "weight_hr_l0" in sd else None
    return Terms("lstm", h, c, w_ih, w_hh, w_hr, coef, direct=f, k=o * (1.0 - tc * tc),
                 co=tc * o * (1.0 - o))


class Sweep:
    """Buffers for up to n rows, and one backward step at a time.

    gh (n, H_s) holds g_{h,t} and gc (n, H) g_{c,t} (LSTM); step(t, m) replaces the first
    m rows of both by g_{h,t-1} and g_{c,t-1}.
    """

    def __init__(self, tm: Terms, n: int):
        self.tm = tm
        P, H, dtype = tm.h.shape[-1], tm.coef.shape[-1], tm.h.dtype
        G = tm.w_hh.shape[0] // H
        self.gh = np.zeros((n, P), dtype=dtype)
        self.gc = np.zeros((n, H), dtype=dtype) if tm.kind == "lstm" else None
        self._da = np.empty((n, G, H), dtype=dtype)  # dL/da_t by gate block
        self._tmp = np.empty((n, H), dtype=dtype)
        self._gr = np.empty((n, H), dtype=dtype) if tm.w_hr is not None else None

    def step(self, t: int, m: int, input_grad: bool = False) -> np.ndarray | None:
        """Step t for the first m rows; returns dL/dx_t (m, D) if input_grad, else None."""
        tm, gh, da, tmp = self.tm, self.gh[:m], self._da[:m], self._tmp[:m]
        G, H = da.shape[1], da.shape[2]
        da2 = da.reshape(m, G * H)  # (m, G*H) torch's gate order
        dx = None
        if tm.kind == "rnn":
            np.multiply(gh, tm.coef[t - 1][..., 0, :], out=da[:, 0])  # (m, H) dL/da_t
        elif tm.kind == "gru":
            np.multiply(gh[:, None, :], tm.coef[t - 1], out=da)  # (m, 3, H): r, z, n
            if input_grad:  # W_in x_t enters n_t outside the reset gate
                dx = da2 @ tm.w_ih  # (m, 3H) @ (3H, D)
            da[:, 2] *= tm.r[t - 1]  # the n block meets W_hn h_{t-1} through r_t
            np.multiply(gh, tm.direct[t - 1], out=tmp)  # the direct z_t * h_{t-1} term
        else:
            gc = self.gc[:m]
            gr = gh if tm.w_hr is None else np.matmul(gh, tm.w_hr, out=self._gr[:m])
            np.multiply(gr, tm.k[t - 1], out=tmp)  # through h_t = o tanh(c_t) into c_t
            gc += tmp
            np.multiply(gc[:, None, :], tm.coef[t - 1], out=da[:, :3])  # i, f, g
            np.multiply(gr, tm.co[t - 1], out=da[:, 3])  # o
            gc *= tm.direct[t - 1]  # down the cell path: g_{c,t-1} = g_c * f_t
        if input_grad and dx is None:
            dx = da2 @ tm.w_ih  # (m, G*H) @ (G*H, D)
        np.matmul(da2, tm.w_hh, out=gh)  # (m, G*H) @ (G*H, H_s) -> g_{h,t-1}
        if tm.kind == "gru":
            gh += tmp
        return dx


def sweep(tm: Terms, seed_h: np.ndarray, seed_c: np.ndarray | None, record: str) -> np.ndarray:
    """Carry the rows seed_h (n, H_s) [and seed_c (n, H)] from step T down to step 0.

    Returns the stack of the carried gradients (T + 1, n, width): out[t] = g_{h,t}
    (record="h") or g_{c,t} (record="c"), out[T] = the seed.
    """
    T, n = tm.coef.shape[0], seed_h.shape[0]
    sw = Sweep(tm, n)
    sw.gh[:] = seed_h
    if sw.gc is not None:
        sw.gc[:] = seed_c
    src = sw.gh if record == "h" else sw.gc
    out = np.empty((T + 1, *src.shape), dtype=src.dtype)  # (T + 1, n, width)
    out[T] = src
    for t in range(T, 0, -1):
        sw.step(t, n)
        out[t - 1] = src
    return out
