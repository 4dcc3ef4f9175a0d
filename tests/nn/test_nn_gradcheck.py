"""Backpropagation through time against central finite differences, in float64.

For random small configurations of every cell type and option, the scalar loss

    L = sum(output * G) + sum(h_n * G_h) (+ sum(c_n * G_c))

is differentiated twice: analytically by ``backward(G, (G_h, G_c))``, and numerically by
``(L(theta + eps) - L(theta - eps)) / (2 eps)`` for every entry of every parameter, of the
input and of the initial state. Central differences have truncation error O(eps^2) and
rounding error O(1e-16 / eps): with eps = 1e-6 both sit near 1e-10, far below the 1e-6
tolerance, while any error in a backward formula shows up at order 1.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

import rnnnotes

EPS = 1e-6
MODES = ("rnn_tanh", "rnn_relu", "lstm", "gru")


def random_config(seed: int) -> dict:
    rng = np.random.default_rng(seed)
    mode = MODES[seed % len(MODES)]
    hidden = int(rng.integers(2, 4))
    return dict(
        mode=mode, input_size=int(rng.integers(1, 4)), hidden_size=hidden,
        num_layers=int(rng.integers(1, 3)), bidirectional=bool(rng.integers(2)),
        bias=bool(rng.integers(2)), batch_first=bool(rng.integers(2)),
        proj_size=int(rng.integers(0, hidden)) if mode == "lstm" else 0,
        steps=int(rng.integers(1, 4)), batch=int(rng.integers(0, 3)),  # 0: unbatched
        hx_given=bool(rng.integers(2)), grad_output=bool(rng.integers(4)),  # 1 in 4: None
        seed=seed)


CONFIGS = [random_config(seed) for seed in range(40)]


def build(c: dict) -> rnnnotes.nn.models.Recurrent:
    kwargs = dict(num_layers=c["num_layers"], bidirectional=c["bidirectional"],
                  bias=c["bias"], batch_first=c["batch_first"], seed=c["seed"])
    if c["mode"].startswith("rnn"):
        return rnnnotes.RNN(c["input_size"], c["hidden_size"], nonlinearity=c["mode"][4:],
                            **kwargs)
    if c["mode"] == "lstm":
        return rnnnotes.LSTM(c["input_size"], c["hidden_size"], proj_size=c["proj_size"],
                             **kwargs)
    return rnnnotes.GRU(c["input_size"], c["hidden_size"], **kwargs)


def numeric_grad(loss: Callable[[], float], array: np.ndarray) -> np.ndarray:
    """Central differences of ``loss()`` with respect to every entry of ``array``
    (perturbed in place and restored)."""
    grad = np.empty_like(array)
    for index in np.ndindex(array.shape):
        saved = array[index]
        array[index] = saved + EPS
        up = loss()
        array[index] = saved - EPS
        down = loss()
        array[index] = saved
        grad[index] = (up - down) / (2 * EPS)
    return grad


def assert_grad(analytic: np.ndarray, numeric: np.ndarray, what: str) -> None:
    scale = max(1.0, float(np.max(np.abs(numeric), initial=0.0)))
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-7 * scale, err_msg=what)


@pytest.mark.parametrize("c", CONFIGS, ids=[f"{c['seed']:02d}-{c['mode']}" for c in CONFIGS])
def test_backward_matches_finite_differences(c: dict) -> None:
    model = build(c)
    rng = np.random.default_rng(100 + c["seed"])
    lstm = c["mode"] == "lstm"
    T, B, D = c["steps"], c["batch"], c["input_size"]
    rows = c["num_layers"] * (2 if c["bidirectional"] else 1)
    out_size = c["proj_size"] or c["hidden_size"]
    batch = (B,) if B else ()
    x = rng.standard_normal(((B, T) if c["batch_first"] else (T, B)) + (D,) if B else (T, D))
    states = [rng.standard_normal((rows, *batch, out_size))]
    if lstm:
        states.append(rng.standard_normal((rows, *batch, c["hidden_size"])))
    hx = (tuple(states) if lstm else states[0]) if c["hx_given"] else None

    output, finals = model(x, hx)
    finals = finals if lstm else (finals,)
    weights_out = rng.standard_normal(output.shape) if c["grad_output"] else None
    weights_fin = [rng.standard_normal(f.shape) for f in finals]
    if lstm and c["seed"] % 3 == 0:
        weights_fin[1] = None  # grad_hn = (G_h, None): no gradient into c_n

    def loss() -> float:
        output, finals = model(x, hx)
        finals = finals if lstm else (finals,)
        total = 0.0 if weights_out is None else float(np.sum(output * weights_out))
        for final, w in zip(finals, weights_fin, strict=True):
            total += 0.0 if w is None else float(np.sum(final * w))
        return total

    model(x, hx)
    grad_x, grad_hx = model.backward(weights_out,
                                     tuple(weights_fin) if lstm else weights_fin[0])
    grads = {k: g.copy() for k, g in model.grads.items()}

    assert_grad(grad_x, numeric_grad(loss, x), "grad_x")
    if c["hx_given"]:
        for analytic, state in zip(grad_hx if lstm else (grad_hx,), states, strict=True):
            assert_grad(analytic, numeric_grad(loss, state), "grad_hx")
    else:
        assert grad_hx is None
    params = model.state_dict()
    for key, value in params.items():
        def param_loss(key: str = key, value: np.ndarray = value) -> float:
            model.load_state_dict({**params, key: value})
            return loss()
        assert_grad(grads[key], numeric_grad(param_loss, value), key)


def test_configs_cover_every_option() -> None:
    for mode in MODES:
        mine = [c for c in CONFIGS if c["mode"] == mode]
        for option in ("bidirectional", "bias", "batch_first", "hx_given"):
            assert {c[option] for c in mine} == {False, True}, (mode, option)
    assert {c["num_layers"] for c in CONFIGS} == {1, 2}
    assert {bool(c["batch"]) for c in CONFIGS} == {False, True}
    assert any(c["proj_size"] for c in CONFIGS)
    assert not all(c["grad_output"] for c in CONFIGS)
