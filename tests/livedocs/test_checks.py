"""check_page on small pages: what each check accepts, rejects and says.

Which pages pass and fail is pinned by the corpus (test_corpus.py); here the messages and
the rules behind them: page, line, written, computed and expression in every message.
"""

from __future__ import annotations

import pytest

from livedocs.checker.prose import prose_tokens
from livedocs.numbers import Check, check_page

SETUP = "# T\n\n<!-- live:setup\nD, H, K = 20, 128, 10\nT_A, T_B = 5, 10\nLABEL = '2.1.4'\n-->\n\n"
BODY_LINE = SETUP.count("\n") + 1  # the first line of a body
PATH = "docs/t.md"


def checks(body: str, kind: str | None = None) -> list[Check]:
    report = check_page(SETUP + body, PATH)
    return [c for c in report.checks if kind is None or c.kind == kind]


def failures(body: str) -> list[str]:
    return [c.message for c in checks(body) if not c.ok]


def page_failures(page: str) -> list[str]:
    """Failures of a whole page (with its own setup)."""
    return [c.message for c in check_page(page, PATH).checks if not c.ok]


def test_a_good_page_passes_and_counts_its_checks() -> None:
    body = ("The sizes are 20, 128 and 10<!--= K -->; the label 2.1.4.\n\n"
            "$$ 20 \\cdot 128 = 2560 $$<!--= D * H -->\n\n"
            "About 16%<!--= D / H | .0% -->.\n")
    report = check_page(SETUP + body, PATH)
    assert report.ok, [c.message for c in report.failures]
    assert report.counts() == {"setup": 1, "live": 2, "equation": 1, "audit": 1}


def test_a_stale_number_names_page_line_written_computed_and_expression() -> None:
    (c,) = checks("\nThe size is 127<!--= H -->.\n", "live")
    assert not c.ok and (c.written, c.computed, c.line) == ("127", "128", BODY_LINE + 1)
    assert c.message == f"{PATH}:{BODY_LINE + 1}: live number: written 127, computed 128 (expr: H)"


def test_a_false_equation_names_its_sides() -> None:
    (c,) = checks("$$ 20 \\cdot 128 = 2561 $$<!--= D * H -->\n", "equation")
    assert not c.ok
    assert c.message == (f"{PATH}:{BODY_LINE}: equation: `20 \\cdot 128` = `2561` does not "
                         "hold: the sides evaluate to 2560 and 2561")


@pytest.mark.parametrize(("written", "ok"), [("0.16", True), ("0.2", True), ("0.156", True),
                                             ("0.31", False), ("0.15", False), ("0.1563", False)])
def test_approx_holds_to_the_digits_written(written: str, ok: bool) -> None:
    # 20/128 = 0.15625: right to 2 decimals as 0.16, to 1 as 0.2; 0.31 and 0.15 are wrong.
    assert not failures(f"$\\frac{{20}}{{128}} \\approx {written}$\n") == ok


@pytest.mark.parametrize(("tex", "ok"), [
    # 20 * 128 * 5 = 12,800: about 13,000 (two significant digits, to the thousand); not
    # 10,000 or 12,000; an integer's trailing zeros count down to two significant digits.
    ("20 \\cdot 128 \\cdot 5 \\approx 13{,}000", True),
    ("20 \\cdot 128 \\cdot 5 \\approx 12{,}800", True),
    ("20 \\cdot 128 \\cdot 5 \\approx 10{,}000", False),
    ("20 \\cdot 128 \\cdot 5 \\approx 12{,}000", False),
    ("65{,}536 \\approx 100{,}000", False),  # 95,000 to 105,000
    ("4 \\cdot 128 \\approx 1000", False),  # 950 to 1050
    ("4 \\cdot 128 \\approx 510", True),
    ("4 \\cdot 128 \\approx 500", False),  # 495 to 505
    ("20 \\cdot 2 \\approx 40", True),
    ("20 \\cdot 2 + 1 \\approx 40", False),  # 40 stands for 39.5 to 40.5
    ("20 / 128 \\approx 0.2", True),  # a decimal: to its last digit
])
def test_approx_with_trailing_zeros_of_an_integer(tex: str, ok: bool) -> None:
    assert not failures(f"$$ {tex} $$\n") == ok


def test_an_equals_tie_is_exact_and_never_rounds() -> None:
    (msg,) = failures("$$ 20 \\cdot 128 = 2560 $$<!--= 2560.4 | .0f -->\n")
    assert "`=` means exact" in msg and "expr: 2560.4" in msg
    assert not failures("$$ \\frac{20}{128} \\approx 0.16 $$<!--= D / H | .2f -->\n")


def test_a_formula_is_checked_at_every_listed_value() -> None:
    good = ("$$ (DH + HK)\\,T + H\\,(T - 1) $$"
            "<!--= (D*H + H*K) * T + H * (T - 1); for T in 1, 5, 10 -->\n")
    assert not failures(good)
    (msg,) = failures(good.replace("H\\,(T - 1)", "H\\,T"))
    assert "at T = 1" in msg and "evaluates to 3968" in msg


