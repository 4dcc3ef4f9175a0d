"""Collect the site's pages as tests: every live-number check of every page under docs/ is
a pytest item, code examples included (livedocs runs them, as the build does), and so is
the audit of every ``notebook.py`` the build executes."""

import sys
from pathlib import Path

# Bytecode of the project's own modules and of the (assertion-rewritten) test modules is
# written to their git-ignored __pycache__ folders even where PYTHONDONTWRITEBYTECODE is set,
# as on this project's machines: otherwise every pytest process, xdist worker and build it
# starts compiles them again (about 2.5 s of CPU per pytest process, measured on the
# 2-core machine). Only this process writes; the processes it starts read.
sys.dont_write_bytecode = False

from sybil import Document, Sybil  # noqa: E402 (after the line above)
from sybil.sybil import SybilCollection  # noqa: E402

from livedocs.counts import ALSO, transform_of  # noqa: E402
from livedocs.render import PAGE_SUFFIXES  # noqa: E402
from livedocs.sybil_parser import LiveNumberParser  # noqa: E402

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
