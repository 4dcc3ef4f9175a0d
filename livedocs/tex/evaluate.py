"""Evaluate an expression tree (:mod:`livedocs.tex.parse`) exactly.

Numbers are exact :class:`fractions.Fraction`; ``\\sigma`` (the logistic sigmoid),
``\\tanh``, ``\\exp``, ``\\log``/``\\ln`` and irrational roots give floats, which an ``=``
accepts only if exact.  :func:`evaluate` raises :class:`Unresolved` for a symbol without a
value and :class:`EvalError` for undefined arithmetic (division by zero, an exponent
above :data:`MAX_EXPONENT`, a root index below two...).
"""

from __future__ import annotations

import math
from fractions import Fraction

from .parse import Node

__all__ = ["evaluate", "Unresolved", "EvalError", "Value", "MAX_EXPONENT"]

Value = Fraction | float
MAX_EXPONENT = 1000


class Unresolved(Exception):
    """A symbol has no value on this page."""


class EvalError(ArithmeticError):
    """Undefined arithmetic: division by zero, a huge or fractional power..."""


def _exact(v: Value) -> Fraction | None:
    return v if isinstance(v, Fraction) else None


def evaluate(node: Node, env: dict[str, Value]) -> Value:
    """The value of ``node`` with symbols from ``env``: exact unless a function, a
    fractional power or an irrational root makes it a float."""
    op = node.op
    if op == "num":
        assert node.value is not None
        return node.value
    if op == "sym":
        if node.name not in env:
            raise Unresolved(node.name)
        return env[node.name]
    vals = [evaluate(a, env) for a in node.args]
    if op == "neg":
        return -vals[0]
    if op == "pct":
        return vals[0] / 100
    if op == "abs":
        return abs(vals[0])
    if op == "add":
        return vals[0] + vals[1]
    if op == "sub":
        return vals[0] - vals[1]
    if op == "mul":
        return vals[0] * vals[1]
    if op == "div":
        if vals[1] == 0:
            raise EvalError("division by zero")
        return vals[0] / vals[1]
    if op == "pow":
        return _power(vals[0], vals[1])
    if op == "sqrt":
        return _root(vals[0], vals[1])
    if op == "func":
        return _function(node.name, vals[0])
    raise EvalError(f"unknown operation {op}")  # pragma: no cover


def _power(base: Value, exp: Value) -> Value:
    e = _exact(exp)
    if e is not None and e.denominator == 1:
        if abs(e) > MAX_EXPONENT:
            raise EvalError(f"exponent {e} is larger than {MAX_EXPONENT}")
        if base == 0 and e < 0:
            raise EvalError("zero to a negative power")
        b = _exact(base)
        if b is not None and abs(b.numerator) > 10**50 and abs(e) > 20:
            raise EvalError("power too large to evaluate")
        return base ** int(e)
    if base < 0:
        raise EvalError("a negative number to a fractional power")
    try:
        return float(base) ** float(exp)
    except OverflowError:
        raise EvalError("power overflows") from None


def _root(x: Value, n: Value) -> Value:
    nn = _exact(n)
    if nn is None or nn.denominator != 1 or nn < 2:
        raise EvalError(f"root index must be an integer of at least 2, got {n}")
    if x < 0:
        raise EvalError("root of a negative number")
    k = int(nn)
    xe = _exact(x)
    if xe is not None:
        num, den = _iroot(xe.numerator, k), _iroot(xe.denominator, k)
        if num is not None and den is not None:
            return Fraction(num, den)
    return float(x) ** (1.0 / k)


def _iroot(n: int, k: int) -> int | None:
    """The integer ``k``-th root of ``n`` if ``n`` is a perfect power, else None (exact for
    any size: integer Newton steps from above, no float)."""
    if n < 2:
        return n if n >= 0 else None
    x = 1 << -(-n.bit_length() // k)  # 2**ceil(bits / k) >= the root
    while True:
        y = ((k - 1) * x + n // x ** (k - 1)) // k
        if y >= x:
            break
        x = y
    return x if x**k == n else None


def _function(name: str, x: Value) -> Value:
    xf = float(x)
    try:
        if name == "sigma":
            if x == 0:
                return Fraction(1, 2)
            return 1.0 / (1.0 + math.exp(-xf))
        if name == "tanh":
            return Fraction(0) if x == 0 else math.tanh(xf)
        if name == "exp":
            return Fraction(1) if x == 0 else math.exp(xf)
        if name in ("log", "ln"):
            if x <= 0:
                raise EvalError(f"log of {x}")
            return Fraction(0) if x == 1 else math.log(xf)
        if name == "sqrt":
            return _root(x, Fraction(2))
    except OverflowError:
        raise EvalError(f"{name}({xf}) overflows") from None
    raise EvalError(f"unknown function {name}")  # pragma: no cover
