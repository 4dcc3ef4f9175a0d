"""Numbers a reader reads in prose beyond ASCII digits: superscripts, vulgar fractions,
Roman numerals, each found wherever it stands in a run of other characters."""

from __future__ import annotations

from fractions import Fraction

import pytest

from livedocs.checker.prose import prose_tokens


# The values are what the characters mean (their Unicode names), not the code's output.
@pytest.mark.parametrize(("text", "run", "value"), [
    ("x²³ y", "²³", 23),  # SUPERSCRIPT TWO, THREE: a run reads as one number
    ("chapter Ⅻ", "Ⅻ", 12),  # ROMAN NUMERAL TWELVE: a numeral that is one character
    ("a→² b", "²", 2),  # right after another non-ASCII character
    ("→→³", "³", 3),
    ("«½»", "½", Fraction(1, 2)),  # VULGAR FRACTION ONE HALF
])
def test_a_numeral_run_reads_as_its_digits(text: str, run: str, value: Fraction) -> None:
    (tok,) = prose_tokens(text)
    assert (tok.text, tok.start, tok.end) == (run, text.index(run), text.index(run) + len(run))
    assert tok.value == value
    assert tok.label is False  # a numeral is a quantity, never a dotted label


def test_a_dotted_label_is_a_label_and_a_plain_number_is_not() -> None:
    label, number = prose_tokens("Task 2.1.4 has 12 parts")
    assert (label.text, label.value, label.label) == ("2.1.4", None, True)
    assert (number.text, number.value, number.label) == ("12", Fraction(12), False)
