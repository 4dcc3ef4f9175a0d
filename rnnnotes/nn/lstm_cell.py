r"""One direction of one LSTM layer over a whole sequence, and its backward pass.

The equations are PyTorch's (`torch.nn.LSTM`), gate order i, f, g, o; $a_t$ has $4H$ rows,
$\sigma$ is the logistic sigmoid and $\odot$ the elementwise product:

$$
\begin{split}
a_t &= W_{ih} x_t + b_{ih} + W_{hh} h_{t-1} + b_{hh} \\
&= [a_i; a_f; a_g; a_o] \\
i_t &= \sigma(a_i) \\
f_t &= \sigma(a_f) \\
g_t &= \tanh(a_g) \\
o_t &= \sigma(a_o) \\
c_t &= f_t \odot c_{t-1} + i_t \odot g_t \\
r_t &= o_t \odot \tanh(c_t) \\
h_t &= r_t \quad \text{or} \quad W_{hr} r_t
\end{split}
$$

the second with a projection (`proj_size` $P > 0$): $W_{hr}$ is $P \times H$ and $h_t$ has
$P$ units.

Backward through time, with $e_t$ the gradient reaching $h_t$ from the layer above (or the
loss) and $\delta h_t$ the total one (from above and from step $t + 1$):

$$
\begin{split}
\delta r_t &= \delta h_t \quad \text{or} \quad W_{hr}^\top \delta h_t \\
\delta o_t &= \delta r_t \odot \tanh(c_t) \\
\delta c_t &= f_{t+1} \odot \delta c_{t+1} \\
&\quad + \delta r_t \odot o_t \odot (1 - \tanh^2 c_t) \\
\delta i_t &= \delta c_t \odot g_t \\
\delta f_t &= \delta c_t \odot c_{t-1} \\
\delta g_t &= \delta c_t \odot i_t \\
\delta a_i &= \delta i_t \odot i_t \odot (1 - i_t) \\
\delta a_f &= \delta f_t \odot f_t \odot (1 - f_t) \\
\delta a_g &= \delta g_t \odot (1 - g_t^2) \\
\delta a_o &= \delta o_t \odot o_t \odot (1 - o_t) \\
\delta h_{t-1} &= e_{t-1} + W_{hh}^\top \delta a_t \\
\delta x_t &= W_{ih}^\top \delta a_t
\end{split}
$$

with $\delta a_t = [\delta a_i; \delta a_f; \delta a_g; \delta a_o]$. The cell path
$\delta c_{t-1} = f_t \odot \delta c_t + \dots$ has no matrix and no squashing: the gradient
along it is scaled by the forget gates alone. The weight gradients are sums over time (and
the batch) of outer products,

$$
\begin{split}
\delta W_{ih} &= \sum_t \delta a_t\, x_t^\top \\
\delta W_{hh} &= \sum_t \delta a_t\, h_{t-1}^\top \\
\delta b_{ih} &= \delta b_{hh} = \sum_t \delta a_t \\
\delta W_{hr} &= \sum_t \delta h_t\, r_t^\top,
\end{split}
$$

taken after the loop as one matrix product each over all $T B$ rows.

Two layout choices inside this module, both for speed and invisible outside it:

- the gate blocks are in the order i, f, o, g (torch's rows are permuted on the way in and
  the gradients' rows back on the way out), so the three sigmoids are one call;
- the gate values are stored gate-major, `acts[t, k]` a contiguous `(B, H)` array for
  gate $k$, because numpy pays per row for elementwise work on column slices of a `(B, 4H)`
  array. The matrix products keep the `(B, 4H)` layout, and one strided add (forward) or
  multiply (backward) per step converts between the two.

Shapes: $T$ steps, $B$ sequences, $C$ input features of the layer, $H$ hidden units,
$P$ = `proj_size` or $H$ the width of $h_t$.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from rnnnotes.nn._ops import sigmoid_, with_ones


class LSTMCache(NamedTuple):
    """What the backward pass needs, and nothing else."""

    xa: np.ndarray         # (T*B, C [+ 1]) the layer input [| 1], for dW_ih [| db]
    hs: np.ndarray         # (T + 1, B, P) h_0 .. h_T, for dW_hh (h_{t-1} feeds step t)
    cs: np.ndarray         # (T + 1, B, H) c_0 .. c_T, for df = dc * c_{t-1}
    acts: np.ndarray       # (T, 4, B, H) i, f, o, g after their nonlinearities
    tanh_c: np.ndarray     # (T, B, H) tanh(c_t)
    rs: np.ndarray | None  # (T, B, H) o * tanh(c) before the projection, if any
    w_ih: np.ndarray       # (4H, C) rows in the order i, f, o, g
    w_hh: np.ndarray       # (4H, P) rows in the order i, f, o, g
    w_hr: np.ndarray | None


def _ifog(a: np.ndarray) -> np.ndarray:
    """Swap the last two of four row blocks: torch's i, f, g, o <-> our i, f, o, g.

    The swap is its own inverse, so the same function maps gradients back.
    """
    i, f, x, y = np.split(a, 4)
    return np.concatenate([i, f, y, x])


def lstm_forward(x: np.ndarray, state0: tuple[np.ndarray, np.ndarray],
                 params: dict[str, np.ndarray | None]
                 ) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray], LSTMCache]:
    """Run the LSTM over `x` (T, B, C) from `state0 = (h_0 (B, P), c_0 (B, H))`.

    `params` holds torch's `w_ih` (4H, C), `w_hh` (4H, P), `b_ih`/`b_hh` (4H,)
    or None, `w_hr` (P, H) or None. Returns `(hs (T, B, P), (h_T, c_T), cache)`.
    """
    w_ih, w_hh, w_hr = _ifog(params["w_ih"]), _ifog(params["w_hh"]), params["w_hr"]
    T, B, C = x.shape
    H = w_hh.shape[0] // 4
    P = w_hh.shape[1]  # size of h: proj_size, or H without projection
    h0, c0 = state0

    # The input projection of every step at once, both biases included:
    # one (T*B, C + 1) @ (C + 1, 4H) product, [x | 1] @ [W_ih | b_ih + b_hh]^T.
    bias = params["b_ih"] is not None
    xa = with_ones(x, bias)
    w_aug = np.column_stack([w_ih, _ifog(params["b_ih"] + params["b_hh"])]) if bias else w_ih
    xw = (xa @ w_aug.T).reshape(T, B, 4, H)              # (T*B, C+1) @ (C+1, 4H), split
    acts = np.empty((T, 4, B, H), dtype=x.dtype)          # gate-major, see the docstring
    hs = np.empty((T + 1, B, P), dtype=x.dtype)
    cs = np.empty((T + 1, B, H), dtype=x.dtype)
    tanh_c = np.empty((T, B, H), dtype=x.dtype)
    rs = np.empty((T, B, H), dtype=x.dtype) if w_hr is not None else None
    hs[0], cs[0] = h0, c0
    w_hh_t = w_hh.T  # (P, 4H), a view: matmul hands the transpose to BLAS
    w_hr_t = w_hr.T if w_hr is not None else None  # (H, P)
    rec = np.empty((B, 4 * H), dtype=x.dtype)
    rec_by_gate = rec.reshape(B, 4, H).transpose(1, 0, 2)  # (4, B, H) view of rec
    ig = np.empty((B, H), dtype=x.dtype)

    with np.errstate(over="ignore"):
        for t in range(T):
            a = acts[t]                                   # (4, B, H)
            np.matmul(hs[t], w_hh_t, out=rec)             # (B, P) @ (P, 4H)
            np.add(xw[t].transpose(1, 0, 2), rec_by_gate, out=a)  # regrouped by gate
            sigmoid_(a[:3])                               # i, f, o
            np.tanh(a[3], out=a[3])                       # g
            i, f, o, g = a
            np.multiply(f, cs[t], out=cs[t + 1])          # c_t = f * c_{t-1} + i * g
            np.multiply(i, g, out=ig)
            cs[t + 1] += ig
            np.tanh(cs[t + 1], out=tanh_c[t])
            if w_hr_t is None:
                np.multiply(o, tanh_c[t], out=hs[t + 1])
            else:
                np.multiply(o, tanh_c[t], out=rs[t])
                np.matmul(rs[t], w_hr_t, out=hs[t + 1])   # (B, H) @ (H, P)

    cache = LSTMCache(xa, hs, cs, acts, tanh_c, rs, w_ih, w_hh, w_hr)
    return hs[1:], (hs[T], cs[T]), cache


def lstm_backward(dhs: np.ndarray, dstate_T: tuple[np.ndarray, np.ndarray], cache: LSTMCache
                  ) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray], dict[str, np.ndarray]]:
    """Backpropagate `dhs` (T, B, P), the gradient of the loss w.r.t. every h_t from the
    layer above, and `dstate_T = (dh_T, dc_T)` through time.

    Returns `(dx (T, B, C), (dh_0, dc_0), grads)`; `grads` has torch's row order and
    the keys `w_ih`, `w_hh` and, if the model has them, `b_ih`, `b_hh`, `w_hr`.
    """
    xa, hs, cs, acts, tanh_c, rs, w_ih, w_hh, w_hr = cache
    T, B, P = dhs.shape
    H, C = w_hh.shape[0] // 4, w_ih.shape[1]
    dtype = hs.dtype

    dh = np.array(dstate_T[0], dtype=dtype)               # (B, P) gradient reaching h_t
    dc = np.array(dstate_T[1], dtype=dtype)               # (B, H) gradient reaching c_t
    da = np.empty((T, B, 4 * H), dtype=dtype)             # dL/da_t, kept for dW
    dh_all = np.empty((T, B, P), dtype=dtype) if w_hr is not None else None
    dr = np.empty((B, H), dtype=dtype)
    upstream = np.empty((4, B, H), dtype=dtype)           # dL/d(gate value)
    local = np.empty((4, B, H), dtype=dtype)              # d(gate value)/da
    tmp = np.empty((B, H), dtype=dtype)
    # Everything below works on one step's arrays, which stay in cache: whole-array passes
    # over (T, 4, B, H) would be shorter to write but cost more memory traffic.
    for t in range(T - 1, -1, -1):
        dh += dhs[t]
        if w_hr is None:
            dr = dh
        else:
            dh_all[t] = dh
            np.matmul(dh, w_hr, out=dr)                   # (B, P) @ (P, H)
        a, tc = acts[t], tanh_c[t]
        i, f, o, g = a
        np.multiply(tc, tc, out=tmp)                      # dc += dr * o * (1 - tanh^2 c)
        np.subtract(1.0, tmp, out=tmp)
        tmp *= o
        tmp *= dr
        dc += tmp
        np.multiply(dc, g, out=upstream[0])               # di = dc * g
        np.multiply(dc, cs[t], out=upstream[1])           # df = dc * c_{t-1}
        np.multiply(dr, tc, out=upstream[2])              # do = dr * tanh(c)
        np.multiply(dc, i, out=upstream[3])               # dg = dc * i
        dc *= f                                           # down the cell path to c_{t-1}
        np.subtract(1.0, a, out=local)                    # sigmoid' = s (1 - s) for i, f, o
        local[:3] *= a[:3]
        np.add(1.0, g, out=tmp)                           # tanh' = (1 - g)(1 + g) for g
        local[3] *= tmp
        # dL/da_t, written back into the (B, 4H) layout of the matrix products
        np.multiply(upstream, local, out=da[t].reshape(B, 4, H).transpose(1, 0, 2))
        np.matmul(da[t], w_hh, out=dh)                    # (B, 4H) @ (4H, P) -> dh_{t-1}

    da2 = da.reshape(T * B, 4 * H)
    gw = _ifog(da2.T @ xa)                                # (4H, T*B) @ (T*B, C [+ 1])
    grads = {
        "w_ih": np.ascontiguousarray(gw[:, :C]),
        "w_hh": _ifog(da2.T @ hs[:T].reshape(T * B, P)),  # (4H, T*B) @ (T*B, P)
    }
    if xa.shape[1] > C:                                   # the model has biases
        grads["b_ih"] = gw[:, C].copy()                   # both biases enter a_t once
        grads["b_hh"] = gw[:, C].copy()
    if w_hr is not None:
        grads["w_hr"] = dh_all.reshape(T * B, P).T @ rs.reshape(T * B, H)  # (P, H)
    dx = (da2 @ w_ih).reshape(T, B, C)                    # (T*B, 4H) @ (4H, C)
    return dx, (dh, dc), grads
