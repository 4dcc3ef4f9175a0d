"""Show the work: every checked number reveals the expression that computed it.

After a page's checks have run, :func:`decorate` wraps each live number, and each math span
whose result is tied, in::

    <span class="ld-wrap">
      <span class="ld" tabindex="0" aria-describedby="ld-7">19,712</span>
      <span class="ld-tip" id="ld-7" data-search-exclude>Computed live:
        <code>per_unit(T_A).total</code>, that is
        <code>unrolled_weights(D, H, K, steps=T_A, recurrence='per-unit').total</code>,
        with D = 20, H = 128, K = 10, T_A = 5.</span>
    </span>

(``div`` instead of ``span`` around display math).  The description is generated from the
very checks that ran, so what a reader is shown is what was checked: the marker's
expression as written, then with the page's helpers written out (:func:`expand`), and the
givens it uses; functions of ``rnnnotes`` link to their entries in the API reference.  A
marker that only names a given (``10<!--= K -->``, written where two givens share a value)
or is a bare number (``1<!--= 1 -->``) computes nothing and reveals nothing.  CSS shows
the description on hover, on keyboard focus and on tap (``assets/livedocs.css``); a little
JS keeps it inside the viewport (``assets/livedocs.js``).  Screen readers get it through
``aria-describedby``; print hides it.

:func:`reproduce_html` is the page's "reproduce" control: its setup block, ready to paste
into Python with ``rnnnotes`` installed.
"""

from __future__ import annotations

import html
import importlib
import posixpath
import re
from functools import cache
from pathlib import Path
from typing import Any

from .checker.format import sci_as_tex
from .checker.givens import Given
from .checker.plantypes import PagePlan
from .checker.source import Prepared
from .expand import IDENT, computes_nothing, definitions, expand, names_in
from .htmlmap import HtmlMap, splice
from .marks import PLACEHOLDERS, marker_char
from .report import Check, Kind

__all__ = ["decorate", "reproduce_html", "api_objects", "page_url_dir", "expand", "names_in",
           "computes_nothing"]  # the last three: from livedocs.expand

@cache
def api_objects(api: str) -> dict[int, tuple[str, str]]:
    """``id(object) -> (page, dotted path)`` of every object the API reference documents
    (``::: path`` lines).  ``api`` is its folder under docs/ (one page per part of the
    package) or a single page; ``page`` is relative to docs/ (``api/gradflow.md``)."""
    root = Path(api)
    sources = sorted(root.glob("*.md")) if root.is_dir() else [root]
    out: dict[int, tuple[str, str]] = {}
    for source in sources:
        try:
            text = source.read_text(encoding="utf-8")
        except OSError:
            continue
        page = f"{root.name}/{source.name}" if root.is_dir() else source.name
        for path in re.findall(r"^:::\s*([\w.]+)", text, re.M):
            obj = None
            try:
                obj = importlib.import_module(path)
            except ImportError:
                mod, _, name = path.rpartition(".")
                try:
                    obj = getattr(importlib.import_module(mod), name)
                except (ImportError, AttributeError):
                    continue
            out.setdefault(id(obj), (page, path))
    return out


def page_url_dir(src_uri: str) -> str:
    """The directory a page is served from (directory URLs): ``a/b.md`` -> ``a/b/``."""
    stem = src_uri[: -len(Path(src_uri).suffix)] if Path(src_uri).suffix else src_uri
    if posixpath.basename(stem) in ("index", "README"):
        stem = posixpath.dirname(stem)
    return f"{stem}/" if stem else ""


def _value(g: Given) -> str:
    if g.label is not None:
        return repr(g.label)
    v = g.value
    assert v is not None
    return str(v.numerator) if v.denominator == 1 else str(float(v))


class _Describer:
    def __init__(self, plan: PagePlan, ns: dict[str, Any], src_uri: str | None,
                 api_md: str | None) -> None:
        self.plan = plan
        self.ns = ns
        self.defs, self.values = definitions(plan.setup or "")
        self.api = api_objects(api_md) if api_md else {}
        self.base = page_url_dir(src_uri or "") or "."
        self.givens = {g.name: g for g in plan.givens}

    def link(self, code: str) -> str:
        """``code`` escaped, with the names of documented rnnnotes objects linked."""
        out, pos = [], 0
        for m in IDENT.finditer(code):
            name = m.group()
            entry = self.api.get(id(self.ns.get(name))) if name in self.ns else None
            out.append(html.escape(code[pos : m.start()], quote=False))
            if entry:
                page, path = entry
                url = posixpath.relpath(page_url_dir(page) or ".", self.base) + "/"
                out.append(f'<a href="{url}#{path}">{html.escape(name)}</a>')
            else:
                out.append(html.escape(name))
            pos = m.end()
        return "".join(out) + html.escape(code[pos:], quote=False)

    def describe(self, check: Check, subs: list[tuple[str, list[object]]]) -> str:
        expr = check.expr or ""
        how = "Computed live" if check.kind == Kind.LIVE else "Checked as an equation, tied to"
        full = expand(expr, self.values, set(self.givens))
        shown: list[str] = []
        todo = names_in(full)
        names: set[str] = set(todo)
        while todo:  # helpers left (functions defined in the setup), and those they use
            name = todo.pop(0)
            helper = name in self.defs and name not in self.givens
            if helper and id(self.ns.get(name)) not in self.api:
                shown.append(name)
                for inner in names_in(self.defs[name]):
                    if inner not in names:
                        names.add(inner)
                        todo.append(inner)
        parts = [f'{how}: <code>{self.link(expr)}</code>']
        if " ".join(full.split()) != " ".join(expr.split()):
            parts.append(f", that is <code>{self.link(full)}</code>")
        if subs:
            parts.append(" for " + "; ".join(
                f"<code>{html.escape(n)}</code> in {', '.join(map(str, v))}" for n, v in subs))
        if shown:  # their definitions are in the page's setup, in the reproduce box
            names_ = ", ".join(f"<code>{html.escape(n)}</code>" for n in shown)
            parts.append(f", where {names_} {'is' if len(shown) == 1 else 'are'} defined in "
                         'the <a href="#ld-reproduce">page\'s setup</a>')
        used = [g for name, g in self.givens.items() if name.split("[")[0] in names]
        if used:
            parts.append(", with " + ", ".join(
                f"{html.escape(g.name)} = {html.escape(_value(g))}" for g in used))
        return "".join(parts) + "."


