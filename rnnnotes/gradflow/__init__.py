"""Gradient-flow tools: Jacobian norms through time, dependency maps, and the scalar/matrix
recurrences of the vanishing/exploding-gradient discussion."""

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
    "largest_singular_value",
    "linear_rnn_jacobian_norms",
    "matrix_power_norms",
    "matrix_powers",
    "pascanu_check",
    "scalar_recurrence",
    "spectral_radius",
    "tanh_rnn_jacobian_norms",
    "tanh_rnn_jacobians",
]
