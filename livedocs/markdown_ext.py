"""Python-Markdown extension: check every number a reader sees, while the page renders.

In ``mkdocs.yml`` (paths are relative to the config file)::

    markdown_extensions:
      - livedocs.markdown_ext:
          seed: tests/fixtures/seed_answers.txt
          bibliography: docs/references.bib
          references: references.md

**How.**  A preprocessor (priority 29, right after ``normalize_whitespace``) replaces every
marker by a placeholder character (:mod:`livedocs.checker.source`) and ends the page with the
:data:`~livedocs.marks.PAGE_END` paragraph.  The page then renders with the site's own
extensions.  A postprocessor (priority 25: after raw HTML is restored, before
``rnnsite.mathml`` turns the math into MathML) hands the page to
:func:`livedocs.pipeline.check` and applies the ``fail`` policy to its report.  An inline
pattern turns ``[@key]`` citations into links (:mod:`livedocs.bib`).  The page's name
and front matter come from whatever renders it (:func:`livedocs.page.page_info`).

**Failures** (option ``fail``):

- ``raise`` (the default): a page with a finding raises :class:`LiveNumberError` (a
  ``BuildError`` when MkDocs or ProperDocs runs), listing every finding: the build fails
  whatever its verbosity or strictness;
- ``show`` (``mkdocs serve``, set by :mod:`livedocs.mkdocs_hook`): the page is served
  with each finding in a visible error box at its place, and each is logged as an ERROR;
- ``report``: nothing raised or logged; the report is left on the Markdown instance as
  ``md.livedocs_report`` (the pytest renderer, :mod:`livedocs.render`).
"""

from __future__ import annotations

import logging
import re
import sys
import xml.etree.ElementTree as etree
from dataclasses import replace
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from . import bib as _bib
from .checker.source import prepare
from .htmlmap import HtmlMap, lone_paragraphs, splice
from .marks import BIBLIOGRAPHY, EXEMPT_CLOSE, EXEMPT_OPEN, PAGE_END, strip_marks
from .messages import Msg, say
from .page import PageInfo, body_offset, config_dir, nav_labels, page_info
from .pipeline import Options, RenderedPage, check
from .report import PageReport
from .show import show_findings

__all__ = ["LiveNumbersExtension", "LiveNumberError", "makeExtension", "log", "FAIL_MODES",
           "config_relative", "show_findings", "nav_labels"]

log = logging.getLogger("mkdocs.plugins.livedocs")
FAIL_MODES = ("raise", "show", "report")


class LiveNumberError(ValueError):
    """A page has numbers, equations or markup that do not check out."""


def _error(message: str) -> LiveNumberError:
    """The error to raise: also a ``BuildError`` of MkDocs (or ProperDocs, which answers to
    ``mkdocs.*`` imports) when one runs, so that it reports the message without a
    traceback."""
    for name in ("mkdocs.exceptions", "properdocs.exceptions"):
        module = sys.modules.get(name)
        base = getattr(module, "BuildError", None)
        if isinstance(base, type):
            return type("LiveNumberBuildError", (base, LiveNumberError), {})(message)
    return LiveNumberError(message)


class _Page:
    """What the extension learns about the page being rendered, reset with the instance."""

    def __init__(self) -> None:
        self.info: PageInfo | None = None
        self.prep = None
        self.cited: set[str] = set()
        self.cite_errors: list[tuple[str, str]] = []


