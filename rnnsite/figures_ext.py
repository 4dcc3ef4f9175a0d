"""Python-Markdown extension: embed a figure of :mod:`rnnnotes.figures` with one line.

In a page, alone in its paragraph::

    ![What the figure shows, for a reader who cannot see it](figure:unrolled_graph "Caption")

becomes::

    <figure class="rnnnotes-figure">
      <style>(the figure's colours per palette)</style><svg width="W" height="H"
        viewBox="..." role="img" aria-label="What ...">...</svg>
      <figcaption>Caption</figcaption>
    </figure>

The SVG is inlined once (:mod:`rnnsite.figure_inline`): its colours that differ between
Material's two palettes are CSS variables set by the page's scheme, so one copy serves
both, and its every text is glyph outlines (STIX on every device, no font needed). The page
needs no extra file and makes no request. The caption is optional and is Markdown (math
and emphasis work); the alt text is required and is plain text (the SVG's ``aria-label``).
Numbers in either are page text like any other: the live numbers extension checks them
(write them live, ``45<!--= expr -->``; the marker is gone from the label, and shown as a
live number in the caption).

In ``mkdocs.yml``::

    markdown_extensions:
      - rnnsite.figures_ext           # or, to stop at the first bad figure:
      - rnnsite.figures_ext:
          fail: raise

Errors, each naming the page, the line and the figure: an unknown figure name, an empty
alt text, a ``figure:`` image that is not alone in its paragraph (inline in a sentence or
with text around it). With ``fail: warn`` (default) each is a WARNING on the logger
``mkdocs.plugins.livedocs.figures`` (``mkdocs build --strict`` aborts) and the figure is
replaced by a visible error; with ``fail: raise`` a :class:`FigureError` stops the page.

Two treeprocessors: ``figures`` (priority 25, before the inline patterns at 20, so the
caption is then parsed as Markdown and the alt and caption text end up in ordinary HTML
attributes and elements before any postprocessor runs) turns each figure paragraph into a
``<figure>``; ``figures_check`` (priority 19, after them) reports any ``figure:`` image
left over. A Markdown extension rather than a MkDocs plugin: Zensical runs extensions.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from rnnsite.notebooks_lazy import defer_converter

__all__ = ["PENDING", "PENDING_CLASS", "FigureError", "FiguresExtension", "figure_html", "log",
           "makeExtension"]

# MkDocs imports this extension before its plugins: mkdocs-jupyter's converter is then
# imported only when a notebook page is converted (see rnnsite/notebooks_lazy.py).
defer_converter()

log = logging.getLogger("mkdocs.plugins.livedocs.figures")
FAIL_MODES = ("warn", "raise")
SCHEME = "figure:"

# The whole paragraph: ![alt](figure:NAME "caption"), caption optional. Backslash escapes
# are allowed in both texts (\] in the alt, \" in the caption).
_FIGURE = re.compile(
    r'\A\s*!\[(?P<alt>(?:[^\]\\]|\\.)*)\]\(\s*figure:(?P<name>[^\s")]*)'
    r'(?:\s+"(?P<caption>(?:[^"\\]|\\.)*)")?\s*\)\s*\Z',
    re.S,
)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # Markdown's backslash escapes of ASCII punctuation


class FigureError(ValueError):
    """A figure embedded on a page is unknown, has no alt text or is not alone in its line."""


def figure_html(name: str, alt: str) -> str:
    """Figure ``name`` as HTML for a page: the style of its colours per palette and the
    SVG itself (:mod:`rnnsite.figure_inline`), labelled with ``alt``.

    The SVG comes from :func:`rnnsite.figure_store.drawing` (drawn once per change of the
    code, and cached across builds); its ids get a prefix of its own, ``f<n>-`` for the
    figure's place among all figures, so no two figures (nor the PDF book) share an id.
    """
    from rnnsite.figure_inline import inline_svg, palette_style
    from rnnsite.figure_store import drawing

    drawn = drawing(name)
    prefix = f"f{_figure_names().index(name)}-"
    return palette_style(drawn.palette) + inline_svg(drawn.svg, prefix, alt, drawn.size)


def _figure_names() -> tuple[str, ...]:
    from rnnsite.figure_store import names

    return names()


class _PageMixin:
    md: Markdown
    fail: str

    def _page(self) -> tuple[str, str]:
        """``(page name, page source)``: ``docs/<src_uri>`` under MkDocs, else the first
        ``# `` heading of the source (or ``<page>``)."""
        relpath = self.md.treeprocessors["relpath"] if "relpath" in self.md.treeprocessors \
            else None
        file = getattr(relpath, "file", None)
        src_uri = getattr(file, "src_uri", None)
        source = "\n".join(getattr(self.md, "lines", []))
        if file is not None and src_uri:
            try:
                source = file.content_string
            except (OSError, UnicodeDecodeError, AssertionError):
                pass
            return f"docs/{src_uri}", source
        heading = re.search(r"^# (.+?)\s*#*\s*$", source, re.M)
        return (heading.group(1) if heading else "<page>"), source

    def _report(self, problem: str, name: str) -> str:
        page, source = self._page()
        lines = [i for i, line in enumerate(source.splitlines(), 1) if f"{SCHEME}{name}" in line]
        where = f"{page}:{lines[0]}" if lines else page
        message = f"{where}: figure {name!r}: {problem}"
        if self.fail == "raise":
            raise FigureError(message)
        log.warning(message)
        return message


def _error_paragraph(message: str) -> etree.Element:
    p = etree.Element("p", {"class": "rnnnotes-figure-error"})
    strong = etree.SubElement(p, "strong")
    strong.text = "Figure error: "
    strong.tail = AtomicString(message)  # shown as is: no inline Markdown (it quotes syntax)
    return p


