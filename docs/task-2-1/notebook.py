# %% [markdown]
# # Task 2.1 notebook: the forget gate, a gate that is always zero, and projections
#
# This notebook reproduces the computations behind the answers of Task 2.1 with `rnnnotes`,
# the numpy package behind this site. Every output below was computed when the site was
# built. To run it yourself, install the package (`uv sync` in a clone of the repository),
# open the notebook in Jupyter, change the values in the next cell and run all cells again.

# %%
import numpy as np

import rnnnotes
from rnnnotes.counting import count_parameters
from rnnnotes.gradflow import (
    cell_jacobian_norms,
    dependency_map,
    forget_gates,
    hidden_states,
    with_forget_bias,
)

TASK = "2.1"              # the exercise these answers belong to
# Change these, then run all cells again.
BIASES = 0.0, 1.0, 3.0    # forget-gate biases b to compare
STEPS = 50                # steps of the forget-gate products
D, H = 8, 32              # the LSTM run on a random sequence
SEQ = 40                  # the length of that sequence
F_ZERO = -1000.0          # sigmoid(F_ZERO) is exactly 0.0
D_COUNT, H_COUNT = 20, 128  # the LSTM whose parameters we count
P = 64                    # its projection size
SEED = 0                  # seed of weights and inputs

# %% [markdown]
# ## The forget-gate bias
#
# Along the cell the LSTM's derivative from one step to the next is
# $\partial c_t / \partial c_{t-1} = \operatorname{diag}(f_t)$, so over $k$ steps it is the
# product of $k$ forget gates. In an LSTM whose only nonzero parameter is the forget-gate
# bias $b$ (`with_forget_bias(..., zero_weights=True)`), every gate is $\sigma(b)$ whatever
# the input, and `cell_jacobian_norms` must give $\sigma(b)^k$:

# %%
def sigmoid(b):
    return 1 / (1 + np.exp(-b))


for b in BIASES:
    lstm = with_forget_bias(rnnnotes.LSTM(1, 1), b, zero_weights=True)
    product = cell_jacobian_norms(lstm, np.zeros((STEPS, 1)))[0]  # dc_T/dc_0
    assert np.isclose(product, sigmoid(b) ** STEPS, rtol=1e-12)
    print(f"b = {b:4.1f}: f = {sigmoid(b):.4f}, "
          f"product of {STEPS} gates = {product:.2e}")

# %% [markdown]
# With nonzero weights the bias sets $f_t \approx \sigma(b)$ only where the rest of
# the pre-activation, $W_{if} x_t + W_{hf} h_{t-1}$, is small. The same LSTM (PyTorch's
# initialisation, then each bias) on one random sequence:

# %%
x = np.random.default_rng(SEED).standard_normal((SEQ, D))  # (T, D)
for b in BIASES:
    lstm = with_forget_bias(rnnnotes.LSTM(D, H, seed=SEED), b)
    f = forget_gates(lstm, x)  # (T, H)
    cell = cell_jacobian_norms(lstm, x)[0]  # along the cell path, over the whole sequence
    print(f"b = {b:4.1f}: forget gates {f.min():.2f} .. {f.max():.2f} (mean {f.mean():.2f}), "
          f"cell path over {SEQ} steps {cell:.2e}")

# %% [markdown]
# The cell path alone never exceeds one (each factor is a gate below one), but $c_t$ also
# reaches $c_T$ through $h_t = o_t \odot \tanh(c_t)$ and the recurrent weights. The total
# derivative (`path="total"`) adds those paths; with large recurrent weights it can grow,
# while the cell path cannot:

# %%
lstm = with_forget_bias(rnnnotes.LSTM(D, H, seed=SEED), BIASES[-1])
state = lstm.state_dict()
state["weight_hh_l0"] = 4 * state["weight_hh_l0"]  # stronger recurrent weights
lstm.load_state_dict(state)
long_x = np.random.default_rng(SEED).standard_normal((2 * STEPS, D))
cell = cell_jacobian_norms(lstm, long_x, path="cell")
total = cell_jacobian_norms(lstm, long_x, path="total")
for back in (1, 10, 50, 2 * STEPS - 1):
    t = 2 * STEPS - back
    print(f"{back:3d} steps back: cell path {cell[t]:.2e}, total {total[t]:.2e}")

# %% [markdown]
# ## A forget gate that is always zero
#
# A bias of `F_ZERO` closes the forget gate exactly. The cell is then
# $c_t = i_t \odot g_t$: not zero. The check recomputes $i_t$ and $g_t$ from PyTorch's
# equations, with the states the model produced:

