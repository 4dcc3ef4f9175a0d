"""Run a :class:`livedocs.checker.plan.PagePlan`: execute the setup, evaluate, compare, audit.

Page code runs in a fresh namespace per page.  Nothing it raises, ``SystemExit`` and
``KeyboardInterrupt`` included, escapes: it becomes a failed check with its message.
"""

from __future__ import annotations

import itertools
import re
from fractions import Fraction
from typing import Any

import numpy as np

from ..messages import Msg, say
from ..report import Check, Kind
from ..tex.evaluate import Value, evaluate
from ..tex.lex import plain_digits
from ..tex.read import NumTok
from .format import format_number
from .givens import stale_givens, symbol_values
from .plantypes import AuditTok, EqPlan, PagePlan, Planned
from .prose import normalise
from .relations import math_form, relation, show

__all__ = ["run_plan", "SetupCache"]

# A setup block already run with the same text is not run again when the caller passes a
# cache (tests that re-check one page many times); its namespace is copied.
SetupCache = dict[tuple[Any, ...], Any]


def _safe(text: object, limit: int = 300) -> str:
    try:
        s = text if isinstance(text, str) else str(text)
    except Exception:  # noqa: BLE001 (a value whose str() raises, e.g. a huge int)
        s = f"<a {type(text).__name__} that cannot be shown>"
    return s if len(s) <= limit else s[: limit - 3] + "..."


def _repr(value: Any) -> str:
    try:
        return _safe(repr(value), 80)
    except Exception:  # noqa: BLE001
        return f"<a {type(value).__name__} that cannot be shown>"


def _exec(code: str, ns: dict[str, Any], path: str, line: int) -> str | None:
    try:
        exec(compile("\n" * line + code, path, "exec"), ns)  # noqa: S102
    except BaseException as exc:  # noqa: BLE001 (page code must never end the build)
        return f"{type(exc).__name__}: {_safe(exc)}"
    return None


def _eval(expr: str, ns: dict[str, Any], path: str, line: int,
          local: dict[str, Any] | None = None) -> tuple[Any, str | None]:
    try:
        return eval(compile(expr, f"{path}:{line}", "eval"), ns, local or {}), None  # noqa: S307
    except BaseException as exc:  # noqa: BLE001 (page code must never end the build)
        return None, f"expression raised {type(exc).__name__}: {_safe(exc)}"


def _fraction(v: Any) -> Fraction | None:
    """The exact value of a number the page code returned (None if not a number)."""
    if isinstance(v, (bool, np.bool_)):
        return None
    if isinstance(v, (int, np.integer)):
        return Fraction(int(v))
    if isinstance(v, Fraction):
        return v
    if isinstance(v, (float, np.floating)) and np.isfinite(v):
        return Fraction(float(v))
    return None


def _format(value: Any, spec: str | None, math: bool) -> tuple[str, str | None]:
    try:
        return format_number(value, spec, math=math), None
    except (TypeError, ValueError) as exc:
        return _repr(value), f"({str(exc).removeprefix('format_number: ')})"


