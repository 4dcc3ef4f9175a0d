"""The build cache's keys change with exactly what an entry depends on, and its entries can
be trusted (livedocs/cache.py, rnnsite/cache.py, rnnsite/figure_store.py,
rnnsite/notebook_store.py). The builds themselves: tests/site/test_build_cache.py."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from livedocs.cache import ENV_DIR, ENV_OFF, BuildCache, enabled, reads
from rnnsite import figure_store
from rnnsite.cache import CODE_TREES, ROOT, site_cache
from rnnsite.notebook_store import execution_key


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> tuple[Path, BuildCache]:
    """A copy of the code trees, uv.lock and the task notebooks (with a page beside each),
    and a cache over it."""
    monkeypatch.delenv(ENV_OFF, raising=False)
    monkeypatch.delenv(ENV_DIR, raising=False)
    root = tmp_path / "repo"
    for tree in CODE_TREES:
        shutil.copytree(ROOT / tree, root / tree, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "uv.lock", root / "uv.lock")
    for task in ("task-1-1", "task-1-2"):
        (root / "docs" / task).mkdir(parents=True)
        shutil.copy(ROOT / "docs" / task / "notebook.py", root / "docs" / task)
        (root / "docs" / task / "page.md").write_text("# A page\n")
    return root, BuildCache(root, CODE_TREES, root / ".cache" / "rnnsite")


def keys(root: Path, cache: BuildCache) -> dict[str, str]:
    """Every kind of entry's key, for this state of the project."""
    digest = cache.code_digest()
    found = {f"notebook {t}": execution_key(root / "docs" / t / "notebook.py", cache)[0]
             for t in ("task-1-1", "task-1-2")}
    found["figure"] = figure_store._key("draw", "scalar_powers", digest)
    found["figure names"] = figure_store._key("names", "", digest)
    return found


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {k for k in before if before[k] != after[k]}


def test_nothing_changed_nothing_invalidated(project):
    root, cache = project
    assert keys(root, cache) == keys(root, cache)


@pytest.mark.parametrize("edit", ["rnnnotes/gradflow/recurrences.py", "rnnnotes/__init__.py",
                                  "livedocs/checker/format.py", "rnnsite/notebooks.py", "uv.lock"])
def test_a_module_or_the_lock_file_invalidates_every_entry(project, edit):
    root, cache = project
    before = keys(root, cache)
    append(root / edit, "\n# an edit\n")
    assert changed(before, keys(root, cache)) == set(before)


def test_a_new_module_invalidates_every_entry(project):
    root, cache = project
    before = keys(root, cache)
    (root / "rnnnotes" / "extra.py").write_text("VALUE = 1\n")
    assert changed(before, keys(root, cache)) == set(before)


def test_a_notebook_invalidates_itself_only(project):
    root, cache = project
    before = keys(root, cache)
    append(root / "docs" / "task-1-1" / "notebook.py", "\n# %%\nprint(1)\n")
    assert changed(before, keys(root, cache)) == {"notebook task-1-1"}


def test_a_file_beside_a_notebook_invalidates_it_a_page_does_not(project):
    root, cache = project
    before = keys(root, cache)
    append(root / "docs" / "task-1-2" / "page.md", "More text.\n")
    assert changed(before, keys(root, cache)) == set()
    (root / "docs" / "task-1-2" / "helper.py").write_text("VALUE = 1\n")
    assert changed(before, keys(root, cache)) == {"notebook task-1-2"}


def test_the_python_version_is_in_every_key(project, monkeypatch):
    root, cache = project
    before = keys(root, cache)
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    assert changed(before, keys(root, cache)) == set(before)


def test_a_matplotlibrc_invalidates_the_figures_only(project, monkeypatch, tmp_path):
    root, cache = project
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "mpl"))
    before = keys(root, cache)
    (tmp_path / "mpl").mkdir()
    (tmp_path / "mpl" / "matplotlibrc").write_text("lines.linewidth: 3\n")
    assert changed(before, keys(root, cache)) == {"figure", "figure names"}


