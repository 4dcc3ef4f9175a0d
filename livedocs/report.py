"""What checking a page produces: each check as data, and the page's report.

A :class:`Check` is one check of a page, passed or failed (a failed one is a *finding*).
Its :class:`Kind` says what was checked:

- ``setup``: the page's setup block ran;
- ``live``: a marker ties a number to the expression that computes it;
- ``equation``: a math relation chain holds and is tied;
- ``notation``: an explicit ``<!--notation-->`` opt-out (always passes; counted);
- ``quote``: the student's verbatim answer matches the seed;
- ``doctest``: a ``>>>`` session in a ``python`` or ``pycon`` fence prints what it shows;
- ``markup``: anything the checker cannot read (always a finding);
- ``audit``: every other number a reader sees is a given (exactly one per page, last).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Kind", "Check", "PageReport"]


class Kind(StrEnum):
    SETUP = "setup"
    LIVE = "live"
    EQUATION = "equation"
    NOTATION = "notation"
    QUOTE = "quote"
    DOCTEST = "doctest"
    MARKUP = "markup"
    AUDIT = "audit"


@dataclass(frozen=True, kw_only=True)
class Check:
    """One check of a page.  ``message`` reads ``path:line: what`` (ok or not)."""

    kind: Kind
    path: str
    line: int
    ok: bool
    message: str
    written: str | None = None
    computed: str | None = None
    marker: int | None = None
    expr: str | None = None
    uses: tuple[str, ...] = field(default=())
    # (offset in the rendered HTML, message) of each part of a finding that has several
    # (the audit's), for showing each at its place
    spots: tuple[tuple[int, str], ...] = field(default=())


@dataclass(frozen=True, kw_only=True)
class PageReport:
    """All checks of one page, in plan order, and the page as it is published."""

    path: str
    checks: tuple[Check, ...]
    cited: frozenset[str] = frozenset()
    html: str = ""

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
            out[str(c.kind)] = out.get(str(c.kind), 0) + 1
        return out