def decorate(text: str, prep: Prepared, plan: PagePlan, checks: list[Check],
             ns: dict[str, Any], src_uri: str | None, api_md: str | None,
             where: HtmlMap | None = None, *, sci_math: bool = False) -> str:
    """Wrap each checked number of the page in its reveal (see the module docstring).

    With ``sci_math``, a number written in prose scientific notation (``5.2 × 10⁻³``) is
    shown as the inline math of the same number (``\\(5.2 \\times 10^{-3}\\)`` in
    arithmatex's generic wrapper, which the site's math renderer then typesets), so that
    it looks as it does in an equation; the page is checked as written, before this.

    A math span with several ties (an aligned chain tied line by line) is wrapped once, and
    its description lists every tie.
    """
    d = _Describer(plan, ns, src_uri, api_md)
    by_marker = {c.marker: c for c in checks if c.marker is not None and c.kind in (
        Kind.LIVE, Kind.EQUATION) and c.expr}
    maths: dict[tuple[int, int, str], list[tuple[int, str]]] = {}
    numbers: list[tuple[int, int, str]] = []
    givens = {g.name for g in plan.givens}
    where = where if where is not None and where.html == text else HtmlMap(text)
    for k, check in by_marker.items():
        if computes_nothing(check.expr or "", givens):
            continue  # a given named where its value is ambiguous: nothing computed
        pos = text.find(marker_char(k))
        if pos < 0 or where.in_tag(pos):
            continue  # not on the page, or inside an attribute (alt, title)
        tip = d.describe(check, plan.markers[k].subs)
        element = _math_element(where, pos)
        if element:
            maths.setdefault(element, []).append((pos, tip))
        else:
            numbers.append((pos, k, tip))
    edits = []
    for (start, end, tag), tips in maths.items():
        tip_id = f"ld-{by_marker_key(text, min(tips)[0])}"
        tip = " ".join(t for _, t in sorted(tips))
        edits.append((start, end, _trigger(tag, text[start:end], tip_id, tip,
                                           " ld-wrap--math")))
    for pos, k, tip in numbers:
        number = _number_before(where, pos, by_marker[k].written or "")
        if number is not None:
            start, end = number
            tex = sci_as_tex(html.unescape(text[start:end])) if sci_math else None
            shown = text[start:end] if tex is None else \
                f'<span class="arithmatex">\\({html.escape(tex, quote=False)}\\)</span>'
            edits.append((start, end, _trigger("span", shown, f"ld-{k}", tip)))
    return splice(text, edits)


def by_marker_key(text: str, pos: int) -> int:
    """The marker number of the placeholder at ``pos``."""
    return ord(text[pos]) - ord(marker_char(0))


def _math_element(where: HtmlMap, pos: int) -> tuple[int, int, str] | None:
    """``(start, end, tag)`` of the arithmatex element holding, or right before, ``pos``."""
    el = where.enclosing(pos, cls="arithmatex") or where.ending_before(pos, "arithmatex")
    if el is None or el.end < 0:
        return None
    if pos < el.end or _ONLY_MARKS.fullmatch(where.html, el.end, pos):
        return el.start, el.end, el.tag
    return None


_ONLY_MARKS = re.compile(rf"[{PLACEHOLDERS}\s]*")


def _trigger(tag: str, inner: str, tip_id: str, tip: str, extra: str = "") -> str:
    return (f'<{tag} class="ld-wrap{extra}"><{tag} class="ld" tabindex="0" '
            f'aria-describedby="{tip_id}">{inner}</{tag}>'
            f'<span class="ld-tip" id="{tip_id}" data-search-exclude>{tip}</span></{tag}>')


# Inline elements a number may close before its marker: ``**76,800**<!--= x -->``.
_TRANSPARENT = {"strong", "em", "b", "i", "a", "span", "mark", "del", "ins", "sub", "sup",
                "code"}


def _number_before(where: HtmlMap, pos: int, written: str) -> tuple[int, int] | None:
    """``(start, end)`` of the text ``written`` that ends right before ``pos``, or before
    the end tags of inline elements that end there (found by the parser); None if the
    number is not written there as text."""
    esc = html.escape(written, quote=False)
    end = pos
    while (closer := where.closer_ending_at(end)) is not None and closer[1] in _TRANSPARENT:
        end = closer[0]
    start = end - len(esc)
    if not written or start < max(0, pos - 200) or where.html[start:end] != esc \
            or where.tag_within(start, end):
        return None
    return start, end


def reproduce_html(setup: str) -> str:
    """The page's reproduce control: its setup code, to paste into Python."""
    code = html.escape(setup.rstrip("\n") + "\n", quote=False)
    return ('<details class="ld-reproduce" id="ld-reproduce"><summary>Reproduce the numbers '
            "on this page</summary><p>Paste this into Python with <code>rnnnotes</code> "
            "installed, then evaluate any expression a number reveals.</p>"
            f'<div class="language-python highlight"><pre><span></span><code>{code}</code>'
            "</pre></div></details>")

