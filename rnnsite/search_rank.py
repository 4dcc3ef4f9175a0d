"""Answer pages first in search results (an MkDocs hook).

A number such as 19,712 is worked out in a task's notebook, quoted on the command-line
page and discussed on the answer page; a reader searching for it wants the discussion.
Material's search plugin weighs every index entry of a page by the page's front matter
``search: boost: N``; this hook sets that boost on every answer page (the pages of
:func:`rnnsite.answer_pages.answer_pages`) before the plugin indexes it, so no answer page
repeats it in its own front matter. A page that sets its own boost keeps it.

In ``mkdocs.yml``: ``hooks: [rnnsite/search_rank.py]``. Zensical ignores hooks; there
answer pages rank as Material's own index ranks them.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from rnnsite.answer_pages import answer_pages

ANSWER_BOOST = 10  # lunr multiplies a matching entry's score by it (Material's default: 1)


def boost(src: str, meta: dict) -> dict:
    """``meta`` of the page ``src`` (below docs/, forward slashes) with the search boost it
    should have: :data:`ANSWER_BOOST` on an answer page, unless its front matter sets one."""
    if src not in {p.src for p in answer_pages()}:
        return meta
    search = meta.get("search") or {}
    if not isinstance(search, dict):
        raise ValueError(f"{src}: front matter `search` must be a mapping, got {search!r}")
    return {**meta, "search": {"boost": ANSWER_BOOST, **search}}


@event_priority(100)  # before the search plugin indexes the page (priority 0)
def on_page_context(context, page, config, nav):  # MkDocs hook
    page.meta = boost(page.file.src_uri, page.meta)
    return context
