"""The strict build renders each task notebook offline, publishes its executed .ipynb, links it
from every answer page of its task, and fails on a raising cell or a wrong number;
mkdocs-jupyter's own cache is off (the build cache, whose keys hold the imported code, is
tested in tests/rnnsite/test_cache.py and tests/site/test_build_cache.py)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import jupytext
import nbformat
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File
from nbhelpers import DOCS, ROOT, SOURCES, mkdocs_build

from rnnsite.notebooks import OUT_DIR, build, download_name, page_uri
from tests.mkdocs_config import nav_sources


def name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def task(source: Path) -> str:
    return source.parent.name


def page_html(site: Path, source: Path) -> str:
    return (site / task(source) / "notebook" / "index.html").read_text(encoding="utf-8")


# ------------------------------------------------------------------ nav and links
@pytest.mark.parametrize("source", SOURCES, ids=name)
def test_notebook_page_is_in_the_nav(source: Path):
    assert page_uri(source.relative_to(DOCS).as_posix()) in nav_sources()


ANSWER_PAGES = [(s, p) for s in SOURCES for p in sorted(s.parent.glob("*.md"))]


@pytest.mark.parametrize("source, page", ANSWER_PAGES, ids=lambda x: x.name)
def test_every_answer_page_links_its_task_notebook(source: Path, page: Path, built_site):
    text = page.read_text(encoding="utf-8")
    assert "](notebook.ipynb)" in text, f"{page.name}: no link to its task's notebook"
    assert f"](notebook/{download_name(source.relative_to(DOCS).as_posix())})" in text
    built = (built_site / task(source) / page.stem / "index.html").read_text(encoding="utf-8")
    assert 'href="../notebook/"' in built
    assert f'href="../notebook/{task(source)}.ipynb"' in built


@pytest.mark.parametrize("source", SOURCES, ids=name)
def test_every_notebook_links_the_answers_it_reproduces(source: Path, built_site):
    """A reader who came from an answer page finds a way back to each answer of its task."""
    article = re.search(r"<article\b.*?</article>", page_html(built_site, source), re.S)
    assert article, f"{name(source)}: no article"  # (the nav links every page: not it)
    for page in sorted(source.parent.glob("*.md")):
        assert f'href="../{page.stem}/"' in article[0], f"{name(source)}: no link to {page.name}"


# ------------------------------------------------------------------ mkdocs-jupyter's config
@pytest.fixture(scope="module")
def jupyter_plugin():
    config = load_config(str(ROOT / "mkdocs.yml"))
    return config, config.plugins["mkdocs-jupyter"]


def test_mkdocs_jupyter_renders_only_what_the_hook_executed(jupyter_plugin):
    config, plugin = jupyter_plugin
    assert plugin.config["execute"] is False  # executed once, by the hook
    assert plugin.config["allow_errors"] is False
    assert plugin.config["cache"] is False  # its key ignores imported modules

    def included(src_dir: Path, uri: str) -> bool:
        return plugin.should_include(File(uri, str(src_dir), config.site_dir, True))

    (generated := ROOT / "build-probe" / OUT_DIR / "task-1-1")  # a path, never created
    assert included(generated.parent, "task-1-1/notebook.ipynb")
    for uri in ("task-1-1/notebook.py", "task-1-1/other.py", "scripts/x.py", "x.ipynb",
                "task-1-1/notebook.ipynb", "task-1-1/q1-unrolled-weights.md"):
        assert not included(DOCS, uri), uri


# ------------------------------------------------------------------ the rendered page
@pytest.mark.parametrize("source", SOURCES, ids=name)
def test_notebook_page_makes_no_request_off_the_site(source: Path, built_site):
    # The canonical link names the page's own published address; nothing fetches it.
    page = re.sub(r'<link rel="canonical" href="[^"]*">', "", page_html(built_site, source))
    fetched = re.compile(r'<(?:script|img|iframe|source|link|embed|object|video|audio)\b'
                         r'[^>]*\b(?:src|href|data)="(?:https?:)?//', re.I)
    assert not fetched.search(page)
    # Beyond tags: no import() or url() to another host, no loader left anywhere. Links
    # (<a href>) are not fetched; XML namespace names (w3.org) are identifiers.
    rest = re.sub(r"<a\b[^>]*>", "", page)
    rest = rest.replace("http://www.w3.org/", "")
    assert not re.search(r"https?://|['\"(]//\w", rest), re.search(r".{60}https?://.{40}", rest)
    assert "mathjax" not in page.lower() and "cdnjs" not in page


def math_spans(markdown: str) -> int:
    display = re.findall(r"\$\$.+?\$\$", markdown, re.S)
    inline = re.findall(r"\$[^$\n]+?\$", re.sub(r"\$\$.+?\$\$", "", markdown, flags=re.S))
    return len(display) + len(inline)


def markdown_cells(page: str) -> list[str]:
    """The HTML of each rendered markdown cell (up to the next cell, or the notebook's end)."""
    cells = re.split(r'<div class="jp-Cell jp-MarkdownCell\b', page)[1:]
    return [re.split(r'<div class="jp-Cell |</div> <!-- jp-Notebook -->', c)[0] for c in cells]


@pytest.mark.parametrize("source", SOURCES, ids=name)
def test_notebook_math_is_mathml(source: Path, built_site):
    page = page_html(built_site, source)
    cells = markdown_cells(page)
    markdown = [c.source for c in jupytext.read(source, fmt="py:percent").cells
                if c.cell_type == "markdown"]
    assert len(cells) == len(markdown)
    assert not any("$" in c for c in cells)  # no TeX left for a script to typeset
    assert [c.count("<math ") for c in cells] == [math_spans(m) for m in markdown]
    assert page.count("<math ") == math_spans("\n".join(markdown)) > 0  # none elsewhere


@pytest.mark.parametrize("source", SOURCES, ids=name)
def test_page_shows_the_published_notebook_and_links_it(source: Path, built_site):
    page = page_html(built_site, source)
    nb = nbformat.read(built_site / task(source) / "notebook" / f"{task(source)}.ipynb", 4)
    printed = [line for c in nb.cells if c.cell_type == "code" for o in c.outputs
               for line in o.get("text", "").splitlines() if line.strip()]
    # printed lines as written (the spans that mark prose lines and whole words aside:
    # rnnsite.notebook_output)
    shown = re.sub(r'</?span(?: class="nb-[a-z]+")?>', "", page)
    assert printed and all(html.escape(line, quote=False) in shown for line in printed)
    assert f'<a href="{task(source)}.ipynb" download>' in page


# ------------------------------------------------------------------ failing builds
def edit(config: Path, source: Path, old: str, new: str) -> None:
    path = config.parent / "docs" / source.relative_to(DOCS)
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


TASK_1_1 = DOCS / "task-1-1" / "notebook.py"


def test_a_raising_cell_or_a_wrong_number_fails_the_build(project_copy, tmp_path):
    # Two scratch builds, one fault each. A wrong number fails the audit, which runs before
    # the notebook (a finding raises: the build stops there, whatever its verbosity).
    wrong = ("# ## Weights in the unrolled network\n",
             "# ## Weights in the unrolled network\n#\n# It has 19,713 weights.\n")
    edit(project_copy, TASK_1_1, *wrong)
    run = mkdocs_build(project_copy, tmp_path / "out")
    assert run.returncode != 0
    assert re.search(r"docs/task-1-1/notebook\.py:\d+: .*19,713", run.stderr), run.stderr
    # Put the number right, and make a cell raise: the execution stops the build.
    edit(project_copy, TASK_1_1, *reversed(wrong))
    edit(project_copy, TASK_1_1, "# %% [markdown]\n# ## Weights in",
         "# %%\nraise ValueError('boom 4321')\n\n# %% [markdown]\n# ## Weights in")
    run = mkdocs_build(project_copy, tmp_path / "out2")
    assert run.returncode != 0
    assert "docs/task-1-1/notebook.py: a cell raised" in run.stderr, run.stderr
    assert "ValueError: boom 4321" in run.stderr


def test_no_stale_output_when_an_imported_module_changes(tmp_path):
    # The hook runs rnnsite.notebooks.build on every build and mkdocs-jupyter's cache is
    # off (tested above): two builds of the same source see a changed module.
    source = tmp_path / "task-1-1" / "notebook.py"
    source.parent.mkdir()
    probe = source.parent / "probe.py"
    source.write_text("# %%\nimport probe\nprint('probe value', probe.VALUE)\n")
    probe.write_text("VALUE = 1\n", encoding="utf-8")
    assert "probe value 1" in build(source, "docs/task-1-1/notebook.py")
    probe.write_text("VALUE = 2\n", encoding="utf-8")
    assert "probe value 2" in build(source, "docs/task-1-1/notebook.py")
