"""Recurrent cells written out in numpy from a state dict, independently of rnnnotes.nn:
the references the figure tests compare with (PyTorch's equations and gate orders)."""

from __future__ import annotations

import numpy as np


def sigmoid(a):
    return 0.5 * (1.0 + np.tanh(0.5 * a))  # no overflow for a forget bias of -1000


def lstm_step(sd, x, h, c, suffix=""):
    """One LSTM step (gate order i, f, g, o) -> (h, c, gates dict)."""
    a = (sd[f"weight_ih_l0{suffix}"] @ x + sd[f"bias_ih_l0{suffix}"]
         + sd[f"weight_hh_l0{suffix}"] @ h + sd[f"bias_hh_l0{suffix}"])
    i, f, g, o = np.split(a, 4)
    i, f, g, o = sigmoid(i), sigmoid(f), np.tanh(g), sigmoid(o)
    c = f * c + i * g
    return o * np.tanh(c), c, {"i": i, "f": f, "g": g, "o": o}


def gru_step(sd, x, h):
    """One GRU step (gate order r, z, n; reset applied after the matrix product)."""
    ai = sd["weight_ih_l0"] @ x + sd["bias_ih_l0"]
    ah = sd["weight_hh_l0"] @ h + sd["bias_hh_l0"]
    (ir, iz, i_n), (hr, hz, hn) = np.split(ai, 3), np.split(ah, 3)
    r, z = sigmoid(ir + hr), sigmoid(iz + hz)
    n = np.tanh(i_n + r * hn)
    return (1 - z) * n + z * h


def lstm_run(sd, x, suffix=""):
    """h, c (T + 1, H) and the forget gates (T, H) of one direction over x (T, D)."""
    H = sd[f"weight_hh_l0{suffix}"].shape[1]
    h, c = [np.zeros(H)], [np.zeros(H)]
    forget = []
    for x_t in x:
        h_t, c_t, gates = lstm_step(sd, x_t, h[-1], c[-1], suffix)
        h.append(h_t)
        c.append(c_t)
        forget.append(gates["f"])
    return np.array(h), np.array(c), np.array(forget)


def lstm_outputs(sd, x):
    """y (T, O): h_t, and for a bidirectional LSTM [h_t forward, h_t backward]."""
    forward = lstm_run(sd, x)[0][1:]
    if "weight_ih_l0_reverse" not in sd:
        return forward
    backward = lstm_run(sd, x[::-1], "_reverse")[0][1:][::-1]
    return np.concatenate([forward, backward], axis=1)


def tanh_rnn_norms(sd, x):
    """||dh_T/dh_{T-k}||_2, k = 0..T: the product of diag(1 - h_s^2) W_hh, s = T..t+1."""
    W, U = sd["weight_hh_l0"], sd["weight_ih_l0"]
    b = sd.get("bias_ih_l0", 0.0) + sd.get("bias_hh_l0", 0.0)  # bias=False: none
    h = [np.zeros(W.shape[0])]
    for x_t in x:
        h.append(np.tanh(W @ h[-1] + U @ x_t + b))
    J, norms = np.eye(W.shape[0]), [1.0]
    for s in range(len(x), 0, -1):
        J = J @ ((1.0 - h[s] ** 2)[:, None] * W)  # dh_T/dh_{s-1}
        norms.append(np.linalg.norm(J, 2))
    return np.array(norms)
