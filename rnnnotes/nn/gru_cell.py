r"""One direction of one GRU layer over a whole sequence, and its backward pass.

The equations are PyTorch's (`torch.nn.GRU`), gate order r, z, n, with the reset gate
applied *after* the hidden matmul (to $W_{hn} h_{t-1} + b_{hn}$, which is why the two
biases of the n block are not interchangeable); $\sigma$ is the logistic sigmoid and
$\odot$ the elementwise product; $x'_t$ and $h'_t$ have $3H$ rows each, split into
blocks $r, z, n$:

$$
\begin{split}
x'_t &= W_{ih} x_t + b_{ih} \\
h'_t &= W_{hh} h_{t-1} + b_{hh} \\
r_t &= \sigma(x'_r + h'_r) \\
z_t &= \sigma(x'_z + h'_z) \\
n_t &= \tanh(x'_n + r_t \odot h'_n) \\
h_t &= (1 - z_t) \odot n_t + z_t \odot h_{t-1} \\
&= n_t + z_t \odot (h_{t-1} - n_t)
\end{split}
$$

Backward through time, with $e_t$ the gradient reaching $h_t$ from the layer above (or the
loss) and $\delta h_t$ the total one (from above and from step $t + 1$):

$$
\begin{split}
\delta n_t &= \delta h_t \odot (1 - z_t) \\
\delta z_t &= \delta h_t \odot (h_{t-1} - n_t) \\
\delta a_n &= \delta n_t \odot (1 - n_t^2) \\
\delta r_t &= \delta a_n \odot h'_n \\
\delta a_r &= \delta r_t \odot r_t \odot (1 - r_t) \\
\delta a_z &= \delta z_t \odot z_t \odot (1 - z_t) \\
\delta x'_t &= [\delta a_r; \delta a_z; \delta a_n] \\
\delta h'_t &= [\delta a_r; \delta a_z; r_t \odot \delta a_n] \\
\delta h_{t-1} &= e_{t-1} + z_t \odot \delta h_t + W_{hh}^\top \delta h'_t \\
\delta x_t &= W_{ih}^\top \delta x'_t
\end{split}
$$

The weight gradients are sums over time (and the batch) of outer products,

$$
\begin{split}
\delta W_{ih} &= \sum_t \delta x'_t\, x_t^\top \\
\delta W_{hh} &= \sum_t \delta h'_t\, h_{t-1}^\top \\
\delta b_{ih} &= \sum_t \delta x'_t \\
\delta b_{hh} &= \sum_t \delta h'_t,
\end{split}
$$

taken after the loop as one matrix product each over all $T B$ rows ($\delta b_{ih}$ and
$\delta b_{hh}$ differ in the n block).

Shapes: $T$ steps, $B$ sequences, $C$ input features of the layer, $H$ hidden units.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from rnnnotes.nn._ops import sigmoid_


class GRUCache(NamedTuple):
    """What the backward pass needs, and nothing else."""

    x: np.ndarray     # (T, B, C) the layer input, for dW_ih
    hs: np.ndarray    # (T + 1, B, H) h_0 .. h_T, for dW_hh and dz
    acts: np.ndarray  # (T, B, 3H) r, z, n after their nonlinearities
    gh_n: np.ndarray  # (T, B, H) W_hn h_{t-1} + b_hn, for dr
    params: dict[str, np.ndarray | None]


def gru_forward(x: np.ndarray, state0: tuple[np.ndarray], params: dict[str, np.ndarray | None]
                ) -> tuple[np.ndarray, tuple[np.ndarray], GRUCache]:
    """Run the GRU over `x` (T, B, C) from `state0 = (h_0 (B, H),)`.

    `params` holds `w_ih` (3H, C), `w_hh` (3H, H), `b_ih`/`b_hh` (3H,) or None.
    Returns `(hs (T, B, H), (h_T,), cache)`.
    """
    w_ih, w_hh, b_hh = params["w_ih"], params["w_hh"], params["b_hh"]
    T, B, C = x.shape
    H = w_hh.shape[0] // 3

    # The input projection of every step at once: one (T*B, C) @ (C, 3H) product.
    acts = (x.reshape(T * B, C) @ w_ih.T).reshape(T, B, 3 * H)
    if params["b_ih"] is not None:
        acts += params["b_ih"]                           # (3H,) broadcast over (T, B)
    hs = np.empty((T + 1, B, H), dtype=x.dtype)
    gh_n = np.empty((T, B, H), dtype=x.dtype)
    hs[0] = state0[0]
    w_hh_t = w_hh.T                                      # (H, 3H) view for BLAS
    gh = np.empty((B, 3 * H), dtype=x.dtype)
    tmp = np.empty((B, H), dtype=x.dtype)

    with np.errstate(over="ignore"):
        for t in range(T):
            a = acts[t]                                  # (B, 3H), filled in place
            np.matmul(hs[t], w_hh_t, out=gh)             # (B, H) @ (H, 3H)
            if b_hh is not None:
                gh += b_hh
            a[:, :2 * H] += gh[:, :2 * H]
            sigmoid_(a[:, :2 * H])                      # r, z
            r, z, n = a[:, :H], a[:, H:2 * H], a[:, 2 * H:]
            gh_n[t] = gh[:, 2 * H:]
            np.multiply(r, gh_n[t], out=tmp)             # n = tanh(gx_n + r * gh_n)
            n += tmp
            np.tanh(n, out=n)
            np.subtract(hs[t], n, out=tmp)               # h = n + z * (h_{t-1} - n)
            tmp *= z
            np.add(n, tmp, out=hs[t + 1])

    return hs[1:], (hs[T],), GRUCache(x, hs, acts, gh_n, params)


def gru_backward(dhs: np.ndarray, dstate_T: tuple[np.ndarray], cache: GRUCache
                 ) -> tuple[np.ndarray, tuple[np.ndarray], dict[str, np.ndarray]]:
    """Backpropagate `dhs` (T, B, H), the gradient w.r.t. every h_t from the layer above,
    and `dstate_T = (dh_T,)` through time.

    Returns `(dx (T, B, C), (dh_0,), grads)`; `grads` has the keys of `params` that
    are not None.
    """
    x, hs, acts, gh_n, params = cache
    w_ih, w_hh = params["w_ih"], params["w_hh"]
    T, B, C = x.shape
    H = w_hh.shape[0] // 3
    dtype = x.dtype

    # Local derivatives for all steps at once, written into the buffer that becomes
    # dL/dgx: r (1 - r), z (1 - z), 1 - n^2. And h_{t-1} - n_t, the factor of dz.
    dgx = 1.0 - acts                                     # (T, B, 3H)
    dgx *= acts
    n = acts[:, :, 2 * H:]
    np.multiply(n, n, out=dgx[:, :, 2 * H:])
    np.subtract(1.0, dgx[:, :, 2 * H:], out=dgx[:, :, 2 * H:])
    h_minus_n = hs[:T] - n                               # (T, B, H)

    dgh = np.empty((T, B, 3 * H), dtype=dtype)
    dh = np.array(dstate_T[0], dtype=dtype)              # (B, H) gradient reaching h_t
    upstream = np.empty((B, 3 * H), dtype=dtype)         # dL/d(gate value), before dgx
    dh_direct = np.empty((B, H), dtype=dtype)
    for t in range(T - 1, -1, -1):
        dh += dhs[t]
        r, z = acts[t, :, :H], acts[t, :, H:2 * H]
        np.multiply(dh, z, out=dh_direct)                # dh_{t-1} gets dh * z directly
        np.subtract(dh, dh_direct, out=upstream[:, 2 * H:])   # dn = dh * (1 - z)
        np.multiply(dh, h_minus_n[t], out=upstream[:, H:2 * H])  # dz
        dgx[t, :, 2 * H:] *= upstream[:, 2 * H:]         # da_n
        np.multiply(dgx[t, :, 2 * H:], gh_n[t], out=upstream[:, :H])  # dr = da_n * gh_n
        dgx[t, :, :2 * H] *= upstream[:, :2 * H]         # da_r, da_z
        dgh[t, :, :2 * H] = dgx[t, :, :2 * H]
        np.multiply(dgx[t, :, 2 * H:], r, out=dgh[t, :, 2 * H:])  # da_n * r
        np.matmul(dgh[t], w_hh, out=dh)                  # (B, 3H) @ (3H, H)
        dh += dh_direct

    dgx2, dgh2 = dgx.reshape(T * B, 3 * H), dgh.reshape(T * B, 3 * H)
    grads = {
        "w_ih": dgx2.T @ x.reshape(T * B, C),            # (3H, T*B) @ (T*B, C)
        "w_hh": dgh2.T @ hs[:T].reshape(T * B, H),       # (3H, T*B) @ (T*B, H)
    }
    if params["b_ih"] is not None:
        grads["b_ih"] = dgx2.sum(axis=0)
        grads["b_hh"] = dgh2.sum(axis=0)                 # differs from b_ih in the n block
    dx = (dgx2 @ w_ih).reshape(T, B, C)                  # (T*B, 3H) @ (3H, C)
    return dx, (dh,), grads
