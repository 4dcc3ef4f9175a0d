"""Fixtures for the notebook tests: the real site built once, and a scratch copy of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from nbhelpers import DOCS, ROOT, mkdocs_build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once with ``--strict``."""
    out = tmp_path_factory.mktemp("site")
    run = mkdocs_build(ROOT / "mkdocs.yml", out)
    assert run.returncode == 0, run.stderr
    return out


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A scratch copy of the site's sources: ``docs/``, the seed and ``mkdocs.yml`` (whose
    hook then points at this checkout's ``livedocs/notebooks_hook.py``). Returns its mkdocs.yml."""
    shutil.copytree(DOCS, tmp_path / "docs")
    seed = ROOT / "tests" / "fixtures" / "seed_answers.txt"  # mkdocs.yml names it
    (tmp_path / "tests" / "fixtures").mkdir(parents=True)
    shutil.copy(seed, tmp_path / "tests" / "fixtures")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hook = "  - livedocs/notebooks_hook.py\n"
    assert config.count(hook) == 1, "the notebooks hook is not where the tests expect it"
    config = config.replace(hook, f"  - {ROOT / 'livedocs' / 'notebooks_hook.py'}\n")
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return tmp_path / "mkdocs.yml"
