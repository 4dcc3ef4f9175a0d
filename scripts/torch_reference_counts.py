"""Reference parameter arrays from PyTorch for rnnnotes.counting.count_parameters.

Run with the torch venv (torch is not a project dependency)::

    /opt/torchenv/bin/python scripts/torch_reference_counts.py

Writes tests/fixtures/torch_counts.json: for a grid of configurations (cell x bias x
bidirectional x 1-3 layers x proj_size (LSTM) x with/without an nn.Linear head), with
seeded random sizes, every state_dict array's name and shape and the total
``sum(p.numel() for p in model.parameters())``. The RNN's names are recorded as torch
prints them (``weight_ih_l0``), the head's as ``fc.weight`` / ``fc.bias``.
"""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import torch
from torch import nn

SEED = 20240611
OUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "torch_counts.json"
MODULES = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}


class Stack(nn.Module):
    """The recurrent stack, plus an optional dense head on its last layer's features."""

    def __init__(
        self,
        cell: str,
        d: int,
        h: int,
        layers: int,
        bias: bool,
        bidirectional: bool,
        proj: int,
        k: int | None,
    ) -> None:
        super().__init__()
        extra = {"proj_size": proj} if proj else {}
        self.rnn = MODULES[cell](
            d, h, num_layers=layers, bias=bias, bidirectional=bidirectional, **extra
        )
        if k is not None:
            features = (proj or h) * (2 if bidirectional else 1)
            self.fc = nn.Linear(features, k, bias=bias)


def record(
    cell: str,
    d: int,
    h: int,
    layers: int,
    bias: bool,
    bidirectional: bool,
    proj: int,
    k: int | None,
) -> dict:
    model = Stack(cell, d, h, layers, bias, bidirectional, proj, k)
    arrays = [[name.removeprefix("rnn."), list(t.shape)] for name, t in model.state_dict().items()]
    return {
        "cell": cell,
        "input_size": d,
        "hidden_size": h,
        "num_layers": layers,
        "bias": bias,
        "bidirectional": bidirectional,
        "proj_size": proj,
        "output_size": k,
        "arrays": arrays,
        "total": sum(p.numel() for p in model.parameters()),
    }


def main() -> None:
    rng = random.Random(SEED)
    cases = []
    grid = itertools.product(
        MODULES, (True, False), (False, True), (1, 2, 3), (False, True), (False, True)
    )
    for cell, bias, bidirectional, layers, with_proj, with_head in grid:
        if with_proj and cell != "lstm":
            continue  # torch: proj_size is LSTM-only
        d, h = rng.randint(1, 24), rng.randint(2, 24)
        proj = rng.randint(1, h - 1) if with_proj else 0
        k = rng.randint(1, 12) if with_head else None
        cases.append(record(cell, d, h, layers, bias, bidirectional, proj, k))
    # The exercise's network, as an Elman RNN with a full recurrent matrix.
    for bias in (False, True):
        cases.append(record("rnn", 20, 128, 1, bias, False, 0, 10))
    # The LSTM(20, 128) networks of the Task 2.1 pages: projected (Q4), bidirectional and
    # stacked (Q5), and with a dense head of 10 outputs, with and without the projection.
    for layers, bidirectional, proj, k in ((1, False, 0, None), (1, False, 64, None),
                                           (1, True, 0, None), (2, False, 0, None),
                                           (2, True, 0, None), (1, False, 0, 10),
                                           (1, False, 64, 10)):
        cases.append(record("lstm", 20, 128, layers, True, bidirectional, proj, k))
    doc = {
        "generator": "scripts/torch_reference_counts.py",
        "torch_version": torch.__version__,
        "seed": SEED,
        "cases": cases,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # One case per line: small and diff-friendly.
    body = ",\n".join(json.dumps(c, separators=(",", ":")) for c in cases)
    head = json.dumps({k: v for k, v in doc.items() if k != "cases"})[:-1]
    OUT.write_text(f'{head}, "cases": [\n{body}\n]}}\n')
    print(f"wrote {len(cases)} cases to {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
