"""The search index's shape (rnnsite/search_index.py): math as written, no anchors, tables
of answers row by row, titles naming their task."""

from __future__ import annotations

import pytest

from rnnsite.mathml import tex_to_mathml
from rnnsite.search_index import linear, qualified_title, row_ids, searchable


@pytest.mark.parametrize(("tex", "written"), [
    ("c_{t-1}", "c_{t−1}"),
    ("h_t", "h_t"),
    (r"(20 \cdot 128 + 128 \cdot 10) \cdot 5 = 12{,}800", "(20 · 128 + 128 · 10) · 5 = 12,800"),
    (r"\lvert w \rvert \ne 1", "|w| ≠ 1"),
    (r"\frac{a}{b + 1}", "a/(b+1)"),
    (r"10^{-28}", "10^{−28}"),
])
def test_math_reads_as_written(tex, written):
    assert linear(tex_to_mathml(tex, display=False)) == written


def test_searchable_drops_anchors_and_writes_math_out():
    html = ('<h2 id="x">Gates<a class="anchor-link" href="#x">¶</a></h2><p>'
            + tex_to_mathml("c_{t-1}", display=False) + "</p>")
    out = searchable(html)
    assert "¶" not in out and "c_{t−1}" in out and "<math" not in out


TABLE = ('<div class="answers-table"><table><thead><tr><th>a</th><th>q</th><th>g</th>'
         '<th>r</th></tr></thead><tbody><tr><td>1.1 Q1</td><td><a href="x/">How many?</a>'
         '</td><td><span class="grade grade--3">3 of 4 marks: mostly right</span></td>'
         '<td>Because.</td></tr></tbody></table></div>')


def test_a_table_of_answers_is_indexed_row_by_row():
    page = row_ids(TABLE)
    assert '<tr id="answer-1-1-q1">' in page
    out = searchable(page)
    assert '<h3 id="answer-1-1-q1">Task 1.1 Q1: How many?</h3>' in out
    assert "mostly right" in out and "Because." in out


def test_a_table_without_a_reason_column_stays_a_table():
    three = TABLE.replace("<th>r</th>", "").replace("<td>Because.</td>", "")
    assert searchable(three) == three


@pytest.mark.parametrize(("title", "section", "shown"), [
    ("Q1: weights", "Task 1.1", "Task 1.1, Q1: weights"),
    ("Task 1.1 notebook", "Task 1.1", "Task 1.1 notebook"),
    ("Counting", "API reference", "Counting"),
    ("Gates¶", None, "Gates"),
])
def test_titles_name_their_task(title, section, shown):
    assert qualified_title(title, section) == shown
