"""A table column with a number of five digits or more groups its four-digit ones too;
code, math, a reveal's text and decimals are left alone. A column of numbers is set right
(class ``rn-num`` on each of its cells)."""

from __future__ import annotations

from rnnsite.table_numbers import group_columns

ROW = "<tr><td>{}</td><td>{}</td></tr>\n"
NUM = '<tr><td>{}</td><td class="rn-num">{}</td></tr>\n'


def table(*rows: tuple[str, str], row: str = ROW) -> str:
    return "<table>\n" + "".join(row.format(*r) for r in rows) + "</table>"


def test_a_column_with_five_digits_groups_its_four():
    page = table(("<code>w_1024</code>", "10,240"), ("2048 × 3", "1024"),
                 ("b", '<span class="ld">8192</span><span class="ld-tip">x = 8192</span>'))
    out = group_columns(page)
    assert out == table(("<code>w_1024</code>", "10,240"), ("2048 × 3", "1,024"),
                        ("b", '<span class="ld">8,192</span><span class="ld-tip">x = 8192</span>'),
                        row=NUM)


def test_a_column_of_four_digits_at_most_is_unchanged_but_set_right():
    formula = "<math><mi>x</mi><mo>=</mo><mn>16384</mn></math>"  # math: not grouped
    page = table(("2015", "1024"), ("0.12345", "512"), (formula, "3"))
    # (its first column, two numbers of three, is set right too)
    both = '<tr><td class="rn-num">{}</td><td class="rn-num">{}</td></tr>\n'
    assert group_columns(page) == table(("2015", "1024"), ("0.12345", "512"),
                                        (formula, "3"), row=both)


def test_a_number_set_as_math_alone_counts_as_a_number():
    """Design review D: "0.041" above "2.2×10⁻¹¹" (math) was set left, its neighbour right."""
    sci = ("<span><math><mrow><mn>2.2</mn><mo>×</mo><msup><mn>10</mn><mrow><mo>−</mo>"
           "<mn>11</mn></mrow></msup></mrow></math></span>")
    page = table(("x", "0.041"), ("y", sci), ("z", "<math><mn>0</mn></math>"))
    assert group_columns(page) == table(("x", "0.041"), ("y", sci),
                                        ("z", "<math><mn>0</mn></math>"), row=NUM)
    words = table(("x", "0.041"), ("y", "<math><mi>f</mi></math>"))
    assert 'rn-num' not in group_columns(words)


def test_only_a_column_of_numbers_alone_is_set_right():
    head = '<tr><th>T</th><th style="text-align: left">n</th><th>k</th></tr>\n'
    rows = ('<tr><td>1</td><td style="text-align: left">3</td><td class="x">4</td></tr>\n'
            '<tr><td>5 steps</td><td style="text-align: left">4</td><td class="x">−1.5</td></tr>\n')
    out = group_columns("<table>\n" + head + rows + "</table>")
    assert out.count('class="rn-num"') == 1 and out.count('class="x rn-num"') == 2
    assert '<td>5 steps</td>' in out and '<td style="text-align: left">4</td>' in out


def test_a_page_without_tables_is_unchanged():
    page = "<p>3840 and 84,736</p>"
    assert group_columns(page) == page


def test_a_column_mostly_of_numbers_is_set_right_its_words_too():
    """Design review: "12,800 / 6,400 / depends on R", "78 of 78 / 0.13 / 0.041" and
    "— (no gates) / 0.50 / 0.73" were set left beside columns of numbers set right. A
    column more than half numbers is set right; half or fewer stays left; an empty cell
    counts for neither."""
    page = table(("a", "12,800"), ("b", "6400"), ("c", "depends on R"), ("d", ""))
    out = group_columns(page)
    assert out.count('<td class="rn-num">') == 4 and "6,400" in out
    half = table(("a", "12,800"), ("c", "depends on R"))
    assert "rn-num" not in group_columns(half)
