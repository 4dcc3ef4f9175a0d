"""The browser audit's visits, kept between test runs for a site that has not changed.

What the audit (browser_audit.py) records is a function of the built site's bytes, the
audit's own code (``AUDIT_CODE``: the visit, the probes, the server and the fixtures that
start it), the locked dependencies (axe-core and Playwright: ``uv.lock``), the Python
version, the Chromium that runs it and the machine's fonts. A run whose site and all of
those are byte for byte an earlier run's gets that run's visits from ``.cache/tests/audit``;
any difference, one byte of one page included, audits afresh. The tests that assert on
the visits (test_*.py) are not in the key: changing one reuses the visits, as it should.
``RNNNOTES_NO_CACHE=1`` turns it off, and CI runs cold.
"""

from __future__ import annotations

import hashlib
import pickle
import subprocess
from pathlib import Path

from livedocs.cache import BuildCache

ROOT = Path(__file__).resolve().parents[2]
AUDIT_CODE = tuple(f"tests/browser/{name}" for name in (
    "browser_audit.py", "ink.py", "probe.js", "probe_aids.js", "probe_layout.js",
    "probe_api.js", "probe_nav.js", "probe_type.js", "probe_code.js", "probe_chrome.js",
    "probe_colour.js",
    "site_server.py", "conftest.py",
    "audit_cache.py"))
CACHE = BuildCache(ROOT, AUDIT_CODE, ROOT / ".cache" / "tests")
KIND = "audit"


def site_digest(site: Path) -> bytes:
    """SHA-256 of every file of the built site: its path below the site and its bytes."""
    h = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        h.update(path.relative_to(site).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.digest()


def _output(command: list[str]) -> bytes:
    try:
        return subprocess.run(command, capture_output=True, timeout=60, check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        return b"?"


def key(site: Path, chromium: str) -> tuple[str, str]:
    """(the code digest, the entry's key) of an audit of ``site`` with ``chromium``."""
    digest = CACHE.code_digest()
    return digest, BuildCache.key(KIND, digest, [
        site_digest(site), _output([chromium, "--version"]), _output(["fc-list"])])


def recall(entry: str) -> tuple[dict, float] | None:
    """The visits and the seconds they took, of an earlier audit with this key; or None."""
    data = CACHE.get(KIND, entry)
    return None if data is None else pickle.loads(data)  # noqa: S301 (our own entry)


def keep(entry: str, digest: str, visits: dict, seconds: float) -> bool:
    """Store an audit's outcome, unless the audit's code changed while it ran."""
    return CACHE.put(KIND, entry, pickle.dumps((visits, seconds)), digest)
