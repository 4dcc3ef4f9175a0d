"""A finding fails the build whatever the invocation; ``mkdocs serve`` shows it instead.

A scratch site with the project's Markdown extensions and livedocs' hook, one page whose
number is stale, built as a reader or CI would: ``mkdocs build`` with and without
``--strict``, ``-q`` (which once dropped the WARNINGs ``--strict`` counted, mkdocs#4126)
and ``-v``, and ProperDocs' ``properdocs build``.  Each must fail, naming the finding; the
same site with the number right must build.  ``mkdocs serve`` must serve the stale page
with the finding in an error box.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from livedocs.render import ROOT, site_markdown

pytestmark = pytest.mark.slow

PAGE = """---
title: A page
---

<!-- live:setup
H = 128
-->

The layer has {n}<!--= 4 * H * (H + 1) --> weights.
"""
GOOD, STALE = 66048, 66047


def scratch(tmp: Path, n: int) -> Path:
    (tmp / "docs").mkdir(parents=True, exist_ok=True)
    (tmp / "docs" / "index.md").write_text(PAGE.format(n=f"{n:,}"), encoding="utf-8")
    exts, configs, _ = site_markdown(str(ROOT / "mkdocs.yml"))
    config = {
        "site_name": "scratch",
        "theme": {"name": "material", "font": False},
        "plugins": [],
        "hooks": [str(ROOT / "livedocs" / "mkdocs_hook.py")],
        "markdown_extensions": [{e: configs.get(e, {})} for e in exts],
    }
    yml = tmp / "mkdocs.yml"
    yml.write_text(yaml.safe_dump(config), encoding="utf-8")
    return yml


def run(args: list[str], yml: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*args, "-f", str(yml), "-d", str(yml.parent / "site")],
                          cwd=yml.parent, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


MKDOCS = [sys.executable, "-m", "mkdocs", "build"]
PROPERDOCS = [sys.executable, "-m", "properdocs", "build"]
INVOCATIONS = {
    "mkdocs build --strict": [*MKDOCS, "--strict"],
    "mkdocs build --strict -q": [*MKDOCS, "--strict", "-q"],
    "mkdocs build -v": [*MKDOCS, "-v"],
    "mkdocs build": MKDOCS,
    "properdocs build": PROPERDOCS,
    "properdocs build --strict -q": [*PROPERDOCS, "--strict", "-q"],
}


@pytest.mark.parametrize("name", INVOCATIONS)
def test_a_stale_number_fails_the_build(name: str, tmp_path: Path) -> None:
    if name.startswith("properdocs"):
        pytest.importorskip("properdocs")
    done = run(INVOCATIONS[name], scratch(tmp_path, STALE))
    assert done.returncode != 0, done.stderr
    assert "docs/index.md:9: live number: written 66,047, computed 66,048" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("name", ["mkdocs build --strict -q", "properdocs build"])
def test_the_same_site_with_the_number_right_builds(name: str, tmp_path: Path) -> None:
    if name.startswith("properdocs"):
        pytest.importorskip("properdocs")
    done = run(INVOCATIONS[name], scratch(tmp_path, GOOD))
    assert done.returncode == 0, done.stderr
    assert "66,048" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_keeps_serving_and_shows_the_finding_in_place(tmp_path: Path) -> None:
    yml = scratch(tmp_path, STALE)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(yml), "-a", f"127.0.0.1:{port}",
         "--no-livereload"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        html = ""
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                    html = r.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.5)
        assert server.poll() is None, server.communicate()[1]
        assert '<mark class="livedocs-error"' in html
        at = html.index("66,047")
        assert html.index("live number: written 66,047, computed 66,048") > at
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
        shutil.rmtree(tmp_path / "site", ignore_errors=True)
    assert "written 66,047, computed 66,048" in err  # and logged
