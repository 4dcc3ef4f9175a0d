# %% [markdown]
# # Task 1.2 notebook: gradient flow
#
# Vanishing and exploding gradients, and gates that keep: this notebook reproduces the
# computations behind the two answers of Task 1.2, [vanishing and
# exploding](../q1-vanishing-exploding/) and [LSTM versus GRU](../q2-lstm-vs-gru/), with
# `rnnnotes`, the numpy package behind this site. Every output below was computed when the
# site was built. To run it yourself, install the package (`uv sync` in a clone of the
# repository), open the notebook in Jupyter, change $\sigma_{\max}$ and $T$ in the next
# cell and run all cells again.

# %%
import numpy as np

from rnnnotes import GRU, LSTM, RNN
from rnnnotes.counting import (
    count_parameters,
)
from rnnnotes.gradflow import (
    hidden_jacobian_norms,
    pascanu_check,
    recurrent_matrix,
    tanh_rnn,
)
from rnnnotes.train import (
    ADDING_VARIANCE,
    Adam,
    SequenceRegressor,
    adding_problem,
    train,
)

# The task of the sizes counted below,
# and this one.
TASKS = "1.1", "1.2"
# Change these, then run all cells.
# Largest singular values of W_hh:
SIGMAS = 0.5, 0.9, 1.5, 3.0
# Steps the gradient travels back:
T = 40
# Input and hidden units (tanh RNN):
D, H = 8, 32
# Seed of the weights and inputs:
SEED = 0

# %% [markdown]
# ## Gradient norms against the largest singular value and the length
#
# A tanh RNN without biases, $h_t = \tanh(W_{hh} h_{t-1} + W_{ih} x_t)$, reads one sequence
# of $T$ standard-normal inputs. Its recurrent matrix $W_{hh}$ is a seeded Gaussian matrix
# rescaled so that its largest singular value is $\sigma_{\max}$, or $\sigma_{\max}$ times
# a random orthogonal matrix. `hidden_jacobian_norms` gives the spectral norm
# $\|\partial h_T / \partial h_t\|$ for every $t$ from one backward sweep; the first table,
# one part for each kind of matrix, shows it $k = T - t$ steps back. The conditions of
# Pascanu, Mikolov and Bengio read $\sigma_{\max}$ alone: below one the gradient must
# vanish, above one it may explode. Every norm is checked against their bound
# $\sigma_{\max}^k$ on the way.

