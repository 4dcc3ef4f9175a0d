"""Where each figure is shown, on its function's entry in the API reference (an MkDocs
hook; design review of issue 18, round B: the Figures page showed no figure).

A page embeds figure ``NAME`` with ``![alt](figure:NAME "caption")``
(:mod:`rnnsite.figures_ext`). :func:`uses` reads every page's Markdown for those, and
:func:`on_page_content` opens the entry of ``rnnnotes.figures.NAME`` on the Figures API
page (``docs/api/figures.md``) with "Shown on" and a link to each page that shows it,
named as the navigation names it: an answer page by its label ("Task 1.1, Question 1"),
another page by its title. A figure no page shows says so. The page's other entries (the
helpers that render and recolour) are left as they are.

In ``mkdocs.yml``: ``hooks: [rnnsite/figure_uses.py]``.
"""

from __future__ import annotations

import posixpath
import re
from html import escape
from pathlib import Path

from rnnsite.answer_pages import answer_pages

__all__ = ["API_PAGE", "shown_on", "uses"]

API_PAGE = "api/figures.md"
# (the end of the alt text on: the alt may hold brackets, in a live number's expression)
_EMBED = re.compile(r"\]\(\s*figure:([A-Za-z_]\w*)")
_ENTRY = re.compile(r'<h3 id="rnnnotes\.figures\.(\w+)".*?<div class="doc doc-contents[^"]*">',
                    re.S)


def uses(docs: Path) -> dict[str, list[str]]:
    """``{figure name: [the source path of each page embedding it, sorted]}``."""
    found: dict[str, list[str]] = {}
    for path in sorted(docs.rglob("*.md")):
        src = path.relative_to(docs).as_posix()
        for name in dict.fromkeys(_EMBED.findall(path.read_text(encoding="utf-8"))):
            found.setdefault(name, []).append(src)
    return found


def _url(src: str) -> str:
    """A page's directory URL (``task-1-1/q1-unrolled-weights/``, ``""`` for the home)."""
    stem = src.removesuffix(".md")
    return "" if stem == "index" else (stem.removesuffix("/index") + "/")


def shown_on(name: str, pages: list[str], titles: dict[str, str], here: str) -> str:
    """The paragraph opening figure ``name``'s entry: links, relative to the page at URL
    ``here``, to each page in ``pages`` (source paths) under its title in ``titles``."""
    if not pages:
        return '<p class="fig-shown-on">Shown on no page of the site.</p>'
    links = [f'<a href="{escape(posixpath.relpath(_url(src) or ".", here.rstrip("/")))}/">'
             f"{escape(titles.get(src, src))}</a>" for src in pages]
    listed = links[0] if len(links) == 1 else ", ".join(links[:-1]) + " and " + links[-1]
    return f'<p class="fig-shown-on">Shown on {listed}.</p>'


def on_page_content(content: str, page, config, files) -> str:  # MkDocs hook
    if page.file.src_uri != API_PAGE:
        return content
    docs = Path(config["docs_dir"])
    found = uses(docs)
    titles = {a.src: a.label for a in answer_pages(docs)}
    for file in files.documentation_pages():
        if file.src_uri not in titles and file.page is not None and file.page.title:
            titles[file.src_uri] = "the home page" if file.page.is_homepage else file.page.title
    here = page.url or "."

    from rnnsite.figure_store import names  # (imported when the page is built)

    figures = set(names())

    def entry(match: re.Match) -> str:
        if match[1] not in figures:  # a helper on the page (render_svg, Theme, ...)
            return match.group(0)
        return match.group(0) + shown_on(match[1], found.get(match[1], []), titles, here)

    return _ENTRY.sub(entry, content)
