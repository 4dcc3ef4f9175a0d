"""Plan the checks of one rendered page, without running any page code.

Input: the prepared source (:mod:`livedocs.checker.source`), the rendered page's segments
(:mod:`livedocs.checker.reading`) and the givens (:mod:`livedocs.checker.givens`).  Output: a
:class:`PagePlan`: the setup code, the planned checks in page order and the tokens left for
the audit.  :mod:`livedocs.checker.run` runs it.

Every marker must end up as exactly one check.  A marker that lands in a comment, a
script, a heading, a URL or nowhere is a ``markup`` error; so is text that shows markup the
renderer did not close (``<!--``, a fence, ``$``, raw TeX) and malformed math.  Nothing the
checker cannot read passes silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..marks import PLACEHOLDER, PLACEHOLDERS, drop_placeholders, marker_index, notation_index
from ..messages import Msg, say
from ..report import Kind
from ..tex.read import read_span
from .givens import Given
from .planmath import plan_chains
from .plantypes import AuditTok, EqPlan, PagePlan, Planned, marker_line, short
from .prose import LIVE_WRITTEN, MAGNITUDE, markup_problems, prose_tokens
from .reading import Page, Segment
from .source import Prepared

__all__ = ["Planned", "AuditTok", "PagePlan", "plan_page", "Locator", "EqPlan"]


class Locator:
    """Source line of rendered text, searching forward from the last place found."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def line_at(self, pos: int) -> int:
        return self.text.count("\n", 0, pos) + 1

    def find(self, snippet: str) -> int:
        words = re.findall(r"\w+", snippet)[:6]
        for n in sorted({len(words), min(3, len(words)), 1}, reverse=True):
            if n == 0:
                continue
            pattern = re.compile(r"\W*".join(re.escape(w) for w in words[:n]))
            for start in (self.pos, 0):
                m = pattern.search(self.text, start)
                if m:
                    self.pos = m.start()
                    return self.line_at(m.start())
        return self.line_at(self.pos)


@dataclass
class _Run:
    """Consecutive text of one block (or one attribute), with per-piece flags."""

    kind: str
    pieces: list[Segment] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    def flags_at(self, i: int) -> Segment:
        for p in self.pieces:
            if i < len(p.text):
                return p
            i -= len(p.text)
        return self.pieces[-1]


@dataclass
class _Math:
    seg: Segment
    after: list[str] = field(default_factory=list)  # placeholders right after the span


def _group(segments: list[Segment]) -> list[_Run | _Math]:
    out: list[_Run | _Math] = []
    prev: Segment | None = None
    for seg in segments:
        if seg.kind == "math":
            out.append(_Math(seg))
        elif seg.kind in ("text", "attr", "code", "hidden"):
            text = seg.text
            if seg.kind == "text" and out and isinstance(out[-1], _Math) and prev is not None \
                    and prev.kind == "math" and prev.block == seg.block:
                lead = re.match(f"[{PLACEHOLDERS}]*", text).group()  # type: ignore[union-attr]
                out[-1].after += list(lead)
                text = text[len(lead):]
                seg = Segment(seg.kind, text, seg.block, seg.heading, seg.student, seg.exempt,
                              seg.display, seg.where, seg.pos)
            last = out[-1] if out else None
            if isinstance(last, _Run) and last.kind == seg.kind and last.pieces[-1].block \
                    == seg.block and seg.kind in ("text", "attr"):
                last.pieces.append(seg)
            elif text or seg.kind != "text":
                out.append(_Run(seg.kind, [seg]))
        prev = seg
    return out


