"""||dh_T/dh_t|| for t = 0..T of an LSTM(20, 128), T = 100, float64, one thread:
rnnnotes' one backward sweep against PyTorch's batched backward.

rnnnotes: ``hidden_jacobian_norms(model, x)`` (one forward pass, one backward sweep seeded
with the H unit vectors, then the spectral norm of each of the T + 1 Jacobians).
PyTorch: an ``nn.LSTMCell`` loop over the same sequence and weights keeping every h_t in
the graph, then one ``torch.autograd.grad(h_T, [h_0..h_T], grad_outputs=I,
is_grads_batched=True)`` (a vmapped backward: row i of the result for h_t is
e_i^T dh_T/dh_t), then ``torch.linalg.matrix_norm(J, ord=2)``.

Both sides run in the same process, one thread each, in alternating blocks; the script
first checks that the Jacobians and the norms agree, then prints the median times and the
ratio rnnnotes / PyTorch, for the whole computation (the goal: <= 2x) and for the
Jacobians alone (the part the sweep replaced; the norms are one LAPACK SVD per step on
both sides, OpenBLAS's for numpy and MKL's for torch). Not a test: timings vary.

    /opt/torchenv/bin/python benchmarks/bench_gradflow.py [--repeats 20]
"""

from __future__ import annotations

import os

# one thread for numpy's BLAS/LAPACK: set before numpy is imported
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench_lstm import alternating_times  # noqa: E402

import rnnnotes  # noqa: E402
from rnnnotes.gradflow import hidden_jacobian_norms, hidden_jacobians  # noqa: E402

D, H, T = 20, 128, 100
GOAL = 2.0


def torch_jacobians(cell: torch.nn.LSTMCell, x: torch.Tensor) -> torch.Tensor:
    """dh_T/dh_t for t = 0..T, (T + 1, H, H), by one batched backward over every h_t."""
    h = torch.zeros(H, dtype=torch.float64, requires_grad=True)  # h_0, a leaf
    c = torch.zeros(H, dtype=torch.float64)
    hs = [h]
    for t in range(x.shape[0]):
        h, c = cell(x[t], (h, c))
        hs.append(h)
    eye = torch.eye(H, dtype=torch.float64)  # (H, H): batch row i seeds e_i
    grads = torch.autograd.grad(hs[-1], hs, grad_outputs=eye, is_grads_batched=True)
    return torch.stack(grads)  # (T + 1, H, H)


def torch_norms(cell: torch.nn.LSTMCell, x: torch.Tensor) -> torch.Tensor:
    return torch.linalg.matrix_norm(torch_jacobians(cell, x), ord=2)  # (T + 1,)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20,
                        help="timed runs per side and measurement, in blocks of 5")
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    cell = torch.nn.LSTMCell(D, H).to(torch.float64)
    model = rnnnotes.LSTM(D, H)
    model.load_state_dict({f"{k}_l0": p.detach().numpy() for k, p in cell.state_dict().items()})
    x = np.random.default_rng(0).standard_normal((T, D))
    xt = torch.tensor(x)

    # the two sides must compute the same thing before their times mean anything
    J, J_ref = hidden_jacobians(model, x), torch_jacobians(cell, xt).detach().numpy()
    scale = np.abs(J_ref).max(axis=(1, 2), keepdims=True)  # per step: J[t] shrinks with T - t
    jac_err = float(np.max(np.abs(J - J_ref) / scale))
    norms, norms_ref = hidden_jacobian_norms(model, x), torch_norms(cell, xt).detach().numpy()
    norm_err = float(np.max(np.abs(norms - norms_ref) / norms_ref))
    assert jac_err < 1e-10 and norm_err < 1e-10, (jac_err, norm_err)

    print(f"||dh_T/dh_t||, t = 0..{T}, LSTM({D}, {H}), float64; torch {torch.__version__} "
          f"({torch.get_num_threads()} thread), numpy {np.__version__} (OPENBLAS_NUM_THREADS="
          f"{os.environ['OPENBLAS_NUM_THREADS']}); norms {norms[0]:.3g} (t = 0) .. 1 (t = T)")
    print(f"agreement: Jacobians max rel. error {jac_err:.1e} (per step), norms {norm_err:.1e}")
    rounds = max(2, args.repeats // 5)
    for what, ours, theirs in [
        ("Jacobians + norms", lambda: hidden_jacobian_norms(model, x),
         lambda: torch_norms(cell, xt)),
        ("Jacobians only   ", lambda: hidden_jacobians(model, x),
         lambda: torch_jacobians(cell, xt)),
    ]:
        t_ours, t_theirs = alternating_times(ours, theirs, rounds=rounds)
        a, b = statistics.median(t_ours), statistics.median(t_theirs)
        goal = f" ({'meets' if a / b <= GOAL else 'misses'} the {GOAL:.0f}x goal)" \
            if what.startswith("Jacobians + norms") else ""
        print(f"{what} rnnnotes {a * 1e3:7.1f} ms   torch {b * 1e3:7.1f} ms   "
              f"median ratio {a / b:4.2f}x{goal}")


if __name__ == "__main__":
    main()
