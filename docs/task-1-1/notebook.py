# %% [markdown]
# # Task 1.1 notebook: weights and gradients
#
# Weights, parameters and backpropagation through time: this notebook reproduces the two
# answers of Task 1.1, [weights when unrolled](../q1-unrolled-weights/) and [parameters
# over time](../q2-parameters-over-time/), with `rnnnotes`, the numpy package behind this
# site. Every output below was computed when the site was built. To run it yourself,
# install the package (`uv sync` in a clone of the repository), open the notebook in
# Jupyter, change the sizes in the next cell and run all cells again.

# %%
import numpy as np

import rnnnotes
from rnnnotes.counting import (
    count_parameters,
    unrolled_edges,
    unrolled_nodes,
    unrolled_weights,
)

# The exercise of these answers.
TASK = "1.1"
# The sizes of Q1: change them, then
# run all cells again.
# Input, hidden and output units:
D, H, K = 20, 128, 10
# Steps the network is unrolled over:
T = 5
# Seed of inputs, states, gradients:
SEED = 0
# Steps are numbered from 1; h_0 is
# the initial state.
FIRST = 1

# %% [markdown]
# ## Weights in the unrolled network
#
# Unrolling draws one copy of the network per time step: $D$ input, $H$ hidden and $K$
# output units per step, and links from the hidden units at step $t-1$ to those at step
# $t$. Counting every *use* of a weight as one edge gives
#
# $$
# (D \cdot H + H \cdot K) \cdot T + R \cdot (T - 1),
# $$
#
# where $R$ is the number of links between two consecutive hidden layers. The student's
# formula takes $R = H$: each hidden unit feeds only itself (a *per-unit* recurrence). The
# standard Elman network has a full matrix $W_{hh}$, so $R = H \cdot H$.
# `unrolled_weights` is that closed form:

# %%
# Links between hidden layers t-1 and t:
R = {"per-unit": H, "full": H * H}
for recurrence, r in R.items():
    c = unrolled_weights(
        D, H, K, steps=T,
        recurrence=recurrence,
    )
    print(
        f"{recurrence:>8}:"
        f" {c.input_to_hidden:,}"
        f" + {c.hidden_to_output:,}"
        f" + {c.hidden_to_hidden:,}"
    )
    print(
        f"    = {c.total:,} weights"
        f" over T = {T} steps"
    )
    # The formula above:
    formula = (D * H + H * K) * T
    formula += r * (T - 1)
    assert c.total == formula

# %% [markdown]
# The closed form is one computation. `unrolled_edges` is another: it numbers every node of
# the unrolled graph and builds the edges link by link. The two agree, and in the per-unit
# graph every recurrent edge joins unit $j$ at one step to the same unit $j$ at the next:

# %%
for recurrence in R:
    # (E, 2)
    edges = unrolled_edges(
        D, H, K, steps=T,
        recurrence=recurrence,
    )
    count = unrolled_weights(
        D, H, K, steps=T,
        recurrence=recurrence,
    ).total
    n = len(edges)
    assert n == count
    print(
        f"{recurrence:>8}: {n:,} edges"
        " built one by one"
    )

# Which hidden unit of which step each
# node id is: h[t, j] is the id of
# h_t,j, and row 0 is h_0.
nodes = unrolled_nodes(D, H, K, steps=T)
# (T + 1, H)
h = nodes["h"]
unit_of = {
    int(node): tj
    for tj, node in np.ndenumerate(h)
}
edges = unrolled_edges(
    D, H, K, steps=T,
    recurrence="per-unit",
).tolist()
recurrent = [
    (unit_of[a], unit_of[b])
    for a, b in edges
    if a in unit_of and b in unit_of
]
assert all(
    t2 == t1 + 1 and j2 == j1
    for (t1, j1), (t2, j2) in recurrent
)
print(
    f"per-unit: {len(recurrent):,}"
    " recurrent edges,"
)
print("  each h_(t-1),j -> h_t,j")

# %% [markdown]
# The formula has one more assumption: an output at every step. A many-to-one network (one
# output, after the last step) draws the $H \cdot K$ output edges once, not $T$ times:

# %%
for recurrence in R:
    every = unrolled_weights(
        D, H, K, steps=T,
        recurrence=recurrence,
    ).total
    last = unrolled_weights(
        D, H, K, steps=T,
        recurrence=recurrence,
        outputs="last",
    ).total
    fewer = every - last
    assert fewer == (T - 1) * H * K
    edges = unrolled_edges(
        D, H, K, steps=T,
        recurrence=recurrence,
        outputs="last",
    )
    assert len(edges) == last
    print(
        f"{recurrence:>8}: {every:,},"
        " an output per step"
    )
    print(
        f"{'':>8}  {last:,}, one output"
    )

# %% [markdown]
# Each step's copy reuses the same matrices, so the network itself has far fewer *unique*
# parameters, and their number does not depend on $T$. `count_parameters` lists the arrays
# PyTorch's `nn.RNN` plus a dense output layer stores (two bias vectors per layer), then
# Keras' `SimpleRNN` plus `Dense` (one bias vector):

# %%
for convention in ("pytorch", "keras"):
    pc = count_parameters(
        "rnn", D, H, output_size=K,
        convention=convention,
    )
    print(convention)
    row = "  {:<23} {:>10} {:>7,}"
    for r in pc.rows():
        print(row.format(*r))
    total = ("total", "", pc.total)
    print(row.format(*total))

