"""Relations between numbers: what ``=``, ``\\approx`` and the inequalities demand, and how
a number written in math compares with a computed one.

**The ``\\approx`` rule.**  The exact value must round to the written number at its last
written digit (:func:`unit`): a decimal's last digit (``0.16``: ±0.005, ``0.2``: ±0.05); an
integer's last digit but its trailing zeros, though never coarser than two significant
digits (``13{,}000``: ±500; ``100{,}000``: ±5,000; ``1000``: ±50; ``40``: ±0.5); a power of
ten written out, its exponent and mantissa (``1.5 \\times 10^{-2}``: ±0.0005).
"""

from __future__ import annotations

import re
from decimal import Decimal, localcontext
from fractions import Fraction

from ..tex.evaluate import Value
from ..tex.lex import GROUPING, plain_digits
from ..tex.read import NumTok
from .format import format_number
from .planmath import literal
from .prose import normalise

__all__ = ["show", "math_form", "unit", "relation"]


def show(v: Value | None) -> str:
    if v is None:
        return "?"
    if isinstance(v, Fraction) and v.denominator == 1 and abs(v.numerator) < 10**60:
        return format_number(v.numerator)
    if isinstance(v, Fraction) and abs(v.numerator) < 10**60:
        d = v.denominator
        while d % 2 == 0:
            d //= 2
        while d % 5 == 0:
            d //= 5
        if d == 1:  # a terminating decimal: show it exactly
            with localcontext() as ctx:
                ctx.prec = 80
                text = format(Decimal(v.numerator) / Decimal(v.denominator), "f")
            if len(text) <= 40:
                return text
    try:
        f = float(v)
    except OverflowError:
        return "a number too large to show"
    exact = f" ({v})" if isinstance(v, Fraction) and len(str(v)) < 40 else ""
    return f"{f:.6g}{exact}"


def math_form(text: str) -> str:
    """A number in math as written, spacing aside: ``76\\,800`` reads as ``76{,}800``."""
    grouped = re.sub(rf"(?<=\d){GROUPING}(?=\d{{3}}(?!\d))", "{,}", normalise(text))
    return re.sub(r"\s+", "", grouped)


def unit(num: NumTok) -> Fraction:
    """The unit of the last digit written in ``num``: a decimal's last digit; an integer's
    last digit but its trailing zeros, yet two significant digits at least (``30{,}000``
    -> 1,000, ``13{,}000`` -> 1,000, ``1000`` -> 100, ``40`` -> 1); a power of ten's
    exponent: ``0.16`` -> 0.01, ``9.6 \\times 10^{-2}`` -> 0.001."""
    text = re.sub(r"\\%|\s", "", plain_digits(num.text.lstrip("-−+"))).replace("−", "-")
    sci = re.fullmatch(r"(?:(\d+)(?:\.(\d+))?(?:\\times|\\cdot|×|·))?10\^\{?([-+]?\d+)\}?", text)
    if sci:
        unit = Fraction(10) ** (int(sci.group(3)) - len(sci.group(2) or ""))
    elif m := re.fullmatch(r"(\d+)(?:\.(\d+))?", text):
        digits, decimals = m.group(1), m.group(2) or ""
        if decimals:
            unit = Fraction(10) ** -len(decimals)
        else:
            zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
            unit = Fraction(10) ** max(0, min(zeros, len(digits) - 2))
    else:
        return Fraction(0)
    return unit / 100 if num.percent else unit


def relation(rel: str, a: Value, b: Value, nums_a, nums_b, tree_a, tree_b) -> tuple[bool, str]:
    fa = a if isinstance(a, Fraction) else Fraction(a)
    fb = b if isinstance(b, Fraction) else Fraction(b)
    if rel == "=":
        return fa == fb, f"the sides evaluate to {show(a)} and {show(b)}"
    if rel == "≈":
        lit_b, lit_a = literal(nums_b, tree_b), literal(nums_a, tree_a)
        lit, exact = (lit_b, fa) if lit_b is not None else (lit_a, fb) if lit_a else (None, fa)
        if lit is None:
            return False, "≈ needs a number written on one side"
        step = unit(lit)
        return abs(exact - lit.value) * 2 <= step, (
            f"{show(exact)} is not {lit.text} to the digits written (±{show(step / 2)})")
    ops = {"<": fa < fb, ">": fa > fb, "≤": fa <= fb, "≥": fa >= fb, "≠": fa != fb}
    return ops[rel], f"the sides evaluate to {show(a)} and {show(b)}"