def test_entries_round_trip_and_a_damaged_one_is_a_miss(project):
    _, cache = project
    key = cache.key("figure", cache.code_digest(), ["x"])
    assert cache.get("figure", key) is None
    assert cache.put("figure", key, b"<svg/>")
    assert cache.get("figure", key) == b"<svg/>"
    path = next(p for p in cache.directory.rglob(key))
    path.write_bytes(path.read_bytes()[:-2] + b"?>")
    assert cache.get("figure", key) is None and not path.exists()
    assert (cache.directory.parent / ".gitignore").read_text().splitlines()[-1] == "*"


def test_a_result_is_not_stored_when_the_code_changed_while_it_ran(project):
    root, cache = project
    digest = cache.code_digest()
    key = cache.key("figure", digest, ["x"])

    def compute() -> bytes:
        append(root / "rnnnotes" / "__init__.py", "\n# edited during the work\n")
        return b"made with either version"

    assert cache.cached("figure", ["x"], compute) == b"made with either version"
    assert cache.get("figure", key) is None
    assert not cache.put("figure", key, b"late", digest)


def test_the_environment_variable_turns_it_off(project, monkeypatch):
    _, cache = project
    key = cache.key("figure", cache.code_digest(), ["x"])
    cache.put("figure", key, b"stored")
    calls = []
    monkeypatch.setenv(ENV_OFF, "1")
    assert not enabled()
    assert cache.get("figure", key) is None
    assert not cache.put("figure", key, b"other")
    assert cache.cached("figure", ["x"], lambda: calls.append(1) or b"fresh") == b"fresh"
    assert cache.cached("figure", ["x"], lambda: calls.append(1) or b"fresh") == b"fresh"
    assert calls == [1, 1]
    for off in ("", "0", "false"):
        monkeypatch.setenv(ENV_OFF, off)
        assert enabled()
    assert cache.get("figure", key) == b"stored"


def test_bad_key_parts_are_refused(project):
    _, cache = project
    with pytest.raises(ValueError, match="kind must be an identifier, got 'a/b'"):
        cache.key("a/b", "d", [])
    with pytest.raises(TypeError, match="must be str or bytes, got int"):
        cache.key("figure", "d", [3])
    with pytest.raises(TypeError, match="data must be bytes, got str"):
        cache.put("figure", "k" * 64, "text")


def test_the_digest_covers_every_file_of_the_code_trees_but_bytecode(project):
    root, cache = project
    digest = cache.code_digest()
    (root / "rnnsite" / "__pycache__").mkdir(exist_ok=True)
    (root / "rnnsite" / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"\0")
    assert cache.code_digest() == digest
    (root / "rnnsite" / "data.json").write_text("{}")  # not only .py files
    assert cache.code_digest() != digest


def test_the_site_cache_is_the_checkouts_unless_the_variable_moves_it(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_DIR, raising=False)
    assert (site_cache().root, site_cache().directory) == (ROOT, ROOT / ".cache" / "rnnsite")
    monkeypatch.setenv(ENV_DIR, str(tmp_path))
    assert site_cache().directory == tmp_path


def test_a_file_read_while_working_is_an_input_of_the_entry(project, tmp_path):
    _, cache = project
    fixture = tmp_path / "fixture.json"
    fixture.write_text('{"total": 1}')
    key = cache.key("page", cache.code_digest(), ["page"])
    with reads() as read:
        data = fixture.read_bytes()
        (tmp_path / "written.txt").write_text("not an input")
    assert read == {str(fixture)}
    assert cache.put_tracked("page", key, data, read)
    assert cache.get_tracked("page", key) == b'{"total": 1}'
    fixture.write_text('{"total": 2}')
    assert cache.get_tracked("page", key) is None
    fixture.write_text('{"total": 1}')
    assert cache.get_tracked("page", key) == b'{"total": 1}'
    fixture.unlink()
    assert cache.get_tracked("page", key) is None


def test_reads_nest_and_ignore_the_interpreters_files(tmp_path):
    inner_file = tmp_path / "inner.txt"
    inner_file.write_text("x")
    with reads() as outer:
        with reads() as inner:
            inner_file.read_text()
            import json  # noqa: F401 (already imported: no read)
            open(json.__file__).close()  # the interpreter's own: not an input  # noqa: PTH123
        assert inner == {str(inner_file)}
    assert outer == {str(inner_file)}


