# %% [markdown]
# # Task 2.1 notebook: the forget gate
#
# The forget gate, a gate that is always zero, and fewer parameters: the computations
# behind [the answers of Task 2.1](../q1-gates/), with `rnnnotes`, the numpy package
# behind this site; every output was computed when the site was built. To run it
# yourself, install the package (`uv sync` in a clone of the repository), open the
# notebook in Jupyter, change the next cell and run all cells again.

# %%
import numpy as np

import rnnnotes
from rnnnotes.counting import (
    count_parameters,
)
from rnnnotes.gradflow import (
    cell_jacobian_norms,
    dependency_map,
    forget_gates,
    hidden_states,
    with_forget_bias,
)

# The exercise of these answers.
TASK = "2.1"
# Change these, then run all cells.
# Forget-gate biases b to compare:
BIASES = 0.0, 1.0, 3.0
# Steps of the forget-gate products:
STEPS = 50
# The LSTM run on a random sequence:
D, H = 8, 32
# The length of that sequence:
SEQ = 40
# sigmoid(F_ZERO) is exactly 0.0:
F_ZERO = -1000.0
# The LSTM whose parameters we count:
D_COUNT, H_COUNT = 20, 128
# Its projection size:
P = 64
# Seed of weights and inputs:
SEED = 0

# %% [markdown]
# ## The forget-gate bias
#
# Along the cell the LSTM's derivative from one step to the next is
# $\partial c_t / \partial c_{t-1} = \operatorname{diag}(f_t)$, so over $k$ steps it is the
# product of $k$ forget gates. In an LSTM whose only nonzero parameter is the forget-gate
# bias $b$ (`with_forget_bias(..., zero_weights=True)`), every gate is $\sigma(b)$ whatever
# the input, and `cell_jacobian_norms` must give $\sigma(b)^k$ (last column, for
# $k$ = `STEPS`):

# %%
def sigmoid(b):
    return 1 / (1 + np.exp(-b))


print(f"{'b':>4} {'f':>7} {'f^k':>9}")
for b in BIASES:
    lstm = with_forget_bias(
        rnnnotes.LSTM(1, 1), b,
        zero_weights=True,
    )
    x0 = np.zeros((STEPS, 1))
    # dc_T/dc_0
    product = cell_jacobian_norms(
        lstm, x0
    )[0]
    f = sigmoid(b)
    assert np.isclose(
        product, f**STEPS, rtol=1e-12
    )
    print(
        f"{b:4.1f} {f:7.4f}"
        f" {product:9.2e}"
    )

# %% [markdown]
# With nonzero weights the bias sets $f_t \approx \sigma(b)$ only where the rest of
# the pre-activation, $W_{if} x_t + W_{hf} h_{t-1}$, is small. The same LSTM (PyTorch's
# initialisation, then each bias) on one random sequence: the smallest, mean and largest
# forget gate, and the cell path over the whole sequence, $\|\partial c_T/\partial c_0\|$:

# %%
rng = np.random.default_rng(SEED)
# (time, features)
x = rng.standard_normal((SEQ, D))
print(
    f"{'b':>4} {'min':>4} {'mean':>4}"
    f" {'max':>4} {'cell':>8}"
)
for b in BIASES:
    lstm = with_forget_bias(
        rnnnotes.LSTM(D, H, seed=SEED), b
    )
    # (T, H)
    f = forget_gates(lstm, x)
    # The cell path, from t = 0:
    cell = cell_jacobian_norms(lstm, x)[0]
    print(
        f"{b:4.1f} {f.min():.2f}"
        f" {f.mean():.2f} {f.max():.2f}"
        f" {cell:8.2e}"
    )

# %% [markdown]
# The cell path alone never exceeds one (each factor is a gate below one), but $c_t$ also
# reaches $c_T$ through $h_t = o_t \odot \tanh(c_t)$ and the recurrent weights. The total
# derivative (`path="total"`) adds those paths. To show the mechanism we exaggerate the
# recurrent weights (four times PyTorch's initialisation): the total derivative grows, while
# the cell path cannot. The first column is the number of steps back, $T - t$:

