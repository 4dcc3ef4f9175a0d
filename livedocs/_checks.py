"""Plan and run the checks of one page (the core behind :func:`livedocs.numbers.check_page`).

:func:`plan_checks` is pure (it only scans), so a test runner can lay out one example per
check before any page code runs; :func:`run_checks` executes the setup once, in a fresh
namespace, and returns one :class:`Check` per planned :class:`Site`, in the same order.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from ._arith import evaluate, is_number_literal
from ._format import format_number
from ._math import MathInfo, analyse
from ._scan import Marker, Scan, Setup, scan

__all__ = ["Check", "Site", "plan_checks", "run_checks", "givens"]


@dataclass(frozen=True)
class Check:
    """One check of a page.  ``message`` reads ``path:line: what`` (ok or not)."""

    kind: str  # "setup" | "live" | "equation" | "audit"
    path: str
    line: int
    written: str | None
    computed: str | None
    ok: bool
    message: str


@dataclass(frozen=True)
class Site:
    """Where a check runs: ``text[start:end]`` (the audit's site is empty, at the end)."""

    kind: str
    start: int
    end: int
    line: int
    setup: Setup | None = None
    marker: Marker | None = None
    math: int | None = None  # index into the scan's math spans


def _layout(text: str) -> tuple[Scan, list[MathInfo], list[Site]]:
    sc = scan(text)
    infos = [analyse(text, m.content_start, m.content_end) for m in sc.maths]
    after = {mk.start: mk for mk in sc.markers}  # a marker right after `$` ties the span
    sites = [Site("setup", s.start, s.end, s.line, setup=s) for s in sc.setups]
    body, tied = [], set()
    for k, (mt, info) in enumerate(zip(sc.maths, infos, strict=True)):
        tie = after.get(mt.end)
        if tie:
            tied.add(tie.start)
        if info.equations or tie:
            kind = "equation" if info.equations else "live"
            body.append(Site(kind, mt.start, tie.end if tie else mt.end, mt.line,
                             marker=tie, math=k))
    for mk in sc.markers:
        if mk.start not in tied:
            start = mk.start if mk.token_start is None else mk.token_start
            body.append(Site("live", start, mk.end, mk.line, marker=mk))
    body.sort(key=lambda s: s.start)
    return sc, infos, sites + body + [Site("audit", len(text), len(text), sc.line_of(len(text)))]


def plan_checks(text: str) -> list[Site]:
    """The checks of a page, without running anything: setup blocks first, then live
    numbers and equations in page order, then exactly one audit."""
    return _layout(text)[2]


def givens(setup: Setup | None) -> tuple[set[Fraction], set[str]]:
    """Numeric givens (by value) and dotted labels (by text) declared by a setup block."""
    values: set[Fraction] = set()
    labels: set[str] = set()
    try:
        tree = ast.parse(setup.code) if setup and setup.closed else None
    except SyntaxError:
        tree = None  # the setup check reports it
    for node in ast.walk(tree) if tree else ():
        if not isinstance(node, ast.Constant) or isinstance(node.value, bool):
            continue
        if isinstance(node.value, (int, float)):
            values.add(Fraction(repr(node.value)))
        elif isinstance(node.value, str):
            if re.fullmatch(r"\d+(?:\.\d+)+", node.value):
                labels.add(node.value)
            if re.fullmatch(r"-?\d+(?:,\d{3})*(?:\.\d+)?", node.value):
                values.add(Fraction(node.value.replace(",", "")))
    return values, labels


def _run(expr: str, ns: dict[str, Any], path: str, line: int) -> tuple[Any, str | None]:
    """Evaluate a marker's expression; on failure return the error text instead."""
    try:
        return eval(compile(expr, f"{path}:{line}", "eval"), ns), None  # noqa: S307
    except Exception as exc:  # any failure of page code is a failed check, not a crash
        return None, f"expression raised {type(exc).__name__}: {exc}"


def _format(value: Any, spec: str | None, math: bool) -> tuple[str, str | None]:
    """``(computed text, problem)``: a result that cannot be formatted is a problem."""
    try:
        return format_number(value, spec, math=math), None
    except (TypeError, ValueError) as exc:
        reason = str(exc).removeprefix("format_number: ")
        return repr(value), f"({reason})"


def _live(loc: str, written: str, mk: Marker, ns: dict[str, Any], math: bool,
          line: int, path: str) -> Check:
    what = "live number in math" if math else "live number"
    value, err = _run(mk.expr, ns, path, line)
    if err:
        msg = f"{loc}: {what}: written {written}, {err} (expr: {mk.expr})"
        return Check("live", path, line, written, None, False, msg)
    computed, problem = _format(value, mk.spec, math)
    ok = problem is None and computed == written
    msg = f"{loc}: {what}: written {written}, computed {computed}"
    msg += f" {problem}" if problem else ""
    return Check("live", path, line, written, computed, ok, f"{msg} (expr: {mk.expr})")


def _show(v: Fraction) -> str:
    return format_number(v.numerator) if v.denominator == 1 else f"{float(v):.6g} ({v})"


def _equation(loc: str, info: MathInfo, mk: Marker | None, ns: dict[str, Any],
              line: int, path: str) -> Check:
    def fail(msg: str, written: str | None = None, computed: str | None = None) -> Check:
        return Check("equation", path, line, written, computed, False, f"{loc}: {msg}")

    if len(info.equations) > 1:
        return fail(f"equation: {len(info.equations)} equations in one math span; "
                    "at most one per span (split it)")
    eq = info.equations[0]
    values = []
    for side in eq.arithmetic:
        try:
            values.append(evaluate(side.py or ""))
        except (ArithmeticError, ValueError) as exc:
            return fail(f"equation: side `{side.latex}` cannot be evaluated: {exc}")
    last = re.sub(r"\s+", "", eq.last.latex)
    bad = next((v for v in values if v != values[0]), None)
    if bad is not None:
        return fail(f"equation: sides evaluate to {_show(values[0])} and {_show(bad)}",
                    last, _show(values[0]))
    if mk is None:
        return fail("equation not tied to a live expression (put <!--= EXPR --> right "
                    "after the closing $)", last, _show(values[0]))
    if not (eq.last.py and is_number_literal(eq.last.latex)):
        return fail(f"equation: last side `{eq.last.latex}` must be a single number "
                    "(the tied value, written by format_number(..., math=True))", last)
    value, err = _run(mk.expr, ns, path, line)
    if err:
        return fail(f"equation: written {last}, {err} (expr: {mk.expr})", last)
    computed, problem = _format(value, mk.spec, True)
    exact_ok = not isinstance(value, (int, np.integer, Fraction)) or Fraction(value) == values[0]
    if problem or computed != last or not exact_ok:
        why = f" {problem}" if problem else ""
        return fail(f"equation: written {last}, computed {computed}{why} (expr: {mk.expr})",
                    last, computed)
    return Check("equation", path, line, last, computed, True,
                 f"{loc}: equation holds: {' = '.join(s.latex for s in eq.sides)}")


def _audit(sc: Scan, infos: list[MathInfo], covered: set[int], setup: Setup | None,
           path: str) -> Check:
    values, labels = givens(setup)
    tokens = [(t.start, t.line, t.text, False) for t in sc.prose_tokens]
    for info in infos:
        tokens += [(a, sc.line_of(a), text, True) for a, _, text, cov in info.tokens
                   if not cov and a not in covered]
    problems: list[tuple[int, str]] = []
    for _, line, text, math in sorted(tokens):
        bare = text.rstrip("%").replace("{,}", "").replace(",", "")
        if bare.count(".") > 1:
            declared = text in labels
        else:
            declared = text.rstrip("%") in labels or Fraction(bare) in values
        if not declared:
            problems.append((line, f"undeclared number {text} (neither live nor a given)"))
        elif "." not in bare and "%" not in text and format_number(int(bare), math=math) != text:
            rule = format_number(int(bare), math=math)
            problems.append((line, f"number {text} breaks the formatting rule (write {rule})"))
    msg = "\n".join(f"{path}:{line}: {what}" for line, what in problems)
    msg = msg or f"{path}: audit: all {len(tokens)} audited numbers are givens"
    first = problems[0][0] if problems else 1
    return Check("audit", path, first, None, None, not problems, msg)


def _math_number(text: str, info: MathInfo, covered: set[int], mk: Marker,
                 ns: dict[str, Any], loc: str, line: int, path: str) -> Check:
    """A marker after a math span without an equation checks the span's last number."""
    toks = [t for t in info.tokens if not t[3]]
    if not toks:
        return Check("live", path, line, None, None, False,
                     f"{loc}: live number in math: the span holds no number")
    start, end, written, _ = toks[-1]
    covered.add(start)  # checked here, so not audited
    # A sign and a percent sign belong to the written number (`-0.5`, `73\%`), but a minus
    # after an operand (`2 - 0.5`, `x_t - 1`, `(a) - 1`) is an operator.
    before = text[max(0, start - 200) : start]
    operator = re.search(r"(?:(?<![\\A-Za-z])[A-Za-z]|[\d})\]])\s*-\s*$", before)
    sign = "-" if before.rstrip().endswith("-") and not operator else ""
    written = sign + written + ("\\%" if text.startswith("\\%", end) else "")
    return _live(loc, written, mk, ns, True, line, path)


def run_checks(text: str, path: str) -> list[Check]:
    """Run every check of the page, one per :func:`plan_checks` site, in that order."""
    sc, infos, sites = _layout(text)
    ns: dict[str, Any] = {"__name__": "livedocs_page"}  # fresh per page, never shared
    first_setup = sc.setups[0] if sc.setups else None
    covered: set[int] = set()
    checks = []
    for site in sites:
        loc = f"{path}:{site.line}"
        mk = site.marker
        if site.kind == "setup":
            checks.append(_setup(site.setup, first_setup, ns, loc, path))
        elif site.kind == "audit":
            checks.append(_audit(sc, infos, covered, first_setup, path))
        elif site.math is not None and site.kind == "equation":
            checks.append(_equation(loc, infos[site.math], mk, ns, site.line, path))
        elif site.math is not None and mk is not None:  # a tied number in math
            checks.append(_math_number(text, infos[site.math], covered, mk, ns, loc, site.line,
                                       path))
        elif mk is not None and mk.token is not None:
            checks.append(_live(loc, mk.token, mk, ns, False, site.line, path))
        else:
            checks.append(Check("live", path, site.line, None, None, False,
                                f"{loc}: live number: marker <!--= {mk.expr if mk else ''} --> "
                                "is not attached to a number (write the number right "
                                "before it, no space)"))
    return checks


def _setup(setup: Setup | None, first: Setup | None, ns: dict[str, Any], loc: str,
           path: str) -> Check:
    line = setup.line if setup else 0
    if setup is None or not setup.closed:
        return Check("setup", path, line, None, None, False,
                     f"{loc}: setup block must start with a line that is exactly "
                     "`<!-- live:setup` and end with a line that is exactly `-->`")
    if setup is not first:
        return Check("setup", path, line, None, None, False,
                     f"{loc}: second setup block (the first is on line "
                     f"{first.line if first else 0}); at most one per page")
    # Pad with blank lines so tracebacks point at page lines.
    code = "\n" * (setup.code_line - 1) + setup.code
    try:
        exec(compile(code, path, "exec"), ns)  # noqa: S102
    except Exception as exc:  # page code failing is a failed check, not a crash
        return Check("setup", path, line, None, None, False,
                     f"{loc}: setup raised {type(exc).__name__}: {exc}")
    return Check("setup", path, line, None, None, True, f"{loc}: setup ran")
