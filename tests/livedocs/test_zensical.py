"""A real Zensical build of a scratch site that uses ``livedocs.markdown_ext``: a right
page builds (with its reveal), a stale number fails the build by the extension's own
raise, naming the file's line (Zensical strips the front matter; livedocs reads the file).

Zensical is not a dependency of the project (it would pin another Markdown stack): the
test runs where ``LIVEDOCS_ZENSICAL`` names a ``zensical`` executable whose environment
has livedocs' runtime dependencies, e.g.::

    uv venv /tmp/zen && uv pip install -p /tmp/zen zensical==0.0.73 numpy pybtex pyyaml
    LIVEDOCS_ZENSICAL=/tmp/zen/bin/zensical uv run pytest tests/livedocs/test_zensical.py

and is skipped elsewhere.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from livedocs.render import ROOT

pytestmark = pytest.mark.slow

ZENSICAL = os.environ.get("LIVEDOCS_ZENSICAL", "")
CONFIG = """[project]
site_name = "livedocs under Zensical"
docs_dir = "docs"
site_dir = "site"
nav = [ { "Home" = "index.md" } ]

[project.markdown_extensions."livedocs.markdown_ext"]

[project.markdown_extensions."pymdownx.arithmatex"]
generic = true
"""
PAGE = """---
title: A page
---

# A page

<!-- live:setup
D, H = 20, 128
-->

The input weights number {n}<!--= D * H -->.
"""
LINE = PAGE.splitlines().index("The input weights number {n}<!--= D * H -->.") + 1


def build(tmp: Path, n: int) -> subprocess.CompletedProcess[str]:
    (tmp / "docs").mkdir(parents=True, exist_ok=True)
    (tmp / "zensical.toml").write_text(CONFIG, encoding="utf-8")
    (tmp / "docs" / "index.md").write_text(PAGE.format(n=n), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([ZENSICAL, "build"], cwd=tmp, env=env, capture_output=True,
                          text=True, timeout=600)


@pytest.mark.skipif(not (ZENSICAL and Path(ZENSICAL).is_file()),
                    reason="LIVEDOCS_ZENSICAL names no zensical executable")
def test_a_zensical_build_fails_on_a_stale_number_and_passes_a_right_one(
        tmp_path: Path) -> None:
    good = build(tmp_path / "good", 20 * 128)
    assert good.returncode == 0, good.stdout + good.stderr
    html = (tmp_path / "good" / "site" / "index.html").read_text(encoding="utf-8")
    assert 'class="ld-wrap"' in html and ">2560</span>" in html

    stale = build(tmp_path / "stale", 20 * 128 + 1)
    out = stale.stdout + stale.stderr
    assert stale.returncode != 0, out
    assert "LiveNumberError" in out
    assert f"docs/index.md:{LINE}: live number: written 2561, computed 2560" in out
