"""Reference weight arrays from real Keras for count_parameters(..., convention="keras").

Keras is not a project dependency. Install it next to torch and run it on the torch
backend::

    /opt/torchenv/bin/pip install keras
    KERAS_BACKEND=torch /opt/torchenv/bin/python scripts/keras_reference_counts.py

Writes tests/fixtures/keras_counts.json: for SimpleRNN / LSTM / GRU (reset_after True and
False) x use_bias x Bidirectional x 1-3 stacked layers x with/without a Dense head, with
seeded random sizes, every weight's Keras path, its rnnnotes name and shape, each layer's
``count_params()`` and the model's ``count_params()``.

rnnnotes names: ``layer{k}/kernel`` (or ``layer{k}/forward/kernel`` and
``layer{k}/backward/kernel`` inside Bidirectional), ``dense/kernel``. The direction is read
from which wrapped layer owns the variable, not parsed from the path.
"""

from __future__ import annotations

import itertools
import json
import os
import random
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "torch")  # must precede the keras import

import keras  # noqa: E402

SEED = 20240612
OUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "keras_counts.json"


def recurrent(cell: str, h: int, bias: bool, reset_after: bool, seq: bool) -> keras.Layer:
    common = {"use_bias": bias, "return_sequences": seq}
    if cell == "rnn":
        return keras.layers.SimpleRNN(h, **common)
    if cell == "lstm":
        return keras.layers.LSTM(h, **common)
    return keras.layers.GRU(h, reset_after=reset_after, **common)


def names(layer: keras.Layer, prefix: str) -> list[list]:
    """[keras path, rnnnotes name, shape] for each weight of one model layer."""
    if isinstance(layer, keras.layers.Bidirectional):
        owner = {id(w): "forward/" for w in layer.forward_layer.weights}
        owner |= {id(w): "backward/" for w in layer.backward_layer.weights}
    else:
        owner = {id(w): "" for w in layer.weights}
    return [[w.path, f"{prefix}/{owner[id(w)]}{w.name}", list(w.shape)] for w in layer.weights]


def record(
    cell: str,
    d: int,
    h: int,
    layers: int,
    bias: bool,
    bidirectional: bool,
    reset_after: bool,
    k: int | None,
) -> dict:
    stack: list[keras.Layer] = [keras.Input((None, d))]
    for i in range(layers):
        rnn = recurrent(cell, h, bias, reset_after, seq=i < layers - 1)
        stack.append(keras.layers.Bidirectional(rnn) if bidirectional else rnn)
    if k is not None:
        stack.append(keras.layers.Dense(k, use_bias=bias))
    model = keras.Sequential(stack)
    arrays, per_layer = [], []
    for i, layer in enumerate(model.layers):
        prefix = "dense" if isinstance(layer, keras.layers.Dense) else f"layer{i}"
        arrays += names(layer, prefix)
        per_layer.append([prefix, layer.count_params()])
    return {
        "cell": cell,
        "input_size": d,
        "hidden_size": h,
        "num_layers": layers,
        "bias": bias,
        "bidirectional": bidirectional,
        "reset_after": reset_after,
        "output_size": k,
        "arrays": arrays,
        "layer_counts": per_layer,
        "total": model.count_params(),
    }


def main() -> None:
    rng = random.Random(SEED)
    cells = [("rnn", True), ("lstm", True), ("gru", True), ("gru", False)]
    cases = []
    grid = itertools.product(cells, (True, False), (False, True), (1, 2, 3), (False, True))
    for (cell, reset_after), bias, bidirectional, layers, with_head in grid:
        d, h = rng.randint(1, 24), rng.randint(1, 24)
        k = rng.randint(1, 12) if with_head else None
        cases.append(record(cell, d, h, layers, bias, bidirectional, reset_after, k))
    for bias in (False, True):  # the exercise's network as a Keras SimpleRNN + Dense
        cases.append(record("rnn", 20, 128, 1, bias, False, True, 10))
    head = {
        "generator": "scripts/keras_reference_counts.py",
        "keras_version": keras.__version__,
        "backend": keras.backend.backend(),
        "seed": SEED,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    body = ",\n".join(json.dumps(c, separators=(",", ":")) for c in cases)  # a case a line
    OUT.write_text(f'{json.dumps(head)[:-1]}, "cases": [\n{body}\n]}}\n')
    print(f"wrote {len(cases)} cases to {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
