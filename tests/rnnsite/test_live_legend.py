"""The key to the dotted underline goes once on a page with live numbers: on an answer
page under the derivation's heading; elsewhere before the block holding the first number,
or before the sentence leading into it with a colon."""

from __future__ import annotations

from rnnsite.live_legend import LEGEND, add_legend

MARK = '<span class="ld-wrap"><span class="ld" tabindex="0">19,712</span></span>'
BOX = ('<div class="admonition answer answer-box"><h2 id="full-marks-answer">A full-marks'
       ' answer</h2>\n<p>Over 5 steps: {}</p></div>\n')


def test_a_page_without_live_numbers_is_unchanged():
    page = "<p>No numbers here.</p>\n<table><tr><td>2015</td></tr></table>\n"
    assert add_legend(page) == page


def test_on_an_answer_page_it_opens_the_derivation():
    page = ("<p>The question</p>\n" + BOX.format(MARK) + '<h2 id="derivation">Derivation'
            '<a class="headerlink" href="#derivation">¶</a></h2>\n<p>First.</p>\n'
            f"<p>{MARK}</p>\n")
    out = add_legend(page)
    assert out.count(LEGEND) == 1
    assert out.index("Derivation") < out.index(LEGEND) < out.index("First.")
    assert "</h2>\n" + LEGEND in out


def test_elsewhere_it_comes_before_the_outermost_block_holding_the_number():
    page = (BOX.format("no number") + "<p>Before.</p>\n<table>\n<tr><td>x</td><td>"
            + MARK + "</td></tr>\n</table>\n<p>" + MARK + "</p>\n")
    out = add_legend(page)
    assert out.count(LEGEND) == 1
    assert out.index("Before.") < out.index(LEGEND) < out.index("<table>")


def test_never_between_a_colon_and_what_it_introduces():
    page = ("<p>Before.</p>\n<p>For an LSTM with <em>D</em> inputs:</p>\n<div class=\"tabbed\">"
            f"<p>{MARK}</p></div>\n")
    out = add_legend(page)
    assert out.index("Before.") < out.index(LEGEND) < out.index("For an LSTM")
