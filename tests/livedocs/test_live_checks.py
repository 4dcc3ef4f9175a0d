"""check_page on small synthetic pages: every kind of failure, with its message."""

from __future__ import annotations

import pytest

from livedocs.numbers import Check, check_page, plan_checks, strip_markers

SETUP = "# T\n<!-- live:setup\nX = 3\nN = 19712\nLABELS = '1.1', 2, '2.1.4'\n-->\n"
SETUP_LINES = SETUP.count("\n")  # the page body starts on line SETUP_LINES + 1
PATH = "docs/t.md"


def page(body: str) -> str:
    return SETUP + body


def only(kind: str, body: str) -> Check:
    """The single check of ``kind`` on a page made of SETUP + ``body``."""
    (check,) = [c for c in check_page(page(body), PATH).checks if c.kind == kind]
    return check


def at(line_in_body: int) -> str:
    return f"{PATH}:{SETUP_LINES + line_in_body}"


def test_a_good_page_passes_every_check() -> None:
    body = (
        "Nine is 9<!--= X * X -->, the total 19,712<!--= N -->, 75%<!--= 3/4 | .0% -->.\n"
        "Section 2.1.4 and 1.1 and 2 are labels.\n"
        "$$ 2 \\cdot 3 = 6 $$<!--= X * 2 -->\n"
    )
    report = check_page(page(body), PATH)
    assert report.ok, [c.message for c in report.failures]
    assert report.counts() == {"setup": 1, "live": 3, "equation": 1, "audit": 1}


def test_stale_literal() -> None:
    c = only("live", "Nine is 10<!--= X * X -->.\n")
    assert not c.ok and (c.written, c.computed) == ("10", str(3 * 3))
    assert c.message == f"{at(1)}: live number: written 10, computed {3 * 3} (expr: X * X)"


def test_wrong_grouping_is_stale() -> None:
    c = only("live", "The total is 19712<!--= N -->.\n")
    assert not c.ok
    assert c.message == f"{at(1)}: live number: written 19712, computed {19712:,} (expr: N)"


def test_raising_expression() -> None:
    c = only("live", "\n\nBroken 1<!--= X / 0 -->.\n")
    assert not c.ok and c.line == SETUP_LINES + 3 and c.written == "1" and c.computed is None
    assert c.message == (f"{at(3)}: live number: written 1, expression raised "
                         "ZeroDivisionError: division by zero (expr: X / 0)")


def test_non_number_result() -> None:
    c = only("live", "Text 3<!--= 'abc' -->.\n")
    assert not c.ok and c.computed == repr("abc")
    assert c.message.startswith(f"{at(1)}: live number: written 3, computed 'abc' (")
    assert "str" in c.message


def test_float_without_spec() -> None:
    c = only("live", "A quarter is 0.25<!--= 1 / 4 -->.\n")
    assert not c.ok and c.computed == repr(1 / 4)
    assert f"{at(1)}: live number: written 0.25, computed {1 / 4!r}" in c.message
    assert "needs a format spec" in c.message


def test_orphan_marker() -> None:
    c = only("live", "Nothing before <!--= X -->.\n")
    assert not c.ok and "not attached to a number" in c.message and c.message.startswith(at(1))


def test_false_equation() -> None:
    c = only("equation", "\n$$ 2 \\cdot 3 = 7 $$<!--= X * 2 -->\n")
    assert not c.ok and c.line == SETUP_LINES + 2
    assert c.message == f"{at(2)}: equation: sides evaluate to {2 * 3} and 7"
    assert (c.written, c.computed) == ("7", str(2 * 3))


def test_untied_equation() -> None:
    c = only("equation", "$$ 2 \\cdot 3 = 6 $$\n")
    assert not c.ok and c.message.startswith(f"{at(1)}: equation not tied to a live expression")


def test_tie_with_wrong_value() -> None:
    c = only("equation", "$2 \\cdot 3 = 6$<!--= X * 3 -->\n")
    assert not c.ok
    assert c.message == f"{at(1)}: equation: written 6, computed {3 * 3} (expr: X * 3)"


def test_tie_formats_with_math_grouping() -> None:
    ok = only("equation", "$$ 19712 \\cdot 1 = 19{,}712 $$<!--= N -->\n")
    assert ok.ok, ok.message
    bad = only("equation", "$$ 19{,}712 \\cdot 1 = 19712 $$<!--= N -->\n")
    assert not bad.ok and "written 19712, computed 19{,}712" in bad.message


def test_last_side_must_be_a_number() -> None:
    c = only("equation", "$$ 6 = 2 \\cdot 3 $$<!--= X * 2 -->\n")
    assert not c.ok and "must be a single number" in c.message


def test_two_equations_in_one_span() -> None:
    c = only("equation", "$$ 1 + 1 = 2 \\\\ 2 + 2 = 4 $$<!--= 4 -->\n")
    assert not c.ok and "2 equations in one math span" in c.message


def test_undefined_side() -> None:
    c = only("equation", "$$ \\frac{1}{0} = 2 $$<!--= 2 -->\n")
    assert not c.ok and "cannot be evaluated: division by zero" in c.message


