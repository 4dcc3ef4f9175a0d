"""The training loop on tiny seeded runs: the loss goes down, runs repeat exactly, what is
recorded is what the model's own backward and the sweep give, clipping caps the update."""

import numpy as np
import pytest

import rnnnotes
from rnnnotes.gradflow import state_gradients
from rnnnotes.train import (
    ADDING_VARIANCE,
    SGD,
    Adam,
    SequenceRegressor,
    adding_problem,
    train,
    train_adding,
)


@pytest.mark.parametrize("kind", ["rnn", "lstm"])
def test_loss_decreases_on_a_tiny_seeded_run(kind):
    r = train_adding(kind, hidden_size=8, steps=6, iterations=80, batch=32, seed=0)
    assert r.losses.shape == (80,) and r.grad_norms.shape == (80,)
    assert r.losses[:10].mean() > 0.5 * ADDING_VARIANCE  # starts near the baseline
    assert r.losses[-10:].mean() < 0.5 * r.losses[:10].mean()  # and learns


def test_runs_are_seeded():
    a = train_adding("lstm", hidden_size=4, steps=6, iterations=15, seed=3)
    b = train_adding("lstm", hidden_size=4, steps=6, iterations=15, seed=3)
    np.testing.assert_array_equal(a.losses, b.losses)
    np.testing.assert_array_equal(a.state_grad_norms, b.state_grad_norms)
    c = train_adding("lstm", hidden_size=4, steps=6, iterations=15, seed=4)
    assert np.abs(a.losses - c.losses).max() > 1e-3


def test_recorded_gradients_are_the_sweeps_and_the_models():
    # replay the first iteration by hand: same data, same initial weights
    T, B, H = 7, 5, 4
    batch = adding_problem(B, T, seed=9)
    reg = SequenceRegressor(rnnnotes.GRU(2, H, seed=1), seed=2)
    before = reg.parameters()
    loss, grads, grad_y_T = reg.loss_and_grads(*batch)
    profile = np.linalg.norm(state_gradients(reg.model, batch[0], grad_y_T), axis=(1, 2))
    reg.load_parameters(before)
    r = train(reg, lambda: batch, 3, SGD(0.1), clip=None, record_every=2)
    np.testing.assert_array_equal(r.recorded, [0, 2])
    assert r.state_grad_norms.shape == (2, T + 1)
    np.testing.assert_allclose(r.state_grad_norms[0], profile, rtol=1e-13)
    assert r.losses[0] == pytest.approx(loss, rel=1e-14)
    total = np.sqrt(sum(np.sum(g**2) for g in grads.values()))
    assert r.grad_norms[0] == pytest.approx(total, rel=1e-13)
    # the sweep's t = 0 end is the model backward's dL/dh_0
    reg.load_parameters(before)
    reg.model(batch[0], np.zeros((1, B, H)))
    grad_out = np.zeros((T, B, H))
    grad_out[-1] = grad_y_T
    _, g_h0 = reg.model.backward(grad_out)
    assert r.state_grad_norms[0, 0] == pytest.approx(np.linalg.norm(g_h0), rel=1e-12)


def test_clipping_caps_the_sgd_step():
    reg = SequenceRegressor(rnnnotes.RNN(2, 4, seed=0), seed=0)
    batch = adding_problem(16, 6, seed=0)
    before = reg.parameters()
    r = train(reg, lambda: batch, 1, SGD(1.0), clip=1e-3, record_every=0)
    step = np.sqrt(sum(np.sum((reg.parameters()[k] - before[k]) ** 2) for k in before))
    assert r.grad_norms[0] > 1e-2  # the norm before clipping is recorded
    assert step == pytest.approx(1e-3 * r.grad_norms[0] / (r.grad_norms[0] + 1e-6), rel=1e-9)
    assert r.recorded.size == 0 and r.state_grad_norms.shape == (0, 0)


@pytest.mark.parametrize(
    ("call", "exc", "words"),
    [
        (lambda: train_adding("transformer"), ValueError, "kind must be one of ('rnn', 'gru'"),
        (lambda: train_adding(optimizer="lbfgs"), ValueError, "optimizer must be one of"),
        (lambda: train_adding(steps=3), ValueError, "steps must be an int >= 4, got 3"),
        (lambda: train_adding(hidden_size=0), ValueError, "hidden_size must be an int >= 1"),
        (lambda: train("reg", lambda: None, 1, Adam()), TypeError,
         "regressor must be a SequenceRegressor, got str"),
        (lambda: train(SequenceRegressor(rnnnotes.RNN(2, 3)), None, 1, Adam()), TypeError,
         "data must be a callable"),
        (lambda: train(SequenceRegressor(rnnnotes.RNN(2, 3)), lambda: None, 0, Adam()),
         ValueError, "iterations must be an int >= 1, got 0"),
        (lambda: train(SequenceRegressor(rnnnotes.RNN(2, 3)), lambda: None, 1, "adam"),
         TypeError, "optimizer must be an SGD or Adam, got str"),
    ],
)
def test_bad_input_is_named(call, exc, words):
    with pytest.raises(exc) as info:
        call()
    assert words in str(info.value)
