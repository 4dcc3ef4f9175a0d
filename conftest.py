"""Collect the site's pages as tests: every live-number check of every page under docs/ is
a pytest item, code examples included (livedocs runs them, as the build does), and so is
the audit of every ``notebook.py`` the build executes."""

from pathlib import Path

from sybil import Document, Sybil
from sybil.sybil import SybilCollection

from livedocs.counts import ALSO, transform_of
from livedocs.render import PAGE_SUFFIXES
from livedocs.sybil_parser import LiveNumberParser

ROOT = Path(__file__).parent

_pages = Sybil(
    parsers=[LiveNumberParser(root=ROOT)],
    patterns=[f"*{suffix}" for suffix in PAGE_SUFFIXES],
    path="docs",
)
# Every notebook.py under docs/ (the build executes each, wherever it stands): its markdown
# cells, with its first code cell as the setup (livedocs.counts lists the same files).
_notebooks = [Sybil(parsers=[LiveNumberParser(root=ROOT, transform=transform)],
                    patterns=[pattern], path="docs", document_types={".py": Document},
                    name=f"livedocs {pattern}")
              for pattern, transform in (transform_of(spec) for spec in ALSO)]
pytest_collect_file = SybilCollection([_pages, *_notebooks]).pytest()
