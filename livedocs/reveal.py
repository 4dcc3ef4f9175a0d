"""Show the work: every checked number reveals the expression that computed it.

After a page's checks have run, :func:`decorate` wraps each live number, and each math span
whose result is tied, in::

    <span class="ld-wrap">
      <span class="ld" tabindex="0" aria-describedby="ld-7">19,712</span>
      <span class="ld-tip" id="ld-7">Computed live: <code>per_unit(T_A).total</code>,
        where <code>per_unit = lambda T, **kw: unrolled_weights(...)</code>,
        with T_A = 5, D = 20, H = 128, K = 10.</span>
    </span>

(``div`` instead of ``span`` around display math).  The description is generated from the
very checks that ran, so what a reader is shown is what was checked; functions of
``rnnnotes`` link to their entries in the API reference.  CSS shows the description on
hover, on keyboard focus and on tap (``assets/livedocs.css``); a little JS keeps it inside
the viewport (``assets/livedocs.js``).  Screen readers get it through
``aria-describedby``; print hides it.

:func:`reproduce_html` is the page's "reproduce" control: its setup block, ready to paste
into Python with ``rnnnotes`` installed.
"""

from __future__ import annotations

import ast
import html
import importlib
import posixpath
import re
from functools import cache
from pathlib import Path
from typing import Any

from ._givens import Given
from ._marks import marker_char
from ._plan import PagePlan
from ._run import Check
from ._source import Prepared

__all__ = ["decorate", "reproduce_html", "api_objects", "page_url_dir"]

_IDENT = re.compile(r"(?<![\w.])[A-Za-z_]\w*")


@cache
def api_objects(api_md: str) -> dict[int, str]:
    """``id(object) -> dotted path`` of every object the API page documents (``::: path``)."""
    out: dict[int, str] = {}
    try:
        text = Path(api_md).read_text(encoding="utf-8")
    except OSError:
        return out
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
        out.setdefault(id(obj), path)
    return out


def page_url_dir(src_uri: str) -> str:
    """The directory a page is served from (directory URLs): ``a/b.md`` -> ``a/b/``."""
    stem = src_uri[: -len(Path(src_uri).suffix)] if Path(src_uri).suffix else src_uri
    if posixpath.basename(stem) in ("index", "README"):
        stem = posixpath.dirname(stem)
    return f"{stem}/" if stem else ""


def _definitions(setup: str) -> dict[str, str]:
    """Source of each top-level definition in the setup (``name -> line(s)``)."""
    try:
        tree = ast.parse(setup)
    except SyntaxError:
        return {}
    out: dict[str, str] = {}
    for stmt in tree.body:
        seg = ast.get_source_segment(setup, stmt) or ""
        if isinstance(stmt, (ast.FunctionDef, ast.ClassDef)):
            out[stmt.name] = seg
        elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(
                stmt.targets[0], ast.Name):
            out[stmt.targets[0].id] = seg
    return out


def _value(g: Given) -> str:
    if g.label is not None:
        return repr(g.label)
    v = g.value
    assert v is not None
    return str(v.numerator) if v.denominator == 1 else str(float(v))


class _Describer:
    def __init__(self, plan: PagePlan, ns: dict[str, Any], src_uri: str | None,
                 api_md: str | None, api_page: str) -> None:
        self.plan = plan
        self.ns = ns
        self.defs = _definitions(plan.setup or "")
        self.api = api_objects(api_md) if api_md else {}
        base = page_url_dir(src_uri or "")
        api_dir = page_url_dir(api_page)
        self.api_url = posixpath.relpath(api_dir or ".", base or ".") + "/"
        self.givens = {g.name: g for g in plan.givens}

    def link(self, code: str) -> str:
        """``code`` escaped, with the names of documented rnnnotes objects linked."""
        out, pos = [], 0
        for m in _IDENT.finditer(code):
            name = m.group()
            path = self.api.get(id(self.ns.get(name))) if name in self.ns else None
            out.append(html.escape(code[pos : m.start()], quote=False))
            if path:
                out.append(f'<a href="{self.api_url}#{path}">{html.escape(name)}</a>')
            else:
                out.append(html.escape(name))
            pos = m.end()
        return "".join(out) + html.escape(code[pos:], quote=False)

    def describe(self, check: Check, subs: list[tuple[str, list[object]]]) -> str:
        expr = check.expr or ""
        how = "Computed live" if check.kind == "live" else "Checked as an equation, tied to"
        shown: list[str] = []
        todo = list(dict.fromkeys(_IDENT.findall(expr)))
        names: set[str] = set(todo)
        while todo:  # helpers the expression uses, and the helpers they use
            name = todo.pop(0)
            helper = name in self.defs and name not in self.givens
            if helper and id(self.ns.get(name)) not in self.api:
                shown.append(name)
                for inner in _IDENT.findall(self.defs[name]):
                    if inner not in names:
                        names.add(inner)
                        todo.append(inner)
        parts = [f'{how}: <code>{self.link(expr)}</code>']
        if subs:
            parts.append(" for " + "; ".join(
                f"<code>{html.escape(n)}</code> in {', '.join(map(str, v))}" for n, v in subs))
        if shown:
            parts.append(", where " + ", ".join(
                f"<code>{self.link(self.defs[n])}</code>" for n in shown))
        used = [g for name, g in self.givens.items() if name.split("[")[0] in names]
        if used:
            parts.append(", with " + ", ".join(
                f"{html.escape(g.name)} = {html.escape(_value(g))}" for g in used))
        return "".join(parts) + "."


