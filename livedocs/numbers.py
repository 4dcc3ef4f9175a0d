"""Live numbers: every number in a page's prose is computed by ``rnnnotes``.

This is the checker core.  It imports neither Sybil nor Markdown; both wrappers
(:mod:`livedocs.sybil_parser` for ``pytest``, :mod:`livedocs.markdown_ext` for
``mkdocs build``) call :func:`plan_checks`/:func:`check_page` and :func:`strip_markers`,
so the two paths cannot diverge.

Syntax
======

**Setup block** (at most one per page; first line exactly ``<!-- live:setup``, last line
exactly ``-->``)::

    <!-- live:setup
    from rnnnotes.counting import unrolled_weights
    D, H, K = 20, 128, 10     # input, hidden, output sizes: given by the question
    STEPS = 5, 10             # time steps: given
    LABELS = "1.1", 1, 2      # question labels
    -->

It is Python, executed once per page in a fresh namespace.  Its **givens** are every
int/float literal in its AST plus every string literal that reads as a number or as a
dotted label (``"1.1"``, ``"2.1.4"``).  A page without a setup has no names and no givens.

**Live number**: a number token immediately followed by a marker,
``19,712<!--= unrolled_weights(D, H, K, steps=5).total -->`` or
``73%<!--= sigmoid(1) | .0% -->``.  ``EXPR`` is evaluated in the page namespace and
``format_number(value, SPEC)`` must equal the written token *exactly* (value and
formatting).  Written tokens may carry a leading ``-`` and a trailing ``%``, and may sit
inside emphasis (``**76,800**<!--= total -->``).

**Equations** in ``$...$``/``$$...$$`` (see :mod:`livedocs._math`) must hold exactly and be
*tied*: a marker right after the closing delimiter, ``$$ 20 \\cdot 128 = 2560 $$<!--= EXPR -->``,
whose value is the equation's value; the last side is that value written as
``format_number(value, SPEC, math=True)``.  At most one equation per math span.
A marker after a math span *without* an equation ties the span's last number instead
(``$f \\approx 0.73$<!--= f | .2f -->``, sign and ``\\%`` included): a live number
written in math, formatted with ``math=True``.

**Audit**: every number token in prose and math (see :mod:`livedocs._scan` for the
tokeniser and the exclusions) must be live, covered by an equation, or a given
(by value; dotted labels by text).  Given integers must also follow the formatting rule.

Checks
======
:func:`check_page` yields one check per setup block, per live number (marker), per
equation (math span with an equation or a tie), and exactly one ``audit`` check.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ._checks import Check, Site, plan_checks, run_checks
from ._format import format_number
from ._scan import Marker, scan

__all__ = [
    "format_number", "Check", "PageReport", "Site", "plan_checks", "check_page",
    "iter_live_markers", "strip_markers",
]


@dataclass
class PageReport:
    """All checks of one page, in :func:`plan_checks` order."""

    path: str
    checks: list[Check]

    @property
    def failures(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]

    @property
    def ok(self) -> bool:
        return not self.failures

    def counts(self) -> dict[str, int]:
        """Number of checks per kind (kinds with no check are left out)."""
        out: dict[str, int] = {}
        for c in self.checks:
            out[c.kind] = out.get(c.kind, 0) + 1
        return out


def check_page(text: str, path: str) -> PageReport:
    """Run every check of a page; ``path`` (``docs/task1/q1.md``) names it in messages.

    The checks come in :func:`plan_checks` order: setup, live numbers and equations in
    page order, audit last.
    """
    return PageReport(path, run_checks(text, path))


def iter_live_markers(text: str) -> Iterator[Marker]:
    """Every ``<!--= ... -->`` marker outside code, in page order."""
    yield from scan(text).markers


def strip_markers(text: str) -> str:
    """The page as it should render: markers and the setup block removed.

    Written numbers stay.  Lines only disappear where a setup block was (with its
    line break), so everything else keeps its line.  Markers shown inside code are
    left alone, exactly as the checker leaves them alone.
    """
    sc = scan(text)
    cuts = [(s.start, s.end + (text[s.end : s.end + 1] == "\n")) for s in sc.setups]
    cuts += [(mk.start, mk.end) for mk in sc.markers]
    out, pos = [], 0
    for a, b in sorted(cuts):
        out.append(text[pos:a])
        pos = b
    return "".join(out) + text[pos:]
