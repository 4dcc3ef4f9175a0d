"""count_parameters vs numpy arrays of the *semantic* shapes, built here gate by gate.

The builders below never look at rnnnotes: they write each gate's matrices and biases as
the papers / framework docs describe them (W_i (H, D), U_i (H, H), ...) and stack the gate
blocks the way each framework stores them. count_parameters must name the same arrays, in
the same order, with the same shapes, and its total must be the sum of their sizes.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from rnnnotes.counting import count_parameters, unrolled_weights

# Gate blocks by name, in framework order (PyTorch and Keras agree on the order).
GATES = {"rnn": ["h"], "lstm": ["i", "f", "g", "o"], "gru": ["r", "z", "n"]}


def torch_semantic(cell, d, h, layers, bias, bidirectional, proj, k) -> dict[str, np.ndarray]:
    """PyTorch layout: W x with W (rows = gate units, cols = inputs); two biases per gate."""
    out: dict[str, np.ndarray] = {}
    h_r = proj or h  # the hidden state the cell emits (projected if LSTMP)
    directions = ["", "_reverse"] if bidirectional else [""]
    for layer in range(layers):
        width = d if layer == 0 else h_r * len(directions)
        for sfx in directions:
            tag = f"_l{layer}{sfx}"
            out[f"weight_ih{tag}"] = np.concatenate([np.zeros((h, width)) for _ in GATES[cell]])
            out[f"weight_hh{tag}"] = np.concatenate([np.zeros((h, h_r)) for _ in GATES[cell]])
            if bias:
                out[f"bias_ih{tag}"] = np.concatenate([np.zeros(h) for _ in GATES[cell]])
                out[f"bias_hh{tag}"] = np.concatenate([np.zeros(h) for _ in GATES[cell]])
            if proj:
                out[f"weight_hr{tag}"] = np.zeros((proj, h))  # h_t = W_hr (o * tanh c_t)
    if k is not None:
        out["fc.weight"] = np.zeros((k, h_r * len(directions)))
        if bias:
            out["fc.bias"] = np.zeros(k)
    return out


def keras_semantic(cell, d, h, layers, bias, bidirectional, reset_after, k):
    """Keras layout: x @ kernel with kernel (inputs, gate units), gate blocks side by side."""
    out: dict[str, np.ndarray] = {}
    directions = ["forward/", "backward/"] if bidirectional else [""]
    for layer in range(layers):
        width = d if layer == 0 else h * len(directions)
        for where in directions:
            tag = f"layer{layer}/{where}"
            out[f"{tag}kernel"] = np.concatenate(
                [np.zeros((width, h)) for _ in GATES[cell]], axis=1
            )
            out[f"{tag}recurrent_kernel"] = np.concatenate(
                [np.zeros((h, h)) for _ in GATES[cell]], axis=1
            )
            if bias:
                one = np.concatenate([np.zeros(h) for _ in GATES[cell]])
                two = cell == "gru" and reset_after  # input bias and recurrent bias
                out[f"{tag}bias"] = np.stack([one, one]) if two else one
    if k is not None:
        out["dense/kernel"] = np.zeros((h * len(directions), k))
        if bias:
            out["dense/bias"] = np.zeros(k)
    return out


def random_configs(seed: int, n: int):
    rng = random.Random(seed)
    for _ in range(n):
        cell = rng.choice(list(GATES))
        h = rng.randint(1, 40)
        proj = rng.randint(1, h - 1) if cell == "lstm" and h > 1 and rng.random() < 0.4 else 0
        yield dict(
            cell=cell,
            d=rng.randint(1, 40),
            h=h,
            layers=rng.randint(1, 4),
            bias=rng.random() < 0.5,
            bidirectional=rng.random() < 0.5,
            proj=proj,
            k=rng.randint(1, 15) if rng.random() < 0.5 else None,
            reset_after=rng.random() < 0.5,
        )


def shapes_of(arrays: dict[str, np.ndarray]) -> list[tuple[str, tuple[int, ...]]]:
    return [(name, a.shape) for name, a in arrays.items()]


@pytest.mark.parametrize("cfg", list(random_configs(seed=1, n=150)), ids=repr)
def test_pytorch_convention_matches_semantic_arrays(cfg):
    want = torch_semantic(
        cfg["cell"],
        cfg["d"],
        cfg["h"],
        cfg["layers"],
        cfg["bias"],
        cfg["bidirectional"],
        cfg["proj"],
        cfg["k"],
    )
    got = count_parameters(
        cfg["cell"],
        cfg["d"],
        cfg["h"],
        num_layers=cfg["layers"],
        bias=cfg["bias"],
        bidirectional=cfg["bidirectional"],
        proj_size=cfg["proj"],
        output_size=cfg["k"],
    )
    assert [(a.name, a.shape) for a in got] == shapes_of(want)
    assert [a.count for a in got] == [w.size for w in want.values()]
    assert got.total == sum(w.size for w in want.values())


@pytest.mark.parametrize("cfg", list(random_configs(seed=2, n=150)), ids=repr)
def test_keras_convention_matches_semantic_arrays(cfg):
    want = keras_semantic(
        cfg["cell"],
        cfg["d"],
        cfg["h"],
        cfg["layers"],
        cfg["bias"],
        cfg["bidirectional"],
        cfg["reset_after"],
        cfg["k"],
    )
    got = count_parameters(
        cfg["cell"],
        cfg["d"],
        cfg["h"],
        num_layers=cfg["layers"],
        bias=cfg["bias"],
        bidirectional=cfg["bidirectional"],
        output_size=cfg["k"],
        convention="keras",
        reset_after=cfg["reset_after"],
    )
    assert [(a.name, a.shape) for a in got] == shapes_of(want)
    assert got.total == sum(w.size for w in want.values())


def test_helpers_agree_with_arrays():
    pc = count_parameters("lstm", 7, 9, num_layers=2, bidirectional=True, output_size=4)
    assert int(pc) == pc.total == sum(a.count for a in pc.arrays)
    assert len(pc) == len(pc.arrays) == len(pc.by_name)
    assert list(pc) == list(pc.arrays)
    assert pc.by_name["weight_hh_l1_reverse"].shape == (4 * 9, 9)
    dense = pc.subtotal("fc.")
    assert dense == 4 * (2 * 9) + 4
    assert dense + pc.subtotal(lambda a: not a.name.startswith("fc.")) == pc.total
    rows = pc.rows()
    assert [r[0] for r in rows] == [a.name for a in pc]
    table = pc.table()
    assert table.count("\n") == len(pc) + 2  # header, rule, one line per array, total
    assert f"**{pc.total:,}**" in table
    with pytest.raises(TypeError):
        pc.by_name["x"] = None  # read-only view


def test_bidirectional_doubles_a_single_layer_and_projection_saves_when_small():
    for cell in GATES:
        one = count_parameters(cell, 11, 13).total
        assert count_parameters(cell, 11, 13, bidirectional=True).total == 2 * one
    # LSTMP: the recurrent part 4H*p + p*H undercuts 4H*H exactly when 5p < 4H.
    h = 20
    full = count_parameters("lstm", 5, h, bias=False).subtotal("weight_hh")
    for p in range(1, h):
        pc = count_parameters("lstm", 5, h, bias=False, proj_size=p)
        recurrent = pc.subtotal("weight_hh") + pc.subtotal("weight_hr")
        assert (recurrent < full) == (5 * p < 4 * h)


CIFG_CONFIGS = [c for c in random_configs(seed=3, n=120) if c["cell"] == "lstm"]


@pytest.mark.parametrize("cfg", CIFG_CONFIGS, ids=repr)
def test_cifg_matches_semantic_arrays_without_a_forget_block(cfg, monkeypatch):
    """CIFG (f_t = 1 - i_t, Greff et al. 2017): the same arrays with blocks i, g, o only."""
    monkeypatch.setitem(GATES, "lstm", ["i", "g", "o"])
    args = cfg["d"], cfg["h"]
    kw = dict(num_layers=cfg["layers"], bias=cfg["bias"], bidirectional=cfg["bidirectional"],
              output_size=cfg["k"], cifg=True)
    want = torch_semantic("lstm", *args, cfg["layers"], cfg["bias"], cfg["bidirectional"],
                          cfg["proj"], cfg["k"])
    got = count_parameters("lstm", *args, proj_size=cfg["proj"], **kw)
    assert [(a.name, a.shape) for a in got] == shapes_of(want)
    want = keras_semantic("lstm", *args, cfg["layers"], cfg["bias"], cfg["bidirectional"],
                          False, cfg["k"])
    got = count_parameters("lstm", *args, convention="keras", **kw)
    assert [(a.name, a.shape) for a in got] == shapes_of(want)


def test_cifg_saves_a_whole_block_even_with_one_unit():
    """LSTM(20, 1): 4 blocks of (20 + 1) weights and 2 biases in PyTorch, one bias in Keras."""
    assert count_parameters("lstm", 20, 1).total == 4 * (20 + 1 + 2) == 92
    assert count_parameters("lstm", 20, 1, cifg=True).total == 3 * (20 + 1 + 2) == 69
    keras = {c: count_parameters("lstm", 20, 1, convention="keras", cifg=c).total
             for c in (False, True)}
    assert keras == {False: 4 * (20 + 1 + 1), True: 3 * (20 + 1 + 1)}


@pytest.mark.parametrize("steps", [1, 2, 5, 10, 37])
def test_unique_parameters_are_the_unrolled_weights_of_one_step(steps):
    """A full-recurrence graph uses each unique weight once per step (W_hh once per link).

    With Keras' one bias per unit and h_0 linked into step 1, the unrolled graph's weight
    uses are exactly ``steps`` times the SimpleRNN + Dense parameter count.
    """
    d, h, k = 20, 128, 10
    unique = count_parameters("rnn", d, h, output_size=k, bias=True, convention="keras").total
    uses = unrolled_weights(d, h, k, steps, recurrence="full", bias=True, initial_state=True)
    assert uses.total == steps * unique
    # Without h_0 the first step has no recurrent link: one fewer use of W_hh.
    no_h0 = unrolled_weights(d, h, k, steps, recurrence="full", bias=False)
    w_hh = count_parameters("rnn", d, h, bias=False).by_name["weight_hh_l0"].count
    plain = count_parameters("rnn", d, h, output_size=k, bias=False).total
    assert no_h0.total == steps * plain - w_hh
