"""Shape the search index so that each result says what it is (an MkDocs hook).

Material's search plugin indexes each page's HTML, section by section, when the page's
context is made (``on_page_context``). Read raw, this site's pages give poor results:
three notebooks titled alike, math flattened to its tokens (``c t − 1``), the notebooks'
heading anchors (``¶``) in titles, and the summary's table as one wall of text. This hook
hands the search plugin a version of each page made for the index, then puts the page
back as it was before it is written:

- **Titles name the page and its task.** A page under a "Task" section of the nav is
  indexed as "Task 1.1, Q1: weights in the unrolled network"; a title that already names
  its task ("Task 1.1 notebook") is kept.
- **Math reads as written**: each ``<math>`` becomes a line of text, ``c_{t−1}``,
  ``‖∂h_T/∂h_t‖``, ``(20·128 + 128·10)·5 = 12,800`` (:func:`linear`), numbers kept whole.
- **No "¶"** nor other heading anchors.
- **Tables of answers, row by row**: each row of a ``<div class="answers-table">`` that
  has a reason column (the summary) is its own result, titled by the row's answer and
  question, linking to the row (this hook gives each row an ``id``).

In ``mkdocs.yml``: ``hooks: [rnnsite/search_index.py]``. Zensical ignores hooks; there
the index is Material's own.
"""

from __future__ import annotations

import html
import re
from xml.etree import ElementTree

from mkdocs.plugins import CombinedEvent, event_priority

__all__ = ["linear", "searchable", "row_ids", "qualified_title"]

