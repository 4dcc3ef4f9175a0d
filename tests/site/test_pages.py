"""The answer pages keep their anatomy, quote the student verbatim and agree with the home table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rnnsite.notebooks import SOURCE_NAME, page_uri
from tests.mkdocs_config import nav_sources

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SEED = ROOT / "tests" / "fixtures" / "seed_answers.txt"
SHARED_SEED = ROOT.parent / "shared" / "seed" / "000_cc19d2d01dbf804a.txt"
VERDICTS = ("correct", "correct under a stated assumption", "imprecise", "wrong")
ANSWER_PAGES = sorted(DOCS.glob("task-*/*.md"))


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


def student_quote(page: Path) -> tuple[str, str]:
    """(the answer label the quote claims, the quoted text) of an answer page."""
    text = page.read_text(encoding="utf-8")
    section = text.split("## The student's answer (verbatim)\n", 1)[1].split("\n## ", 1)[0]
    m = re.search(r'<blockquote class="student" data-answer="([\d.]+)" markdown>\n(.*?)\n'
                  r"</blockquote>", section, re.S)
    assert m, f"{page}: no <blockquote class=\"student\" data-answer=...> under the heading"
    return m[1], _squash(m[2])


VERDICT_TYPES = {"correct": "verdict-correct", "correct under a stated assumption":
                 "verdict-assumption", "imprecise": "verdict-imprecise", "wrong": "verdict-wrong"}


def verdict(page: Path) -> str:
    """The page's one verdict; its box type must be the verdict's (one colour per verdict)."""
    found = re.findall(r'^!!! (verdict-[\w-]+) "([^"]+)"$', page.read_text(encoding="utf-8"),
                       re.M)
    assert len(found) == 1, f"{page}: expected one verdict admonition, found {found}"
    kind, text = found[0]
    assert VERDICT_TYPES.get(text.lower()) == kind, f"{page}: {text!r} in a {kind} box"
    return text.lower()


def test_seed_copy_matches_shared_seed():
    if not SHARED_SEED.exists():
        pytest.skip("shared/ is not beside this checkout")
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_seed_has_nine_answers():
    assert len(seed_answers()) == 9


@pytest.mark.parametrize("page", ANSWER_PAGES, ids=lambda p: p.name)
def test_page_anatomy(page: Path):
    text = page.read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings[:1] == ["The student's answer (verbatim)"]
    assert {"Derivation", "Verdict", "Takeaway"} <= set(headings), headings
    assert '!!! question "The question (a reconstruction)"' in text
    verdict(page)


@pytest.mark.parametrize("page", ANSWER_PAGES, ids=lambda p: p.name)
def test_student_is_quoted_verbatim(page: Path):
    label, quote = student_quote(page)
    assert seed_answers().get(label) == quote, f"{page}: not answer {label}, verbatim"


def test_each_answer_has_at_most_one_page():
    labels = [student_quote(p)[0] for p in ANSWER_PAGES]
    assert len(labels) == len(set(labels))


def home_rows() -> list[tuple[str, str, str]]:
    """(task, verdict, link) for each row of the home page's table of answers."""
    text = re.sub(r"<!--=.*?-->", "", (DOCS / "index.md").read_text(encoding="utf-8"))
    rows = re.findall(r'^\| (\d\.\d) \| [^|]+ \| <span class="verdict verdict--([\w-]+)">'
                      r"([^<]+)</span> \| ([^|]+) \|$", text, re.M)
    for _, kind, v, _ in rows:  # the badge has the verdict box's colour
        assert VERDICT_TYPES.get(v, "verdict-pending") == f"verdict-{kind}", v
    return [(task, v.strip(), link.strip()) for task, _, v, link in rows]


def test_home_table_lists_every_answer_in_order():
    rows = home_rows()
    assert [task for task, _, _ in rows] == [k.rsplit(".", 1)[0] for k in seed_answers()]


def test_home_table_agrees_with_the_pages():
    linked = {}
    for _, home_verdict, link in home_rows():
        target = re.fullmatch(r"\[Q\d\]\((.+)\)", link)
        if target is None:
            assert (home_verdict, link) == ("not assessed yet", "page not written yet")
            continue
        page = DOCS / target[1]
        linked[page] = home_verdict
        assert home_verdict == verdict(page), page
    assert sorted(linked) == ANSWER_PAGES


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
