"""What a reader sees in HTML: the attributes a browser shows, relations outside brackets."""

from __future__ import annotations

import pytest

from livedocs.checker.reading import read_html
from livedocs.tex.read import read_span


def test_only_attributes_a_browser_shows_are_read() -> None:
    page = read_html('<p><button type="button" class="b2" id="n3" name="x4">Go</button>'
                     '<input value="42"><input type="hidden" value="7">'
                     '<input type="checkbox" value="8"><ol start="3"><li>a</li></ol>'
                     '<img src="f5.png" alt="9 cats" width="10" title="11 dogs">'
                     '<span start="6">b</span></p>')  # only an <ol> shows its start
    attrs = [(s.where, s.text) for s in page.segments if s.kind == "attr"]
    assert attrs == [("value", "42"), ("start", "3"), ("alt", "9 cats"), ("title", "11 dogs")]
    assert [s.text for s in page.segments if s.kind == "text"] == ["Go", "a", "b"]


@pytest.mark.parametrize(("tex", "sides"), [
    (r"P(X = 1) = 0.5", [r"P(X=1)", "0.5"]),  # a relation inside brackets is notation
    (r"[a = 1] = 3", ["[a=1]", "3"]),
    (r"f_{t=1} = 2", ["f_{t=1}", "2"]),
    (r"a = 1 = 1", ["a", "1", "1"]),
])
def test_a_chain_splits_only_at_relations_outside_brackets(tex: str, sides: list[str]) -> None:
    (chain,) = read_span(tex).chains
    assert ["".join(t.text for t in side.toks) for side in chain.sides] == sides


def test_a_marker_before_closing_punctuation_ties_the_span() -> None:
    from livedocs.numbers import check_page

    report = check_page("$$ x = 3 + 1<!--= 4 --> ;$$\n", "docs/p.md")
    assert report.ok and report.counts().get("equation") == 1 and "live" not in report.counts()


def test_a_marker_inside_text_is_no_tie_of_the_span() -> None:
    from livedocs.marks import marker_char

    assert read_span(r"x = \text{5" + marker_char(0) + r" units} + 1").end_tie is None
    assert read_span(r"x = 2 + 1" + marker_char(0)).end_tie == 0  # at the end: the tie


def test_text_in_nested_student_quotes_belongs_to_the_innermost() -> None:
    page = read_html('<blockquote class="student" data-answer="1.1.1"><p>outer 5</p>'
                     '<blockquote class="student" data-answer="2.1.3"><p>inner 7</p>'
                     '</blockquote><p>outer again</p></blockquote><p>after</p>')
    seen = {s.text.strip(): s.student for s in page.segments if s.kind == "text"
            and s.text.strip()}
    assert seen == {"outer 5": "1.1.1", "inner 7": "2.1.3", "outer again": "1.1.1",
                    "after": None}


def chains(tex: str) -> list[list[str]]:
    return [["".join(t.text for t in side.toks) for side in chain.sides]
            for chain in read_span(tex).chains]


def test_a_comma_inside_brackets_does_not_end_a_statement() -> None:
    assert chains(r"f(a, b) = 3") == [["f(a,b)", "3"]]
    assert chains(r"x = 1, \quad y = 2") == [["x", "1"], ["y", "2"]]


def test_a_matrix_is_one_opaque_token_and_what_follows_it_is_read() -> None:
    found = chains(r"A = \begin{pmatrix} 1 \end{pmatrix}, \quad 2 + 2 = 4")
    assert found[-1] == ["2+2", "4"] and len(found) == 2


def test_an_aligned_continuation_continues_the_chain_just_above() -> None:
    assert chains(r"x = 1, \quad y = 2 \\ &= 2") == [["x", "1"], ["y", "2", "2"]]
