"""Each figure's SVG, drawn once per change of what it depends on.

:func:`drawing` gives a figure's light and dark SVG bytes (what
:func:`rnnnotes.figures.render_svg` returns) and their sizes, from, in order: this process's
memory, the build cache (:mod:`rnnsite.cache`: the key holds the figure's name, every byte
of ``rnnnotes/``, ``livedocs/`` and ``rnnsite/``, ``uv.lock``, the Python version and the
matplotlib configuration files that could restyle it), or a drawing. :func:`names` (the
figures there are) is cached the same way, so a warm build never imports matplotlib.

Drawing happens in a worker process when one was started with :func:`prefetch` (the site
build's hook does, for every figure the pages name, before the first page renders): the
figures are then drawn on one core while MkDocs renders pages on the other, and by a fresh
interpreter. A process that already drew with other code (a long-lived ``mkdocs serve``
after an edit: its imported modules predate the edit) always uses a worker. The worker pool
belongs to one code digest; when the code changes, the next call starts another. A figure
is kept (in memory and in the cache) as soon as the worker has drawn it.

Under ``mkdocs serve`` (:data:`rnnsite.serving.SERVING`) the worker runs at a lower priority,
and a page need not wait: :func:`being_drawn` says whether a figure is still being drawn,
:func:`all_drawn` when all of them are (the figures extension serves a placeholder meanwhile).
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from rnnsite.cache import site_cache, trusted
from rnnsite.serving import SERVING

__all__ = ["KIND", "THEMES", "Drawing", "all_drawn", "being_drawn", "drawing", "names",
           "names_in", "prefetch", "stop"]

KIND = "figure"
THEMES = ("light", "dark")
_NAME = re.compile(r"\]\(\s*figure:([A-Za-z_]\w*)")


@dataclass(frozen=True)
class Drawing:
    """A figure drawn once for every theme: its SVG with the colours that differ between
    themes as CSS variables (:func:`rnnnotes.figures._style.themed`), each variable's value
    per theme, and its size in CSS px."""

    svg: bytes
    palette: dict[str, dict[str, str]]  # theme -> {"--rf1": "#212121", ...}
    size: tuple[int, int]

    def dumps(self) -> bytes:
        return json.dumps({"svg": self.svg.decode("utf-8"), "palette": self.palette,
                           "size": list(self.size)}, sort_keys=True).encode("utf-8")

    @classmethod
    def loads(cls, data: bytes) -> Drawing:
        raw = json.loads(data)
        return cls(raw["svg"].encode("utf-8"), raw["palette"], tuple(raw["size"]))


def draw(name: str) -> bytes:
    """Figure ``name`` drawn in this process, as :meth:`Drawing.dumps` bytes."""
    from rnnnotes.figures import render_svg, svg_size
    from rnnnotes.figures._style import themed

    light = render_svg(name, "light")
    svg, palette = themed(light, "light")
    if set(palette) != set(THEMES):
        raise RuntimeError(f"figure_store: the themes are {THEMES}, the figures' {tuple(palette)}")
    return Drawing(svg, palette, svg_size(light)).dumps()


def list_names() -> bytes:
    """The figure names (``rnnnotes.figures.FIGURES``), as JSON bytes."""
    from rnnnotes.figures import FIGURES

    return json.dumps(list(FIGURES)).encode()


_lock = threading.RLock()
_memo: dict[str, bytes] = {}  # key -> result bytes
_pending: dict[str, Future] = {}  # key -> future of the result bytes
_pool: tuple[str, ProcessPoolExecutor] | None = None  # (code digest, its worker)


def _style_files() -> list[Path]:
    """matplotlib's configuration files that could change a drawing, present or not."""
    home = Path(os.environ.get("MPLCONFIGDIR") or Path.home() / ".config" / "matplotlib")
    files = [Path.cwd() / "matplotlibrc", home / "matplotlibrc"]
    if os.environ.get("MATPLOTLIBRC"):
        files.append(Path(os.environ["MATPLOTLIBRC"]))
    return files


def _key(job: str, arg: str, digest: str) -> str:
    cache = site_cache()
    style = cache.file_parts(_style_files())
    return cache.key(KIND, digest, [job, arg, *style, os.environ.get("MPLBACKEND", "")])


def _orphan_watch(parent: int, nice: int = 0) -> None:
    """In the worker: exit as soon as the build that started it is gone (killed, or a
    server stopped without its children); lower its priority by ``nice`` (``os.nice``)."""
    if nice:
        os.nice(nice)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="orphan watch").start()


def _worker(digest: str) -> ProcessPoolExecutor:
    global _pool
    if _pool is None or _pool[0] != digest:
        if _pool is not None:
            _pool[1].shutdown(wait=False, cancel_futures=True)
        # under mkdocs serve, below the priority of the pages it serves meanwhile
        _pool = (digest, ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn"),
                                             initializer=_orphan_watch,
                                             initargs=(os.getpid(), SERVING.nice())))
    return _pool[1]