def test_undeclared_numbers_are_listed_with_their_lines() -> None:
    c = only("audit", "Four 4 apples.\n\nIn math $h_{t-5}$.\n")
    assert not c.ok and c.line == SETUP_LINES + 1
    assert c.message.splitlines() == [
        f"{at(1)}: undeclared number 4 (neither live nor a given)",
        f"{at(3)}: undeclared number 5 (neither live nor a given)",
    ]


def test_givens_match_by_value_and_labels_by_text() -> None:
    body = "Sizes 3 and 2, labels 1.1 and 2.1.4, $\\mathbb{R}^{3 \\times 2}$; 2.1.5 is not.\n"
    c = only("audit", body)
    assert c.message == f"{at(1)}: undeclared number 2.1.5 (neither live nor a given)"


def test_givens_follow_the_formatting_rule() -> None:
    c = only("audit", "Given 19712 and 19,712, in math $19712$ and $19{,}712$.\n")
    assert c.message.splitlines() == [
        f"{at(1)}: number 19712 breaks the formatting rule (write {19712:,})",
        f"{at(1)}: number 19712 breaks the formatting rule (write 19{{,}}712)",
    ]


def test_covered_equation_numbers_are_not_audited_but_others_in_the_span_are() -> None:
    c = only("audit", "$$ P = 4 \\cdot 5 = 20 $$<!--= 20 --> and $$ Q = 7 $$\n")
    assert c.message == f"{at(1)}: undeclared number 7 (neither live nor a given)"


def test_bool_is_not_a_given() -> None:
    text = "<!-- live:setup\nFLAG = True\n-->\nOne 1.\n"
    (audit,) = [c for c in check_page(text, PATH).checks if c.kind == "audit"]
    assert not audit.ok and "undeclared number 1 " in audit.message


def test_number_in_math_tied_without_equation() -> None:
    good = only("live", "$f \\approx 0.75$<!--= 3 / 4 | .2f -->\n")
    assert good.ok, good.message
    bad = only("live", "$f \\approx 0.76$<!--= 3 / 4 | .2f -->\n")
    assert not bad.ok
    assert bad.message == f"{at(1)}: live number in math: written 0.76, computed 0.75 (expr: 3 / 4)"


def test_number_in_math_keeps_its_sign_and_percent() -> None:
    assert only("live", "$f = 73\\%$<!--= 0.731 | .0% -->\n").ok
    assert only("live", "$g \\approx -0.5$<!--= -1 / 2 | .1f -->\n").ok
    # A minus between two terms is an operator, not a sign.
    bad = only("live", "$h = 2 - 0.5$<!--= 1 / 2 | .1f -->\n")
    assert bad.ok and bad.written == "0.5"


@pytest.mark.parametrize(
    ("setup", "needle"),
    [
        ("<!-- live:setup\nimport nowhere_to_be_found\n-->\n", "setup raised ModuleNotFoundError"),
        ("<!-- live:setup\nX = = 1\n-->\n", "setup raised SyntaxError"),
        ("<!-- live:setup\nX = 1 -->\n", "must start with a line that is exactly"),
    ],
)
def test_bad_setup(setup: str, needle: str) -> None:
    (c,) = [c for c in check_page(setup, PATH).checks if c.kind == "setup"]
    assert not c.ok and c.message.startswith(f"{PATH}:1: ") and needle in c.message


def test_second_setup_block_fails() -> None:
    text = "<!-- live:setup\nX = 1\n-->\n\n<!-- live:setup\nY = 2\n-->\n"
    setups = [c for c in check_page(text, PATH).checks if c.kind == "setup"]
    assert [c.ok for c in setups] == [True, False]
    assert "second setup block (the first is on line 1)" in setups[1].message


def test_namespace_is_fresh_per_page() -> None:
    assert check_page(page("Nine 9<!--= X * X -->\n"), PATH).ok
    other = check_page("Nine 9<!--= X * X -->\n", "docs/other.md")
    assert "NameError" in other.failures[0].message


def test_exactly_one_audit_per_page_and_plan_matches_report() -> None:
    for text in ["", "plain", page("9<!--= X*X --> $1+1=2$<!--= 2 --> 4 5"), "<!--= x -->"]:
        report = check_page(text, PATH)
        assert sum(c.kind == "audit" for c in report.checks) == 1
        assert report.checks[-1].kind == "audit"
        assert [s.kind for s in plan_checks(text)] == [c.kind for c in report.checks]


def test_strip_markers_keeps_numbers_and_lines() -> None:
    body = "Nine 9<!--= X * X -->.\n$$ 2 \\cdot 3 = 6 $$<!--= X * 2 -->\n`1<!--= code -->`\n"
    stripped = strip_markers(page(body))
    assert stripped == "# T\n" + "Nine 9.\n$$ 2 \\cdot 3 = 6 $$\n`1<!--= code -->`\n"
    # Only the setup block's lines are gone.
    assert page(body).count("\n") - stripped.count("\n") == SETUP.count("\n") - 1
