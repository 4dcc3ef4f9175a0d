"""Shape the search index so that each result says what it is (an MkDocs hook).

Material's search plugin indexes each page's HTML, section by section, when the page's
context is made (``on_page_context``). Read raw, this site's pages give poor results:
three notebooks titled alike, math flattened to its tokens (``c t − 1``), the notebooks'
heading anchors (``¶``) in titles, and the summary's table as one wall of text. This hook
hands the search plugin a version of each page made for the index, then puts the page
back as it was before it is written:

- **Titles name the page and its task.** A page under a "Task" section of the nav is
  indexed as "Task 1.1, Q1: weights"; a title that already names its task ("Task 1.1
  notebook", "1.1 Q1 · unrolled RNN": the nav's question titles) is kept.
- **Math reads as written**: each ``<math>`` becomes a line, ``c_{t−1}``, ``‖∂h_T/∂h_t‖``,
  ``(20·128 + 128·10)·5 = 12,800`` (:func:`linear`), numbers kept whole, its scripts in the
  ``<sub>``/``<sup>`` Material's index keeps and its results show (:func:`marked`); the
  index splits words at tags as at ``_{}``, so a search for ``c_{t−1}`` finds it.
- **No "¶"** nor other heading anchors.
- **Tables of answers, row by row**: each row of a ``<div class="answers-table">`` that
  has a reason column (the summary) is its own result, titled by the row's answer and
  question, linking to the row (this hook gives each row an ``id``). Any other table is
  a paragraph a row, its cells apart (`` · ``).
- **Content tabs**: each tab's label heads its content (``PyTorch: …``), not all labels
  run together ("PyTorchKeras"); text outside any paragraph (a display equation) is made
  one (:func:`paragraphs`), so that a result shows it whole.

In ``mkdocs.yml``: ``hooks: [rnnsite/search_index.py]``. Zensical ignores hooks; there
the index is Material's own.
"""

from __future__ import annotations

import html
import re
from xml.etree import ElementTree

from mkdocs.plugins import CombinedEvent, event_priority

__all__ = ["linear", "marked", "searchable", "row_ids", "qualified_title", "paragraphs"]

_MATH = re.compile(r"<math\b[^>]*>.*?</math>", re.DOTALL)
# What a reader never reads as the page's text: heading anchors, hidden elements (a copy
# button's "Copied!") and a notebook cell's "In [1]:" prompt.
_ANCHOR = re.compile(r'<a class="(?:anchor-link|headerlink)"[^>]*>.*?</a>|<(span|div)\b[^>]*'
                     r'(?:\shidden\b|class="jp-(?:In|Out)putPrompt\b)[^>]*>[^<]*</\1>', re.DOTALL)
