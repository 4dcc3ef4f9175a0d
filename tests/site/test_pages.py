"""The answer pages quote the student verbatim, keep their anatomy, and the home table and
the summary list exactly the pages' own facts (compared with the pages' front matter, read
here independently of rnnsite.answers)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from livedocs.memo import rendered
from rnnsite.grades import Grade
from rnnsite.notebooks import SOURCE_NAME, page_uri
from tests.mkdocs_config import nav_sources

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SEED = ROOT / "tests" / "fixtures" / "seed_answers.txt"
SHARED_SEED = ROOT.parent / "shared" / "seed" / "000_cc19d2d01dbf804a.txt"
ANSWER_PAGES = sorted(DOCS.glob("task-*/q*.md"))


def _squash(text: str) -> str:
    return " ".join(text.split())


def seed_answers() -> dict[str, str]:
    """The student's answers, keyed by the number of the heading above each one."""
    answers: dict[str, str] = {}
    key = None
    for line in SEED.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"#{3,4} (\d+\.\d+\.\d+) ", line)
        if heading:
            key = heading[1]
            answers[key] = ""
        elif line.startswith("#"):
            key = None
        elif key is not None:
            answers[key] += line + "\n"
    return {k: _squash(v) for k, v in answers.items()}


# The heading over the student's quote (short: on a phone it stays one line, issue d18c).
QUOTE_HEADING = "The student's answer"

def meta(page: Path) -> dict:
    text = page.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


def student_quote(page: Path) -> tuple[str, str]:
    """(the answer label the quote claims, the quoted text) of an answer page."""
    text = page.read_text(encoding="utf-8")
    section = text.split(f"## {QUOTE_HEADING}\n", 1)[1].split("\n## ", 1)[0]
    m = re.search(r'<blockquote class="student" data-answer="([\d.]+)" markdown>\n(.*?)\n'
                  r"</blockquote>", section, re.S)
    assert m, f"{page}: no <blockquote class=\"student\" data-answer=...> under the heading"
    return m[1], _squash(m[2])


def test_seed_copy_matches_shared_seed():
    if not SHARED_SEED.exists():
        pytest.skip("shared/ is not beside this checkout")
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_every_answer_of_the_seed_has_exactly_one_page():
    labels = [f"{meta(p)['task']}.{meta(p)['question']}" for p in ANSWER_PAGES]
    assert sorted(labels) == sorted(seed_answers()), "pages and the seed's answers differ"


@pytest.mark.parametrize("page", ANSWER_PAGES, ids=lambda p: p.name)
def test_page_anatomy(page: Path):
    text = page.read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings[:1] == [QUOTE_HEADING]
    assert headings[-1:] == ["Takeaway"], headings
    assert "Verdict" not in headings  # the answer box, from the front matter, is the verdict
    prose = re.sub(r"<!--.*?-->|^```.*?^```", "", text, flags=re.S | re.M)
    assert not re.search(r"^# ", prose, re.M)  # the H1 comes from the front matter
    assert len(re.findall(r'^!!! answer "', text, re.M)) == 1


@pytest.mark.parametrize("page", ANSWER_PAGES, ids=lambda p: p.name)
def test_student_is_quoted_verbatim_and_labelled_as_the_front_matter_says(page: Path):
    label, quote = student_quote(page)
    assert label == f"{meta(page)['task']}.{meta(page)['question']}"
    assert seed_answers().get(label) == quote, f"{page}: not answer {label}, verbatim"


def table_rows(page: str) -> list[tuple[str, str, str]]:
    """(linked page, question text, badge) of each row of the generated table on ``page``."""
    html = rendered((DOCS / page).read_text(encoding="utf-8"), f"docs/{page}").html
    table = html[html.index('<div class="answers-table'):]
    table = table[: table.index("</table>")]
    rows = re.findall(r'<a href="([^"]+)">(.*?)</a>.*?<span class="grade grade--\d">(.*?)</span>',
                      table, re.S)
    here = (DOCS / page).parent
    # (the page joins a number to the word it counts by a no-break space: the same words)
    return [((here / href).resolve().relative_to(DOCS).as_posix(), q.replace("\u00a0", " "),
             badge.replace("\u00a0", " ")) for href, q, badge in rows]


@pytest.mark.parametrize("page", ["index.md", "summary.md"])
def test_tables_list_the_pages_own_facts_in_the_seeds_order(page: str):
    rows = table_rows(page)
    by_label = {f"{meta(p)['task']}.{meta(p)['question']}": p for p in ANSWER_PAGES}
    expected = []
    for label in seed_answers():  # the seed's order is the exercise's
        m = meta(by_label[label])
        expected.append((by_label[label].relative_to(DOCS).as_posix(), m["asked"],
                         f"{m['grade']} of 4 marks: {Grade(m['grade']).label}"))
    assert rows == expected


def test_summary_gives_each_pages_reason():
    html = rendered((DOCS / "summary.md").read_text(encoding="utf-8"), "docs/summary.md").html
    reasons = re.findall(r'<td class="answers-table__why"[^>]*>(.*?)</td>', html, re.S)
    assert len(reasons) == len(ANSWER_PAGES)
    for page in ANSWER_PAGES:
        words = re.sub(r"[`*$\\{}]|\[[-@\w;\s]+\]", "", meta(page)["reason"]).split()[:6]
        assert any(all(w in re.sub("<[^>]+>", "", r) for w in words) for r in reasons), page


def test_home_figures_network_is_the_one_the_figure_draws():
    from inspect import signature

    from rnnnotes.figures.graphs import unrolled_graph_data

    text = (DOCS / "index.md").read_text(encoding="utf-8")
    m = re.search(r"^D_S, H_S, K_S, T_S = (\d+), (\d+), (\d+), (\d+)", text, re.M)
    drawn = signature(unrolled_graph_data).parameters
    assert m and tuple(map(int, m.groups())) == tuple(
        drawn[k].default for k in ("input_size", "hidden_size", "output_size", "steps"))


def test_nav_lists_every_page():
    listed = nav_sources()
    on_disk = [str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md")]
    # each task notebook, docs/<task>/notebook.py, becomes the page <task>/notebook.ipynb
    on_disk += [page_uri(p.relative_to(DOCS).as_posix()) for p in DOCS.rglob(SOURCE_NAME)]
    on_disk.sort()
    assert listed == on_disk


COUNTING_PAGES = [p for p in ANSWER_PAGES if "count_parameters(" in p.read_text("utf-8")]


@pytest.mark.parametrize("page", COUNTING_PAGES, ids=lambda p: p.name)
def test_pages_that_count_parameters_link_the_calculator_prefilled(page: Path):
    text = page.read_text(encoding="utf-8")
    links = re.findall(r"\]\(\.\./calculator/index\.md\?([^)]+)\)", text)
    assert links, f"{page.name}: counts parameters but does not link the calculator"
    assert all("cell=" in q and "input_size=" in q and "hidden_size=" in q for q in links)
