"""Equations and number tokens inside one math span.

A span's content is first masked (offsets kept): ``\\text{...}``, ``\\mathrm{...}``,
``\\operatorname{...}`` (and ``\\textbf`` etc., ``\\label``) vanish with their argument,
``\\begin{env}``/``\\end{env}`` vanish, ``&`` (alignment) becomes a space.

**Statements and sides.**  The content is split into statements on ``\\\\`` and each
statement into sides on ``=``.  Trailing punctuation and spacing after the last side
(``= 19{,}712. \\quad``) is not part of it.  A side is arithmetic if
:func:`livedocs._arith.parse_side` accepts it; a statement with two or more arithmetic
sides is an **equation**, and all its arithmetic sides must be equal.

**Tokens.**  Every digit run in math counts (``2H`` → 2, ``h_{t-1}`` → 1), with ``{,}``
thousands groups and decimals: ``19{,}712`` and ``0.25`` are one token each.  Tokens on
an arithmetic side of an equation are *covered* by it and not audited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ._arith import parse_side

__all__ = ["Side", "Equation", "MathInfo", "analyse", "MATH_TOKEN"]

MATH_TOKEN = re.compile(r"(?<![\d.])(?:\d+(?:\{,\}\d{3}(?!\d))*(?:\.\d+)?|\.\d+)")
# Text-like commands: their argument is words, not maths.
_TEXTLIKE = re.compile(r"\\(?:text[a-z]*|mathrm|operatorname\*?|label|tag)\s*\{")
_ENV = re.compile(r"\\(?:begin|end)\{[A-Za-z*]+\}(?:\{[^{}]*\})?")
_TRAILING = re.compile(r"(?:[.,;\s]|\\[,;!: ]|\\q?quad(?![A-Za-z]))+\Z")


@dataclass(frozen=True)
class Side:
    """One side of a statement, ``start:end`` in page offsets; ``py`` if arithmetic."""

    start: int
    end: int
    latex: str
    py: str | None


@dataclass(frozen=True)
class Equation:
    """A statement with at least two arithmetic sides; ``sides`` are all its sides."""

    sides: tuple[Side, ...]

    @property
    def arithmetic(self) -> list[Side]:
        return [s for s in self.sides if s.py is not None]

    @property
    def last(self) -> Side:
        return self.sides[-1]


@dataclass
class MathInfo:
    """Equations of a span and its number tokens as ``(start, end, text, covered)``."""

    equations: list[Equation] = field(default_factory=list)
    tokens: list[tuple[int, int, str, bool]] = field(default_factory=list)


def _mask(content: str) -> str:
    chars = list(content)

    def blank(a: int, b: int) -> None:
        chars[a:b] = [c if c == "\n" else " " for c in chars[a:b]]

    for m in _TEXTLIKE.finditer(content):
        depth, j = 0, m.end() - 1
        for j in range(m.end() - 1, len(content)):
            depth += {"{": 1, "}": -1}.get(content[j], 0)
            if depth == 0:
                break
        blank(m.start(), j + 1)
    for m in _ENV.finditer(content):
        blank(m.start(), m.end())
    return "".join(chars).replace("&", " ")


def analyse(text: str, content_start: int, content_end: int) -> MathInfo:
    """Split the span ``text[content_start:content_end]`` into equations and tokens."""
    masked = _mask(text[content_start:content_end])
    info = MathInfo()
    covered: list[tuple[int, int]] = []
    for stmt in re.finditer(r"(?:[^\\]|\\(?!\\))+", masked):  # split on `\\`
        pieces = list(re.finditer(r"[^=]+", stmt.group()))
        sides = []
        for k, piece in enumerate(pieces):
            latex = piece.group()
            if k == len(pieces) - 1:
                latex = _TRAILING.sub("", latex)
            start = content_start + stmt.start() + piece.start()
            # Offsets of the stripped side: leading spaces do not matter for coverage.
            sides.append(Side(start, start + len(latex), latex.strip(), parse_side(latex)))
        if sum(s.py is not None for s in sides) >= 2:
            eq = Equation(tuple(sides))
            info.equations.append(eq)
            covered += [(s.start, s.end) for s in eq.arithmetic]
    for m in MATH_TOKEN.finditer(masked):
        a, b = content_start + m.start(), content_start + m.end()
        info.tokens.append((a, b, m.group(), any(s <= a < e for s, e in covered)))
    return info
