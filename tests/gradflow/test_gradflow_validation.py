"""Every public gradient-flow function rejects bad input with an error that names the
argument, says what was expected and shows what came (and the list below must cover every
callable in rnnnotes.gradflow.__all__)."""

import inspect

import numpy as np
import pytest

import rnnnotes
import rnnnotes.gradflow as gf

D, H = 3, 4


def rnn():
    return rnnnotes.RNN(D, H)


def lstm(**kw):
    return rnnnotes.LSTM(D, H, **kw)


X = np.zeros((5, D))

# name -> (call, exception, the words the message must contain: argument, expected, got)
BAD = {
    "scalar_recurrence": (lambda: gf.scalar_recurrence(0.5, -1), ValueError,
                          ["steps", "int >= 0", "got -1"]),
    "matrix_powers": (lambda: gf.matrix_powers(np.ones((2, 3)), 3), ValueError,
                      ["W", "square matrix", "got shape (2, 3)"]),
    "matrix_power_norms": (lambda: gf.matrix_power_norms(np.eye(2), 3, ord=1), ValueError,
                           ["ord", "2 (spectral norm) or 'fro'", "got 1"]),
    "linear_rnn_jacobian_norms": (lambda: gf.linear_rnn_jacobian_norms(np.ones(3), 3),
                                  ValueError, ["W_hh", "2-D", "got shape (3,)"]),
    "spectral_radius": (lambda: gf.spectral_radius([[1.0, np.nan], [0, 1]]), ValueError,
                        ["W", "finite", "1 non-finite"]),
    "largest_singular_value": (lambda: gf.largest_singular_value([["a"]]), TypeError,
                               ["W", "real numeric array", "dtype <U1"]),
    "pascanu_check": (lambda: gf.pascanu_check(np.eye(2), "softsign"), ValueError,
                      ["gamma", "positive number or one of", "'softsign'"]),
    "tanh_rnn_jacobians": (lambda: gf.tanh_rnn_jacobians(np.eye(3), np.zeros(2), 4), ValueError,
                           ["h0", "shape (3,)", "got (2,)"]),
    "tanh_rnn_jacobian_norms": (
        lambda: gf.tanh_rnn_jacobian_norms(np.eye(3), np.zeros(3), 4, inputs=np.zeros((4, 2))),
        ValueError, ["inputs", "(steps, n) = (4, 3)", "got (4, 2)"]),
    "with_forget_bias": (lambda: gf.with_forget_bias(lstm(), float("inf")), ValueError,
                         ["bias", "finite real number", "got inf"]),
    "hidden_states": (lambda: gf.hidden_states(rnn(), np.zeros((5, D + 1))), ValueError,
                      ["x", "(T >= 1, 3)", "got shape (5, 4)"]),
    "hidden_jacobians": (lambda: gf.hidden_jacobians(rnnnotes.GRU(D, H, num_layers=2), X),
                         ValueError, ["model", "single-layer unidirectional", "num_layers=2"]),
    "hidden_jacobian_norms": (lambda: gf.hidden_jacobian_norms(rnn(), X, np.zeros((1, H + 1))),
                              ValueError, ["hx", "shape (1, 4)", "got (1, 5)"]),
    "forget_gates": (lambda: gf.forget_gates(rnn(), X), ValueError,
                     ["model", "LSTM", "got a RNN"]),
    "cell_jacobians": (lambda: gf.cell_jacobians(lstm(), X, path="h"), ValueError,
                       ["path", "('cell', 'full', 'total')", "'h'"]),
    "cell_jacobian_norms": (lambda: gf.cell_jacobian_norms(lstm(), X, ord="nuc"), ValueError,
                            ["ord", "2 (spectral norm) or 'fro'", "'nuc'"]),
    "input_jacobians": (lambda: gf.input_jacobians(lstm(), X, np.zeros((1, H))), TypeError,
                        ["hx", "pair (h0, c0)", "ndarray"]),
    "dependency_map": (lambda: gf.dependency_map(rnn(), X, max_batch=0), ValueError,
                       ["max_batch", "int >= 1", "got 0"]),
    "PascanuCheck": (lambda: gf.pascanu_check(np.eye(2)).bound(2.5), TypeError,
                     ["steps", "int >= 0", "2.5"]),
    "clip_grad_norm": (lambda: gf.clip_grad_norm({"w": [1.0, np.nan]}, 1.0), ValueError,
                       ["grads['w']", "finite", "1 non-finite"]),
    "recurrent_matrix": (lambda: gf.recurrent_matrix(3, -1), ValueError,
                         ["sigma_max", "finite number >= 0", "got -1"]),
    "nonnormal_matrix": (lambda: gf.nonnormal_matrix(3, np.inf), ValueError,
                         ["rho", "finite real number", "inf"]),
    "tanh_rnn": (lambda: gf.tanh_rnn(np.ones((2, 3))), ValueError,
                 ["W_hh", "square matrix", "got shape (2, 3)"]),
    "tanh_rnn_norm_curve": (lambda: gf.tanh_rnn_norm_curve(np.eye(2), 0), ValueError,
                            ["steps", "int >= 1", "got 0"]),
    "sigma_max_curves": (lambda: gf.sigma_max_curves([], 5), ValueError,
                         ["sigma_maxes", "non-empty 1-D sequence", "got []"]),
    "state_gradients": (lambda: gf.state_gradients(rnn(), np.zeros((5, 2, D)), np.zeros((3, H))),
                        ValueError, ["grad_h_T", "(B, H_s) = (2, 4)", "got (3, 4)"]),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_names_argument_expected_and_got(name):
    call, exc, words = BAD[name]
    with pytest.raises(exc) as info:
        call()
    for w in words:
        assert w in str(info.value), f"{name}: {w!r} not in {str(info.value)!r}"


def test_every_public_callable_has_a_validation_test():
    public = {n for n in gf.__all__ if inspect.isfunction(getattr(gf, n))
              or inspect.isclass(getattr(gf, n))}
    assert public == set(BAD)
