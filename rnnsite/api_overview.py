"""An API page opens with an overview of its sections, made from the page itself (an MkDocs
hook).

On a phone, Material keeps the table of contents in the navigation drawer, so a reader of
a long API page saw entry after entry with no view of the whole. :func:`overview` reads a
page's Markdown, its sections (``## ``) and the objects each documents (``::: path``), and
:func:`on_page_markdown` writes, before the first section, one line per section that
documents objects: its title, a link to it. Made from the same lines mkdocstrings reads, it
cannot fall out of step with the page. An entry before the first section (the package's
docstring, shown as the page's opening) is the page's introduction, not an object of it.

Sections only, not their objects: listing every object (27 on Gradient flow) filled more
than a phone's first screen before the page began; the objects are one tap away in the
drawer's table of contents, and each section opens with them.

Where the table of contents is in view beside the page (60em and wider), docs/api/api.css
hides the overview; search leaves it out (``data-search-exclude``): it repeats titles.

In ``mkdocs.yml``: ``hooks: [rnnsite/api_overview.py]``.
"""

from __future__ import annotations

import re

from markdown.extensions.toc import slugify as default_slugify

__all__ = ["overview", "with_overview"]

_SECTION = re.compile(r"^## +(.+?)\s*$")
_ENTRY = re.compile(r"^::: +(\S+)\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def sections(markdown: str) -> list[tuple[str, list[str]]]:
    """``(title, [object path, ...])`` for each ``## `` section of ``markdown``, in order;
    fenced code is skipped."""
    found: list[tuple[str, list[str]]] = []
    fenced = False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        elif fenced:
            continue
        elif m := _SECTION.match(line):
            found.append((m[1], []))
        elif (m := _ENTRY.match(line)) and found:
            found[-1][1].append(m[1])
    return found


def overview(markdown: str, slugify=default_slugify) -> str:
    """The overview's Markdown: one list item per section that documents objects, linking
    to the section's heading (its id made by ``slugify``, as the ``toc`` extension makes
    it); ``""`` if the page has none."""
    lines = [f"- [{title}](#{slugify(title, '-')})"
             for title, paths in sections(markdown) if paths]
    if not lines:
        return ""
    return ('<div class="api-overview" data-search-exclude="" markdown>\n\n'
            "On this page:\n\n" + "\n".join(lines) + "\n\n</div>\n\n")


def with_overview(markdown: str, slugify=default_slugify) -> str:
    """``markdown`` with its overview before the first section (unchanged if none)."""
    block = overview(markdown, slugify)
    first = re.search(r"^## ", markdown, re.M)
    if not block or first is None:
        return markdown
    return markdown[:first.start()] + block + markdown[first.start():]


def on_page_markdown(markdown: str, page, config, files) -> str:  # MkDocs hook
    uri = page.file.src_uri
    if not uri.startswith("api/") or "\n::: " not in markdown:
        return markdown
    return with_overview(markdown, config["mdx_configs"].get("toc", {}).get(
        "slugify", default_slugify))
