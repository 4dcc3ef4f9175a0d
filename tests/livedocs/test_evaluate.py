"""The evaluator's functions, powers and roots, against the math module and exact
arithmetic: each operator, constant and return value of livedocs/tex/evaluate.py shows."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

from livedocs.tex.evaluate import MAX_EXPONENT, EvalError, evaluate
from livedocs.tex.lex import lex
from livedocs.tex.parse import NotArithmetic, parse
from livedocs.tex.read import read_span


def value(tex: str, **env: object) -> object:
    (chain,) = read_span(tex).chains
    (side,) = chain.sides
    return evaluate(parse(side.toks), {k: Fraction(v) for k, v in env.items()})


@pytest.mark.parametrize(("tex", "expected"), [
    (r"\sigma(1)", 1 / (1 + math.exp(-1))), (r"\sigma(-2)", 1 / (1 + math.exp(2))),
    (r"\tanh(0.5)", math.tanh(0.5)), (r"\tanh(-1)", math.tanh(-1)),
    (r"\exp(1)", math.e), (r"\exp(-2)", math.exp(-2)),
    (r"\log(10)", math.log(10)), (r"\ln(0.5)", math.log(0.5)),
    (r"\sqrt{2}", math.sqrt(2)), (r"2^{0.5}", math.sqrt(2)), (r"10^{-0.5}", 10**-0.5),
    (r"\sqrt[3]{10}", 10 ** (1 / 3)),
])
def test_functions_and_fractional_powers_match_the_math_module(tex: str, expected: float) -> None:
    got = value(tex)
    assert isinstance(got, float) and got == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(("tex", "expected"), [
    (r"\sigma(0)", Fraction(1, 2)), (r"\tanh(0)", Fraction(0)), (r"\exp(0)", Fraction(1)),
    (r"\log(1)", Fraction(0)), (r"\sqrt{16}", Fraction(4)), (r"\sqrt{\frac{9}{4}}", Fraction(3, 2)),
    (r"\sqrt[3]{27}", Fraction(3)), (r"2^{10}", Fraction(1024)), (r"2^{-2}", Fraction(1, 4)),
    (r"|-3|", Fraction(3)), (r"\left|2 - 7\right|", Fraction(5)), (r"(-2)^{3}", Fraction(-8)),
    (r"\sqrt{H}", Fraction(4)), (r"\sqrt{0}", Fraction(0)), (r"\sqrt{1}", Fraction(1)),
    (r"\sqrt[4]{16}", Fraction(2)), (r"\sqrt[5]{\frac{1}{32}}", Fraction(1, 2)),
    (r"\sqrt[3]{8}", Fraction(2)), (r"\sqrt{(2^{500})^{2}}", Fraction(2) ** 500),
])
def test_exact_values_stay_exact(tex: str, expected: Fraction) -> None:
    got = value(tex, H=16)
    assert isinstance(got, Fraction) and got == expected


@pytest.mark.parametrize(("tex", "why"), [
    (r"\log(0)", "log of 0"), (r"\ln(-1)", "log of -1"), (r"0^{-1}", "zero to a negative"),
    (rf"2^{{{MAX_EXPONENT + 1}}}", f"larger than {MAX_EXPONENT}"),
    (r"(10^{51})^{21}", "power too large"), (r"(-8)^{0.5}", "negative number to a fractional"),
    (r"\sqrt{-4}", "root of a negative"), (r"\exp(1000)", "overflows"),
    (r"(10^{300})^{1.5}", "power overflows"), (r"\frac{1}{0}", "division by zero"),
])
def test_what_cannot_be_evaluated_says_why(tex: str, why: str) -> None:
    with pytest.raises(EvalError, match=why):
        value(tex)


def test_the_limits_are_where_they_say() -> None:
    assert value(rf"2^{{{MAX_EXPONENT}}}") == 2**MAX_EXPONENT
    assert value(r"(10^{51})^{20}") == Fraction(10) ** (51 * 20)
    assert value(r"(10^{50})^{21}") == Fraction(10) ** (50 * 21)


def test_integer_roots_are_exact_near_float_rounding() -> None:
    n = 10**40 + 1  # a perfect square's float root is off by more than one unit
    assert value(rf"\sqrt{{{n * n}}}") == n
    assert value(rf"\sqrt[3]{{{(3**30) ** 3}}}") == 3**30
    assert isinstance(value(rf"\sqrt{{{n * n + 1}}}"), float)


@pytest.mark.parametrize(("tex", "env", "expected"), [
    ("T_A + 1", {"T_A": 5}, 6), ("T_{A} + 1", {"T_A": 5}, 6), ("2 W_{hh}", {"W_hh": 3}, 6),
    ("h_1 h_2", {"h_1": 2, "h_2": 7}, 14), (r"\mathbf{H} \cdot 2", {"H": 128}, 256),
    (r"\sigma", {"sigma": 3}, 3), ("DH", {"D": 20, "H": 128}, 2560),
])
def test_symbols_with_subscripts_and_styles_are_givens(tex: str, env: dict,
                                                       expected: int) -> None:
    assert value(tex, **env) == expected


@pytest.mark.parametrize("tex", ["x_{t-1}", "x'", r"\mathbf{W_1}", "h_12"])
def test_compound_subscripts_and_primes_are_notation(tex: str) -> None:
    with pytest.raises(NotArithmetic):
        value(tex, x=1, h=1, h_1=1, W=1)


@pytest.mark.parametrize(("tex", "expected"), [
    (r"2 \frac{1}{4}", Fraction(1, 2)), (r"3 \sqrt{4}", Fraction(6)), (r"2 \tanh(0)", 0),
    (r"2 (3 + 1)", Fraction(8)),
])
def test_implicit_multiplication_by_commands_and_groups(tex: str, expected) -> None:
    assert value(tex) == expected


def test_an_unknown_character_is_notation_and_says_so() -> None:
    with pytest.raises(NotArithmetic, match="'~' is notation"):
        value("~")


def test_a_missing_closer_is_named_with_what_came_instead() -> None:
    with pytest.raises(NotArithmetic, match=r"expected `\)`, got the end"):
        value(r"(1 + 2")
    with pytest.raises(NotArithmetic, match=r"expected `\)`, got '\]'"):
        value(r"(1 + 2]")


@pytest.mark.parametrize("index", ["0", "1"])
def test_a_root_index_below_two_is_an_error(index: str) -> None:
    with pytest.raises(EvalError, match="at least 2"):
        value(rf"\sqrt[{index}]{{4}}")


def test_implicit_products_and_numbers_side_by_side() -> None:
    x = 5
    assert value(r"2 x 3", x=x) == 2 * x * 3  # a number after a symbol multiplies
    assert value(r"(2 + x) 3", x=x) == (2 + x) * 3  # ... and after a bracket
    for tex in (r"x 2 3", r"2 + 3 4", r"x \cdot 2 3"):  # two numbers side by side
        with pytest.raises(NotArithmetic, match="side by side"):
            value(tex, x=x)


def test_an_environment_inside_a_side_is_notation() -> None:
    # read from a span, a matrix is one opaque token; straight from the lexer, a `begin`
    with pytest.raises(NotArithmetic, match="'matrix' is notation"):
        value(r"\begin{matrix} 1 \end{matrix}")
    with pytest.raises(NotArithmetic, match="'matrix' is notation"):
        parse(lex(r"\begin{matrix} 1 \end{matrix}"))
    # after a number it ends the side, whatever its name (here one that ends in a Greek
    # letter's name): an environment never starts an implicit product
    with pytest.raises(NotArithmetic, match="unexpected 'Xeta'"):
        value(r"2 \begin{Xeta} 3 \end{Xeta}")
    with pytest.raises(NotArithmetic, match="unexpected 'Xeta'"):
        parse(lex(r"2 \begin{Xeta} 3 \end{Xeta}"))


def test_a_script_of_several_digits_needs_braces() -> None:
    assert value(r"2^{3}") == 2**3 and value(r"2^3") == 2**3
    with pytest.raises(NotArithmetic, match=r"ambiguous script \^23: write \^\{23\}"):
        value(r"2^23")
