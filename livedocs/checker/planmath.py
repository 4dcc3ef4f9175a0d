"""Plan the checks of the relation chains in one math span (see :mod:`livedocs.checker.plan`).

For each chain: parse every side (:mod:`livedocs.tex.parse`), decide which relations are
checked (both sides evaluable with the page's givens and the marker's ``for`` values), and
which sides are *anchored*: a side holding a tied number, the tied formula, or a side made
only of unambiguous givens; anchoring spreads through checked ``=`` both ways and through
``\\approx`` from the exact side to the written approximation.  Numbers on anchored sides
of checked relations are covered; every other number is left for the audit.
"""

from __future__ import annotations

from fractions import Fraction

from ..marks import drop_placeholders
from ..messages import Msg, say
from ..report import Kind
from ..tex.parse import Node, NotArithmetic, parse, symbols
from ..tex.read import NumTok, Span
from .givens import symbol_values
from .plantypes import AuditTok, EqPlan, PagePlan, Planned, marker_line, short

__all__ = ["plan_chains", "literal"]


def _given_names(plan: PagePlan, value: Fraction) -> list[str]:
    return [g.name for g in plan.givens if g.value is not None and g.value == value]


def literal(side_nums: list[NumTok], tree: Node | None) -> NumTok | None:
    """The number if a side is one written number (``0.16``, ``-3``, ``73\\%``, sci)."""
    nums = [n for n in side_nums if not n.exempt]
    if len(nums) != 1 or tree is None or symbols(tree):
        return None
    node = tree
    while node.op in ("neg", "pct"):
        node = node.args[0]
    if node.op == "num" or (nums[0].sci and node.op in ("mul", "pow")):
        return nums[0]
    return None


def plan_chains(span: Span, plan: PagePlan, line: int) -> None:
    notation = bool(span.notations)
    known = set(symbol_values(plan.givens))
    tied_nums = {id(n): k for k, n in span.num_ties.items()}
    end_target: tuple[int, int] | None = None
    if span.end_tie is not None and span.chains:
        ci = len(span.chains) - 1
        end_target = (ci, len(span.chains[ci].sides) - 1)
    elif span.end_tie is not None:
        plan.items.append(Planned(Kind.MARKUP, marker_line(plan, span.end_tie, line),
                                  marker=span.end_tie, error=say(Msg.MATH_NO_NUMBER)))
    covered: set[int] = set()
    used_ties: set[int] = set()
    for ci, chain in enumerate(span.chains):
        trees: list[Node | None] = []
        reasons: list[str] = []
        for side in chain.sides:
            try:
                trees.append(parse(side.toks))
                reasons.append("")
            except NotArithmetic as exc:
                trees.append(None)
                reasons.append(str(exc))
        subs: set[str] = set()
        formula_tie = None
        num_ties = {k: n for k, n in span.num_ties.items()
                    if any(n in s.nums for s in chain.sides)}
        if end_target and end_target[0] == ci:
            k = span.end_tie
            assert k is not None
            last = chain.sides[-1]
            lit = literal(last.nums, trees[-1])
            subs = {name for name, _ in plan.markers[k].subs} if k < len(plan.markers) else set()
            if lit is not None and not subs:
                num_ties[k] = lit
            elif trees[-1] is None and [n for n in last.nums if not n.exempt]:
                plan.items.append(Planned(Kind.MARKUP, marker_line(plan, k, line), marker=k,
                                          error=say(Msg.MATH_UNREADABLE, tex=short(span.tex),
                                                    error=reasons[-1])))
            elif trees[-1] is not None:
                formula_tie = (k, len(chain.sides) - 1)
            else:
                plan.items.append(Planned(Kind.MARKUP, marker_line(plan, k, line), marker=k,
                                          error=say(Msg.MATH_ENDS_IN_NO_NUMBER)))
        evaluable = [t is not None and symbols(t) <= known | subs for t in trees]
        numeric = [any(not n.exempt for n in s.nums) for s in chain.sides]
        checked: list[int] = []
        for r, rel in enumerate(chain.rels):
            a, b = r, r + 1
            if rel.startswith("~"):
                continue
            if evaluable[a] and evaluable[b]:  # checked, opted out as notation or not
                checked.append(r)
            elif numeric[a] and numeric[b] and not notation:
                bad = a if not evaluable[a] else b
                why = reasons[bad] or "unknown symbol " + ", ".join(
                    sorted(symbols(trees[bad]) - known - subs)) if trees[bad] or reasons[bad] \
                    else "not arithmetic"
                plan.items.append(Planned(Kind.MARKUP, line, error=say(
                    Msg.MATH_NOT_EVALUABLE, tex=short(span.tex),
                    side=drop_placeholders(chain.sides[bad].latex),
                    why=why)))
        _unchecked_ties(span, chain, ci, num_ties, formula_tie, numeric, plan, line)
        if not checked and formula_tie is None:
            for k, n in num_ties.items():  # a tied number that is no equation's result
                used_ties.add(k)
                plan.items.append(Planned(Kind.LIVE, marker_line(plan, k, line), marker=k,
                                          written=n.text, math=True))
                covered.add(id(n))
            continue
        anchored = _anchor(chain, trees, evaluable, checked, num_ties, formula_tie, plan)
        exact: set[int] = set()
        for k, n in num_ties.items():
            side = next(i for i, s in enumerate(chain.sides) if n in s.nums)
            if any(chain.rels[r] == "=" and side in (r, r + 1) for r in checked):
                exact.add(k)
        involved = {s for r in checked for s in (r, r + 1)}
        if formula_tie:
            involved.add(formula_tie[1])
        unanchored = [s for s in sorted(involved) if numeric[s] and s not in anchored]
        if unanchored:
            plan.items.append(Planned(Kind.MARKUP, line,
                                      error=say(Msg.MATH_UNTIED, tex=short(span.tex))))
        for s in involved & anchored:
            covered.update(id(n) for n in chain.sides[s].nums)
        used_ties.update(num_ties)
        if formula_tie:
            used_ties.add(formula_tie[0])
        tie_marker = formula_tie[0] if formula_tie else (min(num_ties) if num_ties else None)
        plan.items.append(Planned(Kind.EQUATION, marker_line(plan, tie_marker, line)
                                  if tie_marker is not None else line, marker=tie_marker,
                                  eq=EqPlan(span, ci, trees, checked, num_ties, formula_tie,
                                            exact)))
    for k, n in span.num_ties.items():
        if k not in used_ties:
            plan.items.append(Planned(Kind.LIVE, marker_line(plan, k, line), marker=k,
                                      written=n.text, math=True))
            covered.add(id(n))
    for n in span.nums:
        if not n.exempt and id(n) not in covered and id(n) not in tied_nums:
            plan.audit.append(AuditTok(n.text, n.value, line, math=True))


