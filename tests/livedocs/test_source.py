"""A marker's body splits at its last top-level ``|`` (the spec) and its ``; for`` clauses,
never inside a string literal or brackets, whatever the quotes."""

from __future__ import annotations

import ast

import pytest

from livedocs.checker.source import split_body


@pytest.mark.parametrize("expr", [
    'len("") + D',  # an empty string: its closing quote right after the opening one
    "len('') + D",
    'len("""""") + D',  # an empty triple-quoted string
    'len("""a|b""") + D',  # a bar inside a triple-quoted string
    'f("|") + D',
    'g("\\"|") + D',  # an escaped quote, then a bar, inside the string
    "(a | b) + D",  # a bar inside brackets is Python's or
])
def test_the_spec_is_after_the_last_bar_outside_strings_and_brackets(expr: str) -> None:
    ast.parse(expr, mode="eval")  # the expression is Python, as a page would write it
    assert split_body(f"{expr} | .0f") == (expr, ".0f", [])
    assert split_body(expr) == (expr, None, [])


@pytest.mark.parametrize("expr", ['len("") + T', 'len("""""") + T', '"a;b" + T'])
def test_for_clauses_split_at_semicolons_outside_strings(expr: str) -> None:
    assert split_body(f"{expr} ; for T in 1, 2") == (expr, None, [("T", [1, 2])])


@pytest.mark.parametrize("body", ["x |.2f", "x|.2f", "x | .2f", "x |  .2f "])
def test_the_spec_may_follow_the_bar_with_or_without_spaces(body: str) -> None:
    assert split_body(body) == ("x", ".2f", [])


def test_an_unclosed_marker_is_reported_at_its_own_line() -> None:
    from livedocs.checker.source import prepare

    text = "First line.\n\nThird line 5<!--= 2 + 3 -->.\nFourth <!--= x\n\nSixth.\n"
    (line, message), = prepare(text).errors
    assert line == text.splitlines().index("Fourth <!--= x") + 1
    assert "never closed" in message


def test_a_marker_line_is_its_own_or_the_fallback_for_an_unknown_marker() -> None:
    from livedocs.checker.plantypes import PagePlan, marker_line
    from livedocs.checker.source import prepare

    text = "A 5<!--= 5 -->.\n\nB 6<!--= 6 -->.\n\nC 7<!--= 7 -->.\n"
    plan = PagePlan(markers=prepare(text).markers)
    lines = [n + 1 for n, line in enumerate(text.splitlines()) if "<!--=" in line]
    assert [marker_line(plan, k, 99) for k in range(3)] == lines == [1, 3, 5]
    assert [marker_line(plan, k, 99) for k in (-1, 3, 10)] == [99, 99, 99]


@pytest.mark.parametrize("n", [1, 59, 60, 61, 200])
def test_math_quoted_in_a_message_is_cut_to_sixty_characters(n: int) -> None:
    from livedocs.checker.plantypes import short

    tex = "x" * n
    assert short(tex) == (tex if n <= 60 else tex[:57] + "...")
    assert len(short(tex)) == min(n, 60)
    assert short("a  +\n b") == "a + b"  # spacing collapsed