def plan_page(prep: Prepared, page: Page, givens: list[Given], source: str,
              seed: dict[str, str] | None) -> PagePlan:
    """Plan every check of a page (see the module docstring)."""
    plan = PagePlan(givens=givens, markers=prep.markers)
    loc = Locator(source)
    items = plan.items
    for line, msg in prep.errors:
        items.append(Planned(Kind.MARKUP, line, error=msg))
    for mk in prep.markers:
        if mk.error:
            items.append(Planned(Kind.MARKUP, mk.line, marker=mk.k,
                                 error=say(Msg.MARKER_MALFORMED, error=mk.error)))
    if len(page.setups) > 1:
        items.append(Planned(Kind.MARKUP, 1, error=say(Msg.SETUPS, n=len(page.setups))))
    if page.setups:
        plan.setup = page.setups[0]
        m = re.search(r"^<!-- live:setup$", source, re.M)
        plan.setup_line = loc.line_at(m.start()) if m else 1
    seen: set[int] = set()
    seen_notation: set[int] = set()
    for part in _group(page.segments):
        if isinstance(part, _Math):
            _plan_math(part, plan, loc, seen, seen_notation)
        else:
            _plan_run(part, plan, loc, seen, seen_notation)
    for mk in prep.markers:
        if mk.k not in seen and not mk.error:
            items.append(Planned(Kind.MARKUP, mk.line, marker=mk.k,
                                 error=say(Msg.MARKER_LOST, raw=mk.raw)))
    for nt in prep.notations:
        if nt.k not in seen_notation:
            items.append(Planned(Kind.MARKUP, nt.line, error=say(Msg.NOTATION_STRAY)))
    _plan_quotes(page, plan, seed, loc)
    items.sort(key=lambda it: it.line)
    return plan


def _plan_run(run: _Run, plan: PagePlan, loc: Locator, seen: set[int],
              seen_notation: set[int]) -> None:
    text = run.text
    if not text:
        return
    if run.kind == "code":
        for m in PLACEHOLDER.finditer(text):
            k = marker_index(m.group())
            if k is not None:
                seen.add(k)
                plan.code_markers.add(k)
        return
    line0 = loc.find(text) if run.kind in ("text", "attr") else loc.line_at(loc.pos)
    for m in PLACEHOLDER.finditer(text):
        i, ch = m.start(), m.group()
        k, n = marker_index(ch), notation_index(ch)
        if k is None and n is None:
            continue
        if n is not None:
            seen_notation.add(n)
            plan.items.append(Planned(Kind.MARKUP, line0, error=say(Msg.NOTATION_STRAY)))
            continue
        assert k is not None
        seen.add(k)
        line = marker_line(plan, k, line0)
        if k < len(plan.markers) and plan.markers[k].error:
            continue  # reported as a markup error already
        flags = run.flags_at(i)
        if run.kind == "hidden":
            where = "an HTML comment" if run.pieces[0].where == "comment" else \
                f"a <{run.pieces[0].where}> element"
            plan.items.append(Planned(Kind.MARKUP, line, marker=k,
                                      error=say(Msg.MARKER_HIDDEN, where=where)))
        elif flags.heading:
            plan.items.append(Planned(Kind.MARKUP, line, marker=k,
                                      error=say(Msg.MARKER_IN_HEADING)))
        elif flags.student is not None or flags.exempt:
            plan.items.append(Planned(Kind.MARKUP, line, marker=k, error=say(Msg.MARKER_IN_QUOTE)))
        elif i and marker_index(text[i - 1]) is not None:
            plan.items.append(Planned(Kind.MARKUP, line, marker=k,
                                      error=say(Msg.TWO_MARKERS_ON_NUMBER)))
        else:
            before = drop_placeholders(text[:i])
            m = LIVE_WRITTEN.search(before[-120:])
            if m is None:
                plan.items.append(Planned(Kind.MARKUP, line, marker=k,
                                          error=say(Msg.MARKER_DETACHED)))
            elif MAGNITUDE.match(drop_placeholders(text[i + 1 : i + 40])):
                plan.items.append(Planned(Kind.MARKUP, line, marker=k,
                                          error=say(Msg.MARKER_BEFORE_MAGNITUDE)))
            else:
                plan.items.append(Planned(Kind.LIVE, line, marker=k, written=m.group()))
    if run.kind == "hidden":
        return
    clean = drop_placeholders(text, "\0")
    for off, msg in markup_problems(clean.replace("\0", "")):
        flags = run.flags_at(off)
        if not flags.exempt and flags.student is None:
            plan.items.append(Planned(Kind.MARKUP, line0 + text.count("\n", 0, off), error=msg))
    _audit_text(clean, run, line0, plan)


