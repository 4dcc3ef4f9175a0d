"""Which numbers of an equation are covered, which are left to the audit, which relations
are checked and which must be tied (livedocs/checker/planmath.py)."""

from __future__ import annotations

import pytest

from livedocs.numbers import check_page

SETUP = "# T\n\n<!-- live:setup\nD, H, K = 20, 128, 10\nT_A = 5\n-->\n\n"


def findings(body: str) -> list[str]:
    return [c.message.split(": ", 1)[1] for c in check_page(SETUP + body, "docs/t.md").failures]


def kinds(body: str) -> dict[str, int]:
    return check_page(SETUP + body, "docs/t.md").counts()


@pytest.mark.parametrize("body", [
    "$$ 20 \\cdot 128 = 2560 $$<!--= D * H -->",           # tied: every number covered
    "$$ D \\cdot H = 20 \\cdot 128 $$",                      # givens alone need no tie
    "$$ 20 \\cdot 128 = 2560 $$",                            # anchored by givens through =
    "$$ \\frac{20}{128} \\approx 0.16 $$",                   # exact side to the written one
    "$$ 0.16 \\approx \\frac{20}{128} $$",                   # either way round
    "$$ \\frac{20}{128} \\approx 0.16 $$<!--= D / H | .2f -->",
    "$2560<!--= D * H -->$ weights",                        # a tied number, no equation
    "$$ 20 \\cdot 128 = 2560, \\quad 2560 \\cdot 5 = 12{,}800 $$<!--= D * H * T_A -->",
    "$$ (D + H)\\,T $$<!--= (D + H) * T; for T in 1, 5 -->",
    "$$ 128 < 20 \\cdot 128 = 2560 $$<!--= D * H -->",       # 128 is a given
])
def test_good_equations(body: str) -> None:
    assert findings(body + "\n") == []


@pytest.mark.parametrize(("body", "says"), [
    ("$$ 21 \\cdot 128 = 2688 $$", "equation not tied"),
    ("$$ 3000 > 20 \\cdot 128 = 2560 $$<!--= D * H -->", "undeclared number 3000"),
    ("$$ 20 \\cdot 128 = 2560 > 128 $$<!--= D * H -->", "written 128, computed 2560"),
    ("$$ \\frac{21}{128} \\approx 0.16 $$", "equation not tied"),
    ("$$ \\frac{20}{128} = 0.16 $$<!--= D / H | .2f -->", "does not hold"),
    ("$$ \\quad $$<!--= 1 -->", "holds no number"),
    ("$$ 20 \\cdot 128 = 2561 $$", "does not hold"),
    ("$$ (D + H)\\,T $$<!--= (D + H) * T + 1; for T in 1, 5 -->", "at T = 1"),
    ("$$ 20 \\cdot 128 = 2560, \\quad 2 \\cdot 3 = 7 $$<!--= D * H -->", "does not hold"),
    ("$$ \\lfloor 7/2 \\rfloor = 3 $$", "cannot be evaluated"),
    ("$$ \\lfloor 7/2 \\rfloor = 3 $$<!--notation-->", "undeclared number 7"),
    ("$$ 20 \\cdot 128 = 2561 $$<!--= 2561 --><!--notation-->", "does not hold"),
    ("$$ \\underbrace{20 \\cdot 128}_{\\text{in}} = 2561 $$<!--notation-->", "does not hold"),
    ("$$ 2560 \\approx 20 \\cdot 128 + 7 $$<!--= D * H -->", "to the digits written"),
])
def test_bad_equations(body: str, says: str) -> None:
    found = findings(body + "\n")
    assert any(says in f for f in found), found


def test_an_end_tie_ties_the_last_chain_and_counts_one_equation_each() -> None:
    assert kinds("$$ 20 \\cdot 128 = 2560, \\quad 2560 \\cdot 5 = 12{,}800 $$"
                 "<!--= D * H * T_A -->\n") == {"setup": 1, "equation": 2, "audit": 1}
    assert kinds("$2560<!--= D * H -->$\n") == {"setup": 1, "live": 1, "audit": 1}
    # The opt-out does not silence a relation that can be evaluated: still one equation.
    assert kinds("$$ 20 \\cdot 128 = 2560 $$<!--= D * H --><!--notation-->\n") == {
        "setup": 1, "equation": 1, "notation": 1, "audit": 1}


def test_the_end_tie_ties_the_last_of_three_chains() -> None:
    body = ("$$ 2 \\cdot 5 = 10, \\quad 20 \\cdot 128 = 2560, \\quad 2560 \\cdot 5 = "
            "12{,}800 $$<!--= D * H * T_A -->\n")
    assert findings(body) == []
    assert kinds(body) == {"setup": 1, "equation": 3, "audit": 1}


def test_a_scientific_number_times_a_symbol_is_not_the_written_side() -> None:
    page = ("# T\n\n<!-- live:setup\nP, S, T_A = 12800, 2560, 5\n-->\n\n"
            "$$ 12{,}800 \\approx 2.56 \\times 10^{3}\\,T_A $$\n")
    assert [c.message for c in check_page(page, "docs/t.md").failures] == []


@pytest.mark.parametrize("body", [
    "$$ 20 \\cdot 128 \\bowtie 9000 $$<!--= 9000 -->",
    "$$ 20 \\cdot 128 = \\cancel{2561} $$<!--= 2561 -->",
    "$$ \\left( 20 \\cdot 128 = 2560 $$<!--= 2560 -->",
])
def test_an_unreadable_tied_side_is_named_not_a_traceback(body: str) -> None:
    found = findings(body + "\n")
    assert found and any("cannot read this construct" in f for f in found), found
    assert not any("Error:" in f for f in found), found


def test_a_message_shows_no_placeholder() -> None:
    found = findings("$$ \\frac{1}{4<!--= 4 -->} = 0.3 $$\n")
    assert any("`\\frac{1}{4}`" in f for f in found), found


@pytest.mark.parametrize(("body", "says"), [
    ("$$ 20 \\cdot 128 \\equiv 2561 $$<!--= 2561 -->", "`\\equiv`, a relation the checker"),
    ("$$ 20 \\cdot 128 \\to 2561<!--= 2561 --> $$", "`\\to`, a relation the checker"),
    ("$$ 20 \\cdot 128 \\text{ is } 2561 $$<!--= 2561 -->", "by the words 'is'"),
])
def test_a_tie_in_an_unchecked_relation_fails(body: str, says: str) -> None:
    found = findings(body + "\n")
    assert any(says in f for f in found), found
