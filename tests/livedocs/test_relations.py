"""What each relation demands, the ≈ rule's unit, and how numbers are shown
(livedocs/checker/relations.py), against hand-computed values."""

from __future__ import annotations

from fractions import Fraction

import pytest

from livedocs.checker.relations import math_form, relation, show, unit
from livedocs.tex.parse import parse
from livedocs.tex.read import read_span


def num(tex: str):
    (n,) = [n for n in read_span(tex).nums if not n.exempt]
    return n


@pytest.mark.parametrize(("tex", "step"), [
    ("0.16", Fraction(1, 100)), ("0.2", Fraction(1, 10)), ("2.50", Fraction(1, 100)),
    ("13{,}000", Fraction(1000)), ("100{,}000", Fraction(10000)), ("1000", Fraction(100)),
    ("40", Fraction(1)), ("5", Fraction(1)), ("0", Fraction(1)), ("512", Fraction(1)),
    ("12{,}800", Fraction(100)), ("76\\,800", Fraction(100)), ("-300", Fraction(10)),
    ("1.5 \\times 10^{-2}", Fraction(1, 1000)), ("10^{5}", Fraction(10**5)),
    ("3 \\times 10^{4}", Fraction(10**4)), ("73\\%", Fraction(1, 100)),
    ("7.5\\%", Fraction(1, 1000)),
])
def test_the_unit_of_the_last_written_digit(tex: str, step: Fraction) -> None:
    assert unit(num(tex)) == step


def test_a_number_that_is_no_plain_literal_has_no_unit() -> None:
    from livedocs.tex.numtoks import NumTok

    assert unit(NumTok("1/2", Fraction(1, 2), 0, 3)) == 0


def side(tex: str):
    (chain,) = read_span(tex).chains
    (s,) = chain.sides
    return s.nums, parse(s.toks)


@pytest.mark.parametrize(("rel", "a", "b", "ok"), [
    ("=", 2, 2, True), ("=", 2, 3, False), ("<", 2, 3, True), ("<", 3, 3, False),
    (">", 3, 2, True), (">", 2, 2, False), ("≤", 2, 2, True), ("≤", 3, 2, False),
    ("≥", 2, 2, True), ("≥", 1, 2, False), ("≠", 1, 2, True), ("≠", 2, 2, False),
])
def test_each_relation(rel: str, a: int, b: int, ok: bool) -> None:
    na, ta = side(str(a))
    nb, tb = side(str(b))
    holds, why = relation(rel, Fraction(a), Fraction(b), na, nb, ta, tb)
    assert holds == ok and why == f"the sides evaluate to {a} and {b}"


@pytest.mark.parametrize(("exact", "written", "ok"), [
    (Fraction(20, 128), "0.16", True), (Fraction(20, 128), "0.2", True),
    (Fraction(20, 128), "0.15", False), (Fraction(65536), "100{,}000", False),
    (Fraction(512), "1000", False), (Fraction(12800), "13{,}000", True),
    (Fraction(12500), "13{,}000", True), (Fraction(12499), "13{,}000", False),
    (Fraction(13500), "13{,}000", True), (Fraction(13501), "13{,}000", False),
])
def test_approx_against_the_written_side_on_either_side(exact: Fraction, written: str,
                                                        ok: bool) -> None:
    nw, tw = side(written)
    ne, te = side("x")
    assert relation("≈", exact, nw[0].value, ne, nw, te, tw)[0] is ok
    assert relation("≈", nw[0].value, exact, nw, ne, tw, te)[0] is ok


def test_approx_needs_a_written_number() -> None:
    na, ta = side("x")
    assert relation("≈", Fraction(1), Fraction(1), na, na, ta, ta) == (
        False, "≈ needs a number written on one side")


@pytest.mark.parametrize(("value", "shown"), [
    (Fraction(19712), "19,712"), (Fraction(-5), "-5"), (Fraction(1, 4), "0.25"),
    (Fraction(1, 3), "0.333333 (1/3)"), (None, "?"), (0.5, "0.5"), (Fraction(3, 8), "0.375"),
    (Fraction(10) ** 70, "1e+70"),
])
def test_show(value, shown: str) -> None:
    assert show(value) == shown


@pytest.mark.parametrize(("text", "form"), [
    ("76\\,800", "76{,}800"), ("76{,}800", "76{,}800"), ("2\\,(1 - h)", "2\\,(1-h)"),
    ("1 \\times 10^{-3}", "1\\times10^{-3}"), ("−3", "-3"),
])
def test_math_form(text: str, form: str) -> None:
    assert math_form(text) == form


def test_show_at_its_limits() -> None:
    from livedocs.checker.format import format_number

    assert show(Fraction(10**59)) == format_number(10**59)  # an integer below 10**60
    assert show(Fraction(10**60)) == "1e+60"
    forty = Fraction(1, 2**38)  # "0." and 38 decimals: exactly 40 characters
    assert len(show(forty)) == 40 and show(forty).startswith("0.0000000000036379")
    assert show(Fraction(1, 2**39)).startswith("1.81899e-12")


@pytest.mark.parametrize("value", [Fraction(1, 5), Fraction(123456789, 5**20),
                                   Fraction(7, 2**3 * 5**12), Fraction(-3, 80)])
def test_a_terminating_decimal_is_shown_exactly(value: Fraction) -> None:
    from decimal import Decimal, localcontext

    from livedocs.checker.relations import show

    with localcontext() as ctx:  # the exact decimal, independently
        ctx.prec = 100
        exact = Decimal(value.numerator) / Decimal(value.denominator)
    assert Decimal(show(value)) == exact and "(" not in show(value)
