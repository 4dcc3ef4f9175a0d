"""A newcomer's `mkdocs serve` starts without Material's end-of-life banner: reading
mkdocs.yml silences it before the theme loads (rnnsite/material_eol.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Material prints the banner when its theme is imported by a program named "mkdocs".
LOAD = ("import sys; sys.argv[0] = 'mkdocs'; from mkdocs.config import load_config; "
        "load_config('mkdocs.yml')")


def load() -> str:
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    run = subprocess.run([sys.executable, "-c", LOAD], cwd=ROOT, env=env, text=True,
                         capture_output=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return run.stderr


def test_reading_the_config_silences_the_banner():
    assert "end of life" not in load()


def test_the_banner_is_what_material_prints_otherwise():
    """Without the silencing, the same load shows it: the test above can fail."""
    run = subprocess.run(
        [sys.executable, "-c", "import sys; sys.argv[0] = 'mkdocs'; import material.templates"],
        cwd=ROOT, env={k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"},
        text=True, capture_output=True, timeout=120)
    assert "end of life" in run.stderr
