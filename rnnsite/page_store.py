"""A page's rendered HTML (its Markdown converted, live numbers checked; a notebook page's
conversion by mkdocs-jupyter), reused from the build cache (:mod:`rnnsite.cache`) when
nothing it depends on changed.

:func:`cached_render` wraps a MkDocs page's ``render``. Its key holds, besides the code
trees, ``uv.lock`` and the Python version:

- the page's final Markdown, its file's bytes (a notebook page: the executed notebook), its
  URL;
- what it reads of other pages, declared: a page showing ``::answers-table::`` or
  ``::answers-summary::`` (:data:`rnnsite.answers.READS_ANSWER_PAGES`), and the changelog
  (its grades checked, :mod:`rnnsite.changelog_ext`), holds every answer page's name and
  front matter (:func:`rnnsite.answer_pages.front_matters`), not their bodies;
- ``mkdocs.yml`` with every file or folder its Markdown options name (the seed, the
  bibliography, the API pages the reveal reads: :func:`rnnsite.notebook_store.config_files`);
- every file of the site and its URL (links between pages are rewritten and checked);
- the MkDocs settings the conversion reads (``use_directory_urls``, ``validation``).

Any other file the render reads (its own source, a setup block reading
``tests/fixtures/*.json``) is recorded with the entry, which is reused only while each such
file is unchanged (:meth:`livedocs.cache.BuildCache.get_tracked`). A reader that is keyed
instead of recorded (:func:`livedocs.cache.unrecorded`: the answer pages' front matter) must
be one the key declares, or the render is not stored.

What a render leaves on the page is stored and restored: the HTML, the table of contents,
the title from the first heading, the anchors present and the links to other pages'
anchors, the anchors registered with mkdocs-autorefs and the items registered in
mkdocstrings' inventory (``objects.inv``). A render that logs a warning is never stored (a
warm build must fail as the cold one does).
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.structure.toc import AnchorLink, get_toc

from livedocs.cache import reads
from rnnsite.answer_pages import DOCS, READER, front_matters
from rnnsite.answers import READS_ANSWER_PAGES
from rnnsite.cache import enabled, site_cache, trusted
from rnnsite.changelog_ext import SRC as CHANGELOG_SRC
from rnnsite.notebook_store import config_files

__all__ = ["KIND", "COUNTS", "site_inputs", "page_inputs", "cached_render",
           "memoize_search_entries"]

KIND = "page"
COUNTS = {"cached": 0, "rendered": 0}  # this build's pages (the hook logs and resets them)
RENDERED: list[str] = []  # this build's pages not from the cache (src_uri), in order


def site_inputs(files: Any, config: Any) -> list[bytes]:
    """Key parts shared by every page of a build: the config and the files it names, the
    site's files and their URLs, the settings the conversion reads."""
    cache = site_cache()
    listing = sorted(f"{f.src_uri}\t{f.dest_uri}\t{f.url}" for f in files)
    # not site_url: `mkdocs serve` sets its own, and the conversion never reads it
    settings = json.dumps([config.use_directory_urls, repr(config.validation)], default=str)
    return [*cache.file_parts(config_files(config)), "\n".join(listing).encode(),
            settings.encode()]


def page_inputs(markdown: str, config: Any, src_uri: str | None = None
                ) -> tuple[list[bytes], set[str]]:
    """Key parts for what a page with this Markdown (at ``src_uri``) reads of other pages,
    and the names of the readers they cover (:func:`livedocs.cache.unrecorded`)."""
    if src_uri != CHANGELOG_SRC and not any(p in markdown for p in READS_ANSWER_PAGES):
        return [b"reads no other page"], set()
    docs = Path(dict(config.mdx_configs).get("rnnsite.answers", {}).get("docs", DOCS))
    return [b"answer pages", front_matters(docs)], {READER}


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _tokens(items: list[AnchorLink]) -> list[dict]:
    return [{"level": a.level, "id": a.id, "name": a.title, "children": _tokens(a.children)}
            for a in items]


