"""The site's one formatting rule for numbers (public as ``livedocs.numbers.format_number``)."""

from __future__ import annotations

import re
from decimal import Decimal, localcontext
from fractions import Fraction

import numpy as np

__all__ = ["format_number"]


def _group_digits(text: str, sep: str) -> str:
    """Apply the one grouping rule to the integer part of an already formatted number."""
    m = re.match(r"(\D*?)(\d[\d,_]*)(.*)", text, re.S)
    if not m:
        return text  # inf, nan
    digits = m.group(2).replace(",", "").replace("_", "")
    if len(digits) >= 5:  # |n| >= 10,000; four-digit numbers (2560) stay ungrouped
        head = len(digits) % 3 or 3
        digits = digits[:head] + "".join(
            sep + digits[i : i + 3] for i in range(head, len(digits), 3)
        )
    return m.group(1) + digits + m.group(3)


def format_number(value: object, spec: str | None = None, *, math: bool = False) -> str:
    """The site's one formatting rule for numbers.

    Integers (``int``, numpy integers) need no spec; floats and Fractions must have one
    (an integral float is still a float: say ``| .0f`` or return an int).  Integer parts
    of five digits or more are grouped in threes: ``19,712`` in prose, ``19{,}712`` in
    math (where ``%`` also becomes ``\\%``); four-digit numbers stay ``2560``.

    >>> format_number(19712), format_number(19712, math=True), format_number(2560)
    ('19,712', '19{,}712', '2560')
    >>> format_number(0.7310585786300049, ".0%"), format_number(Fraction(1, 3), ".3f")
    ('73%', '0.333')
    """
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"format_number: value must be a number, got bool {value!r}")
    if isinstance(value, (int, np.integer)):
        text = format(int(value), spec) if spec else str(int(value))
    elif isinstance(value, (float, np.floating, Fraction)):
        if not spec:
            raise ValueError(
                f"format_number: a {type(value).__name__} needs a format spec "
                f"(e.g. '.2f'); got {value!r} with no spec"
            )
        if isinstance(value, Fraction):  # Fraction.__format__ needs Python 3.12
            with localcontext() as ctx:
                ctx.prec = 60
                text = format(Decimal(value.numerator) / Decimal(value.denominator), spec)
        else:
            text = format(float(value), spec)
    else:
        raise TypeError(f"format_number: value must be an int, float or Fraction, "
                        f"got {type(value).__name__} {value!r}")
    text = _group_digits(text, "{,}" if math else ",")
    return text.replace("%", r"\%") if math else text


