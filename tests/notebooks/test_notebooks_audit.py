"""The markdown cells of every task notebook pass the live-number audit, with the first code
cell as the setup; the audit page keeps the source's line numbers."""

from __future__ import annotations

from pathlib import Path

import jupytext
import pytest
from nbhelpers import ROOT, SOURCES

from livedocs.counts import read_lock
from livedocs.numbers import check_page
from rnnsite.notebooks import audit, audit_text

# Checks per kind of each notebook's audit, pinned with the pages' in one generated lock
# file (`uv run python -m livedocs.counts --update`).
EXPECTED: dict[str, dict[str, int]] = {k: v for k, v in read_lock().items()
                                       if k.endswith("/notebook.py")}


def name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_every_task_folder_has_a_notebook():
    tasks = sorted(p.parent for p in (ROOT / "docs").glob("task-*/*.md"))
    assert sorted({p.parent for p in SOURCES}) == sorted(set(tasks))


@pytest.mark.parametrize("source", SOURCES, ids=name)
def test_markdown_cells_pass_the_audit(source: Path):
    report = audit(source, name(source))
    assert report.ok, "\n".join(c.message for c in report.failures)
    assert report.counts() == EXPECTED[name(source)]


def test_every_notebook_has_expected_counts():
    assert sorted(EXPECTED) == sorted(name(p) for p in SOURCES)


@pytest.mark.parametrize("source", SOURCES, ids=name)
def test_audit_page_is_the_markdown_cells_with_the_first_code_cell_as_setup(source: Path):
    text = source.read_text(encoding="utf-8")
    page = audit_text(text)
    assert len(page.split("\n")) == len(text.split("\n"))  # line numbers carry over
    nb = jupytext.read(source, fmt="py:percent")
    setup = next(c.source for c in nb.cells if c.cell_type == "code")
    assert f"<!-- live:setup\n{setup}\n" in page
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    assert markdown and all(cell in page for cell in markdown)
    # and nothing else: every other line of the page is blank or the setup's
    rest = page.replace(f"<!-- live:setup\n{setup}\n", "", 1)
    for cell in markdown:
        rest = rest.replace(cell, "", 1)
    assert set(rest.replace("-->", "", 1).split()) == set()


SOURCE = '''# %% [markdown]
# # A notebook
#
# Each step feeds {n} hidden units.

# %%
H = 128

# %% [markdown]
# $H = {n}$ again.

# %%
print(H)
'''


def test_a_wrong_number_in_a_markdown_cell_fails_the_audit():
    assert check_page(audit_text(SOURCE.format(n=128)), "nb.py").ok
    report = check_page(audit_text(SOURCE.format(n=127)), "nb.py")
    messages = sorted(c.message for c in report.failures)
    # line numbers are the source's: the prose on line 4, the equation on line 10
    assert [m.split(": ")[0] for m in messages] == ["nb.py:10", "nb.py:4"], messages
    assert all("127" in m for m in messages)


def test_a_wrong_live_number_in_a_markdown_cell_fails_the_audit():
    live = SOURCE.format(n="128").replace("feeds 128", "feeds {}<!--= H * 2 -->")
    assert check_page(audit_text(live.format(256)), "nb.py").ok
    report = check_page(audit_text(live.format(255)), "nb.py")
    assert [c.kind for c in report.failures] == ["live"], [c.message for c in report.failures]


def test_code_cells_after_the_first_are_not_audited_nor_run():
    text = SOURCE.format(n=128) + "\n# %%\nraise SystemExit(12345)\n"
    assert check_page(audit_text(text), "nb.py").ok


def test_a_notebook_without_code_has_no_setup():
    page = audit_text("# %% [markdown]\n# Just 3 words.\n")
    assert page == "\nJust 3 words.\n"
    assert not check_page(page, "nb.py").ok  # 3 is not a given: there is no setup
