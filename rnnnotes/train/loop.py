r"""A small, seeded training loop, and the adding problem trained with it.

Every iteration draws a fresh batch, so the training loss is also the loss on unseen data.
Besides the loss it records what the vanishing-gradient discussion is about: the total
gradient norm, and, every `record_every` iterations, how much of the loss gradient reaches
each earlier step,

$$\left\| \frac{\partial L}{\partial h_t} \right\|_F, \quad t = 0, 1, \dots, T,$$

the Frobenius norm over the batch of the gradient reaching the state at step $t$ (from
[`state_gradients`][rnnnotes.gradflow.state_gradients], one backward sweep seeded with
$\partial L/\partial h_T$; its $t = 0$ end equals the model backward's gradient of $h_0$).
The parameter updates themselves use the model's own `backward`.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from rnnnotes.gradflow import clip_grad_norm, state_gradients
from rnnnotes.nn import GRU, LSTM, RNN
from rnnnotes.train.adding import adding_problem
from rnnnotes.train.optim import SGD, Adam
from rnnnotes.train.regressor import SequenceRegressor

MODELS = {"rnn": RNN, "gru": GRU, "lstm": LSTM}
DEFAULT_LR = {"adam": 1e-2, "sgd": 0.1}


@dataclass(frozen=True)
class TrainResult:
    """What [`train`][rnnnotes.train.train] measured, iteration by iteration.

    :ivar losses: `(iterations,)` the batch loss before each update.
    :ivar grad_norms: `(iterations,)` the total gradient norm before clipping.
    :ivar recorded: `(R,)` the iterations at which `state_grad_norms` was recorded.
    :ivar state_grad_norms: `(R, T + 1)` $\\|\\partial L/\\partial h_t\\|_F$ for
        $t = 0, 1, \\dots, T$ at those iterations.
    :ivar regressor: the trained model and readout.
    """

    losses: np.ndarray
    grad_norms: np.ndarray
    recorded: np.ndarray
    state_grad_norms: np.ndarray
    regressor: SequenceRegressor


def _int(value: object, name: str, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < low:
        raise ValueError(f"{name} must be an int >= {low}, got {value!r}")
    return int(value)


def train(
    regressor: SequenceRegressor,
    data: Callable[[], tuple[np.ndarray, np.ndarray]],
    iterations: int,
    optimizer: SGD | Adam,
    *,
    clip: float | None = None,
    record_every: int = 10,
) -> TrainResult:
    """Train `regressor` in place on `iterations` batches drawn from `data()`.

    :param regressor: a [`SequenceRegressor`][rnnnotes.train.SequenceRegressor] (for
        `record_every > 0` its model must be single-layer and unidirectional).
    :param data: called once per iteration, returns a batch `(x (T, B, D), y (B,))`.
    :param iterations: the number of updates, an int ≥ 1.
    :param optimizer: an [`SGD`][rnnnotes.train.SGD] or [`Adam`][rnnnotes.train.Adam].
    :param clip: None, or the maximum total gradient norm
        ([`clip_grad_norm`][rnnnotes.gradflow.clip_grad_norm]).
    :param record_every: record $\\|\\partial L/\\partial h_t\\|$ at iterations 0,
        `record_every`, ...; 0 never.
    :returns: the losses and gradient norms of every iteration, the recorded state
        gradients and the trained regressor.
    """
    if not isinstance(regressor, SequenceRegressor):
        raise TypeError(f"regressor must be a SequenceRegressor, got {type(regressor).__name__}")
    if not callable(data):
        raise TypeError(f"data must be a callable returning (x, y), got {type(data).__name__}")
    iterations = _int(iterations, "iterations", 1)
    record_every = _int(record_every, "record_every", 0)
    if not isinstance(optimizer, SGD | Adam):
        raise TypeError(f"optimizer must be an SGD or Adam, got {type(optimizer).__name__}")
    losses, norms = np.empty(iterations), np.empty(iterations)
    recorded, profiles = [], []
    for it in range(iterations):
        x, y = data()
        loss, grads, grad_y_T = regressor.loss_and_grads(x, y)
        if record_every and it % record_every == 0:
            g = state_gradients(regressor.model, x, grad_y_T)  # (T + 1, B, H_s)
            recorded.append(it)
            profiles.append(np.sqrt(np.sum(g * g, axis=(1, 2))))  # (T + 1,)
        if clip is None:
            total = float(np.sqrt(sum(np.sum(g * g) for g in grads.values())))
        else:
            grads, total = clip_grad_norm(grads, clip)
        losses[it], norms[it] = loss, total
        params = regressor.parameters()
        optimizer.step(params, grads)
        regressor.load_parameters(params)
    T1 = profiles[0].size if profiles else 0
    return TrainResult(
        losses=losses,
        grad_norms=norms,
        recorded=np.array(recorded, dtype=int),
        state_grad_norms=np.array(profiles).reshape(len(profiles), T1),
        regressor=regressor,
    )


def train_adding(
    kind: str = "lstm",
    hidden_size: int = 16,
    steps: int = 16,
    *,
    iterations: int = 300,
    batch: int = 64,
    optimizer: str = "adam",
    lr: float | None = None,
    clip: float | None = 1.0,
    record_every: int = 10,
    seed: int = 0,
) -> TrainResult:
    """Train a `kind` model with a linear readout on the adding problem, seeded.

    The model is `rnnnotes.RNN` (tanh), `GRU` or `LSTM` with 2 inputs and `hidden_size`
    units, initialised with `seed`; the readout too; the batches come from
    [`adding_problem`][rnnnotes.train.adding_problem] with a Generator seeded by `seed`.
    A model that learnt nothing stays at the loss `ADDING_VARIANCE` = 2/3.

    :param kind: `"rnn"`, `"gru"` or `"lstm"`.
    :param hidden_size: $H$, an int ≥ 1.
    :param steps: $T$, the sequence length, an int ≥ 4.
    :param iterations: the number of updates.
    :param batch: sequences per batch.
    :param optimizer: `"adam"` or `"sgd"`.
    :param lr: the learning rate; None means 0.01 for Adam, 0.1 for SGD.
    :param clip: the maximum total gradient norm, or None for no clipping.
    :param record_every: as in [`train`][rnnnotes.train.train].
    :param seed: an int ≥ 0.
    :returns: the losses and gradient norms of every iteration, the recorded state
        gradients and the trained regressor.
    """
    if kind not in MODELS:
        raise ValueError(f"kind must be one of {tuple(MODELS)}, got {kind!r}")
    if optimizer not in DEFAULT_LR:
        raise ValueError(f"optimizer must be one of {tuple(DEFAULT_LR)}, got {optimizer!r}")
    _int(seed, "seed", 0)
    model = MODELS[kind](2, _int(hidden_size, "hidden_size", 1), seed=seed)
    regressor = SequenceRegressor(model, seed=seed + 1)
    rate = DEFAULT_LR[optimizer] if lr is None else lr
    opt = Adam(rate) if optimizer == "adam" else SGD(rate)
    rng = np.random.default_rng(seed)
    _int(steps, "steps", 4)
    _int(batch, "batch", 1)
    return train(regressor, lambda: adding_problem(batch, steps, rng), iterations, opt,
                 clip=clip, record_every=record_every)
