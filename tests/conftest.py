"""Fixtures shared by tests/site (what the build writes) and tests/browser (what a reader sees)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def build_site(out: Path) -> Path:
    """Run the strict site build into ``out``, in a fresh process (as CI and readers do)."""
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert run.returncode == 0, run.stderr
    return out


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site, built once per test session with ``mkdocs build --strict``."""
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_builder():
    """``build_site`` itself, for tests that build again (conftest modules are not imported)."""
    return build_site
