"""Python-Markdown extension: check every number a reader sees, while the page renders.

In ``mkdocs.yml``::

    markdown_extensions:
      - livedocs.markdown_ext:
          seed: !relative $config_dir/tests/fixtures/seed_answers.txt
          bibliography: !relative $config_dir/docs/references.bib
          references: references.md

**How.**  A preprocessor (priority 29, right after ``normalize_whitespace``) replaces every
marker by a placeholder character (:mod:`livedocs._source`).  The page then renders with
the site's own extensions.  A postprocessor (priority 25: after raw HTML is restored, before
``rnnsite.mathml`` turns the math into MathML) reads the HTML as the reader will see it
(:mod:`livedocs._html`), plans the checks (:mod:`livedocs._plan`), runs them
(:mod:`livedocs._run`) and hands on the page without placeholders and without the setup
block.  An inline pattern turns ``[@key]`` citations into links (:mod:`livedocs._bib`).

``pytest`` renders each page through this same extension (:mod:`livedocs.render`), so the
test run and the build accept and reject exactly the same pages.

**Failures** are logged as WARNINGs on ``mkdocs.plugins.livedocs`` (``mkdocs build
--strict`` aborts on them), or raised as :class:`LiveNumberError` with ``fail: raise``.  It
is an extension, not an MkDocs plugin, so that Zensical runs it too.

**Docstrings.**  mkdocstrings renders each docstring with its own Markdown instance, which
runs this extension too.  A docstring is not a page: a marker in one is an error, its
numbers are not audited, and its HTML is marked as generated text for the page's audit.
"""

from __future__ import annotations

import html as htmlmod
import logging
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from . import _bib, reveal
from ._givens import givens_of
from ._html import SETUP_PREFIX, read_html
from ._marks import EXEMPT_CLOSE, EXEMPT_OPEN, marker_char, strip_marks
from ._page import PageInfo, PageReport, front_matter, load_seed
from ._plan import AuditTok, PagePlan, Planned, plan_page
from ._prose import prose_tokens
from ._run import run_plan
from ._source import Prepared, prepare

__all__ = ["LiveNumbersExtension", "LiveNumberError", "PageInfo", "PageReport",
           "makeExtension", "log", "front_matter"]

log = logging.getLogger("mkdocs.plugins.livedocs")
FAIL_MODES = ("warn", "raise")


class LiveNumberError(ValueError):
    """A page has numbers, equations or markup that do not check out."""


@dataclass
class _State:
    prep: Prepared | None = None
    page: PageInfo | None = None
    cited: set[str] = field(default_factory=set)
    cite_errors: list[tuple[str, str]] = field(default_factory=list)  # (needle, message)
    report: PageReport | None = None
    plan: PagePlan | None = None
    tree_done: bool = False  # postprocessors also run on fragments (toc) before that


def _is_docstring(md: Markdown) -> bool:
    return any(type(e).__name__ == "MkdocstringsInnerExtension" for e in md.registeredExtensions)


