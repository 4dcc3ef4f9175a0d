"""Show the work: every checked number reveals the expression that computed it.

After a page's checks have run, :func:`decorate` wraps each live number, and each math span
whose result is tied, in::

    <span class="ld-wrap">
      <span class="ld" tabindex="0" aria-describedby="ld-7">19,712</span>
      <ld-tip class="ld-tip" data-search-exclude><span class="ld-tip__text" id="ld-7">
        <strong class="ld-tip__title">Computed when this page was built</strong>
        <span class="ld-tip__calc"><code>per_unit(T_A).total</code> = 19,712</span>
        <span class="ld-tip__more">That is <code>unrolled_weights(D, H, K, steps=T_A,
          recurrence='per-unit').total</code>, using D = 20, H = 128, K = 10, T_A = 5.</span>
      </span></ld-tip>
    </span>

(``div`` instead of ``span`` around display math).  The description's own element is
``<ld-tip>``, a tag used nowhere inside it: Material's search indexer ends a
``data-search-exclude`` at the first closing tag of the same name, and with a ``span``
the description's inner spans leaked into the index ("39,552That is …").  The description
is generated from the very checks that ran, so what a reader is shown is what was checked:
whether it was computed or checked (and whether it held), the marker's expression as
written and its value, then with the page's helpers written out (:func:`expand`), and the
givens it uses (the words: :mod:`livedocs.wording`); functions the API reference documents
link to their entries.  A
marker that only names a given (``10<!--= K -->``, written where two givens share a value)
or is a bare number (``1<!--= 1 -->``) computes nothing and reveals nothing.  CSS shows
the description on hover, on keyboard focus and on tap (``assets/livedocs.css``); a little
JS keeps it inside the viewport and adds its close button to ``ld-tip``, outside the text
(``assets/livedocs.js``).  Screen readers get the text through ``aria-describedby``, without
the button's name; print hides it.

:func:`reproduce_html` is the page's "reproduce" control: its setup block, ready to paste
into Python (with the package the extension's ``reproduce_with`` option names installed).
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
from .wording import WORDING, plain_value, title

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
        """``code`` escaped, with the names of the objects the API reference documents linked."""
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

    def describe(self, check: Check, subs: list[tuple[str, list[object]]],
                 result: bool = True) -> str:
        """One check, for a reader: the expression as written and the value it gave, then
        the expression with the page's helpers written out, the helpers the setup defines
        and the givens it uses (wording: :mod:`livedocs.wording`).  ``result``: an equation's
        tie is the span's end, its last side, not a number inside it."""
        expr = check.expr or ""
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
        calc = f"<code>{self.link(expr)}</code>"
        if subs:
            calc += " for " + "; ".join(
                f"<code>{html.escape(n)}</code> in {', '.join(map(str, v))}" for n, v in subs)
        else:
            value = check.computed
            if check.kind == Kind.EQUATION or "\\" in (value or ""):  # TeX, as prose has it
                value = plain_value(value)
            if value:
                calc += f" = {html.escape(value)}"
        if not check.ok and check.written:
            calc += html.escape(WORDING["failed_result"].format(
                written=plain_value(check.written) or check.written))
        elif check.kind == Kind.EQUATION and not subs:
            calc += html.escape(WORDING["equation_result" if result else "equation_number"])
        more: list[str] = []
        if " ".join(full.split()) != " ".join(expr.split()):
            more.append(WORDING["that_is"].format(code=f"<code>{self.link(full)}</code>"))
        used = [g for name, g in self.givens.items() if name.split("[")[0] in names]
        if used:
            givens = ", ".join(f"{html.escape(g.name)} = {html.escape(_value(g))}"
                               for g in used)
            more.append(WORDING["using"].format(givens=givens))
        text = ", ".join(more)
        text = text[:1].upper() + text[1:] + "." if text else ""
        if shown:  # their definitions are in the page's setup, in the reproduce box
            link = f'<a href="#ld-reproduce">{html.escape(WORDING["setup"])}</a>'
            text += (" " if text else "") + WORDING["defined"].format(
                names=" and ".join(", ".join(f"<code>{html.escape(n)}</code>"
                                             for n in shown).rsplit(", ", 1)),
                verb="is" if len(shown) == 1 else "are", link=link) + "."
        out = f'<span class="ld-tip__calc">{calc}</span>'
        return out + (f'<span class="ld-tip__more">{text}</span>' if text else "")


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
    maths: dict[tuple[int, int, str], list[tuple[int, str, bool, str]]] = {}
    numbers: list[tuple[int, int, str]] = []
    givens = {g.name for g in plan.givens}
    end_ties = {it.eq.span.end_tie for it in plan.items if it.eq is not None}
    where = where if where is not None and where.html == text else HtmlMap(text)
    for k, check in by_marker.items():
        if computes_nothing(check.expr or "", givens):
            continue  # a given named where its value is ambiguous: nothing computed
        pos = text.find(marker_char(k))
        if pos < 0 or where.in_tag(pos):
            continue  # not on the page, or inside an attribute (alt, title)
        tip = d.describe(check, plan.markers[k].subs, k in end_ties)
        element = _math_element(where, pos)
        if element:
            maths.setdefault(element, []).append((pos, tip, check.ok, str(check.kind)))
        else:
            numbers.append((pos, k, title(str(check.kind), check.ok) + tip))
    edits = []
    for (start, end, tag), tips in maths.items():
        tip_id = f"ld-{by_marker_key(text, min(tips)[0])}"
        kinds = {kind for *_, kind in tips}
        tip = title(kinds.pop() if len(kinds) == 1 else "equation",
                    all(ok for _, _, ok, _ in tips)) + "".join(t for _, t, *_ in sorted(tips))
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
            f'<ld-tip class="ld-tip" data-search-exclude><span class="ld-tip__text" '
            f'id="{tip_id}">{tip}</span></ld-tip></{tag}>')


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


def reproduce_html(setup: str, package: str = "") -> str:
    """The page's reproduce control: its setup code, to paste into Python (with
    ``package`` installed, if named)."""
    code = html.escape(setup.rstrip("\n") + "\n", quote=False)
    needs = f" with <code>{html.escape(package)}</code> installed" if package else ""
    return ('<details class="ld-reproduce" id="ld-reproduce"><summary>Reproduce the numbers '
            f"on this page</summary><p>Paste this into Python{needs}, then evaluate any "
            "expression a number reveals.</p>"
            f'<div class="language-python highlight"><pre><span></span><code>{code}</code>'
            "</pre></div></details>")

