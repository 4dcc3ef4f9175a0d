"""The scanner: which number tokens are audited, and what is excluded."""

from __future__ import annotations

import pytest

from livedocs._scan import scan
from livedocs.numbers import iter_live_markers


def prose(text: str) -> list[str]:
    return [t.text for t in scan(text).prose_tokens]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("We count 19,712 weights and 4 links.", ["19,712", "4"]),
        ("Sections 1.1 and 2.1.4, then 73% and .5", ["1.1", "2.1.4", "73%", ".5"]),
        ("Glued: Q1, float64, h_5, 1e-10, 2e+3, x2, 3x, 1.5x, v1.2", []),
        ("A list 5,10 and (1,2)", ["5", "10", "1", "2"]),
        ("End of sentence 42.", ["42"]),
        ("Negative -7 is the token 7", ["7", "7"]),
    ],
)
def test_prose_tokens(text: str, tokens: list[str]) -> None:
    assert prose(text) == tokens


@pytest.mark.parametrize(
    "text",
    [
        "```python\nx = 12345\n```\n",
        "~~~\n12345\n~~~\n",
        "- item\n\n    ```\n    12345\n    ```\n",
        "- ```python\n  x = 12345\n  ```\n",
        "1. ~~~\n   12345<!--= x -->\n   ~~~\n",
        "Use `f(12345)` here, or ``a ` 12345``.",
        "<!-- a comment with 12345 -->",
        "<!--\nmulti 12345\nline -->",
        "> The student wrote 12345\nand this lazy line 6789 too\n",
        "  > indented quote 12345",
        "[a link](https://example.org/a12345/b_678.html) and ![img](fig12345.png)",
        "[a ref][12345]\n\n[12345]: https://example.org/999 \"title 42\"",
        "A footnote[^12345].",
        "Bare URL https://arxiv.org/abs/1503.04069 here.",
        '<span class="c12345" data-n="6789"></span>',
        "&#12345; &amp;",
        "![fig](a.png){ width=300 }",
        "# Title {#sec-12345}",
        "1. first\n2) second\n",
        "---\ntitle: 12345\n---\nText.",
        "Math $\\text{12345}$ is masked",
    ],
)
def test_excluded_regions_have_no_prose_tokens(text: str) -> None:
    sc = scan(text)
    assert [t.text for t in sc.prose_tokens] == []
    # Excluded math tokens are not in prose either; \text is checked in test_live_arith.


def test_blockquote_ends_at_blank_line() -> None:
    assert prose("> quoted 12345\n\nafter 6789") == ["6789"]


def test_line_numbers_are_one_based_page_lines() -> None:
    sc = scan("line one\n\nthree 3\nfour 44\n")
    assert [(t.text, t.line) for t in sc.prose_tokens] == [("3", 3), ("44", 4)]


def test_math_spans_display_inline_and_escaped_dollars() -> None:
    text = "A $x_1$ and \\$5 and $$\n2 + 2 = 4\n$$ and $ not math $ and `$code$`"
    spans = [text[m.start : m.end] for m in scan(text).maths]
    assert spans == ["$x_1$", "$$\n2 + 2 = 4\n$$"]


def test_inline_math_does_not_cross_a_blank_line() -> None:
    assert scan("costs $5\n\nand $6").maths == []


def test_markers_are_found_outside_code_only() -> None:
    text = (
        "19,712<!--= total -->, -3<!--= a | .0f -->, 73%<!--= f | .0% -->\n"
        "`5<!--= in_code -->` and\n```\n6<!--= in_fence -->\n```\n"
        "$x$<!--= tie --> and orphan <!--= o -->"
    )
    got = [(m.token, m.expr, m.spec) for m in iter_live_markers(text)]
    assert got == [("19,712", "total", None), ("-3", "a", ".0f"), ("73%", "f", ".0%"),
                   (None, "tie", None), (None, "o", None)]


def test_live_token_may_be_wrapped_in_emphasis() -> None:
    text = "| **76,800**<!--= total --> | *5*<!--= five --> | *-2*<!--= m --> | __7__<!--= u --> |"
    # `__7__`: an underscore glues, so no token (the marker is an orphan, a failed check).
    assert [m.token for m in iter_live_markers(text)] == ["76,800", "5", "-2", None]
    assert prose(text) == []


def test_marker_bar_is_a_spec_only_if_it_looks_like_one() -> None:
    (m,) = iter_live_markers("1<!--= a | mask -->")
    assert (m.expr, m.spec) == ("a | mask", None)


def test_live_tokens_are_not_audited() -> None:
    assert prose("19,712<!--= total --> and 5") == ["5"]


def test_setup_block_is_found_and_masked() -> None:
    text = "# T\n<!-- live:setup\nX = 12345\n-->\nText 6\n"
    sc = scan(text)
    (setup,) = sc.setups
    assert (setup.line, setup.code_line, setup.code, setup.closed) == (2, 3, "X = 12345\n", True)
    assert prose(text) == ["6"]


def test_unclosed_setup_is_recorded_as_not_closed() -> None:
    (setup,) = scan("<!-- live:setup\nX = 1 -->\n").setups
    assert not setup.closed
