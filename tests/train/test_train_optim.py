"""SGD and Adam against their update rules written out step by step (scalars, by hand),
and Adam against a closed form for its first step."""

import numpy as np
import pytest

from rnnnotes.train import SGD, Adam


def run(opt, grads_per_step, p0):
    params = {"p": np.array(p0, dtype=float)}
    for g in grads_per_step:
        opt.step(params, {"p": np.array(g, dtype=float)})
    return params["p"]


def test_sgd_is_p_minus_lr_g():
    p = run(SGD(0.1), [[1.0, -2.0], [0.5, 0.5]], [0.0, 0.0])
    np.testing.assert_allclose(p, [-0.1 - 0.05, 0.2 - 0.05], rtol=1e-15)


def test_sgd_momentum_follows_torchs_buffer():
    gs, lr, mu = [2.0, -1.0, 0.5], 0.1, 0.9
    p, buf = 1.0, None
    for g in gs:  # b_1 = g_1, b_t = mu b_{t-1} + g_t (dampening 0)
        buf = g if buf is None else mu * buf + g
        p -= lr * buf
    assert run(SGD(lr, momentum=mu), [[g] for g in gs], [1.0])[0] == pytest.approx(p, rel=1e-15)


def test_adam_first_step_is_lr_times_sign():
    # t = 1: m_hat = g, v_hat = g^2, so the step is lr * g / (|g| + eps) ~ lr * sign(g)
    g = np.array([3.0, -1e-3, 0.0])
    p = run(Adam(lr=0.01, eps=1e-8), [g], [0.0, 0.0, 0.0])
    np.testing.assert_allclose(p, -0.01 * g / (np.abs(g) + 1e-8), rtol=1e-12)


def test_adam_follows_kingma_and_ba_step_by_step():
    gs = [0.3, -1.2, 0.7, 2.0, -0.1]
    lr, b1, b2, eps = 0.05, 0.8, 0.95, 1e-6
    p, m, v = 1.5, 0.0, 0.0
    for t, g in enumerate(gs, start=1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        p -= lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)
    got = run(Adam(lr, betas=(b1, b2), eps=eps), [[g] for g in gs], [1.5])[0]
    assert got == pytest.approx(p, rel=1e-14)


def test_adam_keeps_state_per_key_and_minimises_a_quadratic():
    opt = Adam(0.1)
    params = {"a": np.array([5.0, -3.0]), "b": np.array([[2.0]])}
    for _ in range(300):  # L = |a|^2 + 10 |b|^2
        opt.step(params, {"a": 2 * params["a"], "b": 20 * params["b"]})
    assert np.abs(params["a"]).max() < 0.05 and abs(params["b"][0, 0]) < 0.05
    assert opt.t == 300


@pytest.mark.parametrize(
    ("call", "exc", "words"),
    [
        (lambda: SGD(0.0), ValueError, "lr must be a finite number > 0, got 0.0"),
        (lambda: SGD(0.1, momentum=1.0), ValueError, "momentum must be a finite number in (0, 1)"),
        (lambda: Adam("0.1"), TypeError, "lr must be a real number, got '0.1'"),
        (lambda: Adam(betas=(0.9,)), TypeError, "betas must be a pair"),
        (lambda: Adam(betas=(0.9, 1.0)), ValueError, "betas[1] must be a finite number in (0, 1)"),
        (lambda: Adam(eps=-1.0), ValueError, "eps must be a finite number > 0"),
        (lambda: SGD(0.1).step({"a": np.ones(2)}, {"b": np.ones(2)}), ValueError,
         "grads must have the keys of params ['a'], got ['b']"),
        (lambda: Adam().step({"a": np.ones(2)}, {"a": np.ones(3)}), ValueError,
         "grads['a'] must have the shape of params['a'] (2,), got (3,)"),
        (lambda: Adam().step([np.ones(2)], [np.ones(2)]), TypeError, "must be mappings"),
    ],
)
def test_bad_input_is_named(call, exc, words):
    with pytest.raises(exc) as info:
        call()
    assert words in str(info.value)
