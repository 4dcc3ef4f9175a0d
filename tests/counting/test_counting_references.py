"""count_parameters vs the frameworks themselves (fixtures made by scripts/).

tests/fixtures/torch_counts.json: ``scripts/torch_reference_counts.py`` (torch.nn.RNN/LSTM/
GRU + nn.Linear state_dict names and shapes, total of ``parameters()``).
tests/fixtures/keras_counts.json: ``scripts/keras_reference_counts.py`` (Keras 3 on the
torch backend: SimpleRNN/LSTM/GRU, Bidirectional, Dense; weight shapes, count_params()).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rnnnotes.counting import count_parameters

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TORCH = json.loads((FIXTURES / "torch_counts.json").read_text())
KERAS = json.loads((FIXTURES / "keras_counts.json").read_text())


def case_id(case: dict) -> str:
    keys = ("cell", "input_size", "hidden_size", "num_layers", "bias", "bidirectional")
    extra = [f"p{case['proj_size']}"] if case.get("proj_size") else []
    if case["cell"] == "gru" and "reset_after" in case:
        extra.append(f"reset_after={case['reset_after']}")
    return "-".join([str(case[k]) for k in keys] + extra + [f"K{case['output_size']}"])


def test_fixtures_cover_the_grid():
    """Guard against a silently truncated fixture: every axis of the grid is present."""
    for ref in (TORCH, KERAS):
        cases = ref["cases"]
        assert {c["cell"] for c in cases} == {"rnn", "lstm", "gru"}
        assert {c["num_layers"] for c in cases} == {1, 2, 3}
        assert {c["bias"] for c in cases} == {True, False}
        assert {c["bidirectional"] for c in cases} == {True, False}
        assert {c["output_size"] is None for c in cases} == {True, False}
    assert any(c["proj_size"] for c in TORCH["cases"])
    gru = [c for c in KERAS["cases"] if c["cell"] == "gru"]
    assert {c["reset_after"] for c in gru} == {True, False}


@pytest.mark.parametrize("case", TORCH["cases"], ids=case_id)
def test_pytorch_convention_matches_torch(case):
    got = count_parameters(
        case["cell"],
        case["input_size"],
        case["hidden_size"],
        num_layers=case["num_layers"],
        bias=case["bias"],
        bidirectional=case["bidirectional"],
        proj_size=case["proj_size"],
        output_size=case["output_size"],
    )
    assert [a.name for a in got] == [name for name, _ in case["arrays"]]
    assert [a.shape for a in got] == [tuple(shape) for _, shape in case["arrays"]]
    assert got.total == case["total"]


@pytest.mark.parametrize("case", KERAS["cases"], ids=case_id)
def test_keras_convention_matches_keras(case):
    got = count_parameters(
        case["cell"],
        case["input_size"],
        case["hidden_size"],
        num_layers=case["num_layers"],
        bias=case["bias"],
        bidirectional=case["bidirectional"],
        output_size=case["output_size"],
        convention="keras",
        reset_after=case["reset_after"],
    )
    assert [a.name for a in got] == [name for _, name, _ in case["arrays"]]
    assert [a.shape for a in got] == [tuple(shape) for _, _, shape in case["arrays"]]
    assert got.total == case["total"]
    for prefix, count in case["layer_counts"]:  # Keras' own per-layer count_params()
        assert got.subtotal(lambda a, prefix=prefix: a.name.startswith(prefix + "/")) == count