def _unchecked_ties(span, chain, ci, num_ties, formula_tie, numeric, plan, line) -> None:
    """A tied number must be checked against the relation it sits in: one joined to
    numbers by a notation relation (``\\equiv``, ``\\to``) or to arithmetic by words
    (``\\text{ is }``) is an error."""
    tied = {i for i, s in enumerate(chain.sides) if any(n in s.nums for n in num_ties.values())}
    if formula_tie:
        tied.add(formula_tie[1])
    for r, rel in enumerate(chain.rels):
        if rel.startswith("~") and ((r in tied and numeric[r + 1])
                                    or (r + 1 in tied and numeric[r])):
            plan.items.append(Planned(Kind.MARKUP, line, error=say(
                Msg.MATH_TIE_UNCHECKED, tex=short(span.tex), rel=rel[1:])))
    if tied and chain.words.strip() and ci and not chain.rels:
        before = span.chains[ci - 1].sides[-1]
        if any(not n.exempt for n in before.nums) and _arithmetic(before):
            plan.items.append(Planned(Kind.MARKUP, line, error=say(
                Msg.MATH_TIE_IN_WORDS, tex=short(span.tex), words=chain.words.strip())))


def _arithmetic(side) -> bool:
    """Does ``side`` compute (an operator between terms), rather than name one number?"""
    try:
        tree = parse(side.toks)
    except NotArithmetic:
        return True
    return tree.op not in ("num", "neg", "pct", "sym") and literal(side.nums, tree) is None


def _anchor(chain, trees, evaluable, checked, num_ties, formula_tie, plan) -> set[int]:
    """Sides whose value is pinned: by a tie, by givens alone, or through `=` and `≈`."""
    anchored: set[int] = set()
    for s, side in enumerate(chain.sides):
        nums = [n for n in side.nums if not n.exempt]
        if any(n in side.nums for n in num_ties.values()):
            anchored.add(s)
        elif formula_tie and formula_tie[1] == s:
            anchored.add(s)
        elif evaluable[s] and all(len(set(_given_names(plan, n.value))) == 1 for n in nums):
            anchored.add(s)
    written = [literal(s.nums, t) is not None for s, t in zip(chain.sides, trees, strict=True)]
    changed = True
    while changed:
        changed = False
        for r in checked:
            a, b = r, r + 1
            rel = chain.rels[r]
            if rel == "=":
                pairs = [(a, b), (b, a)]
            elif rel == "≈":  # from the exact side to the written approximation
                pairs = [(a, b)] if written[b] else [(b, a)] if written[a] else []
            else:
                pairs = []
            for src, dst in pairs:
                if src in anchored and dst not in anchored:
                    anchored.add(dst)
                    changed = True
    return anchored
