"""A build cache that cannot go stale: results stored under a hash of everything they depend on.

A site build repeats the same slow work on every run (drawing figures, executing notebooks,
checking pages). :class:`BuildCache` keeps each result in a file named by the SHA-256 of its
*inputs*:

- what the work is and what it reads (``kind`` and ``parts``: a figure's name and theme, a
  notebook's source and the files beside it...);
- **the code**: the bytes of every file under the project's local code trees (the folders
  the caller names: all of their files, rather than following imports, which a ``getattr``
  or an ``importlib`` call would defeat);
- **the environment**: ``uv.lock`` (every locked dependency version), the Python version and
  implementation, the machine.

Any change to any of these gives another key, so an entry is reused only when nothing it
depends on changed; nothing is ever invalidated by a date or a modification time. Work that
runs code which may read any file (a page's setup block reading a fixture) is recorded with
:func:`reads` (every file opened for reading meanwhile, through Python's audit hooks) and
stored with :meth:`BuildCache.put_tracked`: the entry keeps each such file's hash, and
:meth:`BuildCache.get_tracked` reuses it only if every one is unchanged. Entries
are written atomically (a temporary file renamed into place) with a checksum that is
verified on every read, so parallel builds may share the folder and a damaged entry is a
miss. The code is hashed again when a result is stored: if a file changed while the work
ran, the result is not stored (it may come from either version).

The folder is given by the caller (this site: ``.cache/rnnsite/`` at the repository root,
git-ignored; deleting it is always safe), or ``$RNNNOTES_CACHE_DIR``. ``RNNNOTES_NO_CACHE=1``
turns every cache off: nothing is read or written (CI builds this way, cold).

Generic: it imports nothing of the project and names none of its folders.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from .reads import Reads, reads, tracked, unrecorded

__all__ = ["BuildCache", "ENV_DIR", "ENV_OFF", "Reads", "enabled", "reads", "tracked",
           "trusted", "unrecorded"]

ENV_OFF = "RNNNOTES_NO_CACHE"  # set (not "" / "0" / "false"): no cache at all
ENV_DIR = "RNNNOTES_CACHE_DIR"  # another folder for the cache
ENVIRONMENT_FILES = ("uv.lock",)
_SKIP_DIRS = {"__pycache__"}
_SKIP_SUFFIXES = {".pyc", ".pyo"}


def enabled() -> bool:
    """False when ``RNNNOTES_NO_CACHE`` is set to anything but ``""``, ``0`` or ``false``."""
    return os.environ.get(ENV_OFF, "").strip().lower() in ("", "0", "false", "no")


def _sha(path: str) -> str | None:
    try:
        with open(path, "rb") as f:  # noqa: PTH123 (not recorded: no block is open here)
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return None  # missing, or a folder


def _files(root: Path, trees: Iterable[str]) -> list[str]:
    found = []
    for tree in trees:
        base = os.path.join(root, tree)
        if os.path.isfile(base):
            found.append(base)
            continue
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS)
            found.extend(os.path.join(dirpath, f) for f in sorted(filenames)
                         if os.path.splitext(f)[1] not in _SKIP_SUFFIXES)
    return found


# path -> (its stat signature, when it was hashed (ns), its SHA-256): a file is read again
# unless its size, times and inode are those it had when hashed *and* it was last modified
# well before (a change within the file system's timestamp resolution of the hashing would
# otherwise go unseen: git's "racy clean" rule).
_known: dict[str, tuple[tuple[int, ...], int, bytes]] = {}
_RACY_NS = 2_000_000_000
_known_lock = threading.Lock()


def _file_sha(name: str) -> bytes | None:
    """SHA-256 of the file's bytes (None: missing), read only when it may have changed."""
    try:
        st = os.stat(name)
    except FileNotFoundError:
        return None
    sig = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)
    with _known_lock:
        known = _known.get(name)
    if known is not None and known[0] == sig and max(sig[1], sig[2]) < known[1] - _RACY_NS:
        return known[2]
    now = time.time_ns()
    try:
        with open(name, "rb") as f:  # noqa: PTH123 (not recorded: keyed, see keyed())
            data = f.read()
    except (FileNotFoundError, IsADirectoryError):
        return None
    sha = hashlib.sha256(data).digest()
    with _known_lock:
        _known[name] = (sig, now, sha)
    return sha


def _hash_files(root: Path, paths: Iterable[str | Path], h: hashlib._Hash) -> None:
    prefix = os.path.join(str(root), "")
    for path in paths:
        name = os.fspath(path)
        sha = _file_sha(name)  # a missing file is an input too ("absent")
        rel = name[len(prefix):] if name.startswith(prefix) else name
        h.update(json.dumps([rel.replace(os.sep, "/"), None if sha is None else sha.hex()])
                 .encode())