# %%
lstm = with_forget_bias(
    rnnnotes.LSTM(D, H, seed=SEED),
    BIASES[-1],
)
state = lstm.state_dict()
# Exaggerated:
W_hh = state["weight_hh_l0"]
state["weight_hh_l0"] = 4 * W_hh
lstm.load_state_dict(state)
T_LONG = 2 * STEPS
rng = np.random.default_rng(SEED)
# (time, features)
long_x = rng.standard_normal((T_LONG, D))
cell = cell_jacobian_norms(
    lstm, long_x, path="cell"
)
total = cell_jacobian_norms(
    lstm, long_x, path="total"
)
print(
    f"{'back':>4} {'cell':>9}"
    f" {'total':>9}"
)
for back in (1, 10, 50, T_LONG - 1):
    t = T_LONG - back
    print(
        f"{back:4d} {cell[t]:9.2e}"
        f" {total[t]:9.2e}"
    )

# %% [markdown]
# ## A forget gate that is always zero
#
# A bias of `F_ZERO` shuts the forget gate exactly. The cell is then
# $c_t = i_t \odot g_t$: not zero. The check recomputes $i_t$ and $g_t$ from PyTorch's
# equations, with the states the model produced:

# %%
lstm = with_forget_bias(
    rnnnotes.LSTM(D, H, seed=SEED),
    F_ZERO,
)
f = forget_gates(lstm, x)
# h_0..h_T, c_0..c_T
h, c = hidden_states(lstm, x)
sd = lstm.state_dict()
# (T, 4H), gate order i, f, g, o
a = (
    x @ sd["weight_ih_l0"].T
    + sd["bias_ih_l0"]
    + h[:-1] @ sd["weight_hh_l0"].T
    + sd["bias_hh_l0"]
)
i = sigmoid(a[:, :H])
g = np.tanh(a[:, 2 * H : 3 * H])
assert np.all(f == 0.0)
assert np.allclose(
    c[1:], i * g, rtol=1e-12, atol=0
)
norms = np.linalg.norm(c[1:], axis=1)
print(f"largest forget gate: {f.max()}")
low, high = norms.min(), norms.max()
print(f"||c_t||: {low:.2f}..{high:.2f}")

# %% [markdown]
# The norms of three derivatives, one step back ($\partial c_T / \partial c_{T-1}$) and five
# steps back ($\partial c_T / \partial c_{T-5}$): along the cell alone (`cell`,
# $\operatorname{diag}(f_t)$), through the whole recurrence but with $h_t$ held fixed
# (`full`), and with $h_t$ computed from $c_t$ as the network does (`total`). With the forget
# gate shut the first two are zero; the total derivative is not: the past still reaches the
# cell through $h$.

# %%
print(
    f"{'path':>5} {'1 back':>9}"
    f" {'5 back':>9}"
)
for path in ("cell", "full", "total"):
    n = cell_jacobian_norms(
        lstm, x, path=path
    )
    one, five = n[SEQ - 1], n[SEQ - 5]
    print(
        f"{path:>5} {one:9.2e}"
        f" {five:9.2e}"
    )

# %% [markdown]
# The outputs still depend on earlier inputs: the dependency map
# $\|\partial y_t / \partial x_s\|$, with $y_t = h_t$ the layer's output, is nonzero on
# and below the diagonal (zero above it: the layer reads forwards), as initialised and with
# the forget gate shut. The columns: the last output against the previous and first input.

