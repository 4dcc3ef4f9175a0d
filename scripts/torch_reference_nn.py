"""Reference values from PyTorch for rnnnotes.nn: outputs, final states and every gradient.

Run with the interpreter that has torch (not a project dependency)::

    /opt/torchenv/bin/python scripts/torch_reference_nn.py

and commit the result, ``tests/fixtures/torch_nn.npz``. For every configuration of the grid
below it stores, under ``"<name>/<array>"``:

- inputs (float64): the torch model's state dict ``sd.<key>``, ``x``, ``hx`` (``h0``, and
  ``c0`` for the LSTM) when given, ``grad_output``, ``grad_h_n`` (and ``grad_c_n``);
- torch's results, once in float64 (``f64.*``) and once with the model and the inputs
  cast to float32 (``f32.*``): ``output``, ``h_n`` (``c_n``), ``grad_x``, ``grad_h0``
  (``grad_c0``) when hx was given, and ``grad.<key>`` for every parameter.

The gradients are those of the scalar loss sum(output * grad_output) + sum(h_n * grad_h_n)
(+ sum(c_n * grad_c_n)), so they are what ``backward(grad_output, grad_hn)`` must return.
``configs`` holds the grid as JSON. Sizes are tiny (the file stays well under 1 MB).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import torch

OUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "torch_nn.npz"
D, H, T, B, PROJ = 3, 4, 4, 2, 2

# (mode, num_layers, bidirectional, bias, batch_first, hx given, unbatched, proj_size[,
#  hidden_size]); hidden_size 1 makes every gate block a strided column, a case numpy's
# own kernels once got wrong in float32
BASE = [
    (1, False, True, False, False, False),   # the plain case
    (2, True, True, False, True, False),     # stacked, bidirectional, hx given
    (1, False, False, True, True, False),    # no bias, batch_first, hx given
    (2, False, True, False, False, True),    # unbatched, stacked
    (1, True, True, False, True, True),      # unbatched, bidirectional, hx given
    (2, True, False, True, False, False),    # everything at once, no hx
]
GRID = [(mode, *options, 0) for mode in ("rnn_tanh", "rnn_relu", "lstm", "gru")
        for options in BASE]
GRID += [
    ("lstm", 1, False, True, False, True, False, PROJ),
    ("lstm", 2, True, True, True, False, False, PROJ),
    ("lstm", 2, True, False, False, True, True, PROJ),
    ("lstm", 2, True, True, False, True, False, 0, 1),
    ("gru", 1, False, True, True, False, False, 0, 1),
    ("rnn_tanh", 1, True, True, False, True, False, 0, 1),
]


def make_model(mode: str, num_layers: int, bidirectional: bool, bias: bool,
               batch_first: bool, proj_size: int, hidden_size: int) -> torch.nn.Module:
    kwargs = dict(num_layers=num_layers, bidirectional=bidirectional, bias=bias,
                  batch_first=batch_first, dtype=torch.float64)
    if mode.startswith("rnn"):
        return torch.nn.RNN(D, hidden_size, nonlinearity=mode[4:], **kwargs)
    if mode == "lstm":
        return torch.nn.LSTM(D, hidden_size, proj_size=proj_size, **kwargs)
    return torch.nn.GRU(D, hidden_size, **kwargs)


def run(model: torch.nn.Module, inputs: dict[str, np.ndarray], dtype: torch.dtype,
        is_lstm: bool) -> dict[str, np.ndarray]:
    """Forward and backward in ``dtype``; return torch's results as numpy arrays."""
    model = model.to(dtype)
    x = torch.tensor(inputs["x"], dtype=dtype, requires_grad=True)
    states = [torch.tensor(inputs[k], dtype=dtype, requires_grad=True)
              for k in ("h0", "c0") if k in inputs]
    hx = None if not states else (tuple(states) if is_lstm else states[0])
    model.zero_grad()
    output, finals = model(x, hx)
    finals = finals if is_lstm else (finals,)
    loss = (output * torch.tensor(inputs["grad_output"], dtype=dtype)).sum()
    for final, key in zip(finals, ("grad_h_n", "grad_c_n"), strict=False):
        loss = loss + (final * torch.tensor(inputs[key], dtype=dtype)).sum()
    loss.backward()
    result = {"output": output, "h_n": finals[0], "grad_x": x.grad}
    if is_lstm:
        result["c_n"] = finals[1]
    for state, key in zip(states, ("grad_h0", "grad_c0"), strict=False):
        result[key] = state.grad
    for key, param in model.named_parameters():
        result[f"grad.{key}"] = param.grad
    return {k: t.detach().numpy().copy() for k, t in result.items()}


def main() -> None:
    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    arrays: dict[str, np.ndarray] = {}
    configs = []
    for index, entry in enumerate(GRID):
        mode, layers, bidir, bias, batch_first, hx_given, unbatched, proj = entry[:8]
        hidden = entry[8] if len(entry) > 8 else H
        name = f"c{index:02d}_{mode}"
        config = dict(name=name, mode=mode, num_layers=layers, bidirectional=bidir,
                      bias=bias, batch_first=batch_first, hx_given=hx_given,
                      unbatched=unbatched, proj_size=proj, input_size=D, hidden_size=hidden)
        configs.append(config)
        model = make_model(mode, layers, bidir, bias, batch_first, proj, hidden)
        is_lstm = mode == "lstm"
        rows, out_size = layers * (2 if bidir else 1), proj or hidden
        batch = () if unbatched else (B,)
        inputs = {"x": rng.standard_normal((T, D) if unbatched else
                                           (B, T, D) if batch_first else (T, B, D))}
        if hx_given:
            inputs["h0"] = rng.standard_normal((rows, *batch, out_size))
            if is_lstm:
                inputs["c0"] = rng.standard_normal((rows, *batch, hidden))
        seq = (T,) if unbatched else (B, T) if batch_first else (T, B)
        inputs["grad_output"] = rng.standard_normal((*seq, out_size * (2 if bidir else 1)))
        inputs["grad_h_n"] = rng.standard_normal((rows, *batch, out_size))
        if is_lstm:
            inputs["grad_c_n"] = rng.standard_normal((rows, *batch, hidden))
        sd = {k: t.detach().numpy().copy() for k, t in model.state_dict().items()}

        for key, value in sd.items():
            arrays[f"{name}/sd.{key}"] = value
        for key, value in inputs.items():
            arrays[f"{name}/{key}"] = value
        for tag, dtype in (("f64", torch.float64), ("f32", torch.float32)):
            reference = make_model(mode, layers, bidir, bias, batch_first, proj, hidden)
            reference.load_state_dict({k: torch.tensor(v) for k, v in sd.items()})
            for key, value in run(reference, inputs, dtype, is_lstm).items():
                arrays[f"{name}/{tag}.{key}"] = value

    arrays["configs"] = np.array(json.dumps(configs))
    arrays["torch_version"] = np.array(torch.__version__)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT, **arrays)
    print(f"wrote {len(configs)} configurations, {len(arrays)} arrays, "
          f"{OUT.stat().st_size / 1024:.0f} KiB to {OUT}")


if __name__ == "__main__":
    main()