# %%
rng = np.random.default_rng(SEED)
# (time, features)
x = rng.standard_normal((T, D))
# The steps back shown:
ks = sorted({T // 4, T // 2, T})
head = "".join(
    f"{'k=' + str(k):>8}" for k in ks
)


def row(norms):
    """Norms k steps back, for each k
    in ks."""
    return "".join(
        f"{norms[k]:>8.1e}" for k in ks
    )


# Two tables, each narrow enough for a
# phone's column (the first one W_hh kind
# at a time).
gradients, states = [], []
for kind in ("gaussian", "orthogonal"):
    gradients.append(
        f"\n{kind} W_hh\n"
        f"{'sigma':>5}  {'Pascanu':<12}"
        + head
    )
    for sigma in SIGMAS:
        # (H, H)
        W = recurrent_matrix(
            H, sigma, kind=kind,
            seed=SEED,
        )
        model = tanh_rnn(W, D, seed=SEED)
        check = pascanu_check(W)
        if check.vanishing_guaranteed:
            says = "vanishes"
        elif check.exploding_possible:
            says = "may explode"
        else:
            says = "neither"
        norms = hidden_jacobian_norms(
            model, x
        )
        # (T + 1,): k = T - t
        norms = norms[::-1]
        # <= sigma_max^k (tanh' <= 1)
        bound = check.bound(T)
        bound = bound * (1 + 1e-9)
        assert np.all(norms <= bound)
        # (T, H)
        out, _ = model(x)
        eigvals = np.linalg.eigvals(W)
        rho = np.abs(eigvals).max()
        # How close the states come
        # to +-1:
        gap = 1 - np.abs(out).max()
        # tanh'(a_t) = 1 - h_t^2, over
        # steps and units:
        slope = (1 - out**2).mean()
        sigma_max = check.sigma_max
        gradients.append(
            f"{sigma_max:>5.2f}  "
            f"{says:<12}" + row(norms)
        )
        states.append(
            f"{kind:<10}"
            f" {sigma_max:>5.2f}"
            f" {rho:>5.2f}  {gap:>10.1e}"
            f" {slope:>10.2f}"
        )

print("\n".join(gradients).strip())
print(
    f"\n{'W_hh':<10} {'sigma':>5}"
    f" {'rho':>5}  1-max|h_t|"
    " mean tanh'",
    *states,
    sep="\n",
)

# %% [markdown]
# The second table's column `1-max|h_t|` shows how close the states come to the bounds of
# the tanh: they never reach them, whatever $\sigma_{\max}$. It is the gradient that
# vanishes or explodes, not the state. Its last column is the mean of $\tanh'(a_t)$ over
# the steps and units: the further below one, the more the tanh holds the gradient back.
# Compare the rows with the same $\sigma_{\max}$: with the values above, $\sigma_{\max}$
# alone does not predict the growth, and the tanh keeps the growing norms far below
# $\sigma_{\max}^k$ and $\rho^k$. Try a larger $T$: the vanishing rows fall further, the
# orthogonal matrices above one grow further.
#
# ## The same norm in the three cells, as initialised

# %%
print(f"{'cell':<5}{head}")
for cls in (RNN, GRU, LSTM):
    model = cls(D, H, seed=SEED)
    norms = hidden_jacobian_norms(
        model, x
    )[::-1]
    name = cls.__name__
    print(f"{name:<5}{row(norms)}")

# %% [markdown]
# All three vanish at initialisation: gates help only once they are set to keep.
#
# ## The three cells with larger recurrent matrices
#
# Every $H \times H$ block of each model's recurrent weights (one in the RNN, four in the
# LSTM, three in the GRU) is scaled to the same largest singular value. For the LSTM the
# norm is that of the block $\partial h_T / \partial h_t$ of the full Jacobian: the
# gradient that enters at $h_t$ with $c_t$ held fixed, paths through the later cells
# included.

# %%
# sigma_max of every recurrent block:
SWEEP = 0.5, 1.0, 1.5, 3.0, 6.0


def rescaled(cls, sigma):
    """cls(D, H, seed=SEED) with every
    H x H block of weight_hh_l0 scaled
    to sigma_max = sigma."""
    model = cls(D, H, seed=SEED)
    sd = model.state_dict()
    # (blocks * H, H)
    W = sd["weight_hh_l0"]
    for b in range(len(W) // H):
        # (H, H), a view of W
        block = W[b * H : (b + 1) * H]
        norm = np.linalg.norm(block, 2)
        block *= sigma / norm
    model.load_state_dict(sd)
    return model


print(f"{'sigma':<7}{'cell':<5}{head}")
for sigma in SWEEP:
    for cls in (RNN, LSTM, GRU):
        model = rescaled(cls, sigma)
        norms = hidden_jacobian_norms(
            model, x
        )[::-1]
        name = cls.__name__
        print(
            f"{sigma:<7.1f}{name:<5}"
            + row(norms)
        )

# %% [markdown]
# With this draw, the RNN's gradient grows from $\sigma_{\max} = 3$ on, while the gated
# cells' still vanishes there: each of their recurrent matrices acts through a gate or
# through the sigmoid's derivative. With large enough blocks they grow as well. One draw
# is an example, not a law: change `SEED` and run again to see how much it moves.
#
# ## Training on the adding problem
#
# Each step of a sequence carries a value and a marker. The target, read after the last
# step, is the sum of the two marked values, and both marks lie in the first half of the
# sequence, so the gradient must reach early steps for a model to learn. A model that
# learns nothing predicts the mean and scores the variance of the target,
# `ADDING_VARIANCE`. A tanh RNN and an LSTM are trained with Adam on the same batches, with
# gradient-norm clipping, by `rnnnotes`' own backward pass. The LSTM's forget-gate bias is
# raised by one, so that its forget gates start closer to one and keep more.

# %%
# Sequence length of the adding problem:
STEPS = 20
# Updates:
ITERATIONS = 300
# Sequences per update:
BATCH = 32
# Hidden units of both models:
UNITS = 16


def fit(model):
    """Train model and a linear readout,
    on the same batches every time."""
    regressor = SequenceRegressor(
        model, seed=SEED + 1
    )
    rng = np.random.default_rng(SEED)

    def batch():
        return adding_problem(
            BATCH, STEPS, rng
        )

    return train(
        regressor,
        batch,
        ITERATIONS,
        Adam(0.01),
        clip=1.0,
        record_every=ITERATIONS // 4,
    )


lstm = LSTM(2, UNITS, seed=SEED)
sd = lstm.state_dict()
# The forget gate (order i, f, g, o):
sd["bias_ih_l0"][UNITS : 2 * UNITS] += 1.0
lstm.load_state_dict(sd)
rnn = RNN(2, UNITS, seed=SEED)
results = {
    "tanh RNN": fit(rnn),
    "LSTM": fit(lstm),
}

print(
    "predicting the mean: loss"
    f" {ADDING_VARIANCE:.3f}"
)
print("mean loss over 20 updates:")
for name, r in results.items():
    first = r.losses[:20].mean()
    last = r.losses[-20:].mean()
    print(
        f"{name}: first {first:.3f},"
        f" last {last:.3f}"
    )

# %% [markdown]
# How much of the gradient reaches the first step: $\|\partial L / \partial h_0\|$ against
# $\|\partial L / \partial h_T\|$, where the loss enters, at four points of the training.

# %%
print(
    f"{'':<8} {'update':>6}"
    f"  {'at h_T':>7}"
    f"  {'at h_0':>7}  {'ratio':>7}"
)
for name, r in results.items():
    recorded = zip(
        r.recorded, r.state_grad_norms,
        strict=True,
    )
    for it, g in recorded:
        ratio = g[0] / g[-1]
        print(
            f"{name:<8} {it:>6}"
            f"  {g[-1]:>7.1e}"
            f"  {g[0]:>7.1e}"
            f"  {ratio:>7.1e}"
        )

# %% [markdown]
# The tanh RNN stays near the loss of predicting the mean, and only a small share of the
# gradient reaches its first step. The LSTM's loss falls far below it, and once it has
# learnt, a large share of the gradient reaches the first step: its forget gates keep.

# %% [markdown]
# ## LSTM against GRU: four weight blocks against three
#
# The parameter counts of the second answer (PyTorch's layout, two bias vectors per gate
# block), for the sizes of Task 1.1, array by array:

# %%
# Input and hidden units:
D_COUNT, H_COUNT = 20, 128

# Each cell and its gate blocks:
cells = ("lstm", 4), ("gru", 3)
for cell, blocks in cells:
    pc = count_parameters(
        cell, D_COUNT, H_COUNT
    )
    # W_ih, W_hh and two biases, per
    # gate block:
    block = (
        H_COUNT * D_COUNT
        + H_COUNT * H_COUNT
        + 2 * H_COUNT
    )
    assert pc.total == blocks * block
    print(
        f"{cell.upper()}:",
        f"{pc.total:,} parameters",
    )
    fmt = "  {:<13} {:>9} {:>7,}"
    for r in pc.rows():
        print(fmt.format(*r))

# %% [markdown]
# ## Gates that keep
#
# A GRU whose update gate is saturated at one copies its state, and an LSTM whose forget
# gate is one and input gate zero keeps its cell. The gates' biases are shifted by `SHIFT`,
# enough for the sigmoid to round to exactly one, or to almost zero, in double precision.

# %%
SHIFT = 40.0
rng = np.random.default_rng(SEED)
# (time, batch, features)
xs = rng.standard_normal((50, 1, D_COUNT))
h0 = rng.uniform(-1, 1, (1, 1, H_COUNT))
c0 = rng.standard_normal((1, 1, H_COUNT))
# z of r, z, n; f of i, f, g, o:
second = slice(H_COUNT, 2 * H_COUNT)

gru = GRU(D_COUNT, H_COUNT, seed=SEED)
sd = gru.state_dict()
# z = 1
sd["bias_ih_l0"][second] += SHIFT
gru.load_state_dict(sd)
_, h_T = gru(xs, h0)
# z rounds to 1, but h = n + z (h - n)
# still rounds: the copy is exact only up
# to rounding.
moved = np.abs(h_T - h0).max()
assert moved < 1e-12
print("GRU, z = 1:")
print(f"  max |h_T - h_0| = {moved:.1e}")

lstm = LSTM(D_COUNT, H_COUNT, seed=SEED)
sd = lstm.state_dict()
# f = 1
sd["bias_ih_l0"][second] += SHIFT
# i = 0
sd["bias_ih_l0"][:H_COUNT] -= SHIFT
lstm.load_state_dict(sd)
_, (h_T, c_T) = lstm(xs, (h0, c0))
# Kept, up to rounding:
kept = np.abs(c_T - c0).max()
assert kept < 1e-12
moved = np.abs(h_T - h0).max()
print("LSTM, f = 1, i = 0:")
print(f"  max |c_T - c_0| = {kept:.1e}")
print(f"  max |h_T - h_0| = {moved:.2f}")

# %% [markdown]
# The LSTM's cell is kept; its hidden state is not, and need not be:
# $h_t = o_t \odot \tanh(c_t)$, and the output gate $o_t$ still reads each step's input
# and $h_{t-1}$, so $h_T$ differs from $h_0$ while $c_T$ equals $c_0$. What the gates
# keep is the cell, the path along which the gradient of the
# [second answer](../q2-lstm-vs-gru/) flows.
#
# Back to the answers of Task 1.2: [vanishing and exploding
# gradients](../q1-vanishing-exploding/) and [LSTM against GRU](../q2-lstm-vs-gru/).
