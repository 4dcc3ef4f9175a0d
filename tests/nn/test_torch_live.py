"""rnnnotes.nn against torch.nn live, on randomized sizes, when torch is importable.

torch is not a project dependency, so in the project's environment this module is
skipped; ``tests/nn/test_nn_reference.py`` covers the same ground from a committed fixture.
To run it, put torch on the path of the project's interpreter, for example with the
separate torch venv (same Python and numpy versions)::

    PYTHONPATH=/opt/torchenv/lib/python3.11/site-packages uv run pytest tests/nn/test_torch_live.py
"""

from __future__ import annotations

import numpy as np
import pytest

import rnnnotes

torch = pytest.importorskip("torch")

MODES = ("rnn_tanh", "rnn_relu", "lstm", "gru")
TOL = {np.float64: (1e-10, 1e-4), np.float32: (1e-4, 1e-2)}  # rtol, floor (as a fraction)


def assert_close(actual: np.ndarray, expected: np.ndarray, rtol: float, floor: float,
                 what: str) -> None:
    """``|a - e| <= rtol * max(|e|, floor * max|E|)`` elementwise, E the whole array."""
    assert actual.shape == expected.shape, what
    bound = rtol * np.maximum(np.abs(expected), floor * np.max(np.abs(expected)))
    assert np.all(np.abs(actual - expected) <= bound), (
        f"{what}: max |diff| {np.max(np.abs(actual - expected)):.3g}")


def random_case(seed: int) -> dict:
    rng = np.random.default_rng(seed)
    hidden = int(rng.integers(1, 9))
    mode = MODES[seed % len(MODES)]
    return dict(seed=seed, mode=mode, input_size=int(rng.integers(1, 9)), hidden_size=hidden,
                num_layers=int(rng.integers(1, 4)), bidirectional=bool(rng.integers(2)),
                bias=bool(rng.integers(2)), batch_first=bool(rng.integers(2)),
                proj_size=int(rng.integers(0, hidden)) if mode == "lstm" else 0,
                steps=int(rng.integers(1, 12)), batch=int(rng.integers(0, 6)),
                hx_given=bool(rng.integers(2)))


CASES = [random_case(seed) for seed in range(48)]


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("c", CASES, ids=[f"{c['seed']:02d}-{c['mode']}" for c in CASES])
def test_live_against_torch(c: dict, dtype: type) -> None:
    tdtype = torch.float64 if dtype == np.float64 else torch.float32
    kwargs = dict(num_layers=c["num_layers"], bidirectional=c["bidirectional"],
                  bias=c["bias"], batch_first=c["batch_first"])
    size = (c["input_size"], c["hidden_size"])
    mode, lstm = c["mode"], c["mode"] == "lstm"
    torch.manual_seed(c["seed"])
    if mode.startswith("rnn"):
        theirs = torch.nn.RNN(*size, nonlinearity=mode[4:], **kwargs, dtype=tdtype)
        ours = rnnnotes.RNN(*size, nonlinearity=mode[4:], **kwargs, dtype=dtype)
    elif lstm:
        theirs = torch.nn.LSTM(*size, proj_size=c["proj_size"], **kwargs, dtype=tdtype)
        ours = rnnnotes.LSTM(*size, proj_size=c["proj_size"], **kwargs, dtype=dtype)
    else:
        theirs = torch.nn.GRU(*size, **kwargs, dtype=tdtype)
        ours = rnnnotes.GRU(*size, **kwargs, dtype=dtype)
    ours.load_state_dict({k: t.detach().numpy() for k, t in theirs.state_dict().items()})

    rng = np.random.default_rng(1000 + c["seed"])
    T, B = c["steps"], c["batch"]
    rows = c["num_layers"] * (2 if c["bidirectional"] else 1)
    batch = (B,) if B else ()
    x = rng.standard_normal(((B, T) if c["batch_first"] else (T, B)) if B else (T,))
    x = rng.standard_normal((*x.shape, c["input_size"])).astype(dtype)
    states = [rng.standard_normal((rows, *batch, c["proj_size"] or c["hidden_size"]))]
    if lstm:
        states.append(rng.standard_normal((rows, *batch, c["hidden_size"])))
    states = [s.astype(dtype) for s in states]

    xt = torch.tensor(x, requires_grad=True)
    st = [torch.tensor(s, requires_grad=True) for s in states]
    hx_t = (tuple(st) if lstm else st[0]) if c["hx_given"] else None
    out_t, fin_t = theirs(xt, hx_t)
    fin_t = fin_t if lstm else (fin_t,)
    g_out = rng.standard_normal(out_t.shape).astype(dtype)
    g_fin = [rng.standard_normal(f.shape).astype(dtype) for f in fin_t]
    loss = (out_t * torch.tensor(g_out)).sum()
    for f, g in zip(fin_t, g_fin, strict=True):
        loss = loss + (f * torch.tensor(g)).sum()
    loss.backward()

    hx = (tuple(states) if lstm else states[0]) if c["hx_given"] else None
    out, fin = ours(x, hx)
    fin = fin if lstm else (fin,)
    grad_x, grad_hx = ours.backward(g_out, tuple(g_fin) if lstm else g_fin[0])

    rtol, floor = TOL[dtype]
    pairs = [("output", out, out_t), ("grad_x", grad_x, xt.grad)]
    pairs += [(f"final{i}", a, b) for i, (a, b) in enumerate(zip(fin, fin_t, strict=True))]
    if c["hx_given"]:
        pairs += [(f"grad_hx{i}", a, s.grad) for i, (a, s) in
                  enumerate(zip(grad_hx if lstm else (grad_hx,), st, strict=True))]
    else:
        assert grad_hx is None
    pairs += [(k, ours.grads[k], p.grad) for k, p in theirs.named_parameters()]
    for what, a, b in pairs:
        assert_close(a, b.detach().numpy(), rtol, floor, what)


@pytest.mark.parametrize("cls", [rnnnotes.RNN, rnnnotes.LSTM, rnnnotes.GRU])
def test_torch_arguments(cls: type) -> None:
    """torch's own dtype and device objects: the dtypes are refused with the numpy spelling
    to use, ``torch.device("cpu")`` is accepted, torch's ``(h_0, None)`` refusal is ours."""
    for tdtype, hint in [(torch.float32, "pass np.float32"), (torch.float64, "pass np.float64"),
                         (torch.int64, "only float32 and float64 are supported")]:
        with pytest.raises(TypeError, match=rf"got {tdtype}, a torch dtype: .*{hint}"):
            cls(3, 4, dtype=tdtype)
    cls(3, 4, device=torch.device("cpu"))
    with pytest.raises(ValueError, match=r"device=device\(type='meta'\) is not supported"):
        cls(3, 4, device=torch.device("meta"))
    with pytest.raises(ValueError, match=r"dropout=0\.5 is not supported"):
        cls(3, 4, num_layers=2, dropout=0.5)
    if cls is rnnnotes.LSTM:
        h0 = torch.zeros(1, 2, 4)
        with pytest.raises(Exception):  # noqa: B017 (torch's own message differs by version)
            torch.nn.LSTM(3, 4)(torch.zeros(5, 2, 3), (h0, None))
        with pytest.raises(TypeError, match=r"hx\[1\] \(c\) is None"):
            cls(3, 4)(np.zeros((5, 2, 3)), (h0.numpy(), None))
