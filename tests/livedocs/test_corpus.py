"""Both paths agree: every page of the corpus passes or fails ``pytest`` and the build alike.

``tests/livedocs/corpus/good/`` holds pages a careful author could write, in styles the
site's own pages do not use; ``bad/`` holds one mistake per page, each a way the checks once
failed open (see the page's heading).  Each page is checked twice:

* the **pytest path**: Sybil with :class:`livedocs.sybil_parser.LiveNumberParser`, every
  example of the page evaluated;
* the **build path**: ``mkdocs build`` of a site made of the corpus, with the site's own
  Markdown extensions, in ``fail: show`` mode (as ``mkdocs serve``), reading the ERRORs
  each bad page logs (in a real build, ``fail: raise``, the first one aborts the build:
  ``test_invocations.py``).

A bad page must fail both; a good page must pass both.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
import yaml
from sybil import Sybil
from sybil.example import SybilFailure

from livedocs.render import PAGE_SUFFIXES, ROOT, site_markdown
from livedocs.sybil_parser import LiveNumberParser

CORPUS = Path(__file__).parent / "corpus"
PAGES = sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*")
               if p.suffix in PAGE_SUFFIXES)


def test_the_corpus_covers_both_kinds() -> None:
    good = [p for p in PAGES if p.startswith("good/")]
    bad = [p for p in PAGES if p.startswith("bad/")]
    assert len(good) >= 30 and len(bad) >= 60, (len(good), len(bad))


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A MkDocs project whose docs/ is the corpus and whose Markdown is the site's."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(CORPUS, root / "docs")
    exts, configs, _ = site_markdown(str(ROOT / "mkdocs.yml"))
    config = {
        "site_name": "corpus",
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False},
        "plugins": [],
        # The corpus links to images it does not have; that is not what it tests.
        "validation": {"links": {"not_found": "info", "unrecognized_links": "info"}},
        "markdown_extensions": [
            {e: {k: str(v) if not isinstance(v, (bool, int)) else v
                 for k, v in {**configs.get(e, {}),
                              **({"fail": "show"} if e == "livedocs.markdown_ext" else {})
                              }.items()}} for e in exts
        ],
    }
    yml = root / "mkdocs.yml"
    yml.write_text(yaml.safe_dump(config), encoding="utf-8")
    return root, yml


@pytest.fixture(scope="module")
def build_warnings(corpus_site: tuple[Path, Path]) -> list[str]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root, yml = corpus_site
    seen: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                seen.append(record.getMessage())

    handler = Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        cfg = load_config(str(yml), site_dir=str(root / "site"))
        build(cfg)
    finally:
        logger.removeHandler(handler)
    return seen


def pytest_path_fails(corpus_site: tuple[Path, Path], page: str) -> list[str]:
    root, yml = corpus_site
    sybil = Sybil(parsers=[LiveNumberParser(root=root, config_file=yml)],
                  patterns=[f"*{s}" for s in PAGE_SUFFIXES], path=str(root / "docs"))
    failures = []
    for example in sybil.parse(root / "docs" / page).examples():
        try:
            example.evaluate()
        except SybilFailure as exc:
            failures.append(str(exc))
    return failures


@pytest.mark.parametrize("page", PAGES)
def test_both_paths_agree(page: str, corpus_site: tuple[Path, Path],
                          build_warnings: list[str]) -> None:
    in_pytest = pytest_path_fails(corpus_site, page)
    in_build = [w for w in build_warnings if w.startswith(f"docs/{page}:")]
    if page.startswith("bad/"):
        assert in_pytest, f"{page}: passes pytest"
        assert in_build, f"{page}: passes the build"
    else:
        assert not in_pytest, in_pytest
        assert not in_build, in_build


def test_the_build_warns_about_nothing_else(build_warnings: list[str]) -> None:
    stray = [w for w in build_warnings if not w.startswith("docs/bad/")
             and not w.startswith("math cannot be rendered")]
    assert stray == []
