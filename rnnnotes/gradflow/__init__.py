"""Gradient-flow tools: Jacobian norms through time, dependency maps, the scalar/matrix
recurrences of the vanishing/exploding-gradient discussion, and gradient-norm clipping.

- recurrences: w^k, ||W^k||, rho(W), sigma_max(W), the Pascanu et al. (2013) conditions,
  and the Jacobians of a plain tanh RNN (numpy arrays in, no model needed).
- jacobians: dh_T/dh_t and dc_T/dc_t of an rnnnotes.RNN/GRU/LSTM (single layer, one
  direction), through the full recurrence or (cell state) along the forget-gate path, and
  dL/dh_t of a batch; all from one backward sweep (_sweep), O(T).
- dependency: |dy_t/dx_s| of any rnnnotes.RNN/GRU/LSTM over (t, s).
- examples: an LSTM with a given forget-gate bias, W_hh with a prescribed sigma_max, a
  non-normal W_hh, tanh RNN norm curves.
- clipping: clip_grad_norm, PyTorch's rule.
"""

from rnnnotes.gradflow.clipping import clip_grad_norm
from rnnnotes.gradflow.dependency import dependency_map, input_jacobians
from rnnnotes.gradflow.examples import (
    nonnormal_matrix,
    recurrent_matrix,
    sigma_max_curves,
    tanh_rnn,
    tanh_rnn_norm_curve,
    with_forget_bias,
)
from rnnnotes.gradflow.jacobians import (
    cell_jacobian_norms,
    cell_jacobians,
    forget_gates,
    hidden_jacobian_norms,
    hidden_jacobians,
    hidden_states,
    state_gradients,
)
from rnnnotes.gradflow.recurrences import (
    ACTIVATION_GAMMA,
    PascanuCheck,
    largest_singular_value,
    linear_rnn_jacobian_norms,
    matrix_power_norms,
    matrix_powers,
    pascanu_check,
    scalar_recurrence,
    spectral_radius,
    tanh_rnn_jacobian_norms,
    tanh_rnn_jacobians,
)

__all__ = [
    "ACTIVATION_GAMMA",
    "PascanuCheck",
    "cell_jacobian_norms",
    "cell_jacobians",
    "clip_grad_norm",
    "dependency_map",
    "forget_gates",
    "hidden_jacobian_norms",
    "hidden_jacobians",
    "hidden_states",
    "input_jacobians",
    "largest_singular_value",
    "linear_rnn_jacobian_norms",
    "matrix_power_norms",
    "matrix_powers",
    "nonnormal_matrix",
    "pascanu_check",
    "recurrent_matrix",
    "scalar_recurrence",
    "sigma_max_curves",
    "spectral_radius",
    "state_gradients",
    "tanh_rnn",
    "tanh_rnn_jacobian_norms",
    "tanh_rnn_jacobians",
    "tanh_rnn_norm_curve",
    "with_forget_bias",
]