class _Runner:
    def __init__(self, plan: PagePlan, path: str, offset: int,
                 ns: dict[str, Any] | None = None, cache: SetupCache | None = None) -> None:
        self.plan = plan
        self.cache = cache
        self.path = path
        self.offset = offset
        self.ns: dict[str, Any] = ns if ns is not None else {}
        self.ns.setdefault("__name__", "livedocs_page")

    def loc(self, line: int) -> str:
        return f"{self.path}:{line + self.offset}"

    def check(self, kind: Kind, line: int, ok: bool, msg: str, written: str | None = None,
              computed: str | None = None, marker: int | None = None,
              expr: str | None = None) -> Check:
        names = set(re.findall(r"(?<![\w.])[A-Za-z_]\w*", expr)) if expr else set()
        uses = tuple(g.name for g in self.plan.givens if g.name.split("[")[0] in names)
        return Check(kind=kind, path=self.path, line=line + self.offset, written=written,
                     computed=computed, ok=ok, message=f"{self.loc(line)}: {msg}",
                     marker=marker, expr=expr, uses=uses)

    def setup(self) -> Check | None:
        plan = self.plan
        if plan.setup is None:
            return None
        key = (self.path, plan.setup_line, plan.setup)
        if self.cache is not None and key in self.cache:
            self.ns.update(self.cache[key])
            return self.check(Kind.SETUP, plan.setup_line, True, "setup ran (cached)")
        err = _exec(plan.setup, self.ns, self.path, plan.setup_line)
        if self.cache is not None and not err:
            self.cache[key] = dict(self.ns)
        if err:
            return self.check(Kind.SETUP, plan.setup_line, False, f"setup raised {err}")
        stale = stale_givens(plan.setup, self.ns)
        if stale:
            return self.check(Kind.SETUP, plan.setup_line, False, "; ".join(say(
                Msg.GIVEN_CHANGED, name=g.name, given=g.label or show(g.value),
                now=now) for g, now in stale))
        return self.check(Kind.SETUP, plan.setup_line, True, "setup ran")

    def live(self, it: Planned) -> Check:
        mk = self.plan.markers[it.marker]  # type: ignore[index]
        what = "live number in math" if it.math else "live number"
        written = it.written or ""
        value, err = _eval(mk.expr, self.ns, self.path, it.line)
        if err:
            return self.check(Kind.LIVE, it.line, False, f"{what}: written {written}, {err} "
                              f"(expr: {mk.expr})", written, None, mk.k, mk.expr)
        if isinstance(value, str) and re.fullmatch(r"\d+(?:\.\d+)*", value):
            computed, problem = value, None  # a label (``"2.1"``), compared as text
            if mk.spec:
                problem = "(a label takes no format spec)"
        else:
            computed, problem = _format(value, mk.spec, it.math)
        same = (math_form(computed) == math_form(written) if it.math
                else normalise(computed) == normalise(written))
        ok = problem is None and same
        msg = f"{what}: written {written}, computed {computed}"
        msg += f" {problem}" if problem else ""
        return self.check(Kind.LIVE, it.line, ok, f"{msg} (expr: {mk.expr})", written, computed,
                          mk.k, mk.expr)

    def equation(self, it: Planned) -> Check:
        eq = it.eq
        assert eq is not None
        chain = eq.span.chains[eq.chain]
        k = it.marker
        mk = self.plan.markers[k] if k is not None else None
        subs = mk.subs if mk else []
        combos = [dict(zip([n for n, _ in subs], vals, strict=True))
                  for vals in itertools.product(*[v for _, v in subs])] or [{}]
        env_base: dict[str, Value] = dict(symbol_values(self.plan.givens))
        shown = " ".join(" ".join(s.latex for s in chain.sides).split())
        for combo in combos:
            env = {**env_base, **{n: Fraction(repr(v)) if isinstance(v, float) else
                                  Fraction(v) for n, v in combo.items()}}
            at = "" if not combo else " at " + ", ".join(f"{n} = {v}" for n, v in combo.items())
            try:
                problem = self.eq_once(eq, chain, env, combo, it.line, at)
            except Exception as exc:  # noqa: BLE001 (never a traceback: say where and what)
                problem = (f"`{shown}` cannot be checked: {type(exc).__name__}: {exc}", None,
                           None)
            if problem:
                fail, written, computed = problem
                return self.check(Kind.EQUATION, it.line, False, f"equation{at}: {fail}",
                                  written, computed, k, mk.expr if mk else None)
        written = eq.num_ties[k].text if k is not None and k in eq.num_ties else None
        return self.check(Kind.EQUATION, it.line, True, f"equation holds: {shown}", written,
                          written, k, mk.expr if mk else None)

    def eq_once(self, eq: EqPlan, chain, env: dict[str, Value], combo: dict[str, Any],
                line: int, at: str) -> tuple[str, str | None, str | None] | None:
        values: dict[int, Value] = {}
        needed = {s for r in eq.checked for s in (r, r + 1)}
        if eq.formula_tie:
            needed.add(eq.formula_tie[1])
        for s in sorted(needed):
            tree = eq.trees[s]
            if tree is None:  # planned so as never to happen; say so rather than raise
                return (f"`{chain.sides[s].latex}` cannot be read as arithmetic", None, None)
            try:
                values[s] = evaluate(tree, env)  # type: ignore[arg-type]
            except Exception as exc:  # noqa: BLE001 (EvalError, Unresolved, ...)
                return (f"`{chain.sides[s].latex}` cannot be evaluated: "
                        f"{type(exc).__name__}: {exc}", None, None)
        for r in eq.checked:
            a, b = values[r], values[r + 1]
            rel = chain.rels[r]
            ok, why = relation(rel, a, b, chain.sides[r].nums, chain.sides[r + 1].nums,
                                eq.trees[r], eq.trees[r + 1])
            if not ok:
                return (f"`{chain.sides[r].latex}` {rel} `{chain.sides[r + 1].latex}` does "
                        f"not hold: {why}", None, None)
        for k, num in eq.num_ties.items():
            problem = self.tie(k, num, combo, line, k in eq.exact)
            if problem:
                return problem
        if eq.formula_tie:
            k, s = eq.formula_tie
            mk = self.plan.markers[k]
            value, err = _eval(mk.expr, self.ns, self.path, line, combo)
            if err:
                return (f"{err} (expr: {mk.expr})", None, None)
            exact = _fraction(value)
            side = values[s]
            side_exact = side if isinstance(side, Fraction) else Fraction(side)
            if exact is None or exact != side_exact:
                return (f"`{chain.sides[s].latex}` evaluates to {show(side)}, the expression "
                        f"to {show(exact) if exact is not None else _repr(value)} "
                        f"(expr: {mk.expr})", show(side), None)
        return None

    def tie(self, k: int, num: NumTok, combo: dict[str, Any], line: int,
            exact: bool) -> tuple[str, str | None, str | None] | None:
        mk = self.plan.markers[k]
        value, err = _eval(mk.expr, self.ns, self.path, line, combo)
        if err:
            return (f"written {num.text}, {err} (expr: {mk.expr})", num.text, None)
        computed, problem = _format(value, mk.spec, True)
        if problem or math_form(computed) != math_form(num.text):
            why = f" {problem}" if problem else ""
            return (f"written {num.text}, computed {computed}{why} (expr: {mk.expr})",
                    num.text, computed)
        v = _fraction(value)
        if exact and (v is None or v != num.value):
            return (f"written {num.text}, computed {show(v)}: `=` means exact and a tie "
                    f"never rounds; write \\approx (expr: {mk.expr})", num.text, computed)
        return None

    def audit(self) -> Check:
        plan = self.plan
        labels = {g.label for g in plan.givens if g.label}
        problems: list[tuple[int, str, int]] = []
        for tok in plan.audit:
            problems += [(tok.line, p, tok.pos) for p in _audit_one(tok, plan, labels)]
        problems.sort()
        said = [f"{self.loc(line)}: {what}" for line, what, _ in problems]
        if not problems:
            return self.check(Kind.AUDIT, 1, True, f"audit: all {len(plan.audit)} audited "
                              "numbers are givens")
        return Check(kind=Kind.AUDIT, path=self.path, line=problems[0][0] + self.offset,
                     ok=False, message="\n".join(said),
                     spots=tuple((pos, m) for (_, _, pos), m in zip(problems, said, strict=True)))


