"""The LaTeX arithmetic normaliser and the exact evaluator.

Each LaTeX side is paired with the same arithmetic written independently in Python,
evaluated by Python on Fractions: the two must agree exactly.
"""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from livedocs._arith import evaluate, is_number_literal, parse_side, side_value
from livedocs._math import analyse

CASES = [
    (r"(20 \cdot 128 + 128 \cdot 10) \cdot 5 + 128 \cdot 4", (20 * 128 + 128 * 10) * 5 + 128 * 4),
    (r"20 \times 128", 20 * 128),
    (r"\frac{1}{4} + \frac{3}{4}", F(1, 4) + F(3, 4)),
    (r"\dfrac{128 \cdot (20 + 128)}{2}", F(128 * (20 + 128), 2)),
    (r"\frac{\frac{1}{2}}{3}", F(1, 2) / 3),
    (r"\frac12", F(1, 2)),
    (r"2^{10}", 2**10),
    (r"2^3 \cdot 5", 2**3 * 5),
    (r"2^{-2}", F(1, 4)),
    (r"19{,}712", 19712),
    (r"1{,}234{,}567 - 1", 1234567 - 1),
    (r"\left( 20 + 128 \right) \cdot 4", (20 + 128) * 4),
    (r"4 \, \{20\}", None),  # \{ is a literal brace in TeX: not arithmetic
    (r"{20 + 128} \cdot 4", (20 + 128) * 4),
    (r"4(128 + 20)", 4 * (128 + 20)),
    (r"(1)(2)", 2),
    (r"0.1 + 0.2", F(3, 10)),
    (r"-3 + \quad 5", 2),
    (r"12 \div 4", 3),
]


@pytest.mark.parametrize(("latex", "expected"), CASES)
def test_side_value_matches_python_arithmetic(latex: str, expected: object) -> None:
    got = side_value(latex)
    if expected is None:
        assert got is None
    else:
        assert got == F(expected)  # exact: Fraction(0.1)+... would not be 3/10
        assert isinstance(got, F)


@pytest.mark.parametrize(
    "latex", ["4H", r"H \cdot 4", r"\sigma(1)", r"x^2", "", r"\sum_{t=1}^{T} 1",
              "19,712", "1.1.2", "2 < 3", r"\sqrt{4}", "5!"],
)
def test_non_arithmetic_sides_are_none(latex: str) -> None:
    assert parse_side(latex) is None


def test_thousands_braces_only_between_digit_groups() -> None:
    assert parse_side("19{,}712") == "19712"
    assert side_value("1{,}23") is None  # `{,}` before two digits is not a separator


def test_evaluator_never_evaluates_code() -> None:
    for text in ["__import__('os')", "(1).real", "[1][0]", "1 if 1 else 2", "x"]:
        with pytest.raises(ValueError, match="expected arithmetic"):
            evaluate(text)


def test_undefined_arithmetic_raises() -> None:
    with pytest.raises(ZeroDivisionError):
        evaluate(parse_side(r"\frac{1}{0}") or "")
    with pytest.raises(ArithmeticError, match="exponent"):
        evaluate(parse_side("2^{0.5}") or "")
    with pytest.raises(ArithmeticError, match="exponent"):
        evaluate(parse_side("2^{100000}") or "")


def test_number_literals() -> None:
    assert is_number_literal("19{,}712") and is_number_literal("0.25")
    assert not is_number_literal("19{,}712 + 0") and not is_number_literal("-3")


def test_analyse_splits_statements_sides_and_covers_tokens() -> None:
    text = r"$$ P &= 4 \cdot (128 + 1) = 516 \\ Q &= 2 \text{ with 77 words} $$"
    info = analyse(text, 2, len(text) - 2)
    assert len(info.equations) == 1
    eq = info.equations[0]
    assert [s.latex for s in eq.sides] == ["P", r"4 \cdot (128 + 1)", "516"]
    assert [s.py is not None for s in eq.sides] == [False, True, True]
    tokens = {t[2]: t[3] for t in info.tokens}  # text -> covered
    # 4, 128, 1, 516 are on arithmetic sides; 2 (in `Q = 2`) is not; 77 is inside \text.
    assert tokens == {"4": True, "128": True, "1": True, "516": True, "2": False}


def test_analyse_trailing_punctuation_is_not_part_of_the_last_side() -> None:
    text = r"$$ 20 \cdot 128 = 2560. \quad $$"
    eq = analyse(text, 2, len(text) - 2).equations[0]
    assert eq.last.latex == "2560"


def test_math_tokens_count_every_digit_run() -> None:
    text = r"$h_{t-1} \in \mathbb{R}^{128 \times 20}, 2H, 19{,}712, 0.73, \mathrm{L2}$"
    info = analyse(text, 1, len(text) - 1)
    assert [t[2] for t in info.tokens] == ["1", "128", "20", "2", "19{,}712", "0.73"]
