"""rnnsite.notebook_output: printed prose lines marked to wrap, tables left whole."""

from __future__ import annotations

import html
import re

import pytest

from rnnsite.notebook_output import is_tabular, mark_prose_lines

TABLE = "cell     k=10    k=20\nRNN   6.2e-03 1.3e-05"
PROSE = "per-unit: 512 recurrent edges, each h_(t-1),j -> h_t,j"


def _page(text: str) -> str:
    return (f'<div class="jp-OutputArea-output" data-mime-type="text/plain"><pre>'
            f"{html.escape(text, quote=False)}</pre></div>")


def _text(marked: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", marked))


@pytest.mark.parametrize(("line", "tabular"), [
    ("RNN   6.2e-03 1.3e-05", True),
    ("tanh RNN  loss, first 20 updates 0.773", True),
    ("    full: 12,800 + 6,400 = 19,200", False),  # indentation alone is not a column
    (PROSE, False),
    ("", False),
])
def test_a_run_of_spaces_between_words_makes_a_row(line, tabular):
    assert is_tabular(line) is tabular


def test_is_tabular_refuses_what_is_not_a_line():
    with pytest.raises(TypeError, match="must be a str"):
        is_tabular(None)


def test_prose_lines_are_marked_and_table_rows_are_not():
    marked = mark_prose_lines(_page(f"{TABLE}\n{PROSE}"))
    lines = marked.split("<pre>")[1].split("</pre>")[0].split("\n")
    assert [line.startswith('<span class="nb-prose">') for line in lines] == [False, False, True]
    assert _text(marked) == _text(_page(f"{TABLE}\n{PROSE}"))  # the text itself unchanged


def test_a_word_a_browser_could_break_at_its_hyphen_is_kept_whole():
    marked = mark_prose_lines(_page(PROSE))
    whole = re.findall(r'<span class="nb-word">([^<]*)</span>', marked)
    assert whole == ["per-unit:", "h_(t-1),j", "-&gt;"]


def test_only_printed_output_is_marked():
    code = '<div class="highlight-ipynb"><pre>print("a sentence here")</pre></div>'
    assert mark_prose_lines(code) == code
    ansi = _page("x").replace("x", '<span class="ansi-red-fg">an error</span>')
    assert mark_prose_lines(ansi) == ansi