no_bias = count_parameters(
    "rnn", D, H, output_size=K,
    bias=False,
).total
assert no_bias == D * H + H * H + H * K
print(
    "unique weights without biases:",
    f"{no_bias:,}",
)
print("the same for any T")

# %% [markdown]
# ## Parameters over time: one gradient per shared matrix
#
# Backpropagation through time (BPTT) differentiates the loss through the unrolled
# graph. $W_{hh}$ is one matrix used at every step, so its gradient is a sum of one term
# per step,
#
# $$
# \begin{aligned}
# \frac{\partial L}{\partial W_{hh}} &= \sum_{t} \delta_t \, h_{t-1}^{\top},
# \qquad \delta_t = \frac{\partial L}{\partial a_t}, \\
# a_t &= W_{ih} x_t + W_{hh} h_{t-1} + b_h ,
# \end{aligned}
# $$
#
# and the optimiser applies one update after the backward pass. The check: run one network
# over $T$ steps, then the same network again as $T$ one-step copies chained by hand,
# back-propagate through the copies from the last step to the first, and compare the sum of
# their gradients with the gradient of the unrolled network. Here $L$ is a random linear
# function of the outputs.

# %%
def bptt_check(h0=None):
    """Gradients of one network over T
    steps, and of T chained one-step
    copies."""
    rng = np.random.default_rng(SEED)
    # (time, batch, features)
    x = rng.standard_normal((T, 1, D))
    # dL/d(output), for the loss
    # L = sum(g * output)
    g = rng.standard_normal((T, 1, H))
    net = rnnnotes.RNN(D, H, seed=SEED)
    net(x, h0)
    net.backward(g)
    copies = [
        rnnnotes.RNN(D, H, seed=SEED)
        for _ in range(T)
    ]
    # Forward, each copy fed the
    # previous copy's state.
    state = h0
    for t in range(T):
        x_t = x[t : t + 1]
        _, state = copies[t](x_t, state)
    # Backward, from the last step
    # to the first.
    grad_h = None
    for t in reversed(range(T)):
        g_t = g[t : t + 1]
        _, grad_h = copies[t].backward(
            g_t, grad_h
        )
    per_step = [c.grads for c in copies]
    return net.grads, per_step


def report(total, per_step):
    key = "weight_hh_l0"
    terms = [s[key] for s in per_step]
    same = np.allclose(
        sum(terms), total[key],
        rtol=1e-12, atol=1e-12,
    )
    print("sum of the steps' terms")
    print(
        "= unrolled network's gradient:",
        same,
    )
    print("|delta_t h[t-1]^T| by step:")
    steps = enumerate(terms, FIRST)
    for t, term in steps:
        norm = np.linalg.norm(term)
        line = f"step {t}: {norm:.4f}"
        if not term.any():
            line += " (exactly zero)"
        print(line)


total, per_step = bptt_check()
report(total, per_step)

# %% [markdown]
# The first step's term is zero: it is $\delta_1 h_0^{\top}$, and the initial state $h_0$ is
# zero by default. The first step still contributes to the gradients of $W_{ih}$ and of the
# biases, whose terms are $\delta_1 x_1^{\top}$ and $\delta_1$. (The arrays have PyTorch's
# names, as on the Conventions page: `weight_ih_l0` is $W_{ih}$, `weight_hh_l0` is $W_{hh}$,
# and the two bias vectors add up to $b_h$.)

# %%
for name, term in per_step[0].items():
    norm = np.linalg.norm(term)
    print(
        f"first step, {name:<13}"
        f" |term| = {norm:.4f}"
    )

# %% [markdown]
# With a random initial state, the first step's term of $W_{hh}$ is not zero, and the
# gradient is still the sum of the per-step terms:

# %%
rng = np.random.default_rng(SEED + 1)
# (L, B, H)
h0 = rng.standard_normal((1, 1, H))
report(*bptt_check(h0))

# %% [markdown]
# Finally, an independent check of the gradient itself: a central finite difference of
# $L$ with respect to one entry of $W_{hh}$ agrees with backpropagation through time.

# %%
rng = np.random.default_rng(SEED)
x = rng.standard_normal((T, 1, D))
g = rng.standard_normal((T, 1, H))
net = rnnnotes.RNN(D, H, seed=SEED)
net(x)
net.backward(g)
i, j, eps = H // 2, H // 3, 1e-6


def loss(shift):
    state = net.state_dict()
    state["weight_hh_l0"][i, j] += shift
    probe = rnnnotes.RNN(D, H, seed=SEED)
    probe.load_state_dict(state)
    out, _ = probe(x)
    return float(np.sum(g * out))


# A central difference:
diff = loss(eps) - loss(-eps)
numeric = diff / (2 * eps)
grad = net.grads["weight_hh_l0"]
analytic = grad[i, j]
print(f"dL/dW_hh[{i}, {j}]:")
for label, value in (
    ("BPTT", analytic),
    ("finite difference", numeric),
):
    print(f"  {label:<17} {value:.6f}")
assert np.isclose(
    analytic, numeric,
    rtol=1e-5, atol=1e-8,
)

# %% [markdown]
# Backpropagation through time gives one recurrent weight the gradient its finite
# difference measures: one matrix, used at every step, gets one gradient, the sum of the
# steps' terms, and is updated once.
#
# Back to the answers of Task 1.1: [weights when unrolled](../q1-unrolled-weights/) and
# [parameters over time](../q2-parameters-over-time/).
