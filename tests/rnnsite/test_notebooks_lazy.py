"""rnnsite/notebooks_lazy.py: loading the site's configuration (every ``mkdocs`` command
does) no longer imports nbconvert; mkdocs-jupyter's converter is imported, and works, when a
notebook page is converted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, sys
from mkdocs.config import load_config

config = load_config("mkdocs.yml")
import mkdocs_jupyter.plugin as plugin
loaded = "nbconvert" in sys.modules
html = plugin.convert.nb2html(sys.argv[1], execute=False, theme="", allow_errors=False)
print(json.dumps([loaded, "nbconvert" in sys.modules, "jp-Notebook" in html]))
"""


def test_the_config_loads_without_nbconvert_and_a_notebook_still_converts(tmp_path):
    from rnnsite.notebooks import placeholder

    notebook = tmp_path / "nb.ipynb"
    notebook.write_text(placeholder("docs/x/notebook.py"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", PROBE, str(notebook)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    at_config, after, converted = json.loads(done.stdout.strip().splitlines()[-1])
    assert not at_config  # deferred
    assert after and converted  # imported when used, and it converts
