"""The site's one formatting rule for numbers (public as ``livedocs.numbers.format_number``).

=====================  ===========================  ====================================
value, spec            prose                        math (``math=True``)
=====================  ===========================  ====================================
``19712``              ``19,712``                   ``19{,}712``
``2560``               ``2560``                     ``2560``
``0.7311, ".2f"``      ``0.73``                     ``0.73``
``0.7311, ".0%"``      ``73%``                      ``73\\%``
``0.001, ".0e"``       ``1e-03``                    ``1 \\times 10^{-3}``
``0.0052, ".1sci"``    ``5.2 × 10⁻³``               ``5.2 \\times 10^{-3}``
=====================  ===========================  ====================================

Integer parts of five digits or more are grouped in threes; four-digit numbers stay
``2560``.  Integers need no spec; floats and Fractions must have one (an integral float is
still a float: say ``| .0f`` or return an int).  ``sci`` is our own presentation type:
``.Nsci`` writes a mantissa with ``N`` decimals times a power of ten.  Infinite, NaN and
absurdly long values are refused with a message, never printed.
"""

from __future__ import annotations

import math as _math
import re
from decimal import Decimal, localcontext
from fractions import Fraction

import numpy as np

from ..tex.read import superscript

__all__ = ["format_number", "valid_spec", "MAX_DIGITS", "sci_as_tex"]

MAX_DIGITS = 300
# A Python format spec (fill/align, sign, z, #, 0, width, grouping, precision, type), or
# the same with our `sci` type.
_SPEC = re.compile(r"(?:.?[<>=^])?[+\- ]?z?#?0?\d*[,_]?(?:\.\d+)?(?:[bcdeEfFgGnosxX%]|sci)?")


def valid_spec(spec: str) -> bool:
    """True if ``spec`` is a format spec :func:`format_number` understands."""
    return bool(spec) and _SPEC.fullmatch(spec) is not None


def _group_digits(text: str, sep: str) -> str:
    """Apply the one grouping rule to the integer part of an already formatted number."""
    m = re.match(r"(\D*?)(\d[\d,_]*)(.*)", text, re.S)
    if not m:
        return text
    digits = m.group(2).replace(",", "").replace("_", "")
    if len(digits) >= 5:  # |n| >= 10,000; four-digit numbers (2560) stay ungrouped
        head = len(digits) % 3 or 3
        digits = digits[:head] + "".join(
            sep + digits[i : i + 3] for i in range(head, len(digits), 3)
        )
    return m.group(1) + digits + m.group(3)


def _as_decimal(value: Fraction | float) -> Decimal:
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(value)


def _sci(value: Fraction | float, spec: str, math: bool) -> str:
    head = spec[: -len("sci")] if spec.endswith("sci") else spec[:-1]
    prec = re.search(r"\.(\d+)", head)
    digits = int(prec.group(1)) if prec else 6
    with localcontext() as ctx:
        ctx.prec = 80
        text = format(_as_decimal(value), f".{digits}e")
    mant, exp = text.split("e")
    if math:
        return f"{mant} \\times 10^{{{int(exp)}}}"
    return f"{mant} × 10{superscript(int(exp))}"


_SUPER_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_PROSE_SCI = re.compile(rf"(?P<m>-?\d+(?:\.\d+)?) × 10(?P<e>⁻?[{_SUPER_DIGITS}]+)")


def sci_as_tex(written: str) -> str | None:
    """The TeX of a number :func:`format_number` wrote in prose scientific notation, as it
    writes the same number in math (``5.2 × 10⁻³`` -> ``5.2 \\times 10^{-3}``), so that a
    page can show the two alike; None for any other form."""
    m = _PROSE_SCI.fullmatch(written)
    if m is None:
        return None
    exp = m.group("e").translate(str.maketrans(_SUPER_DIGITS + "⁻", "0123456789-"))
    return f"{m.group('m')} \\times 10^{{{int(exp)}}}"


def format_number(value: object, spec: str | None = None, *, math: bool = False) -> str:
    """The site's one formatting rule for numbers (see the module docstring).

    >>> format_number(19712), format_number(19712, math=True), format_number(2560)
    ('19,712', '19{,}712', '2560')
    >>> format_number(0.7310585786300049, ".0%"), format_number(Fraction(1, 3), ".3f")
    ('73%', '0.333')
    >>> format_number(0.0052, ".1sci"), format_number(0.0052, ".1e", math=True)
    ('5.2 × 10⁻³', '5.2 \\\\times 10^{-3}')
    """
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"format_number: value must be a number, got bool {value!r}")
    if spec is not None and not valid_spec(spec):
        raise ValueError(f"format_number: {spec!r} is not a format spec (e.g. '.2f', '.0%', "
                         "'.1e', '.1sci')")
    if isinstance(value, (int, np.integer)):
        n = int(value)
        if n.bit_length() > MAX_DIGITS * 3.33:
            raise ValueError(f"format_number: an integer of about "
                             f"{int(n.bit_length() / 3.32)} digits is too long to write")
        if spec and (spec.endswith("sci") or (math and spec[-1:] in "eE")):
            text = _sci(Fraction(n), spec, math)
        else:
            text = format(n, spec) if spec else str(n)
    elif isinstance(value, (float, np.floating, Fraction, Decimal)):
        if not isinstance(value, Fraction) and not _math.isfinite(float(value)):
            raise ValueError(f"format_number: the value is {float(value)}; a live number "
                             "must be finite")
        if not spec:
            raise ValueError(
                f"format_number: a {type(value).__name__} needs a format spec "
                f"(e.g. '.2f'); got {value!r} with no spec"
            )
        v: Fraction | float = value if isinstance(value, Fraction) else float(value)
        if spec.endswith("sci") or (math and spec[-1:] in "eE"):
            text = _sci(v, spec, math)
        elif isinstance(v, Fraction) and spec[-1:] not in "eEgGn":
            with localcontext() as ctx:  # Fraction.__format__ needs Python 3.12
                ctx.prec = 80
                text = format(_as_decimal(v), spec)
        else:
            text = format(float(v), spec)
        if len(text) > MAX_DIGITS:
            raise ValueError(f"format_number: {len(text)} characters is too long to write")
    else:
        raise TypeError(f"format_number: value must be an int, float or Fraction, "
                        f"got {type(value).__name__} {value!r}"[:300])
    if "e" not in text and "×" not in text and "\\times" not in text:
        text = _group_digits(text, "{,}" if math else ",")
    return text.replace("%", r"\%") if math else text
