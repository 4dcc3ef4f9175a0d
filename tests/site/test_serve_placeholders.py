"""``mkdocs serve`` does not wait for a figure still being drawn: it serves the page with a
placeholder and rebuilds when the figures are drawn (rnnsite/figures_ext.py,
rnnsite/serving.py), as it does for a notebook still executing (rnnsite/notebooks_hook.py,
whose "being executed" page is a sentence, not a conversion); ``mkdocs build --strict``
always waits, and never publishes a placeholder.

On a temporary copy of the repository (tests/site/test_build_cache.py's), with a figure whose
drawing, and a notebook cell that, wait until the test opens a gate (a file).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from test_build_cache import make_copy

from livedocs.cache import ENV_DIR, ENV_OFF
from rnnsite.figures_ext import PENDING, PENDING_CLASS
from rnnsite.notebooks import placeholder

pytestmark = pytest.mark.slow

ALT = "The scalar powers again, drawn when the test opens its gate"
GUARD = 180.0  # seconds: a guard against a hang, not a timing
NOTEBOOK_PENDING = "This notebook is being executed"


def gated_copy(root: Path) -> tuple[Path, Path]:
    """The copy, with figure ``gated`` (drawn once the file ``gate`` exists) on gated.md,
    and a last notebook cell that runs once the gate exists too."""
    root = make_copy(root, nav=("index.md", "gated.md", "task-1-1/notebook.ipynb"))
    gate = root / "gate"
    with (root / "docs" / "task-1-1" / "notebook.py").open("a", encoding="utf-8") as f:
        f.write(f"\n# %%\nimport pathlib\nimport time\n\n"
                f"while not pathlib.Path({str(gate)!r}).exists():\n    time.sleep(0.05)\n"
                f"print('gate', 'open')\n")
    with (root / "rnnnotes" / "figures" / "__init__.py").open("a", encoding="utf-8") as f:
        f.write(f"\n\ndef gated(theme='light'):\n    import pathlib\n    import time\n\n"
                f"    while not pathlib.Path({str(gate)!r}).exists():\n"
                f"        time.sleep(0.05)\n    return FIGURES['scalar_powers'](theme)\n\n\n"
                f"FIGURES['gated'] = gated\n")
    (root / "docs" / "gated.md").write_text(f"# Gated\n\n![{ALT}](figure:gated)\n",
                                            encoding="utf-8")
    return root, gate


def env_for(root: Path, cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in (ENV_OFF, ENV_DIR)}
    env.update(NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(root), **{ENV_DIR: str(cache)})
    return env


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except OSError:
        return None


def gated_figure(html: str) -> str:
    """The ``<figure>`` of the gated page."""
    m = re.search(r"<figure\b.*?</figure>", html, re.S)
    assert m, html[-3000:]
    return m.group(0)


def test_serve_shows_placeholders_for_a_figure_and_a_notebook_then_them(tmp_path):
    root, gate = gated_copy(tmp_path / "repo")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a",
                               f"127.0.0.1:{port}"], cwd=root, stdout=log, stderr=log,
                              env=env_for(root, tmp_path / "cache"))
    url = f"http://127.0.0.1:{port}/gated/"
    notebook_url = f"http://127.0.0.1:{port}/task-1-1/notebook/"
    try:
        deadline = time.monotonic() + GUARD
        html = None
        while html is None and time.monotonic() < deadline and server.poll() is None:
            html = fetch(url)
            time.sleep(0.2)
        assert html is not None, "no page served while a figure was still being drawn"
        figure = gated_figure(html)
        assert PENDING_CLASS in figure and PENDING in figure, figure
        assert f'aria-label="{ALT}"' in figure and "</svg>" not in figure, figure
        notebook = fetch(notebook_url) or ""
        assert NOTEBOOK_PENDING in notebook, notebook[-3000:]
        assert "jp-Notebook" not in notebook  # a sentence, not a conversion by nbconvert
        gate.touch()  # the figure is drawn and the cell runs now; the server rebuilds
        while time.monotonic() < deadline and server.poll() is None:
            html, notebook = fetch(url) or "", fetch(notebook_url) or ""
            # (a fetch that timed out, "" here, proves nothing: on a loaded machine the
            # page's fetch could fail and the notebook's then succeed)
            if html and PENDING_CLASS not in html and "gate open" in notebook:
                break
            time.sleep(0.2)
        figure = gated_figure(html)
        assert f'role="img" aria-label="{ALT}"' in figure and "</svg>" in figure, figure
        assert PENDING_CLASS not in html and PENDING not in html
        assert "jp-Notebook" in notebook and NOTEBOOK_PENDING not in notebook
        assert server.poll() is None
    finally:
        gate.touch()
        server.terminate()
        server.wait(30)
        log.close()
    text = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert "Figures: still being drawn, served as placeholders" in text, text
    assert "Figures: done; rebuilding" in text, text
    assert "Traceback" not in text, text


def test_a_strict_build_waits_for_a_figure_being_drawn(tmp_path):
    root, gate = gated_copy(tmp_path / "repo")
    # the gate opens once the build has started its worker, while the build renders pages
    opener = threading.Timer(5.0, gate.touch)
    opener.start()
    try:
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d",
                               str(tmp_path / "site")], cwd=root, capture_output=True,
                              text=True, env=env_for(root, tmp_path / "cache"),
                              timeout=GUARD)
    finally:
        opener.cancel()
        gate.touch()
    assert done.returncode == 0, done.stderr
    site = tmp_path / "site"
    figure = gated_figure((site / "gated" / "index.html").read_text("utf-8"))
    assert f'role="img" aria-label="{ALT}"' in figure and PENDING_CLASS not in figure, figure
    notebook = (site / "task-1-1" / "notebook" / "index.html").read_text("utf-8")
    assert "gate open" in notebook and NOTEBOOK_PENDING not in notebook


def test_the_built_sites_hold_no_placeholder(site, site_again):
    """Neither the session's strict build nor its cold one (figures drawn and notebooks
    executed during the build) holds a figure or notebook served before it was done."""
    assert NOTEBOOK_PENDING in placeholder("docs/x/notebook.py")  # what is looked for
    for built in (site, site_again):
        for page in sorted(built.rglob("*.html")):
            text = page.read_text(encoding="utf-8")
            assert PENDING_CLASS not in text and PENDING not in text, page
            assert NOTEBOOK_PENDING not in text, page
