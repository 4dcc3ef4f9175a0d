"""Fixtures shared by tests/site (what the build writes) and tests/browser (what a reader
sees): the site, built with ``mkdocs build --strict`` once per test session, and a second
build of it for the reproducibility test.

Both builds start as soon as collection is done (in their own processes, so they run
while the first tests do) when a collected test needs one; ``site`` waits for the first.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
USERS = {"site", "site_again", "visits"}  # fixtures that need the builds


def start_build(out: Path) -> subprocess.Popen:
    """Start ``mkdocs build --strict`` into ``out`` in a fresh process (as CI and readers
    do). No ``-q``: it would drop the warnings before ``--strict`` counts them."""
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def build_site(out: Path) -> Path:
    """Build the site into ``out`` and return ``out``."""
    build = start_build(out)
    _, stderr = build.communicate()
    assert build.returncode == 0, stderr
    return out


class Builds:
    """The session's two builds: started once, waited for by whoever needs them first."""

    def __init__(self):
        self._lock = threading.Lock()
        self._dir: Path | None = None
        self._running: dict[str, subprocess.Popen] = {}
        self._done: dict[str, Path | str] = {}

    def start(self, *names: str) -> None:
        """Start the builds ``names`` ("site", "again") that are not started yet."""
        with self._lock:
            if self._dir is None:
                self._dir = Path(tempfile.mkdtemp(prefix="rnnnotes-site-"))
            for name in names:
                if name not in self._running:
                    self._running[name] = start_build(self._dir / name)

    def get(self, name: str) -> Path:
        """The built site ``name`` ("site" or "again"); fails with the build's errors."""
        self.start(name)
        with self._lock:
            if name not in self._done:
                build = self._running[name]
                _, stderr = build.communicate()
                self._done[name] = self._dir / name if build.returncode == 0 else stderr
        done = self._done[name]
        if isinstance(done, str):
            pytest.fail(f"mkdocs build --strict failed:\n{done}", pytrace=False)
        return done

    def close(self) -> None:
        for build in self._running.values():
            if build.poll() is None:
                build.kill()
                build.communicate()
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)


BUILDS = Builds()


SLOW = "slow: needs a site build, a browser or a notebook kernel (deselect with -m 'not slow')"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", SLOW)


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config,
                                  items: list[pytest.Item]) -> None:
    """Mark what needs a site build, Chromium or a notebook kernel as ``slow``."""
    for item in items:
        path = Path(str(item.path))
        if USERS & set(getattr(item, "fixturenames", ())) or path.parent.name == "browser" \
                or path.name in ("test_notebooks_build.py", "test_notebooks_execute.py") \
                or "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


def pytest_collection_finish(session: pytest.Session) -> None:
    if session.config.option.collectonly:
        return
    used = set().union(*(set(getattr(item, "fixturenames", ())) for item in session.items))
    if used & USERS:
        BUILDS.start("site", *(["again"] if "site_again" in used else []))


def pytest_sessionfinish(session: pytest.Session) -> None:
    BUILDS.close()


@pytest.fixture(scope="session")
def site() -> Path:
    """The site, built once per test session with ``mkdocs build --strict``."""
    return BUILDS.get("site")


@pytest.fixture(scope="session")
def site_again() -> Path:
    """A second, independent build of the same sources."""
    return BUILDS.get("again")
