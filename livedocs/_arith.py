"""Exact arithmetic on the sides of a LaTeX equation.

A *side* of an equation (the text between two ``=``) is **arithmetic** if, after
normalisation, it holds only numbers, ``+ - * / ( )`` and powers:

===========================  ===========================
LaTeX                        normalised (Python syntax)
===========================  ===========================
``20 \\cdot 128``, ``\\times``  ``20*128``
``\\frac{a}{b}``               ``((a)/(b))``
``2^{10}``, ``2^3``           ``2**(10)``, ``2**3``
``19{,}712``                  ``19712`` (``{,}`` between digits: thousands separator)
``{...}`` (grouping)          ``(...)``
``\\left( \\right)``, ``\\,``    dropped, as are ``\\;  \\!  \\quad  \\qquad`` and spaces
``2(3+4)``, ``(1)(2)``        ``2*(3+4)``, ``(1)*(2)`` (implicit multiplication)
===========================  ===========================

Any other command or letter makes the side non-arithmetic (``parse_side`` returns
``None``); such sides are simply not checked (``P = 4(H(D+H)+H)`` has one symbolic
and maybe one arithmetic side).

Arithmetic sides are evaluated *exactly*, as :class:`fractions.Fraction`, by walking
the Python AST of the normalised text and accepting only number literals and
``+ - * / **`` and unary ``+ -``; nothing is ever passed to ``eval``.  Exactness
matters: ``0.1 + 0.2 = 0.3`` holds here, as it does on paper.
"""

from __future__ import annotations

import ast
import re
from fractions import Fraction

__all__ = ["parse_side", "evaluate", "side_value", "is_number_literal"]

# Commands that only space or size things: they carry no arithmetic meaning.
_DROP = re.compile(r"\\(?:left|right|quad|qquad)(?![A-Za-z])|\\[,;!: ]|\s+")
_OPERATORS = {"cdot": "*", "times": "*", "div": "/"}
_FRACS = {"frac", "dfrac", "tfrac"}
# `{,}` between digits is the math thousands separator (19{,}712), not grouping.
_THOUSANDS = re.compile(r"(?<=\d)\{,\}(?=\d{3}(?!\d))")
_ALLOWED = re.compile(r"[0-9.+\-*/()]+")
# Powers above this are refused: they are never meant in a page, and would be slow.
_MAX_EXPONENT = 1000


class _NotArithmetic(Exception):
    """Raised inside the normaliser when a side holds anything but arithmetic."""


def _group(s: str, i: int) -> tuple[str, int]:
    """Read one TeX argument at ``s[i]``: a ``{...}`` group or a single character.

    Returns the argument's text and the index just past it.
    """
    if i >= len(s):
        raise _NotArithmetic("missing argument")
    if s[i] != "{":
        return s[i], i + 1
    depth = 0
    for j in range(i, len(s)):
        depth += {"{": 1, "}": -1}.get(s[j], 0)
        if depth == 0:
            return s[i + 1 : j], j + 1
    raise _NotArithmetic("unbalanced braces")


def _convert(s: str) -> str:
    """Translate compact LaTeX (spacing already dropped) into Python operator syntax."""
    out: list[str] = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            m = re.match(r"\\([A-Za-z]+)", s[i:])
            if not m:
                raise _NotArithmetic(f"escape {s[i:i + 2]!r}")
            name, i = m.group(1), i + m.end()
            if name in _OPERATORS:
                out.append(_OPERATORS[name])
            elif name in _FRACS:
                num, i = _group(s, i)
                den, i = _group(s, i)
                out.append(f"(({_convert(num)})/({_convert(den)}))")
            else:
                raise _NotArithmetic(f"command \\{name}")
        elif c == "^":
            arg, i = _group(s, i + 1)
            out.append(f"**({_convert(arg)})")
        elif c == "{":
            arg, i = _group(s, i)
            out.append(f"({_convert(arg)})")
        else:
            out.append(c)
            i += 1
    return "".join(out)


def parse_side(latex: str) -> str | None:
    """Normalise one equation side to a Python arithmetic expression, or ``None``.

    >>> parse_side(r"(20 \\cdot 128 + 128 \\cdot 10) \\cdot 5")
    '(20*128+128*10)*5'
    >>> parse_side(r"\\frac{1}{4} + 2^{3}")
    '((1)/(4))+2**(3)'
    >>> parse_side("19{,}712"), parse_side("4H") is None
    ('19712', True)
    """
    s = _DROP.sub("", latex)
    s = _THOUSANDS.sub("", s)
    try:
        py = _convert(s)
    except _NotArithmetic:
        return None
    if not py or not _ALLOWED.fullmatch(py):
        return None
    # Juxtaposition means multiplication: 2(3) and (1)(2) and (1)2.
    py = re.sub(r"(?<=[\d.)])\(", "*(", py)
    py = re.sub(r"\)(?=[\d.])", ")*", py)
    try:
        _walk(ast.parse(py, mode="eval").body, py, dry=True)
    except (SyntaxError, _NotArithmetic):
        return None
    except (ZeroDivisionError, ArithmeticError):
        pass  # arithmetic, but undefined: evaluate() reports it
    return py


def _walk(node: ast.AST, src: str, dry: bool = False) -> Fraction:
    """Evaluate an arithmetic AST exactly; ``dry`` only validates the node types."""
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        # Float literals go through their source text: Fraction("0.1") is exactly 1/10.
        return Fraction(ast.get_source_segment(src, node) or repr(node.value))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.UAdd, ast.USub)):
        v = _walk(node.operand, src, dry)
        return -v if isinstance(node.op, ast.USub) else v
    if isinstance(node, ast.BinOp):
        a, b = _walk(node.left, src, dry), _walk(node.right, src, dry)
        if dry:
            if not isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)):
                raise _NotArithmetic(type(node.op).__name__)
            return Fraction(1)
        if isinstance(node.op, ast.Add):
            return a + b
        if isinstance(node.op, ast.Sub):
            return a - b
        if isinstance(node.op, ast.Mult):
            return a * b
        if isinstance(node.op, ast.Div):
            if b == 0:
                raise ZeroDivisionError("division by zero")
            return a / b
        if isinstance(node.op, ast.Pow):
            if b.denominator != 1 or abs(b) > _MAX_EXPONENT:
                raise ArithmeticError(f"exponent {b} is not an integer of at most {_MAX_EXPONENT}")
            if a == 0 and b < 0:
                raise ZeroDivisionError("zero to a negative power")
            return a ** int(b)
    raise _NotArithmetic(type(node).__name__)


def evaluate(expr: str) -> Fraction:
    """Exact value of a normalised expression (from :func:`parse_side`).

    Raises ``ZeroDivisionError``/``ArithmeticError`` for undefined arithmetic and
    ``ValueError`` if ``expr`` is not arithmetic at all.

    >>> evaluate("0.1+0.2") == evaluate("0.3")
    True
    """
    try:
        return _walk(ast.parse(expr, mode="eval").body, expr)
    except (SyntaxError, _NotArithmetic) as exc:
        raise ValueError(f"expr: expected arithmetic, got {expr!r} ({exc})") from None


def side_value(latex: str) -> Fraction | None:
    """Exact value of a LaTeX side, ``None`` if the side is not arithmetic."""
    py = parse_side(latex)
    return None if py is None else evaluate(py)


def is_number_literal(latex: str) -> bool:
    """True if the side is one plain number (``19{,}712``, ``0.25``), no operators."""
    py = parse_side(latex)
    return py is not None and re.fullmatch(r"\d+(?:\.\d+)?", py) is not None
