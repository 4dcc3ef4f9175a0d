"""Gradient-flow and training tools against PyTorch live, when torch is importable.

torch is not a project dependency, so in the project's environment this module is
skipped (the other tests compare with finite differences and written-out rules). To run
it, put the separate torch venv on the path (same Python and numpy)::

    PYTHONPATH=/opt/torchenv/lib/python3.11/site-packages \
        uv run pytest tests/gradflow/test_gradflow_torch_live.py
"""

from __future__ import annotations

import numpy as np
import pytest

import rnnnotes
from rnnnotes.gradflow import cell_jacobians, clip_grad_norm, hidden_jacobians
from rnnnotes.train import SGD, Adam

torch = pytest.importorskip("torch")

CELLS = {"RNN": torch.nn.RNNCell, "GRU": torch.nn.GRUCell, "LSTM": torch.nn.LSTMCell}


def torch_state_jacobians(kind: str, cell, x: torch.Tensor, H: int, wrt: str) -> np.ndarray:
    """d state_T / d state_t for t = 0..T by one batched backward over every state."""
    h = torch.zeros(H, dtype=torch.float64, requires_grad=True)
    c = torch.zeros(H, dtype=torch.float64, requires_grad=True)
    hs, cs = [h], [c]
    for t in range(x.shape[0]):
        if kind == "LSTM":
            h, c = cell(x[t], (h, c))
            cs.append(c)
        else:
            h = cell(x[t], h)
        hs.append(h)
    seq = hs if wrt == "h" else cs
    eye = torch.eye(H, dtype=torch.float64)
    return torch.stack(torch.autograd.grad(seq[-1], seq, eye, is_grads_batched=True)).numpy()


@pytest.mark.parametrize("kind", sorted(CELLS))
@pytest.mark.parametrize("seed", [0, 1])
def test_state_jacobians_equal_torch_autograd(kind, seed):
    rng = np.random.default_rng(seed)
    D, H, T = int(rng.integers(1, 6)), int(rng.integers(1, 7)), int(rng.integers(1, 12))
    torch.manual_seed(seed)
    cell = CELLS[kind](D, H).to(torch.float64)
    with torch.no_grad():
        cell.weight_hh.mul_(3.0)  # strong recurrence
    model = getattr(rnnnotes, kind)(D, H)
    model.load_state_dict({f"{k}_l0": p.detach().numpy() for k, p in cell.state_dict().items()})
    x = rng.standard_normal((T, D))
    ref = torch_state_jacobians(kind, cell, torch.tensor(x), H, "h")
    np.testing.assert_allclose(hidden_jacobians(model, x), ref, rtol=1e-10, atol=1e-14)
    if kind == "LSTM":
        ref_c = torch_state_jacobians(kind, cell, torch.tensor(x), H, "c")
        np.testing.assert_allclose(cell_jacobians(model, x, path="full"), ref_c, rtol=1e-10,
                                   atol=1e-14)


@pytest.mark.parametrize("max_norm", [0.01, 1.0, 1e3])
def test_clip_grad_norm_equals_torch(max_norm):
    rng = np.random.default_rng(2)
    arrays = [rng.standard_normal(s) for s in [(3, 4), (5,), (2, 2, 2)]]
    params = [torch.nn.Parameter(torch.zeros(a.shape, dtype=torch.float64)) for a in arrays]
    for p, a in zip(params, arrays, strict=True):
        p.grad = torch.tensor(a)
    total = torch.nn.utils.clip_grad_norm_(params, max_norm)
    clipped, ours = clip_grad_norm(arrays, max_norm)
    assert ours == pytest.approx(float(total), rel=1e-14)
    for p, c in zip(params, clipped, strict=True):
        np.testing.assert_allclose(c, p.grad.numpy(), rtol=1e-14)


@pytest.mark.parametrize("which", ["sgd", "momentum", "adam"])
def test_optimisers_equal_torch(which):
    rng = np.random.default_rng(3)
    p0 = rng.standard_normal((3, 2))
    grads = [rng.standard_normal((3, 2)) for _ in range(6)]
    tp = torch.nn.Parameter(torch.tensor(p0))
    if which == "adam":
        ours = Adam(0.05, (0.8, 0.99), 1e-6)
        theirs = torch.optim.Adam([tp], 0.05, (0.8, 0.99), 1e-6)
    else:
        mu = 0.9 if which == "momentum" else 0.0
        ours, theirs = SGD(0.1, momentum=mu), torch.optim.SGD([tp], lr=0.1, momentum=mu)
    params = {"p": p0.copy()}
    for g in grads:
        ours.step(params, {"p": g})
        tp.grad = torch.tensor(g)
        theirs.step()
    np.testing.assert_allclose(params["p"], tp.detach().numpy(), rtol=1e-12, atol=1e-14)
