"""The givens of a setup block: top-level assignments of literals, and nothing else."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import pytest

from livedocs.checker.givens import Given, givens_of


def test_code_python_cannot_read_has_no_givens() -> None:
    assert givens_of("D = (") == []  # a syntax error
    assert givens_of("D = 1\x00") == []  # a null byte
    assert givens_of('D = "\ud800"') == []  # a lone surrogate: UnicodeEncodeError


@pytest.mark.parametrize("code", ["class C:\n    pass\nC.x = 5\nD = 2\n",
                                  "d = {}\nd['k'] = 5\nD = 2\n",
                                  "d = {}\nd['k'], C = 5, 6\nD = 2\n",
                                  "class C:\n    pass\nC.x = 5, 6\nD = 2\n"])
def test_an_attribute_or_item_assignment_is_no_given(code: str) -> None:
    names = [g.name for g in givens_of(code)]
    assert "D" in names and "x" not in names and "k" not in names


def test_a_given_is_a_value_that_cannot_change() -> None:
    g = Given("D", Fraction(20))
    assert {g, Given("D", Fraction(20))} == {g}  # hashable, equal by value
    with pytest.raises(dataclasses.FrozenInstanceError):
        g.value = Fraction(21)  # type: ignore[misc]


@pytest.mark.parametrize("literal", ["1e999", "-1e999", "float('inf')", "float('nan')"])
def test_an_infinite_or_nan_float_is_no_given(literal: str) -> None:
    assert [g.name for g in givens_of(f"X = {literal}\nD = 2.5\n")] == ["D"]
