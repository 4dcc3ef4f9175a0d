"""The givens of a page: values assigned at the top level of its setup block.

A given is the value of a top-level assignment whose right-hand side is a literal, and
nothing else::

    D, H, K = 20, 128, 10      # givens D = 20, H = 128, K = 10
    STEPS = 5, 10              # givens STEPS[0] = 5, STEPS[1] = 10
    TASK = "1.1"               # a label, matched by its text
    total = per_unit(5).total  # not a given: computed (tie it with a marker)
    x = round(y, 3)            # not a given (3 is an argument, not an assigned value)

Numbers keep their sign; a float keeps the value it is written with (``0.1`` is 1/10).
Givens are also the values of the symbols a page's math may use (``D``, ``T_A``).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from fractions import Fraction

__all__ = ["Given", "givens_of", "symbol_values", "stale_givens"]


@dataclass(frozen=True)
class Given:
    name: str
    value: Fraction | None  # None for a label
    label: str | None = None


def _literal(node: ast.expr) -> object:
    try:
        return ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None


def _one(name: str, value: object) -> list[Given]:
    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return [Given(name, Fraction(value))]
    if isinstance(value, float):
        return [Given(name, Fraction(repr(value)))] if value == value and abs(value) != \
            float("inf") else []
    if isinstance(value, str) and re.fullmatch(r"-?\d+(?:\.\d+)*", value):
        return [Given(name, None, label=value)]
    if isinstance(value, (tuple, list)):
        return [g for k, v in enumerate(value) for g in _one(f"{name}[{k}]", v)]
    return []


def givens_of(code: str) -> list[Given]:
    """The givens of a setup block's code (empty if it does not parse)."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return []
    out: list[Given] = []
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign):
            targets, value = stmt.targets, stmt.value
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            targets, value = [stmt.target], stmt.value
        else:
            continue
        literal = _literal(value)
        if literal is None:
            continue
        for target in targets:
            if isinstance(target, ast.Name):
                out += _one(target.id, literal)
            elif isinstance(target, (ast.Tuple, ast.List)) and isinstance(literal, tuple) \
                    and len(target.elts) == len(literal):
                for elt, v in zip(target.elts, literal, strict=True):
                    if isinstance(elt, ast.Name):
                        out += _one(elt.id, v)
    # A later assignment to the same name replaces an earlier one.
    last = {g.name: g for g in out}
    return list(last.values())


def symbol_values(givens: list[Given]) -> dict[str, Fraction]:
    """The givens that a symbol in math can stand for (plain names, numbers)."""
    return {g.name: g.value for g in givens if g.value is not None and "[" not in g.name}


_MISSING = object()


def stale_givens(code: str, ns: dict) -> list[tuple[Given, str]]:
    """The givens of ``code`` that its variables no longer hold once it has run in ``ns``
    (``X += 1``, ``del X``, a ``global X`` rebinding it), with what they hold instead
    (as text)."""
    out = []
    for g in givens_of(code):
        name, _, index = g.name.partition("[")
        value = ns.get(name, _MISSING)
        try:
            if index and value is not _MISSING:
                value = value[int(index.rstrip("]"))]  # type: ignore[index]
        except (TypeError, IndexError, KeyError, ValueError):
            value = _MISSING
        if value is _MISSING or _one(g.name, value) != [g]:
            out.append((g, "nothing" if value is _MISSING else repr(value)[:80]))
    return out
