"""Every page's "Reproduce" box runs as pasted, from the wheel installed in a fresh venv,
outside the checkout: the reader's ``pip install rnnnotes``, then Python.

The wheel is built from this checkout (``uv build``), installed with its declared
dependencies only into a new virtual environment, and each page's setup block (the code the
box shows) runs there in an empty folder. A page whose setup reads a file of the checkout,
or imports what the wheel does not declare, fails here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETUP = re.compile(r"^<!-- live:setup\n(.*?)^-->", re.S | re.M)  # as the README defines it
PAGES = sorted(p for p in (ROOT / "docs").rglob("*.md") if SETUP.search(p.read_text("utf-8")))

pytestmark = pytest.mark.slow


def _uv() -> str:
    uv = shutil.which("uv")
    if uv is None:
        pytest.fail("uv is needed to build the wheel (pip install uv)")
    return uv


@pytest.fixture(scope="module")
def venv_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the wheel of this checkout and its declared dependencies."""
    uv, tmp = _uv(), tmp_path_factory.mktemp("wheel")
    subprocess.run([uv, "build", "--wheel", "--out-dir", str(tmp / "dist"), str(ROOT)],
                   check=True, capture_output=True, text=True)
    wheels = list((tmp / "dist").glob("rnnnotes-*.whl"))
    assert len(wheels) == 1, wheels
    names = subprocess.run([sys.executable, "-m", "zipfile", "-l", str(wheels[0])],
                           check=True, capture_output=True, text=True).stdout
    assert "livedocs/" not in names and "rnnsite/" not in names  # the site tooling stays out
    subprocess.run([uv, "venv", "--python", f"{sys.version_info[0]}.{sys.version_info[1]}",
                    str(tmp / "venv")], check=True, capture_output=True, text=True)
    python = tmp / "venv" / "bin" / "python"
    subprocess.run([uv, "pip", "install", "--python", str(python), str(wheels[0])],
                   check=True, capture_output=True, text=True)
    return python


def test_pages_with_a_box_are_found():
    # index.md, conventions, the nine answers, the summary and the CLI page have setups
    assert len(PAGES) >= 9, PAGES


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_reproduce_box_runs_from_the_wheel(page: Path, venv_python: Path, tmp_path: Path):
    code = SETUP.search(page.read_text("utf-8")).group(1)
    run = subprocess.run([str(venv_python), "-"], input=code, cwd=tmp_path, text=True,
                         capture_output=True, timeout=600,
                         env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert run.returncode == 0, f"{page.relative_to(ROOT)}: the box fails from the wheel:\n" \
                                f"{run.stderr[-2000:]}"