def test_a_write_through_os_open_is_not_an_input(tmp_path):
    import os
    import tempfile

    with reads() as read:
        fd, name = tempfile.mkstemp(dir=tmp_path)  # os.open with O_CREAT: a write
        os.close(fd)
    assert read == set()
    with reads() as read:
        os.close(os.open(name, os.O_RDONLY))
    assert read == {name}


def test_files_every_key_holds_are_not_recorded_with_an_entry(project, tmp_path):
    root, cache = project
    outside = tmp_path / "fixture.json"
    outside.write_text("{}")
    key = cache.key("page", cache.code_digest(), ["page"])
    read = {str(root / "rnnnotes" / "__init__.py"), str(root / "uv.lock"),
            str(cache.directory / "figure" / "ab" / "entry"), str(outside)}
    assert [p for p in read if not cache.keyed(p)] == [str(outside)]
    assert cache.put_tracked("page", key, b"x", read)
    assert cache.get_tracked("page", key) == b"x"
    (root / "rnnsite" / "__pycache__").mkdir(exist_ok=True)
    assert not cache.keyed(str(root / "rnnsite" / "__pycache__" / "x.cpython-311.pyc"))


def test_an_unrecorded_reader_is_named_instead(tmp_path):
    from livedocs.cache import unrecorded

    (tmp_path / "a.md").write_text("a")
    (tmp_path / "b.md").write_text("b")
    with reads() as outer:
        with reads() as inner:
            with unrecorded("front matter"):
                (tmp_path / "a.md").read_text()
            (tmp_path / "b.md").read_text()
        assert inner == {str(tmp_path / "b.md")} and inner.unkeyed == {"front matter"}
    assert outer.unkeyed == {"front matter"}
    with unrecorded("outside any block"):  # nothing to tell
        (tmp_path / "a.md").read_text()


def test_the_answer_tables_key_holds_front_matter_not_bodies(tmp_path):
    from rnnsite.answer_pages import answer_pages, front_matters

    docs = tmp_path / "docs"
    (docs / "task-1-1").mkdir(parents=True)
    page = docs / "task-1-1" / "q2-a.md"
    page.write_text(answer_page("1.1", 2, 3, "The first body."), encoding="utf-8")
    before = front_matters(docs)
    page.write_text(answer_page("1.1", 2, 3, "Another body."), encoding="utf-8")
    assert front_matters(docs) == before
    page.write_text(answer_page("1.1", 2, 2, "Another body."), encoding="utf-8")
    assert front_matters(docs) != before
    assert [int(p.grade) for p in answer_pages(docs)] == [2]
    (docs / "task-1-2").mkdir()
    (docs / "task-1-2" / "q1-b.md").write_text(answer_page("1.2", 1, 4, "Body."),
                                               encoding="utf-8")
    assert [int(p.grade) for p in answer_pages(docs)] == [2, 4]


# --- which pages a change re-renders: builds of a small site on a copy ----------------

def seed_text(label: str) -> str:
    import re

    text = (ROOT / "tests" / "fixtures" / "seed_answers.txt").read_text(encoding="utf-8")
    m = re.search(rf"^#{{3,4}} {re.escape(label)} .*?\n(.*?)(?=^#|\Z)", text, re.S | re.M)
    assert m, label
    return m.group(1).strip()


def answer_page(task: str, question: int, grade: int, body: str) -> str:
    label = f"{task}.{question}"
    return (f'---\ntask: "{task}"\nquestion: {question}\nheading: "a question"\n'
            f'asked: "What is asked?"\nconfidence: "high"\nbasis: "The answer says so."\n'
            f'grade: {grade}\nreason: "It is mostly right."\n---\n\n'
            f'<blockquote class="student" data-answer="{label}" markdown>\n'
            f"{seed_text(label)}\n</blockquote>\n\n"
            f'!!! answer "A full-marks answer"\n    {body}\n')


