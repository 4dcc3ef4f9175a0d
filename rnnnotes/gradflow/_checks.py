"""Argument checks and stacked matrix norms shared by the gradient-flow tools.

Every check raises a ``ValueError``/``TypeError`` naming the argument, what was expected
and what came, so a caller never meets a numpy broadcasting traceback instead.
"""

from __future__ import annotations

import numbers

import numpy as np

# The matrix norms the tools accept: 2 = spectral norm (largest singular value),
# "fro" = Frobenius norm. Both are what the vanishing/exploding discussion uses.
NORM_ORDS = (2, "fro")


def check_steps(steps: object, name: str = "steps") -> int:
    """Return ``steps`` as an ``int`` after checking it is an integer >= 0."""
    # bool is an Integral in Python; True steps is almost certainly a bug.
    if isinstance(steps, bool) or not isinstance(steps, numbers.Integral):
        raise TypeError(f"{name} must be an int >= 0, got {steps!r} ({type(steps).__name__})")
    if steps < 0:
        raise ValueError(f"{name} must be an int >= 0, got {steps}")
    return int(steps)


def check_ord(ord: object) -> int | str:
    """Return the norm order after checking it is one of :data:`NORM_ORDS`."""
    if isinstance(ord, bool) or ord not in NORM_ORDS:
        raise ValueError(f"ord must be 2 (spectral norm) or 'fro' (Frobenius), got {ord!r}")
    return ord  # type: ignore[return-value]


def as_float_array(a: object, name: str, ndim: int) -> np.ndarray:
    """``a`` as a finite float array with exactly ``ndim`` dimensions (ints become float64)."""
    try:
        arr = np.asarray(a)
    except Exception as exc:  # ragged nested lists and the like
        raise TypeError(f"{name} must be a {ndim}-D numeric array, got {type(a).__name__}") from exc
    if arr.dtype == bool or not np.issubdtype(arr.dtype, np.number):
        raise TypeError(f"{name} must be a {ndim}-D real numeric array, got dtype {arr.dtype}")
    if np.issubdtype(arr.dtype, np.complexfloating):
        raise TypeError(f"{name} must be real, got dtype {arr.dtype}")
    if not np.issubdtype(arr.dtype, np.floating):
        arr = arr.astype(np.float64)
    if arr.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-D, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        bad = int(np.sum(~np.isfinite(arr)))
        raise ValueError(f"{name} must be finite, got {bad} non-finite entries")
    return arr


def as_square_matrix(W: object, name: str = "W") -> np.ndarray:
    """``W`` as a finite float (n, n) matrix with n >= 1."""
    arr = as_float_array(W, name, ndim=2)
    if arr.shape[0] != arr.shape[1] or arr.shape[0] == 0:
        raise ValueError(f"{name} must be a non-empty square matrix (n, n), got shape {arr.shape}")
    return arr


def stacked_norms(J: np.ndarray, ord: int | str) -> np.ndarray:
    """Norm of every matrix in a stack: J (K, m, n) -> (K,).

    ord=2 is the largest singular value of each J[k]; ord="fro" is sqrt(sum J[k]**2).
    """
    ord = check_ord(ord)
    if J.shape[0] == 0:
        return np.zeros(0, dtype=J.dtype)
    return np.linalg.norm(J, ord=ord, axis=(-2, -1))  # (K,)