def stop() -> int:
    """End the worker now: cancel the figures still queued and terminate its process.

    A failed build (and the end of ``mkdocs serve``) calls this: otherwise the interpreter's
    exit waits, in ``concurrent.futures``' exit handler, for every queued figure to be
    drawn, which on a loaded machine can take minutes after the build has already failed.
    Whoever still waits for one of its figures gets an error (BrokenProcessPool or
    CancelledError); the next call starts another worker. Returns how many figures it had
    not drawn yet."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
        pending = list(_pending.values())
        _pending.clear()
    if pool is None:
        return 0
    executor = pool[1]
    undrawn = sum(not f.done() for f in pending)
    processes = list((getattr(executor, "_processes", None) or {}).values())
    # shutdown(wait=False) forgets the pool's own thread, so a later shutdown(wait=True)
    # would not wait for it: kept here, and joined below (a thread still closing its
    # wakeup pipe when the interpreter exits makes concurrent.futures' exit handler write
    # to the closed pipe: "OSError: Bad file descriptor", printed after the build's error)
    manager = getattr(executor, "_executor_manager_thread", None)
    for future in pending:
        future.cancel()
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(10)
        if process.is_alive():
            process.kill()
            process.join(10)
    executor.shutdown(wait=True)
    if manager is not None:
        manager.join(30)  # the pool's own thread: it sees its worker gone
    return undrawn


_JOBS = {"draw": draw, "names": list_names}


def _submit(job: str, arg: str, key: str, digest: str) -> None:
    fn = _JOBS[job]
    future = _pending[key] = _worker(digest).submit(fn, *([arg] if arg else []))
    future.add_done_callback(lambda f: _keep(key, digest, f))


def _keep(key: str, digest: str, future: Future) -> None:
    """As soon as the worker has drawn it: the result into memory and the build cache (a
    served page may show a placeholder now and ask again only at the next rebuild)."""
    if future.cancelled() or future.exception() is not None:
        return  # whoever waits for it gets the error
    data = future.result()
    try:
        site_cache().put(KIND, key, data, digest)
    except OSError:
        pass  # a cache that cannot be written is only slower
    with _lock:
        _memo.setdefault(key, data)
        if _pending.get(key) is future:
            del _pending[key]


def _result(job: str, arg: str = "") -> bytes:
    cache = site_cache()
    digest = cache.code_digest()
    key = _key(job, arg, digest)
    with _lock:
        if key in _memo:
            return _memo[key]
        data = None if key in _pending else cache.get(KIND, key)
        if data is None and key not in _pending and not trusted(cache, digest):
            _submit(job, arg, key, digest)  # this process's modules may predate an edit
        future = _pending.get(key)
    if data is None and future is not None:
        data = future.result()
        cache.put(KIND, key, data, digest)  # _keep may not have run yet (its thread)
    elif data is None:
        data = _JOBS[job](*([arg] if arg else []))
        cache.put(KIND, key, data, digest)
    with _lock:
        _pending.pop(key, None)
        return _memo.setdefault(key, data)


def drawing(name: str) -> Drawing:
    """Figure ``name``'s SVG in both themes, and sizes; KeyError if there is none."""
    return Drawing.loads(_result("draw", name))


def names() -> tuple[str, ...]:
    """The names of the figures there are (``rnnnotes.figures.FIGURES``)."""
    return tuple(json.loads(_result("names")))


def being_drawn(name: str) -> Future | None:
    """The worker's future of figure ``name`` while it is still drawing it, or of the list
    of names while it is still making that; else None (it is in memory or the cache, or
    asking for it draws it here)."""
    digest = site_cache().code_digest()
    with _lock:
        for key in (_key("names", "", digest), _key("draw", name, digest)):
            future = _pending.get(key)
            if future is not None and not future.done():
                return future
    return None


_all: list = [frozenset(), None]  # (the futures it waits for, the future of them all)


def all_drawn() -> Future:
    """A future done when every figure the worker is drawing now is done (whether drawn or
    failed): the same one while nothing else was asked for, so that a server waiting for
    it rebuilds once for them all."""
    with _lock:
        futures = frozenset(f for f in _pending.values() if not f.done())
        if _all[1] is not None and futures <= _all[0]:
            return _all[1]
        out: Future = Future()
        left = [len(futures)]

        def one(_: Future) -> None:
            with _lock:
                left[0] -= 1
                last = left[0] == 0
            if last:
                out.set_result(None)

        _all[:] = [futures, out]
        if not futures:
            out.set_result(None)
        for future in futures:
            future.add_done_callback(one)
        return out


def prefetch(wanted: list[str]) -> int:
    """Start drawing, in a fresh worker process, every figure of ``wanted`` (and the list of
    names) that is neither in memory nor in the cache. Returns how many were started."""
    cache = site_cache()
    digest = cache.code_digest()
    started = 0
    with _lock:
        known = _memo.get(_key("names", "", digest)) or cache.get(KIND, _key("names", "", digest))
        if known is not None:  # a page may name no figure: its render reports that
            wanted = [n for n in wanted if n in json.loads(known)]
        for job, arg in [("names", ""), *(("draw", n) for n in dict.fromkeys(wanted))]:
            key = _key(job, arg, digest)
            if key in _memo or key in _pending or cache.get(KIND, key) is not None:
                continue
            _submit(job, arg, key, digest)
            started += 1
    return started


def names_in(text: str) -> list[str]:
    """The figure names a page's Markdown embeds (``](figure:NAME``), in order."""
    return _NAME.findall(text)
