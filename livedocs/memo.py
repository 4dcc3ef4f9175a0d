"""Each page checked once per process: :func:`render_page`'s result, remembered.

A test session looks at every page of the site several times: Sybil turns its checks into
examples, the page-count lock counts them, the bibliography test collects its citations,
the mutation test needs its unmutated report and namespace. Rendering a page runs its setup
block (seconds, for a page that sweeps gradient norms), so each of these paying for its own
render cost most of the quick test run. :func:`rendered` renders a page's content once per
process and hands every caller that same result: the report is the one
:func:`render_page` gives, check for check, message for message (the page is rendered with
a fresh setup cache, which runs the setup block as an uncached render does: only a second
render with the same cache would report it as cached).

The key is everything the render reads that can differ between two calls in one process:
the content, the page's path and the MkDocs config file. The code is loaded once per
process, and the pages' own inputs (fixtures, figures) do not change while tests run; a
caller that changes them renders with :func:`render_page` itself.
"""

from __future__ import annotations

import threading
from pathlib import Path

from .checker.run import SetupCache
from .render import ROOT, Rendered, render_page

__all__ = ["rendered", "setup_cache"]

_memo: dict[tuple[str, str, str], tuple[Rendered, SetupCache]] = {}
_lock = threading.Lock()
_busy: dict[tuple[str, str, str], threading.Lock] = {}


def _entry(content: str, path: str, config_file: str | Path | None
           ) -> tuple[Rendered, SetupCache]:
    key = (content, path, str(config_file or ROOT / "mkdocs.yml"))
    with _lock:
        if key in _memo:
            return _memo[key]
        busy = _busy.setdefault(key, threading.Lock())
    with busy:  # two threads asking for one page: one renders, the other waits for it
        with _lock:
            if key in _memo:
                return _memo[key]
        cache: SetupCache = {}
        result = render_page(content, path, config_file=config_file, setup_cache=cache)
        with _lock:
            _memo[key] = (result, cache)
            _busy.pop(key, None)
        return result, cache


def rendered(content: str, path: str, *, config_file: str | Path | None = None) -> Rendered:
    """``render_page(content, path, config_file=config_file)``, once per process."""
    return _entry(content, path, config_file)[0]


def setup_cache(content: str, path: str, *,
                config_file: str | Path | None = None) -> SetupCache:
    """A copy of the setup cache the page's render filled (its setup block's namespace,
    its code examples' checks), for re-checking changed versions of the page with
    ``render_page(..., setup_cache=...)`` without running the setup block again."""
    return dict(_entry(content, path, config_file)[1])
