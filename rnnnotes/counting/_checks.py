"""Argument checks for the counting functions.

Every message names the argument, says what was expected and shows what came (with
`repr`, so `'5'` and `5` look different). Wrong *type* raises `TypeError`, a value
of the right type outside the allowed range or set raises `ValueError`.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence


def as_int(name: str, value: object, *, minimum: int) -> int:
    """Return `value` as a plain `int` if it is an integer `>= minimum`.

    `bool` is rejected although it subclasses `int`: `hidden_size=True` is a bug,
    not a size of 1. numpy integers are accepted (sizes often come from `x.shape`).
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"{name} must be an int >= {minimum}, got {value!r} (type {type(value).__name__})"
        )
    as_plain = int(value)
    if as_plain < minimum:
        raise ValueError(f"{name} must be an int >= {minimum}, got {as_plain!r}")
    return as_plain


def positive_int(name: str, value: object) -> int:
    """A size: an `int >= 1`."""
    return as_int(name, value, minimum=1)


def optional_positive_int(name: str, value: object) -> int | None:
    """`None` (absent) or a size `>= 1`."""
    if value is None:
        return None
    return as_int(name, value, minimum=1)


def flag(name: str, value: object) -> bool:
    """A switch: exactly `True` or `False` (`0`/`1`/`"yes"` are rejected)."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False, got {value!r}")
    return value


def choice(name: str, value: object, choices: Sequence[str]) -> str:
    """One of `choices`; the message lists them all."""
    if not isinstance(value, str) or value not in choices:
        valid = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{name} must be one of {valid}, got {value!r}")
    return value
