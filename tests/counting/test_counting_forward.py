"""The arrays count_parameters lists must be exactly what a working network reads.

Each test fills every listed array with random numbers, runs a numpy forward pass of the
stack over a short sequence with the framework's equations, and checks that (a) every
matmul composes (a wrong shape fails loudly), (b) the output has the expected width and
(c) every listed array was read: nothing missing, nothing extra.
"""

from __future__ import annotations

import numpy as np
import pytest

from rnnnotes.counting import count_parameters


def sigmoid(a: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-a))


class Reads(dict):
    """A {name: array} that remembers which names were looked up."""

    def __init__(self, *args):
        super().__init__(*args)
        self.read: set[str] = set()

    def __getitem__(self, name):
        self.read.add(name)
        return super().__getitem__(name)


def torch_cell(cell, p, tag, x, h, c, bias):
    """One PyTorch step. x (D_l,), h (H_r,), c (H,). Gate order i,f,g,o / r,z,n."""
    gi = p[f"weight_ih{tag}"] @ x + (p[f"bias_ih{tag}"] if bias else 0)  # (gH,)
    gh = p[f"weight_hh{tag}"] @ h + (p[f"bias_hh{tag}"] if bias else 0)  # (gH,)
    if cell == "rnn":
        return np.tanh(gi + gh), c
    if cell == "gru":
        (ir, iz, i_n), (hr, hz, hn) = np.split(gi, 3), np.split(gh, 3)
        r, z = sigmoid(ir + hr), sigmoid(iz + hz)
        n = np.tanh(i_n + r * hn)  # reset applied after the matmul (torch)
        return (1 - z) * n + z * h, c
    i, f, g, o = np.split(gi + gh, 4)
    c = sigmoid(f) * c + sigmoid(i) * np.tanh(g)
    h_new = sigmoid(o) * np.tanh(c)  # (H,)
    if f"weight_hr{tag}" in p:
        h_new = p[f"weight_hr{tag}"] @ h_new  # (p, H) @ (H,) -> (p,)
    return h_new, c


def keras_cell(cell, p, tag, x, h, c, bias, reset_after):
    """One Keras step. x (D_l,) @ kernel (D_l, gH); gate order i,f,c,o / z,r,h."""
    k, u = p[f"{tag}kernel"], p[f"{tag}recurrent_kernel"]
    b = p[f"{tag}bias"] if bias else np.zeros((2, k.shape[1]) if reset_after else k.shape[1])
    if cell == "rnn":
        return np.tanh(x @ k + h @ u + b), c
    if cell == "gru":
        b_in, b_rec = (b[0], b[1]) if reset_after else (b, np.zeros_like(b))
        xz, xr, xh = np.split(x @ k + b_in, 3)
        uz, ur, uh = np.split(u, 3, axis=1)
        bz, br, bh = np.split(b_rec, 3)
        z, r = sigmoid(xz + h @ uz + bz), sigmoid(xr + h @ ur + br)
        cand = np.tanh(xh + r * (h @ uh + bh)) if reset_after else np.tanh(xh + (r * h) @ uh)
        return z * h + (1 - z) * cand, c
    i, f, g, o = np.split(x @ k + h @ u + b, 4)
    c = sigmoid(f) * c + sigmoid(i) * np.tanh(g)
    return sigmoid(o) * np.tanh(c), c


def run(step, names, xs, h_width, c_width):
    """Run each direction over xs (T, D_l); concatenate per-step outputs (T, dirs*H_r)."""
    outs = []
    for tag, reverse in names:
        h, c, seq = np.zeros(h_width), np.zeros(c_width), []
        for x in xs[::-1] if reverse else xs:
            h, c = step(tag, x, h, c)
            seq.append(h)
        outs.append(np.array(seq[::-1] if reverse else seq))
    return np.concatenate(outs, axis=1)


CASES = [
    (cell, layers, bias, bidirectional, k)
    for cell in ("rnn", "lstm", "gru")
    for layers in (1, 3)
    for bias in (True, False)
    for bidirectional in (False, True)
    for k in (None, 4)
]


# proj_size (LSTMP) exists for the LSTM only.
TORCH_CASES = [c + (proj,) for c in CASES for proj in ((0, 3) if c[0] == "lstm" else (0,))]


@pytest.mark.parametrize("cell,layers,bias,bidirectional,k,proj", TORCH_CASES)
def test_pytorch_arrays_drive_a_forward_pass(cell, layers, bias, bidirectional, k, proj):
    d, h, steps = 5, 7, 4
    pc = count_parameters(
        cell,
        d,
        h,
        num_layers=layers,
        bias=bias,
        bidirectional=bidirectional,
        proj_size=proj,
        output_size=k,
    )
    rng = np.random.default_rng(0)
    p = Reads({a.name: rng.normal(size=a.shape) for a in pc})
    out = rng.normal(size=(steps, d))  # (T, D)
    for layer in range(layers):
        names = [(f"_l{layer}", False)] + [(f"_l{layer}_reverse", True)] * bidirectional
        out = run(
            lambda t, x, hh, cc: torch_cell(cell, p, t, x, hh, cc, bias), names, out, proj or h, h
        )
    width = (proj or h) * (2 if bidirectional else 1)
    assert out.shape == (steps, width)
    if k is not None:
        out = out @ p["fc.weight"].T + (p["fc.bias"] if bias else 0)  # (T, F) @ (F, K)
        assert out.shape == (steps, k)
    assert np.all(np.isfinite(out))
    assert p.read == set(p), f"never read: {set(p) - p.read}"


@pytest.mark.parametrize("cell,layers,bias,bidirectional,k", CASES)
@pytest.mark.parametrize("reset_after", [True, False])
def test_keras_arrays_drive_a_forward_pass(cell, layers, bias, bidirectional, k, reset_after):
    d, h, steps = 5, 7, 4
    pc = count_parameters(
        cell,
        d,
        h,
        num_layers=layers,
        bias=bias,
        convention="keras",
        bidirectional=bidirectional,
        output_size=k,
        reset_after=reset_after,
    )
    two = cell == "gru" and reset_after
    rng = np.random.default_rng(1)
    p = Reads({a.name: rng.normal(size=a.shape) for a in pc})
    out = rng.normal(size=(steps, d))
    for layer in range(layers):
        if bidirectional:
            names = [(f"layer{layer}/forward/", False), (f"layer{layer}/backward/", True)]
        else:
            names = [(f"layer{layer}/", False)]
        out = run(
            lambda t, x, hh, cc: keras_cell(cell, p, t, x, hh, cc, bias, two), names, out, h, h
        )
    assert out.shape == (steps, h * (2 if bidirectional else 1))
    if k is not None:
        out = out @ p["dense/kernel"] + (p["dense/bias"] if bias else 0)  # (T, F) @ (F, K)
        assert out.shape == (steps, k)
    assert np.all(np.isfinite(out))
    assert p.read == set(p), f"never read: {set(p) - p.read}"