def test_an_ambiguous_given_lists_the_givens_that_share_the_value() -> None:
    (msg,) = failures("Over 10 steps.\n")
    assert "ambiguous number 10: it is the value of K, T_B" in msg and "10<!--= K -->" in msg
    assert not failures("Over 10<!--= T_B --> steps.\n")


def test_givens_are_values_of_top_level_literal_assignments_only() -> None:
    page = "<!-- live:setup\nimport math\nX = round(2.5, 777)\nY = -5\nZ = 0.5\n-->\n\n"
    assert page_failures(page + "We used 777.\n")
    assert not page_failures(page + "A change of -5, and 50%, and 0.5.\n")
    assert page_failures(page + "A change of 5.\n") and page_failures(page + "A rate of 5%.\n")


def test_the_formatting_rule_applies_to_givens() -> None:
    (msg,) = page_failures("<!-- live:setup\nN = 19712\n-->\n\nWe count 19712.\n")
    assert "breaks the formatting rule (write 19,712)" in msg


@pytest.mark.parametrize("code", ["exit()", "quit()", "raise SystemExit(3)",
                                  "raise KeyboardInterrupt", "10**5000"])
def test_page_code_never_ends_the_build(code: str) -> None:
    report = check_page(SETUP + f"One is 1<!--= ({code}) if True else 0 -->.\n", PATH)
    assert not report.ok
    report = check_page(f"<!-- live:setup\n{code}\n-->\n\nText.\n", PATH)
    assert not report.ok or code == "10**5000"


def test_unreadable_markup_is_an_error_naming_the_line() -> None:
    (msg,) = [m for m in failures("Ok.\n\nA stray <!-- opener.\n") if "comment" in m]
    assert msg.startswith(f"{PATH}:{BODY_LINE + 2}:")


@pytest.mark.parametrize(("text", "values"), [
    ("19,712 and 2560", ["19712", "2560"]),
    ("−12 and -3 but x-3", ["-12", "-3", "3"]),
    ("73% and 2.5e-7 and 5.2 × 10⁻³", ["73/100", "1/4000000", "13/2500"]),
    ("777x777 and 128×128 and 777th and Q1", ["777", "777", "128", "128", "777", "1"]),
    ("² and ½ and 2.1.4 and 5,10", ["2", "1/2", "None", "5", "10"]),
])
def test_prose_tokens(text: str, values: list[str]) -> None:
    assert [str(t.value) for t in prose_tokens(text)] == values


def test_where_a_lost_marker_sits_is_named() -> None:
    assert any("a marker inside an HTML comment: the reader never sees it" in m
               for m in failures("<!-- a note: 5<!--= 6 --> -->\n\nText.\n"))
    assert any("a marker inside a <script> element" in m
               for m in failures("<script>var x = 5<!--= 6 -->;</script>\n\nText.\n"))


def test_malformed_math_with_a_tie_is_reported_at_the_tie() -> None:
    found = checks("$$ x<!--= 1 --> + 1 = 2 $$<!--= 2 -->\n", "markup")
    (c,) = [c for c in found if "must follow a number" in c.message]
    assert c.marker == 1  # the span's end tie: Sybil reports it at that marker's line
    assert all("\U000f0000" not in c.message for c in found)


def test_a_pycon_block_without_a_session_is_reported_at_its_fence() -> None:
    page = "Some text.\n\nMore text.\n\n```pycon\nprint(1)\n```\n"
    (c,) = [c for c in check_page(page, PATH).failures if c.kind == "doctest"]
    assert c.line == page.splitlines().index("```pycon") + 1
    assert c.message.startswith(f"{PATH}:{c.line}: ")


def test_an_undeclared_number_is_reported_at_its_own_line_of_a_paragraph() -> None:
    page = "Intro.\n\nA paragraph that runs\nover three lines, and here\nis 777 of them.\n"
    (c,) = [c for c in check_page(page, PATH).failures if "777" in c.message]
    assert c.line == 1 + next(n for n, line in enumerate(page.splitlines()) if "777" in line)


@pytest.mark.parametrize("markers", [0, 1, 2])
def test_a_reserved_character_just_past_the_markers_is_named_not_a_crash(markers: int) -> None:
    """The page itself holds the placeholder the next marker would get (index = count)."""
    from livedocs.marks import marker_char

    tied = " ".join(f"{10 * (i + 1)}<!--= {10 * (i + 1)} -->" for i in range(markers))
    body = f"Tied: {tied} and a stray {marker_char(markers)} here.\n"
    found = failures(body)
    code = f"U+{0xF0000 + markers:X}"
    assert any("private-use character" in m and code in m for m in found), found


@pytest.mark.parametrize("split", ["-<!-- x -->5", "1<!-- x -->28", "0.<!-- x -->5",
                                   "\u2212<!--\nx\n-->5"])
def test_a_comment_inside_a_number_is_named(split: str) -> None:
    """The reader sees one number; the checks would read only the part after the comment."""
    found = failures(f"A change of {split}<!--= 5 --> units.\n")
    assert any("an HTML comment splits the number" in m for m in found), found


def test_a_comment_beside_a_number_is_not_a_split() -> None:
    assert not any("splits the number" in m for m in failures(
        "A change of 5<!--= 5 --><!-- a note --> units, and -<!-- x --> 5 apart.\n"))
