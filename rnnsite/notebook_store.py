"""Notebook executions and audits, reused from the build cache when nothing they depend on
changed (:mod:`rnnsite.cache`).

- :func:`execution_key`: the key of the executed, normalised notebook
  (:func:`rnnsite.notebooks.build`). Its key holds the notebook's source, every other file
  in its folder but the Markdown pages (the kernel runs there: it may import or read them),
  the code trees, ``uv.lock`` and the Python version. The kernel is a fresh process, so
  the result is always of the code as it is on disk; it records every other file it reads
  (:func:`rnnsite.notebooks.execute`), and the result is reused only while each is
  unchanged. A run that did not say what it read is not stored.
- :func:`audit_messages`: the live-number audit of its markdown cells
  (:func:`rnnsite.notebooks.audit`), keyed as well by ``mkdocs.yml`` and every file or
  folder the Markdown extensions' options name (the seed, the bibliography, ...), and any
  other file it reads (recorded: :func:`livedocs.cache.reads`). The audit runs in this
  process: its result is stored only if this process's modules are the code
  on disk (:func:`rnnsite.cache.trusted`).
- :func:`start`: the execution as a future, for the build hook: from the cache, or running
  in its own kernel beside the build; runs outlive one ``mkdocs serve`` rebuild.
"""

from __future__ import annotations

import json
import tempfile
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from livedocs.cache import reads, tracked
from rnnsite.cache import BuildCache, enabled, site_cache, trusted
from rnnsite.notebooks import audit, build
from rnnsite.serving import SERVING

__all__ = ["EXECUTED", "AUDIT", "SERVING", "execution_key", "audit_messages",
           "config_files", "start"]

EXECUTED = "notebook"
AUDIT = "notebook_audit"
PAGE_SUFFIXES = (".md", ".markdown")


def _inputs(path: Path) -> list[Path]:
    """The notebook and what its kernel may read: every file beside it but pages."""
    return [p for p in sorted(path.parent.rglob("*"))
            if p.is_file() and p.suffix not in PAGE_SUFFIXES and "__pycache__" not in p.parts]


def execution_key(path: Path, cache: BuildCache | None = None) -> tuple[str, str]:
    """``(key, code digest)`` of the execution of the notebook source at ``path``."""
    cache = cache or site_cache()
    digest = cache.code_digest()
    rel = path.resolve().relative_to(cache.root).as_posix() \
        if path.resolve().is_relative_to(cache.root) else path.name
    return cache.key(EXECUTED, digest, [rel, *cache.file_parts(_inputs(path))]), digest


def config_files(config: Any) -> list[Path]:
    """``mkdocs.yml`` and every existing file or folder named in the Markdown options: an
    absolute path, or one relative to the config file's folder or to the extension's own
    ``config_dir`` option (livedocs reads its seed, bibliography and API folder from there)."""
    config_file = Path(config.config_file_path)
    found = [config_file]

    def walk(value: Any, bases: list[Path]) -> Iterable[Path]:
        if isinstance(value, dict):
            for v in value.values():
                yield from walk(v, bases)
        elif isinstance(value, (list, tuple)):
            for v in value:
                yield from walk(v, bases)
        elif isinstance(value, (str, Path)) and str(value) and len(str(value)) < 4096:
            p = Path(value)
            for path in dict.fromkeys([p] if p.is_absolute() else [b / p for b in bases]):
                if path.exists() and path not in bases:
                    yield from (sorted(x for x in path.rglob("*") if x.is_file())
                                if path.is_dir() else [path])

    for options in dict(config.mdx_configs).values():
        own = options.get("config_dir") if isinstance(options, dict) else None
        bases = [config_file.parent, *([Path(own)] if own else [])]
        found += walk(options, bases)
    return found


def audit_messages(path: Path, name: str, config: Any) -> list[str]:
    """The audit's failure messages for the notebook at ``path`` (empty: it passes)."""
    cache = site_cache()
    digest = cache.code_digest()
    key = cache.key(AUDIT, digest, [name, *cache.file_parts([path, *config_files(config)])])
    data = cache.get_tracked(AUDIT, key)
    if data is not None:
        return json.loads(data)
    with reads() as read:  # the setup cell may read files: they are inputs too
        messages = [c.message for c in audit(path, name, config.config_file_path).failures]
    if trusted(cache, digest):
        cache.put_tracked(AUDIT, key, json.dumps(messages).encode("utf-8"), read, digest)
    return messages


# ------------------------------------------------------------------ runs (hook)
_lock = threading.Lock()
_runs: dict[str, Future] = {}  # execution key -> future of the notebook's ipynb JSON


def _in_thread(fn: Callable[[], str], name: str) -> Future:
    """``fn()`` in a daemon thread (its kernel is a process: the notebooks run in parallel
    with the build, and quitting ``mkdocs serve`` does not wait for them)."""
    future: Future = Future()

    def run() -> None:
        if future.set_running_or_notify_cancel():
            try:
                future.set_result(fn())
            except BaseException as err:  # noqa: BLE001 (handed to whoever waits)
                future.set_exception(err)

    threading.Thread(target=run, name=f"notebook {name}", daemon=True).start()
    return future


def start(path: Path, name: str) -> tuple[Future, bool]:
    """The execution of the notebook at ``path``: ``(future of its ipynb JSON, cached)``.

    A cached result is a finished future; a run already going for the same inputs (an
    earlier ``mkdocs serve`` rebuild started it) is shared, and a failed one is retried.
    """
    cache = site_cache()
    key, digest = execution_key(path, cache)
    with _lock:
        future = _runs.get(key)
        if future is not None and not (future.done() and future.exception() is not None):
            return future, future.done()
        data = cache.get_tracked(EXECUTED, key)
        if data is not None:
            future = Future()
            future.set_result(data.decode("utf-8"))
        else:
            nice = SERVING.nice()  # under serve, below the pages' priority

            def run() -> str:
                with tempfile.TemporaryDirectory(prefix="rnnnotes-reads-") as tmp:
                    record = Path(tmp) / "reads"
                    text = build(path, name, record if enabled() else None,
                                 nice=nice)
                    if record.is_file():  # the kernel exited cleanly and said what it read
                        read = [p for p in record.read_text().splitlines() if tracked(p)]
                        cache.put_tracked(EXECUTED, key, text.encode("utf-8"), read, digest)
                return text

            future = _in_thread(run, name)
        _runs[key] = future
        return future, data is not None