class _Prepare(Preprocessor):
    def __init__(self, md: Markdown, ext: LiveNumbersExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        page = self.ext.page
        info = page_info(self.md)
        if info.source is not None:
            info = replace(info, offset=body_offset(info.source, lines))
        page.info = info
        page.prep = prepare("\n".join(lines))
        lines = page.prep.text.split("\n")
        lines = [BIBLIOGRAPHY if line.strip() == "<!-- bibliography -->" else line
                 for line in lines]
        return [*lines, "", PAGE_END]


class _Bibliography(BlockProcessor):
    """``<!-- bibliography -->`` alone on its lines: the reference list, built as elements
    so that MkDocs sees the ``#ref-KEY`` anchors."""

    def __init__(self, parser: Any, ext: LiveNumbersExtension) -> None:
        super().__init__(parser)
        self.ext = ext

    def test(self, parent: etree.Element, block: str) -> bool:
        return block.strip() == BIBLIOGRAPHY

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        blocks.pop(0)
        parent.append(etree.fromstring(_bib.bibliography_html(self.ext.entries())))


class _Cite(InlineProcessor):
    def __init__(self, pattern: str, md: Markdown, ext: LiveNumbersExtension,
                 textual: bool) -> None:
        super().__init__(pattern, md)
        self.ext = ext
        self.textual = textual

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[Any, int, int]:  # noqa: N802
        keys = [k.strip() for k in m.group(1).split(";")]
        entries = self.ext.entries()
        page = self.ext.page
        parts = []
        for raw in keys:
            key = raw.lstrip("-").lstrip("@")
            if key not in entries:
                page.cite_errors.append((f"@{key}", say(Msg.CITATION_UNKNOWN, key=key)))
                return None, m.start(0), m.end(0)
            page.cited.add(key)
            parts.append((key, _bib.cite_text(entries[key], self.textual, raw.startswith("-"))))
        for problem in _bib.repeated_authors(data[: m.start(0)], [entries[k] for k, _ in parts],
                                             self.textual, keys):
            page.cite_errors.append((m.group(0), problem))
        el = etree.Element("span", {"class": "citation"})
        el.text = EXEMPT_OPEN + ("" if self.textual else "(")
        src_uri = page.info.src_uri if page.info else None
        for n, (key, text) in enumerate(parts):
            a = etree.SubElement(el, "a", {"href": _bib.cite_href(
                self.ext.getConfig("references"), src_uri, key)})
            a.text = text
            a.tail = "; " if n < len(parts) - 1 else ""
        last = el[-1]
        last.tail = (last.tail or "") + ("" if self.textual else ")") + EXEMPT_CLOSE
        return el, m.start(0), m.end(0)


class _Check(Postprocessor):
    def __init__(self, md: Markdown, ext: LiveNumbersExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, text: str) -> str:
        page = self.ext.page
        if PAGE_END not in text or page.info is None or page.prep is None:
            return strip_marks(text)  # a fragment (a heading rendered for the TOC)
        text = splice(text, lone_paragraphs(HtmlMap(text), PAGE_END)).replace(PAGE_END, "")
        toc = getattr(self.md, "toc_tokens", [])
        rendered = RenderedPage(info=page.info, html=text, prep=page.prep,
                                cited=frozenset(page.cited),
                                cite_errors=tuple(page.cite_errors),
                                toc_labels=tuple(_toc_labels(toc)),
                                nav_labels=tuple(nav_labels(self.md, page.info)))
        report = check(rendered, self.ext.options())
        _clean_toc(toc)
        self.md.livedocs_report = report  # type: ignore[attr-defined]
        return self.ext.apply_policy(report, rendered)


def _toc_labels(tokens: list[dict[str, Any]]) -> list[str]:
    out = []
    for tok in tokens:
        if isinstance(tok.get("data-toc-label"), str) and tok["data-toc-label"]:
            out.append(tok["data-toc-label"])
        out += _toc_labels(tok.get("children", []))
    return out


def _clean_toc(tokens: list[dict[str, Any]]) -> None:
    for tok in tokens:
        for key in ("name", "html", "data-toc-label"):
            if isinstance(tok.get(key), str):
                tok[key] = strip_marks(tok[key])
        _clean_toc(tok.get("children", []))


class LiveNumbersExtension(Extension):
    """The live-numbers extension (options: see ``self.config``)."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "fail": ["raise", "'raise': a finding fails the page (and the build); 'show': "
                              "the page shows each finding in an error box, and logs it; "
                              "'report': leave the report on md.livedocs_report"],
            "seed": ["", "the student's answers; quotes of them are compared with it"],
            "bibliography": ["", "a BibTeX file; pages cite its keys as [@key]"],
            "references": ["references.md", "the page (relative to docs/) that lists them"],
            "api": ["", "the API reference's folder under docs/ (or its one page); "
                        "revealed expressions link the functions it documents"],
            "config_dir": ["", "relative paths are taken from here (default: the folder of "
                               "the MkDocs config file, else the working directory)"],
            "sci_math": [False, "show a live number in prose scientific notation "
                                "(5.2 × 10⁻³) as inline math, as the same number is shown "
                                "in math (needs pymdownx.arithmatex, generic)"],
            "reproduce_with": ["", "the package a reader installs to run a page's setup, "
                                   "named in its reproduce box"],
        }
        super().__init__(**kwargs)
        if self.getConfig("fail") not in FAIL_MODES:
            raise ValueError(f"livedocs.markdown_ext: fail must be one of {FAIL_MODES}, "
                             f"got {self.getConfig('fail')!r}")
        self.page = _Page()
        self.md: Markdown | None = None

    def path(self, key: str) -> str | None:
        value = self.getConfig(key)
        if not value:
            return None
        base = self.getConfig("config_dir") or (config_dir(self.md) if self.md else None)
        return str(config_relative(str(value), str(base) if base else None))

    def options(self) -> Options:
        ctx = self.md.preprocessors["rendering_context"] if self.md is not None and \
            "rendering_context" in self.md.preprocessors else None
        cache = getattr(getattr(ctx, "page", None), "setup_cache", None)
        return Options(seed=self.path("seed"), api=self.path("api"), setup_cache=cache,
                       sci_math=bool(self.getConfig("sci_math")),
                       reproduce_with=str(self.getConfig("reproduce_with")))

    def entries(self) -> dict[str, _bib.Entry]:
        path = self.path("bibliography")
        if not path:
            return {}
        try:
            return _bib.load(path)
        except Exception as exc:  # noqa: BLE001 (pybtex raises many kinds; report, don't crash)
            self.page.cite_errors.append(("", say(Msg.BIBLIOGRAPHY_UNREADABLE, path=path,
                                                  error=f"{type(exc).__name__}: {exc}")))
            return {}

    def apply_policy(self, report: PageReport, rendered: RenderedPage) -> str:
        mode = self.getConfig("fail")
        if report.ok or mode == "report":
            return report.html
        messages = [c.message for c in report.failures]
        if mode == "raise":
            raise _error(f"{len(messages)} finding(s) of the live-number checks:\n"
                         + "\n".join(messages))
        for message in messages:
            log.error(message)
        return show_findings(report, rendered)

    def reset(self) -> None:
        self.page = _Page()
        if self.md is not None:
            self.md.livedocs_report = None  # type: ignore[attr-defined]

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.registerExtension(self)
        self.md = md
        md.preprocessors.register(_Prepare(md, self), "livedocs", 29)
        md.parser.blockprocessors.register(_Bibliography(md.parser, self), "livedocs_bib", 95)
        md.inlinePatterns.register(_Cite(_bib.CITE_RE, md, self, False), "livedocs_cite", 175)
        md.inlinePatterns.register(_Cite(_bib.TEXT_CITE_RE, md, self, True),
                                   "livedocs_textcite", 174)
        md.postprocessors.register(_Check(md, self), "livedocs", 25)


def config_relative(path: str, config_dir: str | None = None) -> Path:
    """``path`` relative to ``config_dir`` (the site's config file's folder), else as is
    (relative to the working directory)."""
    p = Path(path)
    return p if p.is_absolute() or not config_dir else Path(config_dir) / p


def makeExtension(**kwargs: Any) -> LiveNumbersExtension:  # noqa: N802 (Markdown's API name)
    """Entry point for ``markdown_extensions: [livedocs.markdown_ext]``."""
    return LiveNumbersExtension(**kwargs)

