"""Fixtures shared by tests/site (what the build writes) and tests/browser (what a reader
sees): one strict build of the site per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def build_site(out: Path) -> Path:
    """Run ``mkdocs build --strict`` into ``out``, in a fresh process (as CI and readers do).
    No ``-q``: it would drop the warnings before ``--strict`` counts them."""
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert run.returncode == 0, run.stderr
    return out


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per test session with ``mkdocs build --strict``."""
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_builder():
    """``build_site`` itself, for tests that build again."""
    return build_site
