"""Fixtures for the notebook tests: the real site built once, and a scratch copy of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from nbhelpers import DOCS, ROOT


@pytest.fixture(scope="session")
def built_site(site: Path) -> Path:
    """The real site, built once per session with ``--strict`` (tests/conftest.py)."""
    return site


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A minimal scratch project: the Task 1.1 notebook and a home page, built with the site's
    Markdown extensions, the notebooks hook and mkdocs-jupyter as the site configures them.
    Returns its mkdocs.yml."""
    from mkdocs.config import load_config

    from livedocs.render import site_markdown

    (tmp_path / "docs" / "task-1-1").mkdir(parents=True)
    shutil.copy(DOCS / "task-1-1" / "notebook.py", tmp_path / "docs" / "task-1-1")
    (tmp_path / "docs" / "index.md").write_text("# Scratch\n\nA scratch site.\n")
    exts, configs, _ = site_markdown(str(ROOT / "mkdocs.yml"))
    jupyter = dict(load_config(str(ROOT / "mkdocs.yml")).plugins["mkdocs-jupyter"].config)
    config = {
        "site_name": "scratch",
        "theme": {"name": "material", "font": False},
        "plugins": [{"mkdocs-jupyter": {k: jupyter[k] for k in (
            "include", "execute", "allow_errors", "cache", "include_source",
            "ignore_h1_titles")}}],
        "hooks": [str(ROOT / "rnnsite" / "notebooks_hook.py")],
        "markdown_extensions": [
            {e: {k: str(v) if not isinstance(v, (bool, int)) else v
                 for k, v in configs.get(e, {}).items()}} for e in exts],
    }
    yml = tmp_path / "mkdocs.yml"
    yml.write_text(yaml.safe_dump(config), encoding="utf-8")
    return yml