class FigureTreeprocessor(_PageMixin, Treeprocessor):
    """Replace every paragraph ``![alt](figure:NAME "caption")`` by a ``<figure>``."""

    def __init__(self, md: Markdown, fail: str) -> None:
        super().__init__(md)
        self.fail = fail

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag != "p" or len(child) or not child.text:
                    continue
                m = _FIGURE.match(child.text)
                if m is not None:
                    parent.remove(child)
                    parent.insert(index, self._figure(m, child.tail))

    def _figure(self, m: re.Match[str], tail: str | None) -> etree.Element:
        name = m.group("name")
        alt = " ".join(_ESCAPE.sub(r"\1", m.group("alt")).split())
        caption = m.group("caption")
        if alt and _served_before_drawn(name):  # its name is checked when it is drawn
            return _placeholder(alt, caption, tail)
        names = _figure_names()
        problem = None
        if name not in names:
            problem = f"no such figure; the figures are {', '.join(names)}"
        elif not alt:
            problem = ("the alt text is empty; say in words what the figure shows, "
                       f"as ![what it shows]({SCHEME}{name})")
        if problem is not None:
            error = _error_paragraph(self._report(problem, name))
            error.tail = tail
            return error
        figure = etree.Element("figure", {"class": "rnnnotes-figure"})
        # raw HTML, put back by Python-Markdown after every treeprocessor has run
        figure.text = AtomicString(self.md.htmlStash.store(figure_html(name, alt)) + "\n")
        _caption(figure, caption)
        figure.tail = tail
        return figure


def _caption(figure: etree.Element, caption: str | None) -> None:
    if caption is not None and caption.strip():
        figcaption = etree.SubElement(figure, "figcaption")
        figcaption.text = _ESCAPE.sub(r"\1", caption).strip()
        figcaption.tail = "\n"


def _placeholder(alt: str, caption: str | None, tail: str | None) -> etree.Element:
    """A figure still being drawn (``mkdocs serve`` only): a notice, the alt text where a
    screen reader finds it (and its live numbers, checked as on the figure), the caption."""
    figure = etree.Element("figure", {"class": f"rnnnotes-figure {PENDING_CLASS}"})
    figure.text = "\n"
    notice = etree.SubElement(figure, "p")
    etree.SubElement(notice, "span", {"role": "img", "aria-label": alt}).tail = PENDING
    notice.tail = "\n"
    _caption(figure, caption)
    figure.tail = tail
    return figure


PENDING_CLASS = "rnnnotes-figure-pending"  # the <figure> of one still being drawn
PENDING = ("This figure is being drawn. The page reloads by itself when it is done "
           "(mkdocs serve only: mkdocs build always waits for every figure).")


def _served_before_drawn(name: str) -> bool:
    """Under ``mkdocs serve`` only (:data:`rnnsite.serving.SERVING`), when figure ``name``
    is still being drawn by the worker: the server is told to rebuild once every figure is
    drawn, the page is kept out of the build cache, and True (show a placeholder). Anywhere
    else (``mkdocs build``, strict or not) the page waits for its figure: False."""
    from rnnsite.serving import SERVING

    if not SERVING.active:
        return False
    from livedocs.reads import unrecorded
    from rnnsite.figure_store import all_drawn, being_drawn

    if being_drawn(name) is None:
        return False
    if SERVING.wait_for(all_drawn(), "Figures", log):
        log.info("Figures: still being drawn, served as placeholders for now; the pages "
                 "reload when they are done")
    with unrecorded("a figure still being drawn"):  # a key covers none: the page is not
        pass  # stored, and the next build renders it again
    return True


class FigureCheckTreeprocessor(_PageMixin, Treeprocessor):
    """After the inline patterns: a ``figure:`` image still here was not alone in its
    paragraph (or was malformed), so it was never embedded."""

    def __init__(self, md: Markdown, fail: str) -> None:
        super().__init__(md)
        self.fail = fail

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag != "img" or not (child.get("src") or "").startswith(SCHEME):
                    continue
                name = child.get("src")[len(SCHEME):]
                message = self._report(
                    "a figure must stand alone in its paragraph, as "
                    f'![alt text]({SCHEME}{name} "caption"), with a blank line before and '
                    "after", name)
                error = etree.Element("strong", {"class": "rnnnotes-figure-error"})
                error.text = f"Figure error: {message}"
                error.tail = child.tail
                parent.remove(child)
                parent.insert(index, error)


class FiguresExtension(Extension):
    """Register the two treeprocessors; config ``fail``: ``"warn"`` | ``"raise"``."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "fail": ["warn", "'warn': log each bad figure as a WARNING (mkdocs --strict "
                             "aborts); 'raise': raise FigureError"],
        }
        super().__init__(**kwargs)
        fail = self.getConfig("fail")
        if fail not in FAIL_MODES:
            raise ValueError(f"rnnsite.figures_ext: fail must be one of {FAIL_MODES}, "
                             f"got {fail!r}")

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API name)
        fail = self.getConfig("fail")
        md.treeprocessors.register(FigureTreeprocessor(md, fail), "figures", 25)
        md.treeprocessors.register(FigureCheckTreeprocessor(md, fail), "figures_check", 19)


def makeExtension(**kwargs: Any) -> FiguresExtension:  # noqa: N802 (Markdown's API name)
    """Entry point for ``markdown_extensions: [rnnsite.figures_ext]``."""
    return FiguresExtension(**kwargs)