_MATH = re.compile(r"<math\b[^>]*>.*?</math>", re.DOTALL)
_ANCHOR = re.compile(r'<a class="(?:anchor-link|headerlink)"[^>]*>.*?</a>', re.DOTALL)
_PILCROW = re.compile(r"\s*¶")
_TABLE = re.compile(r'(<div class="answers-table"[^>]*>)(.*?)(</div>)', re.DOTALL)
_ROW = re.compile(r"<tr\b([^>]*)>(.*?)</tr>", re.DOTALL)
_CELL = re.compile(r"<td\b[^>]*>(.*?)</td>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
# Operators written with spaces around them on the line (not inside scripts).
_SPACED = set("=<>≤≥≈≠≡∼→←↦+−±∓×·⊙∈⇒⇔")
_SCRIPTS = {"msub": ("_",), "msup": ("^",), "msubsup": ("_", "^"),
            "munder": ("_",), "mover": ("^",), "munderover": ("_", "^")}


def _text(el: ElementTree.Element, top: bool) -> str:
    tag = el.tag
    if tag in ("mi", "mn", "mtext", "ms"):
        return (el.text or "").strip()
    if tag == "mo":
        op = (el.text or "").strip()
        return f" {op} " if top and op in _SPACED else op
    if tag == "mspace":
        return " "
    kids = list(el)
    if tag in _SCRIPTS:
        out = _text(kids[0], top)
        for mark, script in zip(_SCRIPTS[tag], kids[1:], strict=False):
            inner = _text(script, False)
            out += f"{mark}{inner}" if len(inner) == 1 else f"{mark}{{{inner}}}"
        return out
    if tag == "mfrac" and len(kids) == 2:
        return f"{_group(kids[0])}/{_group(kids[1])}"  # the index splits words at "/"
    if tag == "msqrt":
        inner = "".join(_text(kid, False) for kid in kids)
        return f"√{inner}" if len(inner) <= 1 or inner.isalnum() else f"√({inner})"
    if tag == "mroot" and len(kids) == 2:
        return f"root({_text(kids[0], top)}, {_text(kids[1], top)})"
    if tag == "mtable":
        return "; ".join(_text(row, top) for row in kids)
    return "".join(_text(kid, top) for kid in kids)


def _group(el: ElementTree.Element) -> str:
    inner = _text(el, False)
    return inner if len(inner) <= 1 or inner.isalnum() else f"({inner})"


def linear(mathml: str) -> str:
    """One ``<math>`` element as a line of text, as it is written: ``c_{t−1}``."""
    root = ElementTree.fromstring(re.sub(r'\sxmlns="[^"]*"', "", mathml, count=1))
    return _SPACE.sub(" ", _text(root, True)).strip()


def _linear_html(match: re.Match[str]) -> str:
    try:
        return html.escape(linear(match[0]), quote=False)
    except ElementTree.ParseError:  # never fail a build over the index
        return match[0]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "row"


def _cells(row: str) -> list[str]:
    return _CELL.findall(row)


def _plain(fragment: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


def row_ids(content: str) -> str:
    """``content`` with an ``id`` on each body row of its tables of answers (for the
    index to link to), from the row's first cell: ``answer-1-1-q1``."""
    def table(m: re.Match[str]) -> str:
        def row(r: re.Match[str]) -> str:
            cells = _cells(r[2])
            if not cells or " id=" in r[1]:
                return r[0]
            return f'<tr{r[1]} id="answer-{_slug(_plain(cells[0]))}">{r[2]}</tr>'
        return m[1] + _ROW.sub(row, m[2]) + m[3]
    return _TABLE.sub(table, content)


def searchable(content: str) -> str:
    """The page's HTML as the index should read it: math as written, no anchors, and each
    row of a table of answers with a reason column as a section of its own."""
    content = _ANCHOR.sub("", content)

    def table(m: re.Match[str]) -> str:
        rows = [r for r in _ROW.finditer(m[2]) if _cells(r[2])]
        if not rows or len(_cells(rows[0][2])) < 4:
            return m[0]
        out = []
        for r in rows:
            cells = _cells(r[2])
            ident = re.search(r'id="([^"]+)"', r[1])
            label = _plain(cells[0])
            if re.match(r"\d+\.\d+\b", label):  # "1.1 Q1" is an answer of Task 1.1
                label = f"Task {label}"
            title = f"{label}: {_plain(cells[1])}"
            attr = f' id="{ident[1]}"' if ident else ""
            out.append(f"<h3{attr}>{html.escape(title, quote=False)}</h3>"
                       f"<p>{' '.join(cells[2:])}</p>")
        return "".join(out)

    content = _TABLE.sub(table, content)
    return _MATH.sub(_linear_html, content)


def qualified_title(title: str, section: str | None) -> str:
    """A page's title in the index: its nav title, after its task's name if it has one
    and does not already say it."""
    title = _PILCROW.sub("", title).strip()
    if section and section.startswith("Task") and section not in title:
        return f"{section}, {title}"
    return title


_KEPT: dict[int, tuple[str, str]] = {}


def on_page_content(html_text: str, page, config, files) -> str:  # MkDocs hook
    """Give each row of a table of answers an ``id`` (in the page itself)."""
    return row_ids(html_text)


@event_priority(100)  # before the search plugin indexes the page (priority 0)
def _index_this(context, page, config, nav):
    _KEPT[id(page)] = (page.content, page.title)
    page.content = searchable(page.content or "")
    section = page.parent.title if page.parent else None
    page.title = qualified_title(str(page.title or ""), section)
    return context


@event_priority(-100)  # after it: the page is written as it was
def _restore(context, page, config, nav):
    kept = _KEPT.pop(id(page), None)
    if kept is not None:
        # as the search plugin leaves a page it has indexed: without its data-search-* marks
        page.content = re.sub(r'\s?data-search-\w+="[^"]+"', "", kept[0] or "")
        page.title = kept[1]
    return context


on_page_context = CombinedEvent(_index_this, _restore)


def on_post_build(config) -> None:  # MkDocs hook
    """No "¶" in any title of the index (headings the swap above did not reach)."""
    import json
    from pathlib import Path

    path = Path(config["site_dir"]) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index.get("docs", []):
        doc["title"] = _PILCROW.sub("", doc["title"]).strip()
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
