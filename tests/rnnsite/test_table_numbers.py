"""A table column with a number of five digits or more groups its four-digit ones too;
code, math, a reveal's text and decimals are left alone."""

from __future__ import annotations

from rnnsite.table_numbers import group_columns

ROW = "<tr><td>{}</td><td>{}</td></tr>\n"


def table(*rows: tuple[str, str]) -> str:
    return "<table>\n" + "".join(ROW.format(*r) for r in rows) + "</table>"


def test_a_column_with_five_digits_groups_its_four():
    page = table(("<code>w_1024</code>", "10,240"), ("2048 × 3", "1024"),
                 ("b", '<span class="ld">8192</span><span class="ld-tip">x = 8192</span>'))
    out = group_columns(page)
    assert out == table(("<code>w_1024</code>", "10,240"), ("2048 × 3", "1,024"),
                        ("b", '<span class="ld">8,192</span><span class="ld-tip">x = 8192</span>'))


def test_a_column_of_four_digits_at_most_is_unchanged():
    page = table(("2015", "1024"), ("0.12345", "512"), ("<math><mn>16384</mn></math>", "3"))
    assert group_columns(page) == page


def test_a_page_without_tables_is_unchanged():
    page = "<p>3840 and 84,736</p>"
    assert group_columns(page) == page
