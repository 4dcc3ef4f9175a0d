"""Fixtures shared by tests/site (what the build writes) and tests/browser (what a reader
sees): the site, built with ``mkdocs build --strict`` once per test session, and a second
build of it, made at the same time on the other core, for the reproducibility test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def start_build(out: Path) -> subprocess.Popen:
    """Start ``mkdocs build --strict`` into ``out`` in a fresh process (as CI and readers
    do). No ``-q``: it would drop the warnings before ``--strict`` counts them."""
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def finish_build(build: subprocess.Popen, out: Path) -> Path:
    _, stderr = build.communicate()
    assert build.returncode == 0, stderr
    return out


def build_site(out: Path) -> Path:
    """Build the site into ``out`` and return ``out``."""
    return finish_build(start_build(out), out)


@pytest.fixture(scope="session")
def _builds(tmp_path_factory: pytest.TempPathFactory):
    first, second = tmp_path_factory.mktemp("site"), tmp_path_factory.mktemp("site-again")
    running = {first: start_build(first), second: start_build(second)}
    yield running
    for build in running.values():
        if build.poll() is None:
            build.kill()
            build.communicate()


@pytest.fixture(scope="session")
def site(_builds) -> Path:
    """The site, built once per test session with ``mkdocs build --strict``."""
    out = next(iter(_builds))
    return finish_build(_builds[out], out)


@pytest.fixture(scope="session")
def site_again(_builds) -> Path:
    """A second, independent build of the same sources (started with the first)."""
    out = list(_builds)[1]
    return finish_build(_builds[out], out)