class _Prepare(Preprocessor):
    def __init__(self, md: Markdown, ext: LiveNumbersExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def info(self, text: str) -> PageInfo:
        if self.ext.page is not None:
            return self.ext.page
        if _is_docstring(self.md):
            return PageInfo("<docstring>", fragment=True)
        relpath = self.md.treeprocessors["relpath"] if "relpath" in self.md.treeprocessors \
            else None
        file = getattr(relpath, "file", None)
        src_uri = getattr(file, "src_uri", None)
        if file is not None and src_uri:
            docs = Path(getattr(relpath, "config", {}).get("docs_dir", "docs")).name
            info = PageInfo(f"{docs}/{src_uri}", src_uri)
            try:
                content = file.content_string
            except (OSError, UnicodeDecodeError, AssertionError, TypeError):
                return info
            body, info.meta, info.meta_lines = front_matter(content)
            info.offset = content.count("\n") - body.count("\n")
            return info
        heading = re.search(r"^# (.+?)\s*#*\s*$", text, re.M)
        return PageInfo(heading.group(1) if heading else "<page>")

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        state = self.ext.state
        state.page = self.info(text)
        state.prep = prepare(text)
        lines = state.prep.text.split("\n")
        return [_BIB_TOKEN if line.strip() == "<!-- bibliography -->" else line
                for line in lines]


_BIB_TOKEN = "\U0010FFF2"


class _Bibliography(BlockProcessor):
    """``<!-- bibliography -->`` alone on its lines: the reference list, built as elements
    so that MkDocs sees the ``#ref-KEY`` anchors."""

    def __init__(self, parser: Any, ext: LiveNumbersExtension) -> None:
        super().__init__(parser)
        self.ext = ext

    def test(self, parent: etree.Element, block: str) -> bool:
        return block.strip() == _BIB_TOKEN

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        blocks.pop(0)
        ul = etree.fromstring(_bib.bibliography_html(self.ext.entries()))
        parent.append(ul)


class _Cite(InlineProcessor):
    def __init__(self, pattern: str, md: Markdown, ext: LiveNumbersExtension,
                 textual: bool) -> None:
        super().__init__(pattern, md)
        self.ext = ext
        self.textual = textual

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[Any, int, int]:  # noqa: N802
        keys = [k.strip() for k in m.group(1).split(";")]
        entries = self.ext.entries()
        state = self.ext.state
        page = state.page
        el = etree.Element("span", {"class": "citation"})
        parts = []
        for raw in keys:
            year_only = raw.startswith("-")
            key = raw.lstrip("-").lstrip("@")
            if key not in entries:
                state.cite_errors.append((f"@{key}", f"citation @{key}: no such key in the "
                                                     "bibliography"))
                return None, m.start(0), m.end(0)
            state.cited.add(key)
            parts.append((key, _bib.cite_text(entries[key], self.textual, year_only)))
        el.text = EXEMPT_OPEN + ("" if self.textual else "(")
        for n, (key, text) in enumerate(parts):
            a = etree.SubElement(el, "a", {"href": _bib.cite_href(
                self.ext.getConfig("references"), page.src_uri if page else None, key)})
            a.text = text
            a.tail = "; " if n < len(parts) - 1 else ""
        last = el[-1]
        last.tail = (last.tail or "") + ("" if self.textual else ")") + EXEMPT_CLOSE
        return el, m.start(0), m.end(0)


class _TreeDone(Treeprocessor):
    """Runs after every other treeprocessor: from now on, postprocessors see the page."""

    def __init__(self, md: Markdown, ext: LiveNumbersExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        self.ext.state.tree_done = True


class _Check(Postprocessor):
    def __init__(self, md: Markdown, ext: LiveNumbersExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, text: str) -> str:
        state = self.ext.state
        prep, info = state.prep, state.page
        if prep is None or info is None or not state.tree_done:
            return text  # a fragment (a heading rendered by toc), not the page
        if info.fragment:
            for mk in prep.markers:
                self.ext.report_failure(f"{info.path}: a live-number marker {mk.raw!r} in a "
                                        "docstring: docstrings are not checked pages; write "
                                        "the number in a page")
            return EXEMPT_OPEN + self.clean(text, prep, set(), []) + EXEMPT_CLOSE
        page = read_html(text)
        givens = givens_of(page.setups[0]) if page.setups else []
        seed = load_seed(str(self.ext.getConfig("seed"))) if self.ext.getConfig("seed") else None
        plan = plan_page(prep, page, givens, prep.text, seed)
        for needle, msg in state.cite_errors:
            pos = prep.text.find(needle)
            line = prep.text.count("\n", 0, pos) + 1 if pos >= 0 else 1
            plan.items.append(Planned("markup", line, error=msg))
        for key in ("title", "description"):
            value = info.meta.get(key)
            if isinstance(value, str):
                line = info.meta_lines.get(key, 1) - info.offset
                plan.audit += [AuditTok(t.text, t.value, line) for t in prose_tokens(value)]
                if "<!--" in value:
                    plan.items.append(Planned("markup", line, error=f"front matter `{key}`: "
                                              "markers are not checked here"))
        plan.items.sort(key=lambda it: it.line)
        state.plan = plan
        reveal_html = text
        if self.ext.getConfig("execute"):
            ns: dict[str, Any] = {}
            report = PageReport(info.path, run_plan(plan, info.path, info.offset, ns),
                                state.cited)
            state.report = report
            api = self.ext.getConfig("api")
            reveal_html = reveal.decorate(text, prep, plan, report.checks, ns, info.src_uri,
                                          str(api) if api else None)
            if plan.setup is not None:
                reveal_html += reveal.reproduce_html(plan.setup)
            if report.failures and self.ext.getConfig("fail") == "raise":
                raise LiveNumberError("\n".join(c.message for c in report.failures))
            if self.ext.log_failures:
                for check in report.failures:
                    self.ext.report_failure(check.message)
        return self.clean(reveal_html, prep, plan.code_markers, page.setups)

    def clean(self, text: str, prep: Prepared, code_markers: set[int], setups: list[str]) -> str:
        for code in setups:
            text = text.replace(f"<!--{SETUP_PREFIX}\n{code}-->", "", 1)
        for mk in prep.markers:  # a marker shown in code is shown as written
            if mk.k in code_markers:
                ph, raw = marker_char(mk.k), htmlmod.escape(mk.raw, quote=False)
                m = re.search(re.escape(ph) + r"(\$\$|\\\]|\\end\{[A-Za-z*]+\})", text)
                if mk.moved and m:
                    text = text[: m.start()] + m.group(1) + raw + text[m.end():]
                else:
                    text = text.replace(ph, raw)
        self.clean_toc(getattr(self.md, "toc_tokens", []))
        return strip_marks(text)

    def clean_toc(self, tokens: list[dict[str, Any]]) -> None:
        for tok in tokens:
            for key in ("name", "html", "data-toc-label"):
                if isinstance(tok.get(key), str):
                    tok[key] = strip_marks(tok[key])
            self.clean_toc(tok.get("children", []))


class LiveNumbersExtension(Extension):
    """The live-numbers extension (options: see ``self.config``)."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "fail": ["warn", "'warn': log each failed check as a WARNING (mkdocs --strict "
                             "aborts); 'raise': raise LiveNumberError"],
            "seed": ["", "the student's answers; quotes of them are compared with it"],
            "bibliography": ["", "a BibTeX file; pages cite its keys as [@key]"],
            "references": ["references.md", "the page (relative to docs/) that lists them"],
            "execute": [True, "run the checks (False: only plan them)"],
            "api": ["", "the API reference's folder under docs/ (or its one page); "
                        "revealed expressions link the functions it documents"],
        }
        super().__init__(**kwargs)
        if self.getConfig("fail") not in FAIL_MODES:
            raise ValueError(f"livedocs.markdown_ext: fail must be one of {FAIL_MODES}, "
                             f"got {self.getConfig('fail')!r}")
        self.page: PageInfo | None = None  # set by livedocs.render for pytest
        self.log_failures = True  # livedocs.render returns the report instead
        self.state = _State()
        self._reported: set[str] = set()

    def entries(self) -> dict[str, _bib.Entry]:
        path = self.getConfig("bibliography")
        if not path:
            return {}
        try:
            return _bib.load(str(path))
        except Exception as exc:  # noqa: BLE001 (pybtex raises many kinds; report, don't crash)
            self.state.cite_errors.append(("", f"bibliography {path}: {type(exc).__name__}: "
                                               f"{exc}"))
            return {}

    def report_failure(self, message: str) -> None:
        if self.getConfig("fail") == "raise":
            raise LiveNumberError(message)
        if message not in self._reported or not message.startswith("<docstring>"):
            log.warning(message)
        self._reported.add(message)

    def reset(self) -> None:
        self.state = _State()

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.registerExtension(self)
        md.preprocessors.register(_Prepare(md, self), "livedocs", 29)
        md.parser.blockprocessors.register(_Bibliography(md.parser, self), "livedocs_bib", 95)
        md.inlinePatterns.register(_Cite(_bib.CITE_RE, md, self, False), "livedocs_cite", 175)
        md.inlinePatterns.register(_Cite(_bib.TEXT_CITE_RE, md, self, True),
                                   "livedocs_textcite", 174)
        md.treeprocessors.register(_TreeDone(md, self), "livedocs_tree_done", -100)
        md.postprocessors.register(_Check(md, self), "livedocs", 25)


def makeExtension(**kwargs: Any) -> LiveNumbersExtension:  # noqa: N802 (Markdown's API name)
    """Entry point for ``markdown_extensions: [livedocs.markdown_ext]``."""
    return LiveNumbersExtension(**kwargs)