class BuildCache:
    """Results of build work, keyed by a hash of their inputs (see the module docstring).

    ``root`` is the project folder; ``code`` the folders (or files) below it whose every
    byte is an input of every entry; ``environment`` files below it likewise (``uv.lock``).
    ``directory`` is where entries live (``$RNNNOTES_CACHE_DIR`` overrides it).
    """

    def __init__(self, root: Path, code: Sequence[str], directory: Path,
                 environment: Sequence[str] = ENVIRONMENT_FILES) -> None:
        self.root = Path(root).resolve()
        self.code = tuple(code)
        self.environment = tuple(environment)
        self.directory = Path(os.environ.get(ENV_DIR) or directory)

    # ---------------------------------------------------------------- keys
    def code_digest(self) -> str:
        """SHA-256 of the code trees, the environment files and the interpreter, as now."""
        h = hashlib.sha256()
        h.update(json.dumps([sys.version, sys.implementation.cache_tag, platform.machine(),
                             sys.byteorder]).encode())
        _hash_files(self.root, _files(self.root, self.code), h)
        _hash_files(self.root, [self.root / e for e in self.environment], h)
        return h.hexdigest()

    @staticmethod
    def key(kind: str, digest: str, parts: Sequence[str | bytes]) -> str:
        """The entry's name: SHA-256 of ``kind``, the code ``digest`` and every part."""
        if not isinstance(kind, str) or not kind.isidentifier():
            raise ValueError(f"BuildCache: kind must be an identifier, got {kind!r}")
        h = hashlib.sha256()
        h.update(json.dumps([kind, digest, len(parts)]).encode())
        for part in parts:
            data = part.encode("utf-8") if isinstance(part, str) else part
            if not isinstance(data, bytes):
                raise TypeError(f"BuildCache: a key part must be str or bytes, got "
                                f"{type(part).__name__}")
            h.update(f"{len(data)}:".encode())
            h.update(data)
        return h.hexdigest()

    def file_parts(self, paths: Iterable[Path]) -> list[bytes]:
        """Key parts for input files: each one's path (relative to the root) and bytes."""
        h = hashlib.sha256()
        _hash_files(self.root, sorted(Path(p) for p in paths), h)
        return [h.digest()]

    # ---------------------------------------------------------------- entries
    def _path(self, kind: str, key: str) -> Path:
        return self.directory / kind / key[:2] / key

    def get(self, kind: str, key: str) -> bytes | None:
        """The stored bytes, or None (off, missing or damaged: a damaged entry is removed)."""
        if not enabled():
            return None
        path = self._path(kind, key)
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        checksum, _, data = raw.partition(b"\n")
        if checksum != hashlib.sha256(data).hexdigest().encode():
            path.unlink(missing_ok=True)
            return None
        return data

    def put(self, kind: str, key: str, data: bytes, digest: str | None = None) -> bool:
        """Store ``data``; with ``digest`` (the code digest the key was made with), only if
        the code is still that. Returns whether it was stored."""
        if not enabled():
            return False
        if not isinstance(data, bytes):
            raise TypeError(f"BuildCache.put: data must be bytes, got {type(data).__name__}")
        if digest is not None and self.code_digest() != digest:
            return False  # the code changed while the work ran: the result may be either's
        path = self._path(kind, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        ignore = self.directory.parent / ".gitignore"
        if self.directory.parent.name == ".cache" and not ignore.exists():
            ignore.write_text("# build caches (rnnsite/cache.py): safe to delete\n*\n")
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(hashlib.sha256(data).hexdigest().encode() + b"\n" + data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return True

    def keyed(self, path: str) -> bool:
        """Whether the file ``path`` is in every key already (a file of the code trees, an
        environment file) or is this cache's own (an entry, itself keyed): a read of it
        need not be recorded with an entry."""
        p = Path(os.path.abspath(path))
        if p.is_relative_to(self.directory.resolve()):
            return True
        if not p.is_relative_to(self.root):
            return False
        rel = p.relative_to(self.root)
        if rel.as_posix() in self.environment:
            return True
        return any(rel.is_relative_to(tree) and not _SKIP_DIRS & set(rel.parts)
                   and rel.suffix not in _SKIP_SUFFIXES for tree in self.code)

    def put_tracked(self, kind: str, key: str, data: bytes, read: Iterable[str],
                    digest: str | None = None) -> bool:
        """:meth:`put`, with the hash of every file in ``read`` (see :func:`reads`) but those
        every key holds already (:meth:`keyed`)."""
        manifest = {path: _sha(path) for path in sorted(set(read)) if not self.keyed(path)}
        return self.put(kind, key, json.dumps(manifest).encode() + b"\n" + data, digest)

    def get_tracked(self, kind: str, key: str) -> bytes | None:
        """:meth:`get` of an entry stored by :meth:`put_tracked`; None unless every file
        recorded with it still has the same bytes (a missing file: still missing)."""
        raw = self.get(kind, key)
        if raw is None:
            return None
        head, _, data = raw.partition(b"\n")
        manifest = json.loads(head)
        return data if all(_sha(p) == h for p, h in manifest.items()) else None

    def cached(self, kind: str, parts: Sequence[str | bytes], compute) -> bytes:
        """``compute()`` (bytes), or its stored result for the same inputs."""
        if not enabled():
            return compute()
        digest = self.code_digest()
        key = self.key(kind, digest, parts)
        data = self.get(kind, key)
        if data is None:
            data = compute()
            self.put(kind, key, data, digest)
        return data


_first_digest: dict[Path, str] = {}


def trusted(cache: BuildCache, digest: str) -> bool:
    """Whether work done *in this process* under code ``digest`` may be stored.

    A process imports the project's modules once; if the code changed since the process
    first asked (a long-lived ``mkdocs serve`` after an edit), its modules may predate the
    edit and its results must not be stored under the new digest.
    """
    return _first_digest.setdefault(cache.root, digest) == digest