def cached_render(page: Any, render: Callable, shared: list[bytes], config: Any) -> Callable:
    """``render(config, files)`` for ``page``, from the cache or recorded into it."""
    autorefs = config.plugins.get("autorefs")
    handlers = getattr(config.plugins.get("mkdocstrings"), "handlers", None)
    inventory = getattr(handlers, "inventory", None)

    def run(config: Any, files: Any) -> None:
        cache = site_cache()
        markdown = page.markdown or ""
        if not enabled():
            COUNTS["rendered"] += 1
            RENDERED.append(page.file.src_uri)
            return render(config, files)
        digest = cache.code_digest()
        declared, covered = page_inputs(markdown, config, page.file.src_uri)
        key = cache.key(KIND, digest, [page.file.src_uri, page.url, markdown,
                                       page.file.content_bytes, *shared, *declared])
        data = cache.get_tracked(KIND, key)
        if data is not None:
            COUNTS["cached"] += 1
            return _restore(page, json.loads(data), files, autorefs, inventory)
        COUNTS["rendered"] += 1
        RENDERED.append(page.file.src_uri)
        anchors: list[list] = []
        register = getattr(autorefs, "register_anchor", None)
        if register is not None:
            def recording(pg, identifier, anchor=None, *, title=None, primary=True):
                if pg is page:
                    anchors.append([identifier, anchor, title, primary])
                return register(pg, identifier, anchor, title=title, primary=primary)

            autorefs.register_anchor = recording
        items: list[dict] = []
        add = getattr(inventory, "register", None)
        if add is not None:
            def adding(**item: Any) -> None:
                items.append(item)
                return add(**item)

            inventory.register = adding
        warnings = _Warnings()
        loggers = [logging.getLogger(), logging.getLogger("mkdocs")]  # "mkdocs" stops there
        for logger in loggers:
            logger.addHandler(warnings)
        try:
            with reads() as read:
                render(config, files)
        finally:
            for logger in loggers:
                logger.removeHandler(warnings)
            if register is not None:
                del autorefs.register_anchor  # the bound method again
            if add is not None:
                del inventory.register
        read.discard(page.file.abs_src_path)  # its bytes are in the key (a notebook's is
        # in a temporary folder, another on every build)
        if warnings.count == 0 and read.unkeyed <= covered and trusted(cache, digest):
            cache.put_tracked(KIND, key, json.dumps(_record(page, anchors, items)).encode(),
                              read, digest)

    return run


def _record(page: Any, anchors: list[list], items: list[dict]) -> dict:
    links = page.links_to_anchors
    return {
        "content": page.content,
        "toc": _tokens(list(page.toc)),
        "title": page._title_from_render,
        "present": sorted(page.present_anchor_ids or ()),
        "links": None if links is None else {f.src_uri: d for f, d in links.items()},
        "autorefs": anchors,
        "inventory": items,
    }


def _restore(page: Any, data: dict, files: Any, autorefs: Any, inventory: Any) -> None:
    page.content = data["content"]
    page.toc = get_toc(data["toc"])
    page._title_from_render = data["title"]
    page.present_anchor_ids = set(data["present"])
    if data["links"] is not None:
        page.links_to_anchors = {files.get_file_from_path(uri): d
                                 for uri, d in data["links"].items()}
    for identifier, anchor, title, primary in data["autorefs"]:
        autorefs.register_anchor(page, identifier, anchor, title=title, primary=primary)
    for item in data["inventory"]:
        inventory.register(**item)


# ------------------------------------------------------------------ the search index
_SEARCH_MEMO: OrderedDict[str, list[dict]] = OrderedDict()  # key -> the page's entries
_SEARCH_MEMO_SIZE = 256


def memoize_search_entries(index_class: Any) -> None:
    """Material's search index parses every page's HTML on every build; under ``mkdocs
    serve`` most pages are the same bytes as at the last rebuild. Make
    ``index_class.add_entry_from_context`` reuse, within this process, the entries it made
    for the same page body, URL, title, table of contents, front matter and index settings
    (everything it reads), and parse only what changed."""
    original = index_class.add_entry_from_context
    if getattr(original, "_rnnsite_memo", False):
        return

    def add_entry_from_context(self: Any, page: Any) -> None:
        try:
            key = hashlib.sha256(json.dumps(
                [page.content, page.url, page.title, _tokens(list(page.toc)),
                 page.meta, self.config], sort_keys=True, default=repr).encode()).hexdigest()
        except (TypeError, ValueError):
            return original(self, page)
        known = _SEARCH_MEMO.get(key)
        if known is not None:
            _SEARCH_MEMO.move_to_end(key)
            self.entries.extend(copy.deepcopy(known))
            return None
        start = len(self.entries)
        original(self, page)
        _SEARCH_MEMO[key] = copy.deepcopy(self.entries[start:])
        while len(_SEARCH_MEMO) > _SEARCH_MEMO_SIZE:
            _SEARCH_MEMO.popitem(last=False)
        return None

    add_entry_from_context._rnnsite_memo = True  # type: ignore[attr-defined]
    index_class.add_entry_from_context = add_entry_from_context
