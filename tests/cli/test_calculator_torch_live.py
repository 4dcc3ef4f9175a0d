"""Acceptance, live: random configurations against PyTorch's own parameter counts.

``nn.RNN``/``nn.LSTM``/``nn.GRU`` (plus an ``nn.Linear`` when there is an output size):
the total of ``parameters()`` against the CLI's ``--json`` total and the page JS's total.
torch is not a project dependency, so this module is skipped in the project's environment;
``test_cli_count.py`` and ``test_calculator_js.py`` cover the same from the committed
fixtures. To run it, with the separate torch venv (same Python)::

    PYTHONPATH=/opt/torchenv/lib/python3.11/site-packages \
        uv run pytest tests/cli/test_calculator_torch_live.py
"""

from __future__ import annotations

import json

import pytest
from calculator_cases import argv, query, random_configs
from test_calculator_js import NODE, run_js

from rnnnotes.cli import main

torch = pytest.importorskip("torch")

CONFIGS = [c for c in random_configs(400, seed=99) if c["convention"] == "pytorch"][:120]


def torch_total(c: dict) -> int:
    layer = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[c["cell"]]
    kwargs = dict(num_layers=c["num_layers"], bias=c["bias"], bidirectional=c["bidirectional"])
    if c["proj_size"]:
        kwargs["proj_size"] = c["proj_size"]
    modules = [layer(c["input_size"], c["hidden_size"], **kwargs, device="meta")]
    if c["output_size"]:
        width = (c["proj_size"] or c["hidden_size"]) * (2 if c["bidirectional"] else 1)
        modules.append(torch.nn.Linear(width, c["output_size"], bias=c["bias"], device="meta"))
    return sum(p.numel() for m in modules for p in m.parameters())


def test_cli_and_page_totals_are_torchs(capsys):
    assert len(CONFIGS) >= 100
    page = run_js([{"count": query(c)} for c in CONFIGS]) if NODE else [None] * len(CONFIGS)
    for c, js in zip(CONFIGS, page, strict=True):
        expected = torch_total(c)
        assert main([*argv(c), "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["total"] == expected, c
        if js is not None:
            assert js["total"] == str(expected), c
