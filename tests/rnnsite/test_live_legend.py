"""The key to the dotted underline goes once by a page's first live number: at the foot of
the answer box if the number is there, else before the block holding it."""

from __future__ import annotations

from rnnsite.live_legend import LEGEND, add_legend

MARK = '<span class="ld-wrap"><span class="ld" tabindex="0">19,712</span></span>'
BOX = ('<div class="admonition answer answer-box"><h2 id="full-marks-answer">A full-marks'
       ' answer</h2>\n<p>Over 5 steps: {}</p></div>\n')


def test_a_page_without_live_numbers_is_unchanged():
    page = "<p>No numbers here.</p>\n<table><tr><td>2015</td></tr></table>\n"
    assert add_legend(page) == page


def test_in_the_answer_box_it_comes_at_the_boxs_foot():
    inner = f"<p>Over 5 steps: {MARK}</p>\n<div class=\"x\"><p>More.</p></div>\n<p>Last.</p>\n"
    page = ("<p>The question</p>\n" + BOX.replace("<p>Over 5 steps: {}</p>", inner)
            + f"<p>After {MARK}</p>\n")
    out = add_legend(page)
    assert out.count(LEGEND) == 1
    # after everything in the box, still inside it
    assert out.index("Last.</p>") < out.index(LEGEND) < out.index("</div>\n<p>After")


def test_elsewhere_it_comes_before_the_outermost_block_holding_the_number():
    page = (BOX.format("no number") + "<p>Before.</p>\n<table>\n<tr><td>x</td><td>"
            + MARK + "</td></tr>\n</table>\n<p>" + MARK + "</p>\n")
    out = add_legend(page)
    assert out.count(LEGEND) == 1
    assert out.index("Before.") < out.index(LEGEND) < out.index("<table>")
