"""rnnnotes.nn against PyTorch's own numbers (``tests/fixtures/torch_nn.npz``).

The fixture comes from ``scripts/torch_reference_nn.py``: for a grid of configurations
(every cell type; 1-2 layers; bidirectional; proj_size; bias off; batch_first; hx given
or not; unbatched input) it holds torch's state dict, the inputs, and torch's outputs,
final states, input/state gradients and every parameter gradient, in float64 and float32.
We load the state dict, run forward and backward, and compare every array.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import rnnnotes

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "torch_nn.npz"
with np.load(FIXTURE) as _data:
    REFERENCE = {key: _data[key] for key in _data.files}
CONFIGS = json.loads(str(REFERENCE["configs"]))
RTOL = {"f64": 1e-10, "f32": 1e-4}
# entries below this fraction of their array's largest are compared at the floor (below)
FLOOR = {"f64": 1e-4, "f32": 1e-2}


def assert_close(actual: np.ndarray, expected: np.ndarray, rtol: float, floor: float,
                 what: str) -> None:
    """Elementwise ``|a - e| <= rtol * max(|e|, floor * max|E|)``, E the whole array.

    Entries far below the array's scale come out of cancellations, where both
    implementations carry an error of a few ulps *of the scale*; bounding those by a
    relative error of their own tiny size would test rounding noise. (In float64 every
    entry of the current fixture passes with no floor at all; float32 needs one.)
    """
    assert actual.shape == expected.shape, f"{what}: shape {actual.shape} != {expected.shape}"
    bound = rtol * np.maximum(np.abs(expected), floor * np.max(np.abs(expected)))
    excess = np.abs(actual - expected) - bound
    assert np.all(excess <= 0), (
        f"{what}: max |diff| {np.max(np.abs(actual - expected)):.3g}, "
        f"worst excess over the bound {np.max(excess):.3g}")


def build(config: dict, dtype: type) -> rnnnotes.nn.models.Recurrent:
    kwargs = dict(num_layers=config["num_layers"], bidirectional=config["bidirectional"],
                  bias=config["bias"], batch_first=config["batch_first"], dtype=dtype)
    mode = config["mode"]
    size = (config["input_size"], config["hidden_size"])
    if mode.startswith("rnn"):
        return rnnnotes.RNN(*size, nonlinearity=mode[4:], **kwargs)
    if mode == "lstm":
        return rnnnotes.LSTM(*size, proj_size=config["proj_size"], **kwargs)
    return rnnnotes.GRU(*size, **kwargs)


@pytest.mark.parametrize("tag", ["f64", "f32"])
@pytest.mark.parametrize("config", CONFIGS, ids=[c["name"] for c in CONFIGS])
def test_matches_torch(config: dict, tag: str) -> None:
    name, lstm = config["name"], config["mode"] == "lstm"
    ref = {key[len(name) + 1:]: value for key, value in REFERENCE.items()
           if key.startswith(name + "/")}
    dtype = np.float64 if tag == "f64" else np.float32
    model = build(config, dtype)
    model.load_state_dict({key[3:]: value for key, value in ref.items()
                           if key.startswith("sd.")})
    hx = None
    if config["hx_given"]:
        hx = (ref["h0"], ref["c0"]) if lstm else ref["h0"]
    # float64 fixture inputs are rounded to float32 by the model, as torch's cast does
    output, finals = model(ref["x"], hx)
    grad_hn = (ref["grad_h_n"], ref["grad_c_n"]) if lstm else ref["grad_h_n"]
    grad_x, grad_hx = model.backward(ref["grad_output"], grad_hn)

    got = {"output": output, "grad_x": grad_x}
    got.update(zip(("h_n", "c_n"), finals, strict=True) if lstm else {"h_n": finals})
    if config["hx_given"]:
        got.update(zip(("grad_h0", "grad_c0"), grad_hx, strict=True) if lstm
                   else {"grad_h0": grad_hx})
    else:
        assert grad_hx is None
    got.update({f"grad.{key}": value for key, value in model.grads.items()})

    expected_keys = {key[len(tag) + 1:] for key in ref if key.startswith(tag + ".")}
    assert set(got) == expected_keys
    for key, value in got.items():
        assert value.dtype == dtype, key
        assert_close(value, ref[f"{tag}.{key}"], RTOL[tag], FLOOR[tag],
                     f"{name} {tag} {key}")


def test_grid_covers_every_option() -> None:
    """The fixture exercises each cell type and each option both ways."""
    modes = {c["mode"] for c in CONFIGS}
    assert modes == {"rnn_tanh", "rnn_relu", "lstm", "gru"}
    for option in ("bidirectional", "bias", "batch_first", "hx_given", "unbatched"):
        for mode in modes:
            assert {c[option] for c in CONFIGS if c["mode"] == mode} == {False, True}, option
    assert {c["num_layers"] for c in CONFIGS} == {1, 2}
    projected = [c for c in CONFIGS if c["proj_size"]]
    assert projected and all(c["mode"] == "lstm" for c in projected)
    assert {c["bidirectional"] for c in projected} == {False, True}