def _audit_text(clean: str, run: _Run, line0: int, plan: PagePlan) -> None:
    for tok in prose_tokens(clean):
        if tok.end < len(clean) and clean[tok.end] == "\0":
            continue  # the written part of a live number: checked, not audited
        flags = run.flags_at(tok.start)
        if flags.exempt or flags.student is not None:
            continue
        plan.audit.append(AuditTok(tok.text, tok.value, line0 + clean.count("\n", 0, tok.start),
                                   pos=flags.pos))


def _plan_math(part: _Math, plan: PagePlan, loc: Locator, seen: set[int],
               seen_notation: set[int]) -> None:
    seg = part.seg
    span = read_span(seg.text)
    line = loc.find(seg.text)
    for ch in part.after:
        if (k := marker_index(ch)) is not None:
            if span.end_tie is None:
                span.end_tie = k
            else:
                plan.items.append(Planned(Kind.MARKUP, marker_line(plan, k, line), marker=k,
                                          error=say(Msg.TWO_MARKERS_AFTER_MATH)))
            seen.add(k)
        elif (n := notation_index(ch)) is not None:
            span.notations.append(n)
    seen.update(k for k, _ in span.markers)
    seen_notation.update(span.notations)
    if seg.student is not None or seg.exempt:
        for k, _ in span.markers:
            plan.items.append(Planned(Kind.MARKUP, marker_line(plan, k, line), marker=k,
                                      error=say(Msg.MARKER_IN_QUOTED_MATH)))
        return
    for err in span.errors:
        marker = span.end_tie if span.end_tie is not None else None
        plan.items.append(Planned(Kind.MARKUP, line, marker=marker,
                                  error=say(Msg.MATH_MALFORMED, tex=short(seg.text), error=err)))
    if span.errors and not span.chains:
        return
    first_audit = len(plan.audit)
    for text_tok in span.texts:  # \text{...}: prose inside math
        for tok in prose_tokens(text_tok.arg):
            plan.audit.append(AuditTok(tok.text, tok.value, line))
    for _ in span.notations:
        plan.items.append(Planned(Kind.NOTATION, line))
    try:
        plan_chains(span, plan, line)
    except Exception as exc:  # noqa: BLE001 (never a traceback: say where and what)
        plan.items.append(Planned(Kind.MARKUP, line, error=say(
            Msg.MATH_UNREADABLE, tex=short(seg.text), error=f"{type(exc).__name__}: {exc}")))
    for tok in plan.audit[first_audit:]:
        tok.pos = seg.pos


def _plan_quotes(page: Page, plan: PagePlan, seed: dict[str, str] | None, loc: Locator) -> None:
    labels: dict[str, list[str]] = {}
    for seg in page.segments:
        if seg.student is not None and seg.kind in ("text", "math"):
            labels.setdefault(seg.student, []).append(seg.text)
    for label, parts in labels.items():
        line = loc.find(parts[0]) if parts else 1
        shown = " ".join("".join(parts).split())
        if seed is None:
            plan.items.append(Planned(Kind.MARKUP, line, error=say(Msg.QUOTE_NO_SEED)))
        elif label not in seed:
            plan.items.append(Planned(Kind.MARKUP, line, error=say(Msg.QUOTE_UNKNOWN, label=label)))
        elif seed[label] != shown:
            plan.items.append(Planned(Kind.MARKUP, line, error=say(
                Msg.QUOTE_ALTERED, label=label, shown=shown[:80], seed=seed[label][:80])))
        else:
            plan.items.append(Planned(Kind.QUOTE, line))
            plan.quotes.append(label)
