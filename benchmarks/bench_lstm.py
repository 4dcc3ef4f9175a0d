"""LSTM(20, 128), T = 100, B = 32: forward + backward, rnnnotes against PyTorch CPU.

Both run in the same process on the same data (weights copied from the torch model), in
float64 and float32; the script prints the median time of each and the ratio
rnnnotes / torch. Goals: float64 <= 1.0x, float32 <= 2.0x. Not a test: timings vary.

Run with an interpreter that has numpy and torch (the script puts the repository on the
path itself)::

    /opt/torchenv/bin/python benchmarks/bench_lstm.py [--repeats 30]

Some machines set OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE, which slow numpy's BLAS; to measure
without them, unset both in that one command (never in tests or CI)::

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /opt/torchenv/bin/python benchmarks/bench_lstm.py

The header line prints their values, so a reported figure says what it was measured with.

The backward of both sides yields the input gradient, the parameter gradients and the
initial-state gradients (hx given); torch's ``.grad`` is cleared between runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import rnnnotes  # noqa: E402

D, H, T, B = 20, 128, 100, 32


def alternating_times(ours, theirs, rounds: int, block: int = 5
                      ) -> tuple[list[float], list[float]]:
    """Wall times of ``ours()`` and ``theirs()``, measured in alternating blocks.

    Each round runs a block of ``ours`` then a block of ``theirs`` (the order flips every
    round), so a machine that gets busier or quieter affects both sides alike. Each block
    starts with an untimed run: the other side's thread pool (torch's OpenMP threads,
    OpenBLAS's) may still be spinning right after it finishes, and would otherwise steal
    the first timed run's cores.
    """
    times: dict[str, list[float]] = {"ours": [], "theirs": []}
    sides = [("ours", ours), ("theirs", theirs)]
    for r in range(rounds):
        for name, step in sides if r % 2 == 0 else sides[::-1]:
            step()
            for _ in range(block):
                start = time.perf_counter()
                step()
                times[name].append(time.perf_counter() - start)
    return times["ours"], times["theirs"]


def bench(dtype: np.dtype, repeats: int) -> tuple[list[float], list[float]]:
    """Seconds per forward + backward, one per repeat: (rnnnotes, torch)."""
    torch_dtype = {np.float64: torch.float64, np.float32: torch.float32}[dtype]
    torch.manual_seed(0)
    tm = torch.nn.LSTM(D, H).to(torch_dtype)
    m = rnnnotes.LSTM(D, H, dtype=dtype)
    m.load_state_dict({k: t.detach().numpy() for k, t in tm.state_dict().items()})

    rng = np.random.default_rng(0)
    x = rng.standard_normal((T, B, D)).astype(dtype)
    h0, c0 = (rng.standard_normal((1, B, H)).astype(dtype) for _ in range(2))
    grad_out = rng.standard_normal((T, B, H)).astype(dtype)

    def ours() -> None:
        m(x, (h0, c0))
        m.backward(grad_out)

    xt = torch.tensor(x, requires_grad=True)
    h0t, c0t = (torch.tensor(a, requires_grad=True) for a in (h0, c0))
    grad_out_t = torch.tensor(grad_out)

    def theirs() -> None:
        for p in (xt, h0t, c0t, *tm.parameters()):
            p.grad = None
        out, _ = tm(xt, (h0t, c0t))
        out.backward(grad_out_t)

    # the two sides must compute the same thing before their times mean anything
    ours()
    theirs()
    tol = 1e-8 if dtype == np.float64 else 1e-3
    for name, p in tm.named_parameters():
        ref = p.grad.numpy()
        assert np.max(np.abs(m.grads[name] - ref)) <= tol * np.max(np.abs(ref)), name

    return alternating_times(ours, theirs, rounds=max(2, repeats // 5))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30,
                        help="timed runs per side and dtype, in blocks of 5")
    args = parser.parse_args()
    print(f"LSTM({D}, {H}), T={T}, B={B}, forward + backward; torch {torch.__version__} "
          f"({torch.get_num_threads()} threads), numpy {np.__version__}; "
          + ", ".join(f"{k}={os.environ.get(k, '(unset)')}"
                      for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS")))
    goals = {np.float64: 1.0, np.float32: 2.0}
    for dtype, goal in goals.items():
        ours, theirs = bench(dtype, args.repeats)
        ratio = statistics.median(ours) / statistics.median(theirs)
        verdict = "meets" if ratio <= goal else "misses"
        print(f"{np.dtype(dtype).name:8s} rnnnotes {statistics.median(ours) * 1e3:7.2f} ms   "
              f"torch {statistics.median(theirs) * 1e3:7.2f} ms   median ratio {ratio:4.2f}x "
              f"({verdict} the {goal:.1f}x goal)")


if __name__ == "__main__":
    main()