# %%
short = x[:12]
models = {
    "as initialised": rnnnotes.LSTM(
        D, H, seed=SEED
    ),
    "f = 0": with_forget_bias(
        rnnnotes.LSTM(D, H, seed=SEED),
        F_ZERO,
    ),
}
print(
    f"{'':<14} {'x_(T-1)':>7}"
    f" {'x_1':>7}"
)
for label, model in models.items():
    # (T, T): [t, s]
    m = dependency_map(model, short)
    lower = np.tril_indices(len(short))
    below = m[lower]
    assert np.all(np.triu(m, 1) == 0)
    assert np.all(below > 0)
    prev, first = m[-1, -2], m[-1, 0]
    print(
        f"{label:<14} {prev:7.1e}"
        f" {first:7.1e}"
    )

# %% [markdown]
# ## Fewer parameters: coupled gates and a projection
#
# Coupling the input and forget gates, $f_t = 1 - i_t$ (CIFG), drops the forget gate's block
# at any hidden size $H$, one unit included (first lines: without, then with CIFG). PyTorch's
# `proj_size` $p$ (LSTMP) feeds back $h_t = W_{hr}(o_t \odot \tanh c_t)$, $p$ numbers instead
# of $H$; the break-even point found by search must match the closed form: the layer shrinks
# exactly while five times $p$ stays below four times $H$.

# %%
def count(h=H_COUNT, **kw):
    return count_parameters(
        "lstm", D_COUNT, h, **kw
    ).total


for h in (1, H_COUNT):
    cifg = count(h, cifg=True)
    print(
        f"H = {h:3d}:",
        f"{count(h):,} -> {cifg:,}",
    )
base = count()
print(f"no projection: {base:,}")
for p in (1, P, H_COUNT - 1):
    n = count(proj_size=p)
    print(f"p = {p:3d}: {n:,}")
sizes = range(1, H_COUNT)
saves = [
    p for p in sizes
    if count(proj_size=p) < base
]
assert saves == [
    p for p in sizes
    if 5 * p < 4 * H_COUNT
]
print(f"saves for p = 1..{max(saves)}")

# %% [markdown]
# An independent check: build the projected LSTM in `rnnnotes` and add up the sizes of the
# arrays it stores. Its output has $p$ features per step, shape (T, batch, p).

# %%
model = rnnnotes.LSTM(
    D_COUNT, H_COUNT, proj_size=P,
    seed=SEED,
)
stored = model.state_dict()
for name, w in stored.items():
    print(f"{name:<12} {w.shape}")
n = sum(w.size for w in stored.values())
assert n == count(proj_size=P)
rng = np.random.default_rng(SEED)
# (time, batch, features)
x5 = rng.standard_normal((5, 1, D_COUNT))
out, _ = model(x5)
print(f"output shape: {out.shape}")

# %% [markdown]
# ## Two directions in one layer
#
# A bidirectional layer stores a second set of arrays (suffix `_reverse`) and concatenates
# the two directions' outputs: twice the parameters, twice the features per step. Two stacked
# layers are a different network:

# %%
networks = {
    "one direction": {},
    "bidirectional": {
        "bidirectional": True
    },
    "two layers": {"num_layers": 2},
}
print(
    f"{'':<13} {'params':>7}"
    f" {'width':>5}"
)
for label, kw in networks.items():
    model = rnnnotes.LSTM(
        D_COUNT, H_COUNT, seed=SEED, **kw
    )
    arrays = model.state_dict().values()
    n = sum(w.size for w in arrays)
    assert n == count(**kw)
    x3 = np.zeros((3, 1, D_COUNT))
    y, _ = model(x3)
    print(
        f"{label:<13} {n:>7,}"
        f" {y.shape[-1]:>5}"
    )

# %% [markdown]
# A bidirectional layer stores both directions' arrays and gives each step both outputs,
# side by side; two stacked layers are another network, whose second layer reads the
# first one's output, one direction wide.
#
# Back to the answers of Task 2.1: [the gates](../q1-gates/), [a forget gate always
# zero](../q2-forget-gate-zero/), [gradients in an LSTM](../q3-gradients-in-lstm/),
# [fewer parameters](../q4-fewer-parameters/) and [a bidirectional
# LSTM](../q5-bidirectional/).
