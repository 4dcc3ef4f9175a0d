"""Helpers for the notebook tests: where the task notebooks are, and a strict build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rnnsite.notebooks import SOURCE_NAME

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SOURCES = sorted(DOCS.glob(f"task-*/{SOURCE_NAME}"))


def mkdocs_build(config: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of ``config`` into ``out``.

    Not ``-q``: MkDocs 1.6 then drops warnings before ``--strict`` counts them.
    """
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
         "-d", str(out)],
        cwd=config.parent, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


