"""This site's build cache (:class:`livedocs.cache.BuildCache`): ``.cache/rnnsite/`` at the
repository root, keyed by every file of ``rnnnotes/``, ``livedocs/`` and ``rnnsite/``,
``uv.lock`` and the Python version. Git-ignored; deleting it is always safe;
``RNNNOTES_NO_CACHE=1`` turns it off."""

from __future__ import annotations

from pathlib import Path

from livedocs.cache import BuildCache, enabled, trusted

__all__ = ["CODE_TREES", "ROOT", "BuildCache", "enabled", "site_cache", "trusted"]

ROOT = Path(__file__).resolve().parents[1]  # the repository (or a copy of it)
CODE_TREES = ("rnnnotes", "livedocs", "rnnsite")  # every file under these is an input


def site_cache() -> BuildCache:
    """The cache of this checkout (or of a copy of it)."""
    return BuildCache(ROOT, CODE_TREES, ROOT / ".cache" / "rnnsite")