def decorate(text: str, prep: Prepared, plan: PagePlan, checks: list[Check],
             ns: dict[str, Any], src_uri: str | None, api_md: str | None,
             api_page: str = "api.md") -> str:
    """Wrap each checked number of the page in its reveal (see the module docstring).

    A math span with several ties (an aligned chain tied line by line) is wrapped once, and
    its description lists every tie.
    """
    d = _Describer(plan, ns, src_uri, api_md, api_page)
    by_marker = {c.marker: c for c in checks if c.marker is not None and c.kind in (
        "live", "equation") and c.expr}
    maths: dict[tuple[int, int, str], list[tuple[int, str]]] = {}
    numbers: list[tuple[int, int, str]] = []
    for k, check in by_marker.items():
        pos = text.find(marker_char(k))
        if pos < 0 or text.rfind("<", 0, pos) > text.rfind(">", 0, pos):
            continue  # not on the page, or inside an attribute (alt, title)
        tip = d.describe(check, plan.markers[k].subs)
        element = _math_element(text, pos)
        if element:
            maths.setdefault(element, []).append((pos, tip))
        else:
            numbers.append((pos, k, tip))
    edits = [(start, end, tag, " ".join(t for _, t in sorted(tips)), min(tips)[0])
             for (start, end, tag), tips in maths.items()]
    spots = [(e[0], "math", e) for e in edits] + [(n[0], "number", n) for n in numbers]
    for _, kind, item in sorted(spots, key=lambda x: x[0], reverse=True):
        if kind == "math":
            start, end, tag, tip, first = item
            tip_id = f"ld-{by_marker_key(text, first)}"
            text = text[:start] + _trigger(tag, text[start:end], tip_id, tip,
                                           " ld-wrap--math") + text[end:]
        else:
            pos, k, tip = item
            text = _wrap_number(text, pos, by_marker[k].written or "", f"ld-{k}", tip) or text
    return text


def by_marker_key(text: str, pos: int) -> int:
    """The marker number of the placeholder at ``pos``."""
    return ord(text[pos]) - ord(marker_char(0))


def _math_element(text: str, pos: int) -> tuple[int, int, str] | None:
    """``(start, end, tag)`` of the arithmatex element holding, or right before, ``pos``."""
    start, tag = max((text.rfind(f'<{t} class="arithmatex">', 0, pos), t) for t in ("span", "div"))
    if start < 0:
        return None
    end = text.find(f"</{tag}>", start)
    if end < 0:
        return None
    end += len(f"</{tag}>")
    if pos < end or _ONLY_MARKS.fullmatch(text, end, pos):
        return start, end, tag
    return None


_ONLY_MARKS = re.compile(r"[\U000F0000-\U000FFFFD\s]*")


def _trigger(tag: str, inner: str, tip_id: str, tip: str, extra: str = "") -> str:
    return (f'<{tag} class="ld-wrap{extra}"><{tag} class="ld" tabindex="0" '
            f'aria-describedby="{tip_id}">{inner}</{tag}><span class="ld-tip" id="{tip_id}">'
            f"{tip}</span></{tag}>")


def _wrap_number(text: str, pos: int, written: str, tip_id: str, tip: str) -> str | None:
    esc = re.escape(html.escape(written, quote=False))
    m = re.search(rf"{esc}((?:</(?:strong|em|b|i|a|span|mark|del|ins|sub|sup|code)>)*)\Z",
                  text[max(0, pos - 200) : pos])
    if not m or not written:
        return None
    start = pos - (len(m.group()))
    number = text[start : start + len(m.group()) - len(m.group(1))]
    return text[:start] + _trigger("span", number, tip_id, tip) + m.group(1) + text[pos:]


def reproduce_html(setup: str) -> str:
    """The page's reproduce control: its setup code, to paste into Python."""
    code = html.escape(setup.rstrip("\n") + "\n", quote=False)
    return ('<details class="ld-reproduce"><summary>Reproduce the numbers on this page'
            "</summary><p>Paste this into Python with <code>rnnnotes</code> installed, then "
            "evaluate any expression a number reveals.</p>"
            f'<div class="language-python highlight"><pre><span></span><code>{code}</code>'
            "</pre></div></details>")

