"""The build cache never serves stale output, on a temporary copy of the repository (never
the checkout): a warm build writes the same bytes as a cold one, and after an edit of a
function that both a notebook and a figure import, the next warm build shows the new
output of both, the same bytes as a cold build of the edited copy.

The copy holds the code trees, ``uv.lock`` and a small site: one page with a figure
(``scalar_powers``, drawn from ``rnnnotes.gradflow.scalar_recurrence``) and one notebook
printing that function's values, built with the site's Markdown extensions, hooks and
mkdocs-jupyter settings. Each build is a fresh ``mkdocs build --strict`` process whose
imports (the notebook's kernel included) come from the copy.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config

from livedocs.cache import ENV_DIR, ENV_OFF
from livedocs.render import site_markdown
from rnnsite.cache import CODE_TREES

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ["rnnsite/notebooks_hook.py", "rnnsite/build_hook.py", "rnnsite/fonts.py"]
NOTEBOOK = """# %% [markdown]
# # Probe
#
# The scalar recurrence, as the package computes it.

# %%
from rnnnotes.gradflow import scalar_recurrence

print("probe:", scalar_recurrence(0.5, 3).tolist())

# %%
print("note:", open("../../data/note.txt").read())
"""
PAGE = """# Probe

![The scalar recurrence's powers on a log axis](figure:scalar_powers)
"""
# A page whose setup block reads a file outside docs/ and the code trees: the page cache
# records the read, and reuses the page only while the file is unchanged.
READER = """# Reader

<!-- live:setup
import json
from pathlib import Path

VALUE = json.loads(Path("data/value.json").read_text())["value"]
-->

The value is 17<!--= VALUE + 10 -->.
"""
EDIT = ("rnnnotes/gradflow/recurrences.py", "    out[0] = 1.0\n", "    out[0] = 2.0\n")


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    return make_copy(tmp_path_factory.mktemp("cache") / "repo")


def make_copy(root: Path, nav: tuple[str, ...] = ("index.md", "reader.md",
                                                  "task-1-1/notebook.ipynb")) -> Path:
    """The copy of the repository described above, at ``root``."""
    for tree in CODE_TREES:
        shutil.copytree(ROOT / tree, root / tree, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "uv.lock", root / "uv.lock")
    (root / "docs" / "task-1-1").mkdir(parents=True)
    (root / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    (root / "docs" / "reader.md").write_text(READER, encoding="utf-8")
    (root / "data").mkdir()
    (root / "data" / "value.json").write_text('{"value": 7}', encoding="utf-8")
    (root / "data" / "note.txt").write_text("first", encoding="utf-8")
    (root / "docs" / "task-1-1" / "notebook.py").write_text(NOTEBOOK, encoding="utf-8")
    exts, configs, _ = site_markdown(str(ROOT / "mkdocs.yml"))
    jupyter = dict(load_config(str(ROOT / "mkdocs.yml")).plugins["mkdocs-jupyter"].config)
    config = {
        "site_name": "probe",
        "theme": {"name": "material", "font": False},
        "plugins": [{"mkdocs-jupyter": {k: jupyter[k] for k in (
            "include", "execute", "allow_errors", "cache", "include_source",
            "ignore_h1_titles")}}],
        "hooks": [str(root / hook) for hook in HOOKS],
        "markdown_extensions": [
            {e: {k: str(v) if not isinstance(v, (bool, int)) else v
                 for k, v in configs.get(e, {}).items()}} for e in exts],
        "nav": list(nav),
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return root


def build(root: Path, out: Path, cache: bool = True, fails: bool = False) -> str:
    """A strict build of the copy into ``out``, importing the copy's code; its log."""
    env = {k: v for k, v in os.environ.items() if k not in (ENV_OFF, ENV_DIR)}
    env.update(NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(root))
    if not cache:
        env[ENV_OFF] = "1"
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                         cwd=root, env=env, capture_output=True, text=True)
    assert (run.returncode != 0) == fails, run.stderr
    return run.stderr


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.name not in ("sitemap.xml", "sitemap.xml.gz")}


def figure_srcs(site: Path) -> list[str]:
    """The figure's drawing on the page: its one inline SVG (both palettes)."""
    return re.findall(r'<svg\b[^>]*aria-label="The scalar[^"]*"[^>]*>.*?</svg>',
                      (site / "index.html").read_text(encoding="utf-8"), re.S)


def printed(site: Path) -> str:
    return (site / "task-1-1" / "notebook" / "task-1-1.ipynb").read_text(encoding="utf-8")


