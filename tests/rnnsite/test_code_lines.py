"""rnnsite.code_lines: each line of a code block in a span that carries its start, the
block's text unchanged (measured in Chromium by tests/browser/test_browser_polish.py)."""

from __future__ import annotations

import html
import re

import pytest

from rnnsite.code_lines import LINE, hang_lines, line_start

BLOCK = ('<pre><span></span><code><span class="gp">&gt;&gt;&gt; </span>for t in x:\n'
         '<span class="gp">... </span>    y = f(t)  <span class="c1"># a comment</span>\n'
         '\n'
         '  indented\n'
         '</code></pre>')


def _text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_each_line_is_wrapped_with_its_start_and_the_text_is_unchanged():
    out = hang_lines(BLOCK)
    assert _text(out) == _text(BLOCK)
    spans = re.findall(rf'<span class="{LINE}"( style="--rn-indent:(\d+)ch")?>', out)
    assert [int(n or 0) for _, n in spans] == [4, 8, 2]  # the empty line stays bare
    assert hang_lines(out) == out  # once only


@pytest.mark.parametrize(("line", "start"), [
    ("x = 1", 0), ("    x = 1", 4), ("&gt;&gt;&gt; x", 4), ("... \tx", 8), ("$ rnnnotes", 2),
    ('<span class="w">  </span>x', 2), ("", 0),
])
def test_a_lines_start_is_after_its_indentation_and_prompt(line, start):
    assert line_start(line) == start


def test_a_block_with_a_span_across_lines_is_left_alone():
    block = '<pre><code><span class="s">"""two\nlines"""</span>\n</code></pre>'
    assert hang_lines(block) == block


def test_a_notebook_cells_empty_span_goes_and_other_html_is_untouched():
    cell = '<div class="highlight-ipynb"><pre><span></span>x = 1\n</pre></div><p>text</p>'
    assert hang_lines(cell) == ('<div class="highlight-ipynb"><pre>'
                                f'<span class="{LINE}">x = 1</span>\n</pre></div><p>text</p>')


def test_bad_input_is_a_clear_error():
    with pytest.raises(TypeError, match="must be a str"):
        hang_lines(None)  # type: ignore[arg-type]
