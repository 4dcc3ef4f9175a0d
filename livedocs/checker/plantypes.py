"""What planning a page produces: the checks to run, and the numbers left to the audit.

:mod:`.plan` and :mod:`.planmath` fill a :class:`PagePlan`; :mod:`.run` runs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from ..marks import drop_placeholders
from ..report import Kind
from ..tex.parse import Node
from ..tex.read import NumTok, Span
from .givens import Given
from .source import MarkerSrc

__all__ = ["AuditTok", "EqPlan", "Planned", "PagePlan", "marker_line", "short"]


@dataclass
class AuditTok:
    text: str
    value: Fraction | None  # None: a label
    line: int
    math: bool = False
    pos: int = -1  # where in the HTML its text starts (for showing a finding there)


@dataclass
class EqPlan:
    """A relation chain to check: sides, their trees, the checked relations, the ties."""

    span: Span
    chain: int
    trees: list[Node | None]
    checked: list[int]  # indices k of checked relations (between sides k and k+1)
    num_ties: dict[int, NumTok]  # marker k -> the tied number (in this chain)
    formula_tie: tuple[int, int] | None  # (marker k, side index) of a tied formula
    exact: set[int]  # markers whose number must equal its value exactly


@dataclass
class Planned:
    kind: Kind
    line: int
    marker: int | None = None
    written: str | None = None
    math: bool = False
    eq: EqPlan | None = None
    error: str | None = None


@dataclass
class PagePlan:
    setup: str | None = None
    setup_line: int = 0
    givens: list[Given] = field(default_factory=list)
    items: list[Planned] = field(default_factory=list)
    audit: list[AuditTok] = field(default_factory=list)
    markers: list[MarkerSrc] = field(default_factory=list)
    code_markers: set[int] = field(default_factory=set)
    quotes: list[str] = field(default_factory=list)


def marker_line(plan: PagePlan, k: int, fallback: int) -> int:
    return plan.markers[k].line if 0 <= k < len(plan.markers) else fallback


def short(tex: str) -> str:
    tex = " ".join(drop_placeholders(tex).split())
    return tex if len(tex) <= 60 else tex[:57] + "..."