def test_warm_builds_equal_cold_ones_and_never_go_stale(copy, tmp_path):
    cold = build(copy, tmp_path / "cold")
    assert "executing in its own kernel" in cold and "Figures: drawing" in cold
    # the two Markdown pages and the notebook page (mkdocs-jupyter's conversion)
    assert "Pages: 0 from the build cache, 3 rendered" in cold
    stored = sorted(p.relative_to(copy).as_posix() for p in (copy / ".cache").rglob("*")
                    if p.is_dir())
    assert (copy / ".cache" / "rnnsite" / "notebook").is_dir(), (stored, cold[-4000:])

    warm = build(copy, tmp_path / "warm")
    assert "executed output from the build cache" in warm and "Figures: drawing" not in warm
    assert "Pages: 3 from the build cache, 0 rendered" in warm
    assert files(tmp_path / "warm") == files(tmp_path / "cold")
    assert "probe: [1.0, 0.5, 0.25, 0.125]" in printed(tmp_path / "warm")
    assert "note: first" in printed(tmp_path / "warm")

    # Edit the function the notebook and the figure both call, in the copy only.
    path, old, new = copy / EDIT[0], EDIT[1], EDIT[2]
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")

    edited = build(copy, tmp_path / "edited")
    assert "executing in its own kernel" in edited and "Figures: drawing" in edited
    assert "Pages: 0 from the build cache, 3 rendered" in edited
    assert "probe: [2.0, 1.0, 0.5, 0.25]" in printed(tmp_path / "edited")
    assert len(figure_srcs(tmp_path / "edited")) == 1
    assert figure_srcs(tmp_path / "edited") != figure_srcs(tmp_path / "warm")
    # ...and exactly what a build without any cache writes for the edited code
    build(copy, tmp_path / "uncached", cache=False)
    assert files(tmp_path / "edited") == files(tmp_path / "uncached")

    # A file the notebook read (outside its folder) changes: it runs again, alone.
    (copy / "data" / "note.txt").write_text("second", encoding="utf-8")
    noted = build(copy, tmp_path / "noted")
    assert "executing in its own kernel" in noted and "Figures: drawing" not in noted
    # its page alone is converted again: its output changed
    assert "Pages: 2 from the build cache, 1 rendered (task-1-1/notebook.ipynb)" in noted
    assert "note: second" in printed(tmp_path / "noted")

    # The file the reader page's setup block read changes: the page is checked again, and
    # the warm build fails as a cold one would (17 is no longer VALUE + 10).
    (copy / "data" / "value.json").write_text('{"value": 8}', encoding="utf-8")
    failed = build(copy, tmp_path / "stale", fails=True)
    assert re.search(r"docs/reader\.md:\d+: .*17", failed), failed


def processes_in(root: Path) -> list[str]:
    """The processes whose working folder is ``root`` or below it (the build's figure
    worker and multiprocessing's tracker run there, a notebook's kernel in its folder)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cwd = Path(os.readlink(proc / "cwd"))
            cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue  # gone, or not ours to read
        if cwd == root or root in cwd.parents:
            found.append(f"{proc.name}: {cmd[:200]}")
    return found


@pytest.mark.skipif(not Path("/proc/self/cwd").exists(), reason="needs /proc (Linux)")
@pytest.mark.parametrize("cache", [True, False], ids=["cache", "no cache"])
def test_a_failing_build_exits_with_status_1_and_leaves_no_process(tmp_path, cache):
    """A plain ``mkdocs build`` (no --strict) of a page with a stale number, while a figure
    is still being drawn (one that never ends) and a notebook runs: it fails (status 1),
    stops the figure worker rather than waiting for its queue, and no worker or kernel
    outlives it."""
    import time

    root = make_copy(tmp_path / "repo", nav=("index.md", "reader.md", "zz-endless.md",
                                             "task-1-1/notebook.ipynb"))
    reader = root / "docs" / "reader.md"
    reader.write_text(reader.read_text(encoding="utf-8").replace("is 17<!--=", "is 18<!--="),
                      encoding="utf-8")
    # In the copy, a figure whose drawing never ends: a build that waited for the worker to
    # finish its queue would never exit.
    with (root / "rnnnotes" / "figures" / "__init__.py").open("a", encoding="utf-8") as f:
        f.write("\n\ndef endless(theme='light'):\n    import time\n\n    time.sleep(3600)"
                "\n\n\nFIGURES['endless'] = endless\n")
    # on a page MkDocs renders after the failing one (files in name order, index first)
    (root / "docs" / "zz-endless.md").write_text("# Endless\n\n![A figure](figure:endless)\n",
                                                 encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in (ENV_OFF, ENV_DIR)}
    env.update(NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(root))
    env.update({ENV_OFF: "1"} if not cache else {ENV_DIR: str(tmp_path / "empty-cache")})
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-d",
                             str(tmp_path / "site")], cwd=root, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _, err = proc.communicate(timeout=300)  # a guard against a hang, not a timing
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        pytest.fail(f"the failing build did not exit: {err[-3000:]}")
    assert proc.returncode == 1, err
    assert "Figures: drawing" in err and "executing in its own kernel" in err, err
    assert re.search(r"docs/reader\.md:\d+: .*18", err), err
    assert "Figures: worker stopped, 1 not drawn" in err, err
    assert "Traceback" not in err and "leaked" not in err, err
    left = processes_in(root)
    guard = time.monotonic() + 60  # the processes are gone at exit; this only guards
    while left and time.monotonic() < guard:
        time.sleep(0.5)
        left = processes_in(root)
    assert left == [], left
