"""Which files a piece of work reads: Python's audit hooks, per thread (for the build cache).

:func:`reads` records every file the current thread opens for reading inside the block
(but the interpreter's and installed packages' own files, and bytecode): the build cache
keeps each one's hash with a result (:meth:`livedocs.cache.BuildCache.put_tracked`).
:func:`unrecorded` lets a reader whose result the caller keys explicitly opt out, by name.

Generic: it imports nothing of the project.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["Reads", "reads", "tracked", "unrecorded"]

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_local = threading.local()
_hooked = False
_UNTRACKED = tuple({os.path.join(os.path.realpath(p), "") for p in
                    (sys.prefix, sys.base_prefix, sys.exec_prefix)}) + ("/dev/", "/proc/", "/sys/")


def _audit(event: str, args: tuple) -> None:
    if event != "open":
        return
    found = getattr(_local, "reads", None)
    if found is None or not isinstance(args[0], (str, bytes, os.PathLike)):
        return
    mode = args[1] if len(args) > 1 else None
    if isinstance(mode, str) and any(c in mode for c in "wax+"):
        return
    flags = args[2] if len(args) > 2 else None  # os.open (mkstemp...): mode None, flags
    if mode is None and isinstance(flags, int) and flags & _WRITE_FLAGS:
        return
    path = os.path.abspath(os.fsdecode(args[0]))
    if tracked(path):
        found.add(path)


def tracked(path: str) -> bool:
    """Whether a file read is an input to record: not the interpreter's or the locked
    packages' own files (the Python version and ``uv.lock`` cover them), not bytecode."""
    return not path.startswith(_UNTRACKED) and not path.endswith((".pyc", ".pyo"))


class Reads(set):
    """The files read inside a :func:`reads` block (a set of absolute paths), and in
    ``unkeyed`` the names of readers that asked not to be recorded (:func:`unrecorded`):
    the caller must key its entry by what those read, or not store it."""

    def __init__(self) -> None:
        super().__init__()
        self.unkeyed: set[str] = set()


@contextmanager
def reads() -> Iterator[Reads]:
    """The files this thread opens for reading inside the block (absolute paths), but the
    interpreter's and installed packages' (``uv.lock`` and the Python version cover them)."""
    global _hooked
    if not _hooked:
        sys.addaudithook(_audit)  # cannot be removed; it does nothing outside a block
        _hooked = True
    outer = getattr(_local, "reads", None)
    _local.reads = found = Reads()
    try:
        yield found
    finally:
        _local.reads = outer
        if outer is not None:
            outer.update(found)
            outer.unkeyed |= found.unkeyed


@contextmanager
def unrecorded(name: str) -> Iterator[None]:
    """Files opened inside this block are not recorded by an enclosing :func:`reads`; the
    block's ``unkeyed`` set gets ``name`` instead.

    For a reader whose result the caller keys explicitly by what it depends on (the answer
    tables key a page by the answer pages' front matter, not by their whole files): the
    caller checks that every name in ``unkeyed`` is one its key covers, and stores nothing
    otherwise, so a reader nobody keys can never make an entry go stale.
    """
    outer = getattr(_local, "reads", None)
    if outer is not None:
        outer.unkeyed.add(name)
    _local.reads = None
    try:
        yield
    finally:
        _local.reads = outer
