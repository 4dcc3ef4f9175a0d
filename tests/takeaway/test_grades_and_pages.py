"""The grading scale (rnnsite.grades) and the answer pages' front matter (rnnsite.answer_pages)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from rnnsite.answer_pages import DOCS, AnswerPage, AnswerPageError, answer_pages, front_matter
from rnnsite.grades import Grade

ROOT = Path(__file__).resolve().parents[2]
META = {"task": "2.1", "question": 2, "heading": "a forget gate that is always zero",
        "grade": 2, "reason": "One part right, one claim wrong.",
        "asked": "What happens if the forget gate is always 0?", "confidence": "medium",
        "basis": "The answer describes a shut forget gate."}


def test_the_scale_runs_from_no_credit_to_full_marks_in_order():
    assert [g.label for g in sorted(Grade)] == [
        "no credit", "some credit", "half right", "mostly right", "full marks"]
    assert Grade(2).badge == "2 of 4 marks: half right"
    assert all(g.definition and g.definition[0].islower() for g in Grade)


@pytest.mark.parametrize("bad", [5, -1, "2", 2.0, True, None])
def test_a_grade_off_the_scale_is_refused_with_what_was_expected(bad):
    with pytest.raises(ValueError, match=r"expected an integer from 0 to 4.*got"):
        Grade.parse(bad)


def test_every_answer_page_has_the_front_matter_of_the_new_format():
    pages = answer_pages()
    assert len(pages) == len(list(DOCS.glob("task-*/q*.md")))
    assert [(p.task, p.question) for p in pages] == sorted((p.task, p.question) for p in pages)
    for p in pages:
        assert p.title.startswith(f"Task {p.task}, Question {p.question}: ")


@pytest.mark.parametrize("key", ["task", "question", "heading", "asked", "confidence", "basis",
                                 "grade", "reason"])
def test_a_page_missing_a_key_is_an_error_naming_the_page_and_the_key(key):
    meta = {k: v for k, v in META.items() if k != key}
    with pytest.raises(AnswerPageError, match=rf"x/q\.md: front matter lacks {key}"):
        AnswerPage.from_meta("x/q.md", meta)


@pytest.mark.parametrize("key, value", [("task", 2.1), ("question", 0), ("heading", ""),
                                        ("grade", 7)])
def test_a_bad_value_is_an_error_naming_it(key, value):
    with pytest.raises(AnswerPageError, match=re.escape(repr(value))):
        AnswerPage.from_meta("x/q.md", {**META, key: value})


def test_the_reader_sees_a_changed_grade(tmp_path):
    shutil.copytree(DOCS, tmp_path / "docs", ignore=shutil.ignore_patterns("*.py", "assets"))
    page = tmp_path / "docs/task-2-1/q2-forget-gate-zero.md"
    before = front_matter(page)["grade"]
    after = (before + 1) % 5
    page.write_text(page.read_text().replace(f"\ngrade: {before}\n", f"\ngrade: {after}\n"))
    grades = {p.src: p.grade for p in answer_pages(tmp_path / "docs")}
    assert grades["task-2-1/q2-forget-gate-zero.md"] == after


def test_the_issue_form_offers_exactly_the_scale():
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/disagree.yml").read_text())
    [dropdown] = [f for f in form["body"] if f.get("id") == "proposed"]
    assert dropdown["attributes"]["options"] == [g.badge for g in sorted(Grade, reverse=True)]
