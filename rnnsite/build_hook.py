"""MkDocs hook: the build's work that the build cache (:mod:`rnnsite.cache`) can save, besides
the notebooks (:mod:`rnnsite.notebooks_hook`) and the fonts (:mod:`rnnsite.fonts`).
``hooks: [rnnsite/build_hook.py]`` in ``mkdocs.yml``.

- :func:`on_files` reads every page's Markdown for ``](figure:NAME`` and hands the names that
  are not in the cache to :func:`rnnsite.figure_store.prefetch`: a fresh interpreter draws
  them on one core while MkDocs renders pages on the other; the figures extension
  (:mod:`rnnsite.figures_ext`) waits for a figure only when its page comes. With a warm
  cache nothing is started.
- :func:`on_pre_page` makes each Markdown page's render, and each notebook page's
  conversion by mkdocs-jupyter, come from the cache when nothing it depends on changed
  (:mod:`rnnsite.page_store` says what that is).
- :func:`on_build_error` and :func:`on_shutdown` stop the figure worker at once (cancelling
  what it still had queued), so that a failed build exits promptly and leaves no process.
- :func:`on_files` makes Material's search index reuse, within the process, the entries
  of pages whose body is unchanged (:func:`rnnsite.page_store.memoize_search_entries`).
- :func:`on_files` and :func:`on_env` give mkdocstrings' and the theme's Jinja
  environments a bytecode cache in the cache folder: Jinja compiles each template once per
  change of its source (it checks the source's checksum), not on every build.
"""

from __future__ import annotations

import logging
from typing import Any

from jinja2 import FileSystemBytecodeCache
from mkdocs.plugins import event_priority

from rnnsite.cache import enabled, site_cache
from rnnsite.figure_store import names_in, prefetch, stop
from rnnsite.page_store import (
    COUNTS,
    RENDERED,
    cached_render,
    memoize_search_entries,
    site_inputs,
)

log = logging.getLogger("mkdocs.plugins.rnnsite.cache")
_state: dict[str, Any] = {"shared": None}


@event_priority(90)
def on_files(files: Any, config: Any) -> Any:
    wanted: list[str] = []
    for file in files.documentation_pages():
        try:
            wanted += names_in(file.content_string)
        except (OSError, UnicodeDecodeError):
            continue  # the page's own render reports it
    started = prefetch(wanted)
    if started:
        log.info("Figures: drawing %d in a worker process (not in the build cache)", started)
    _state["shared"] = None
    COUNTS.update(cached=0, rendered=0)
    RENDERED.clear()
    _mkdocstrings(config, _bytecode_cache() if enabled() else None)
    _search_memo()
    return files


def on_post_build(config: Any) -> None:
    if enabled():
        few = 0 < len(RENDERED) <= 5  # an edit: name them
        log.info("Pages: %d from the build cache, %d rendered%s", COUNTS["cached"],
                 COUNTS["rendered"], f" ({', '.join(RENDERED)})" if few else "")


def _stop() -> None:
    undrawn = stop()
    if undrawn:
        log.info("Figures: worker stopped, %d not drawn", undrawn)


def on_build_error(error: Exception) -> None:
    """A failed build exits now: the figure worker stops (no figure is drawn for nobody)."""
    _stop()


def on_shutdown() -> None:
    """The end of ``mkdocs build`` or ``mkdocs serve``: the figure worker stops, whatever it
    still had queued (a successful build has used every figure it asked for)."""
    _stop()


@event_priority(-100)  # after every plugin's on_pre_page (mkdocs-jupyter's own render)
def on_pre_page(page: Any, config: Any, files: Any) -> Any:
    if enabled() and page.file.src_uri.endswith((".md", ".ipynb")):
        if _state["shared"] is None:
            _state["shared"] = site_inputs(files, config)
        page.render = cached_render(page, page.render, _state["shared"], config)
    return page


def _search_memo() -> None:
    """Material's search index reuses, within this process, the entries of a page whose
    body and title are unchanged (a ``mkdocs serve`` rebuild parses only the edited page)."""
    try:
        from material.plugins.search.plugin import SearchIndex  # noqa: PLC0415
    except ImportError as err:  # an optional speed-up; Material may change
        log.debug("search index not memoised: %s", err)
        return
    memoize_search_entries(SearchIndex)


def _bytecode_cache() -> FileSystemBytecodeCache:
    folder = site_cache().directory / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


def _mkdocstrings(config: Any, cache: Any) -> None:
    """mkdocstrings' Python handler, made now (before any page renders: its templates then
    compile through the bytecode cache, and it counts as used when every page that would
    make it comes from the page cache)."""
    plugin = config.plugins.get("mkdocstrings")
    try:
        handler = plugin.handlers.get_handler("python")
        if cache is not None:
            handler.env.bytecode_cache = cache
    except Exception as err:  # noqa: BLE001 (an optional speed-up; mkdocstrings may change)
        log.debug("mkdocstrings' handler not prepared: %s", err)


@event_priority(-100)
def on_env(env: Any, config: Any, files: Any) -> Any:
    if enabled():
        env.bytecode_cache = _bytecode_cache()
    return env