_PILCROW = re.compile(r"\s*¶")
_TABLE = re.compile(r'(<div class="answers-table"[^>]*>)(.*?)(</div>)', re.DOTALL)
_ROW = re.compile(r"<tr\b([^>]*)>(.*?)</tr>", re.DOTALL)
_CELL = re.compile(r"<td\b[^>]*>(.*?)</td>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_TABLES = re.compile(r"<table\b[^>]*>.*?</table>", re.DOTALL)
_ANY_CELL = re.compile(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", re.DOTALL)
_TABBED = re.compile(r'<div class="tabbed-labels[^"]*">(?P<labels>.*?)</div>'
                     r'|(?P<block><div class="tabbed-block">)(?P<rest>\s*(?:<p>)?)',
                     re.DOTALL)
_INDEX_PART = re.compile(r"<(?P<close>/?)(?P<tag>[a-z0-9]+)>|[^<]+")
_BLOCKS = {"p", "pre", "ul", "ol", "li"}  # of the tags Material's index keeps
_LABEL = re.compile(r"<label\b[^>]*>(.*?)</label>", re.DOTALL)
_SPACE = re.compile(r"\s+")
# Operators written with spaces around them on the line (not inside scripts).
_SPACED = set("=<>≤≥≈≠≡∼→←↦+−±∓×·⊙∈⇒⇔")
_SCRIPTS = {"msub": ("_",), "msup": ("^",), "msubsup": ("_", "^"),
            "munder": ("_",), "mover": ("^",), "munderover": ("_", "^")}
_TAGS = {"_": "sub", "^": "sup"}
# Accents over (or under) one letter, as combining marks: h̃, x̂, h⃗.
# (rnnsite/math_accents.py writes ˆ and ˜, the math font's spacing accents)
_ACCENTS = {"~": "\u0303", "^": "\u0302", "˜": "\u0303", "ˆ": "\u0302", "¯": "\u0304",
            "→": "\u20d7", "←": "\u20d6", "˙": "\u0307", "¨": "\u0308"}


def _text(el: ElementTree.Element, top: bool, marked: bool = False) -> str:
    """The math under ``el`` as a line: TeX-like (``c_{t−1}``), or ``marked`` as the HTML
    the search results show (``c<sub>t−1</sub>``, text escaped)."""
    tag = el.tag
    if tag in ("mi", "mn", "mtext", "ms"):
        leaf = (el.text or "").strip()
        return html.escape(leaf, quote=False) if marked else leaf
    if tag == "mo":
        op = (el.text or "").strip()
        shown = html.escape(op, quote=False) if marked else op
        return f" {shown} " if top and op in _SPACED else shown
    if tag == "mspace":
        return " "
    kids = list(el)
    if tag in _SCRIPTS:
        out = _text(kids[0], top, marked)
        for mark, script in zip(_SCRIPTS[tag], kids[1:], strict=False):
            inner = _text(script, False, marked)
            accent = _ACCENTS.get(inner) if tag in ("mover", "munder") else None
            if marked and accent and len(out) == 1:
                out += accent  # h̃, x̂: the accent on its letter
            elif marked:
                out += f"<{_TAGS[mark]}>{inner}</{_TAGS[mark]}>" if inner else ""
            else:
                out += f"{mark}{inner}" if len(inner) == 1 else f"{mark}{{{inner}}}"
        return out
    if tag == "mfrac" and len(kids) == 2:  # the index splits words at "/"
        return f"{_group(kids[0], marked)}/{_group(kids[1], marked)}"
    if tag == "msqrt":
        inner = "".join(_text(kid, False, marked) for kid in kids)
        return f"√{inner}" if _bare(inner) else f"√({inner})"
    if tag == "mroot" and len(kids) == 2:
        return f"root({_text(kids[0], top, marked)}, {_text(kids[1], top, marked)})"
    if tag == "mtable":
        return "; ".join(_text(row, top, marked) for row in kids)
    return "".join(_text(kid, top, marked) for kid in kids)


def _bare(inner: str) -> bool:
    """Whether ``inner`` needs no brackets around it (one sign, or a word)."""
    return len(inner) <= 1 or inner.isalnum()


def _group(el: ElementTree.Element, marked: bool = False) -> str:
    inner = _text(el, False, marked)
    return inner if _bare(_TAG.sub("", inner)) else f"({inner})"


def _parse(mathml: str) -> ElementTree.Element:
    return ElementTree.fromstring(re.sub(r'\sxmlns="[^"]*"', "", mathml, count=1))


def linear(mathml: str) -> str:
    """One ``<math>`` element as a line of text, as it is written: ``c_{t−1}``."""
    return _SPACE.sub(" ", _text(_parse(mathml), True)).strip()


def marked(mathml: str) -> str:
    """One ``<math>`` element as the search results show it, in the HTML Material's index
    keeps (sub- and superscripts): ``c<sub>t−1</sub>``. Its words are those of
    :func:`linear` (the index splits words at tags as at ``_{}``), so either form finds it."""
    return _SPACE.sub(" ", _text(_parse(mathml), True, marked=True)).strip()


def _marked_html(match: re.Match[str]) -> str:
    try:
        return marked(match[0])
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
    """The page's HTML as the index should read it: math as written, nothing unread, and each
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
    content = _TABLES.sub(_table_rows, content)
    content = _tab_labels(content)
    return _MATH.sub(_marked_html, content)


def _table_rows(m: re.Match[str]) -> str:
    """A table as the index reads it: a paragraph a row, its cells apart (`` · ``)."""
    rows = []
    for r in _ROW.finditer(m[0]):
        cells = [c.strip() for c in _ANY_CELL.findall(r[2]) if _plain(c)]
        if cells:
            rows.append("<p>" + " · ".join(cells) + "</p>")
    return "".join(rows)


def _tab_labels(content: str) -> str:
    """Content tabs (pymdownx.tabbed) with each tab's label at the head of its content,
    ``PyTorch: …``, instead of all labels run together before them ("PyTorchKeras")."""
    pending: list[list[str]] = []  # the labels of each open tab set, innermost last

    def one(m: re.Match[str]) -> str:
        if m["labels"] is not None:
            pending.append([_plain(x) for x in _LABEL.findall(m["labels"])])
            return ""
        while pending and not pending[-1]:
            pending.pop()
        if not pending:
            return m[0]
        label = html.escape(pending[-1].pop(0), quote=False)
        if m["rest"].endswith("<p>"):
            return f"{m[0]}{label}: "
        return f"{m['block']}<p>{label}:</p>{m['rest']}"
    return _TABBED.sub(one, content)


def paragraphs(text: str) -> str:
    """An index entry's text with every run of text outside Material's block tags (a
    display equation, a caption) made a paragraph of its own.

    Material's result shows the one or two top-level blocks of a text that match; text
    outside any block, with a ``<sub>`` in it, would be cut at the ``<sub>``."""
    out: list[str] = []
    run: list[str] = []
    stack: list[str] = []
    for m in _INDEX_PART.finditer(text):
        tag, closing = m["tag"], m["close"] == "/"
        if not stack and tag in _BLOCKS and not closing:
            out.append(_run(run))
            run = []
        (out if (stack[0] if stack else tag) in _BLOCKS else run).append(m[0])
        if tag and closing and stack:
            stack.pop()
        elif tag and not closing:
            stack.append(tag)
    out.append(_run(run))
    return "".join(out)


def _run(run: list[str]) -> str:
    text = "".join(run)
    return f"<p>{text.strip()}</p>" if text.strip() else text


def qualified_title(title: str, section: str | None) -> str:
    """A page's title in the index: its nav title, after its task's name if it has one
    and does not already say it."""
    # (no-break spaces that keep a title's words together on the page: plain ones here)
    title = _PILCROW.sub("", title).replace("\u00a0", " ").strip()
    if (section and section.startswith("Task") and section not in title
            and not title.startswith(section.removeprefix("Task ") + " ")):  # "1.1 Q1 · ..."
        return f"{section}, {title}"
    return title


_KEPT: dict[int, tuple[str, str]] = {}


def on_page_content(html_text: str, page, config, files) -> str:  # MkDocs hook
    """Give each row of a table of answers an ``id`` (in the page itself)."""
    return row_ids(html_text)


@event_priority(100)  # before the search plugin indexes the page (priority 0)
def _index_this(context, page, config, nav):
    _KEPT[id(page)] = (page.content, page.title)
    # no-break spaces (words kept together on the page) are plain spaces to search
    page.content = searchable(page.content or "").replace("\u00a0", " ").replace("&nbsp;", " ")
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
        doc["text"] = paragraphs(doc["text"])
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