def _audit_one(tok: AuditTok, plan: PagePlan, labels: set[str]) -> list[str]:
    if tok.value is None or tok.text in labels:
        return [] if tok.text in labels else [say(Msg.UNDECLARED_LABEL, text=tok.text)]
    names = sorted({g.name for g in plan.givens if g.value is not None and g.value == tok.value})
    if not names:
        return [say(Msg.UNDECLARED_NUMBER, text=tok.text)]
    if len(names) > 1:
        return [say(Msg.AMBIGUOUS_NUMBER, text=tok.text, names=", ".join(names),
                    first=names[0])]
    bare = plain_digits(tok.text).replace(",", "").lstrip("-−+")
    if re.fullmatch(r"\d+", bare):
        rule = format_number(int(bare), math=tok.math)
        shown = tok.text.lstrip("-−+")
        if rule != shown:
            return [say(Msg.FORMAT_RULE, shown=shown, rule=rule)]
    return []


def run_plan(plan: PagePlan, path: str, offset: int = 0, ns: dict[str, Any] | None = None,
             cache: SetupCache | None = None) -> list[Check]:
    """Every check of the page, in order: setup, then page order, then the audit.

    ``ns``: the (fresh) namespace to run the page code in; the caller may keep it.
    """
    r = _Runner(plan, path, offset, ns, cache)
    checks: list[Check] = []
    first = r.setup()
    if first:
        checks.append(first)
    for it in plan.items:
        if it.kind == Kind.LIVE:
            checks.append(r.live(it))
        elif it.kind == Kind.EQUATION:
            checks.append(r.equation(it))
        elif it.kind in (Kind.NOTATION, Kind.QUOTE):
            checks.append(r.check(it.kind, it.line, True, it.kind))
        else:
            checks.append(r.check(Kind.MARKUP, it.line, False, it.error or "markup",
                                  marker=it.marker))
    checks.append(r.audit())
    return checks
