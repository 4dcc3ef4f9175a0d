"""Seeded initialisation (torch's U(-1/sqrt(H), 1/sqrt(H)) rule) and the state-dict layout."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import rnnnotes

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "torch_nn.npz"


def test_same_seed_same_weights_other_seed_other_weights() -> None:
    a, b = rnnnotes.LSTM(3, 5, seed=7).state_dict(), rnnnotes.LSTM(3, 5, seed=7).state_dict()
    c = rnnnotes.LSTM(3, 5, seed=8).state_dict()
    for key in a:
        np.testing.assert_array_equal(a[key], b[key])
        assert not np.array_equal(a[key], c[key])


def test_generator_as_seed() -> None:
    a = rnnnotes.GRU(2, 3, seed=np.random.default_rng(5)).state_dict()
    b = rnnnotes.GRU(2, 3, seed=5).state_dict()
    for key in a:
        np.testing.assert_array_equal(a[key], b[key])


def test_no_global_random_state() -> None:
    np.random.seed(0)
    before = np.random.get_state()[1].copy()
    first = rnnnotes.RNN(2, 3).state_dict()
    np.testing.assert_array_equal(np.random.get_state()[1], before)  # not consumed
    np.random.seed(12345)  # and not read either
    second = rnnnotes.RNN(2, 3).state_dict()
    for key in first:
        np.testing.assert_array_equal(first[key], second[key])


@pytest.mark.parametrize("hidden_size", [1, 4, 25])
def test_uniform_bound_uses_hidden_size(hidden_size: int) -> None:
    """Every array within 1/sqrt(H), the projection too (H, not proj_size, as in torch)."""
    proj = hidden_size // 2
    model = rnnnotes.LSTM(6, hidden_size, num_layers=2, proj_size=proj, seed=1)
    bound = 1 / np.sqrt(hidden_size)
    values = np.concatenate([v.ravel() for v in model.state_dict().values()])
    assert np.all(np.abs(values) <= bound)
    # the whole interval is used: the extremes of > 100 uniform draws lie near the ends
    assert values.min() < -0.9 * bound and values.max() > 0.9 * bound
    assert abs(values.mean()) < 0.2 * bound


def test_float32_weights_are_the_float64_weights_rounded() -> None:
    w64 = rnnnotes.GRU(3, 4, dtype=np.float64, seed=3).state_dict()
    w32 = rnnnotes.GRU(3, 4, dtype=np.float32, seed=3).state_dict()
    for key in w64:
        assert w32[key].dtype == np.float32
        np.testing.assert_array_equal(w32[key], w64[key].astype(np.float32))


def test_state_dict_layout_is_torchs() -> None:
    """Names, order and shapes equal those torch produced for every fixture configuration."""
    with np.load(FIXTURE) as data:
        files = list(data.files)
        configs = json.loads(str(data["configs"]))
        for c in configs:
            kwargs = dict(num_layers=c["num_layers"], bidirectional=c["bidirectional"],
                          bias=c["bias"])
            size = (c["input_size"], c["hidden_size"])
            if c["mode"].startswith("rnn"):
                model = rnnnotes.RNN(*size, **kwargs)
            elif c["mode"] == "lstm":
                model = rnnnotes.LSTM(*size, proj_size=c["proj_size"], **kwargs)
            else:
                model = rnnnotes.GRU(*size, **kwargs)
            prefix = c["name"] + "/sd."
            torch_keys = [k[len(prefix):] for k in files if k.startswith(prefix)]
            ours = model.state_dict()
            assert list(ours) == torch_keys
            for key in torch_keys:
                assert ours[key].shape == data[prefix + key].shape, key


def test_state_dict_copies_both_ways() -> None:
    model = rnnnotes.RNN(2, 3)
    sd = model.state_dict()
    sd["weight_hh_l0"][:] = 0.0  # editing the copy leaves the model alone
    assert np.any(model.state_dict()["weight_hh_l0"] != 0.0)
    model.load_state_dict(sd)
    sd["weight_hh_l0"][:] = 1.0  # and so does editing the loaded dict afterwards
    np.testing.assert_array_equal(model.state_dict()["weight_hh_l0"], 0.0)
    np.testing.assert_array_equal(model.weight_hh_l0, 0.0)  # torch-style attribute access