# %%
lstm = with_forget_bias(rnnnotes.LSTM(D, H, seed=SEED), F_ZERO)
f = forget_gates(lstm, x)
h, c = hidden_states(lstm, x)  # h_0..h_T, c_0..c_T
sd = lstm.state_dict()
a = x @ sd["weight_ih_l0"].T + sd["bias_ih_l0"] + h[:-1] @ sd["weight_hh_l0"].T \
    + sd["bias_hh_l0"]  # (T, 4H), gate order i, f, g, o
i, g = sigmoid(a[:, :H]), np.tanh(a[:, 2 * H : 3 * H])
assert np.all(f == 0.0) and np.allclose(c[1:], i * g, rtol=1e-12, atol=0)
norms = np.linalg.norm(c[1:], axis=1)
print(f"largest forget gate: {f.max()}")
print(f"||c_t|| over {SEQ} steps: {norms.min():.2f} .. {norms.max():.2f}")

# %% [markdown]
# The direct derivative along the cell, $\operatorname{diag}(f_t)$, is zero, and so is
# $\partial c_T / \partial c_t$ with $h_t$ held fixed. The total derivative, with $h_t$
# computed from $c_t$, is not: the past still reaches the cell through $h$.

# %%
for path in ("cell", "full", "total"):
    norms = cell_jacobian_norms(lstm, x, path=path)
    print(f"{path:>5}: one step back {norms[SEQ - 1]:.2e}, five steps back {norms[SEQ - 5]:.2e}")

# %% [markdown]
# The outputs still depend on earlier inputs: the dependency map
# $\|\partial y_t / \partial x_s\|$ is nonzero on and below the diagonal (exactly zero above
# it, since the layer reads forwards), with and without the forget gate.

# %%
short = x[:12]
for label, model in (("as initialised", rnnnotes.LSTM(D, H, seed=SEED)),
                     ("f = 0", with_forget_bias(rnnnotes.LSTM(D, H, seed=SEED), F_ZERO))):
    m = dependency_map(model, short)  # (T, T): [t, s]
    lower, upper = np.tril(m), np.triu(m, 1)
    assert np.all(upper == 0) and np.all(lower[np.tril_indices(len(short))] > 0)
    print(f"{label:>14}: last output on the previous input {m[-1, -2]:.2e}, "
          f"on the first input {m[-1, 0]:.2e}")

# %% [markdown]
# ## Fewer parameters: a projection
#
# PyTorch's `proj_size` $p$ (LSTMP) feeds back $h_t = W_{hr}(o_t \odot \tanh c_t)$ with $p$
# units instead of $h$. The count against $p$, and the break-even point found by search,
# against the closed form: the layer shrinks exactly while five times $p$ stays below four
# times $h$.

# %%
base = count_parameters("lstm", D_COUNT, H_COUNT).total
for p in (1, P, H_COUNT - 1):
    print(f"p = {p:3d}: {count_parameters('lstm', D_COUNT, H_COUNT, proj_size=p).total:,} "
          f"parameters (no projection: {base:,})")
saves = [p for p in range(1, H_COUNT)
         if count_parameters("lstm", D_COUNT, H_COUNT, proj_size=p).total < base]
assert saves == [p for p in range(1, H_COUNT) if 5 * p < 4 * H_COUNT]
print(f"the projection saves for p = 1 .. {max(saves)}")

# %% [markdown]
# An independent check: build the projected LSTM in `rnnnotes` and add up the sizes of the
# arrays it stores. Its output has $p$ features per step.

# %%
model = rnnnotes.LSTM(D_COUNT, H_COUNT, proj_size=P, seed=SEED)
stored = {name: w.shape for name, w in model.state_dict().items()}
print(stored)
assert sum(int(np.prod(s)) for s in stored.values()) == \
    count_parameters("lstm", D_COUNT, H_COUNT, proj_size=P).total
out, _ = model(np.random.default_rng(SEED).standard_normal((5, 1, D_COUNT)))
print(f"output shape {out.shape}: (T, batch, p)")

# %% [markdown]
# ## Two directions in one layer
#
# A bidirectional layer stores a second set of arrays (suffix `_reverse`) and concatenates
# the two directions' outputs: twice the parameters, twice the features per step. Two stacked
# layers are a different network:

# %%
for label, kw in (("one direction", {}), ("bidirectional", {"bidirectional": True}),
                  ("two stacked layers", {"num_layers": 2})):
    model = rnnnotes.LSTM(D_COUNT, H_COUNT, seed=SEED, **kw)
    n = sum(w.size for w in model.state_dict().values())
    assert n == count_parameters("lstm", D_COUNT, H_COUNT, **kw).total
    width = model(np.zeros((3, 1, D_COUNT)))[0].shape[-1]
    print(f"{label:>18}: {n:,} parameters, {width} output features")
