"""format_number: the site's one formatting rule, checked against Python's own formatting."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from livedocs.numbers import format_number

# Around every grouping boundary, negative too.
INTS = [0, 7, 999, 1000, 2560, 9999, 10_000, 19_712, 39_552, 99_999, 100_000,
        1_234_567, -5, -9999, -10_000, -19_712]


@pytest.mark.parametrize("n", INTS)
def test_int_grouping_rule_matches_python_grouping(n: int) -> None:
    # Independent reference: Python groups every number >= 1000; the rule groups from 10,000.
    expected = f"{n:,}" if abs(n) >= 10_000 else str(n)
    assert format_number(n) == expected
    assert format_number(n, math=True) == expected.replace(",", "{,}")


@pytest.mark.parametrize("dtype", [np.int8, np.int32, np.int64, np.uint16])
def test_numpy_integers_format_like_python_ints(dtype: type) -> None:
    n = dtype(np.iinfo(dtype).max)
    assert format_number(n) == format_number(int(n))


def _python_reference(value: float, spec: str) -> str:
    """Python's own formatting; Python's ``,`` grouping applied only from 10,000 on."""
    base = spec.replace(",", "")
    plain = format(float(value), base)
    if "e" in plain or abs(float(plain.rstrip("%"))) < 10_000:
        return plain
    return format(float(value), "," + base)


@pytest.mark.parametrize(
    ("value", "spec"),
    [(0.7310585786300049, ".2f"), (0.7310585786300049, ".0%"), (19712.25, ".1f"),
     (123456.789, ",.2f"), (-0.5, ".3f"), (np.float32(0.25), ".2f")],
)
def test_floats_use_the_spec_then_the_grouping_rule(value: float, spec: str) -> None:
    expected = _python_reference(value, spec)
    assert format_number(value, spec) == expected
    assert format_number(value, spec, math=True) == expected.replace(",", "{,}").replace(
        "%", r"\%"
    )


@pytest.mark.parametrize(("value", "digits"), [(2.5e-7, 2), (0.0052, 1), (8.881784197001252e-16, 1),
                                               (123456.0, 3), (Fraction(1, 3), 2), (7, 0)])
def test_scientific_notation_in_prose_and_math(value: float, digits: int) -> None:
    mant, exp = format(float(value), f".{digits}e").split("e")  # Python's own reading
    superscript = str(int(exp)).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    assert format_number(value, f".{digits}sci") == f"{mant} × 10{superscript}"
    math = f"{mant} \\times 10^{{{int(exp)}}}"
    assert format_number(value, f".{digits}sci", math=True) == math
    assert format_number(value, f".{digits}e", math=True) == math
    if not isinstance(value, (int, Fraction)):
        assert format_number(value, f".{digits}e") == format(value, f".{digits}e")


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan"), np.float32("nan")])
def test_non_finite_values_are_refused_clearly(value: float) -> None:
    with pytest.raises(ValueError, match="must be finite"):
        format_number(value, ".2f")


def test_huge_integers_are_refused_without_crashing() -> None:
    with pytest.raises(ValueError, match="too long to write"):
        format_number(10**5000)
    assert format_number(10**299) == f"{10**299:,}"


@pytest.mark.parametrize("spec", ["abc", ".2q", "sci.2", "|"])
def test_a_bad_spec_is_refused_naming_it(spec: str) -> None:
    with pytest.raises(ValueError, match="is not a format spec"):
        format_number(1.5, spec)


def test_fractions_format_exactly() -> None:
    assert format_number(Fraction(1, 3), ".4f") == format(1 / 3, ".4f")
    assert format_number(Fraction(39552, 2), ".1f") == format_number(19776.0, ".1f")
    # Rounding is decided on the exact value: the float 2.675 is 2.67499..., the Fraction
    # is exactly 2.675, so they must round differently.
    exact = Fraction(2675, 1000)
    assert format_number(exact, ".2f") == format(Decimal("2.675"), ".2f")
    assert format_number(exact, ".2f") != format_number(2.675, ".2f")


@pytest.mark.parametrize("value", [0.73, 3.0, np.float64(2.0), Fraction(4, 1)])
def test_float_or_fraction_without_spec_is_an_error(value: object) -> None:
    with pytest.raises(ValueError, match="needs a format spec"):
        format_number(value)


@pytest.mark.parametrize("value", [True, np.bool_(False), "19712", None, [1], np.array(3)])
def test_non_numbers_are_type_errors_naming_the_type(value: object) -> None:
    with pytest.raises(TypeError, match=type(value).__name__):
        format_number(value)


def test_int_with_spec_still_follows_the_rule() -> None:
    assert format_number(19712, ",d") == format_number(19712)
    assert format_number(2560, ",d") == "2560"  # the rule, not the spec, decides grouping


@pytest.mark.parametrize("value", [0.0052, -0.0147, 3.2e-28, 1.1e12, 7, -123456, 1e-10,
                                   Fraction(1, 3), 9.96e5, 1])
@pytest.mark.parametrize("spec", [".0sci", ".1sci", ".2sci"])
def test_prose_scientific_notation_reads_back_as_the_math_form(value: object, spec: str) -> None:
    from livedocs.checker.format import sci_as_tex

    # two independent writings of one number: the prose form, read back as TeX, is the
    # math form, character for character
    prose, math = format_number(value, spec), format_number(value, spec, math=True)
    assert sci_as_tex(prose) == math
    # and its mantissa and exponent are Python's own scientific notation
    mant, exp = f"{float(value):.{spec[1]}e}".split("e")
    assert math == f"{mant} \\times 10^{{{int(exp)}}}"


@pytest.mark.parametrize("text", ["19,712", "1e-03", "5.2 × 10", "5.2 x 10⁻³", "10⁻³",
                                  "5.2 × 10⁻³ ", "×10⁻³", "5.2 × 10⁻", ""])
def test_only_prose_scientific_notation_has_a_math_form(text: str) -> None:
    from livedocs.checker.format import sci_as_tex

    assert sci_as_tex(text) is None


@pytest.mark.parametrize("spec", ["10.2sci", "+.2sci", "012.3sci", ".12sci"])
def test_the_precision_of_a_sci_spec_is_read_whatever_stands_before_it(spec: str) -> None:
    python = spec.removesuffix("sci").lstrip("+0123456789") or ".6"  # e.g. ".2"
    mant = f"{0.0052:{python}e}".split("e")[0]
    assert format_number(0.0052, spec).split(" ×")[0] == mant


def test_the_longest_number_written_is_three_hundred_characters() -> None:
    third = Fraction(1, 3)
    assert len(format_number(third, ".298f")) == 300  # "0." + 298 digits: still written
    with pytest.raises(ValueError, match="too long"):
        format_number(third, ".299f")