SITE = {
    "index.md": "# Home\n\n::answers-table::\n\n::grading-scale::\n",
    "summary.md": "# Summary\n\n::answers-summary::\n",
    "other.md": "# Other\n\nWords, and a link to [the summary](summary.md).\n",
    "task-1-1/q2-a.md": answer_page("1.1", 2, 3, "Parameters are shared across steps."),
    "task-1-2/q1-b.md": answer_page("1.2", 1, 3, "Repeated products shrink or grow."),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """A copy of the code trees and uv.lock with a small site: the home table, the summary,
    a plain page and two answer pages, built with the site's Markdown extensions and the
    build cache's hook; one cold build fills its cache."""
    import yaml

    from livedocs.render import site_markdown

    root = tmp_path_factory.mktemp("pages") / "repo"
    for tree in CODE_TREES:
        shutil.copytree(ROOT / tree, root / tree, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "uv.lock", root / "uv.lock")
    for name, text in SITE.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")
    exts, configs, _ = site_markdown(str(ROOT / "mkdocs.yml"))
    # The files the Markdown options name (the seed, the bibliography, the API pages) are
    # keys of every page: copied into the copy, and named there, so that nothing of the
    # checkout is read (in a full run another test's work in the checkout changed every
    # page's key between two builds here: all five pages re-rendered, twice in CI).
    options = configs["livedocs.markdown_ext"]
    inputs = root / "inputs"
    for name in ("seed", "bibliography", "api"):
        source = Path(options["config_dir"]) / options[name]
        target = inputs / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target)
        options[name] = str(target)
    options["config_dir"] = str(root)
    config = {
        "site_name": "pages",
        "theme": {"name": "material", "font": False},
        "plugins": [],
        "hooks": [str(root / "rnnsite" / "build_hook.py")],
        "markdown_extensions": [
            {e: {k: str(v) if not isinstance(v, (bool, int)) else v
                 for k, v in configs.get(e, {}).items()}} for e in exts],
        "nav": list(SITE),
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    assert rendered(root, root / "site-first") == set(SITE)
    return root


_LAST_LOG: list[str] = []  # the last build's log, for a failure to show (an unexplained
# failure once re-rendered every page: the next one says what the build said)


def rendered(root: Path, out: Path, cache: bool = True) -> set[str]:
    """A strict build of the copy into ``out`` (its own code, a fresh process): the pages it
    rendered rather than took from the build cache."""
    import os
    import re
    import subprocess

    env = {k: v for k, v in os.environ.items() if k not in (ENV_OFF, ENV_DIR)}
    env.update(NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(root))
    if not cache:
        env[ENV_OFF] = "1"
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                         cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    _LAST_LOG[:] = [run.stderr]
    if not cache:
        return set(SITE)
    m = re.search(r"Pages: (\d+) from the build cache, (\d+) rendered(?: \((.*)\))?", run.stderr)
    assert m, run.stderr
    names = set(m[3].split(", ")) if m[3] else set()
    assert len(names) == int(m[2]) and int(m[1]) + int(m[2]) == len(SITE), run.stderr
    return names


def built(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.startswith("sitemap.xml")}


@pytest.mark.slow
@pytest.mark.parametrize(("what", "edit", "expected"), [
    ("an answer page's body", ("docs/task-1-1/q2-a.md", "are shared across steps",
                               "are the same at every step"), {"task-1-1/q2-a.md"}),
    ("an answer page's grade", ("docs/task-1-1/q2-a.md", "grade: 3", "grade: 2"),
     {"task-1-1/q2-a.md", "index.md", "summary.md"}),
    ("a plain page", ("docs/other.md", "Words,", "More words,"), {"other.md"}),
    ("mkdocs.yml", ("mkdocs.yml", "site_name: pages", "site_name: pages\nsite_author: me"),
     set(SITE)),
])
def test_an_edit_re_renders_exactly_the_pages_that_read_it(site, tmp_path, what, edit,
                                                          expected):
    path, old, new = site / edit[0], edit[1], edit[2]
    original = path.read_text(encoding="utf-8")
    assert original.count(old) == 1
    path.write_text(original.replace(old, new), encoding="utf-8")
    try:
        found = rendered(site, tmp_path / "warm")
        cached = sorted(p.relative_to(site).as_posix() for p in (site / ".cache").rglob("*")
                        if p.is_file())[:40] if (site / ".cache").exists() else "no .cache"
        assert found == expected, (what, _LAST_LOG[-1][-3000:], cached)
        rendered(site, tmp_path / "cold", cache=False)
        assert built(tmp_path / "warm") == built(tmp_path / "cold")
        assert built(tmp_path / "warm") != built(site / "site-first")
    finally:
        path.write_text(original, encoding="utf-8")
