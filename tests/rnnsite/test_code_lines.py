"""Each line of highlighted code becomes a ``<span class="cl">`` (its indentation as
``--ind``), newlines kept between the spans, a token spanning lines kept whole."""

from __future__ import annotations

import re

from rnnsite.code_breaks import LONG, mark_breaks
from rnnsite.code_lines import mark_lines

PRE = ('<div class="language-python highlight"><pre><span></span><code>'
       '<span class="k">for</span> x <span class="ow">in</span> y:\n'
       '    <span class="n">f</span>(x)\n'
       '\n'
       '<span class="s2">"""a\nb"""</span>\n'
       '</code></pre></div>')


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_each_line_is_a_span_and_the_text_is_unchanged():
    out = mark_lines(PRE)
    assert _text(out) == _text(PRE)  # what a reader copies
    lines = re.findall(r'<span class="cl"( style="--ind:(\d+)")?>', out)
    # three lines: the loop, its body (4 in), the two-line string as one
    assert [int(n or 0) for _, n in lines] == [0, 4, 0]
    assert '"""a\nb"""</span></span>' in out
    assert out.count("\n\n") == 1  # the empty line stays bare
    assert mark_lines(out) == out  # marked once


def test_a_notebook_cell_is_marked_and_its_output_and_plain_pre_are_not():
    cell = '<div class="highlight-ipynb hl-python"><pre><span></span>a = 1\nb = 2\n</pre></div>'
    assert mark_lines(cell).count('class="cl"') == 2
    for plain in ("<pre>printed\noutput\n</pre>", '<div class="x"><pre>a\nb</pre></div>'):
        assert mark_lines(plain) == plain
    code = ('<pre class="takeaway__bibtex"><code class="language-bibtex">'
            '@misc{a,\n  b}\n</code></pre>')
    assert mark_lines(code).count('class="cl"') == 2


# ---- where a line may wrap (rnnsite/code_breaks.py) ----

def _span(cls: str, text: str) -> str:
    return f'<span class="{cls}">{text}</span>'


def _breaks_and_kept(line: str) -> tuple[list[str], list[str]]:
    """The text of ``mark_breaks(line)`` cut at its ``<wbr>``, and the runs kept whole."""
    out = mark_breaks(line)
    assert _text(out) == _text(line)  # what a reader copies is unchanged
    whole = r'<span class="nw">((?:<span[^>]*>[^<]*</span>|[^<])*)</span>'
    kept = [_text(m) for m in re.findall(whole, out)]
    return _text(out.replace("<wbr>", "\x00")).split("\x00"), kept


def test_a_line_of_code_may_break_after_punctuation_and_operators_only():
    line = (_span("n", "check") + _span("o", ".") + _span("n", "exploding_possible")
            + _span("p", "(") + _span("n", "x") + _span("p", ",") + " " + _span("n", "rtol")
            + _span("o", "=") + _span("mf", "1e-12") + _span("p", ")") + " "
            + _span("n", "a") + _span("o", "==") + _span("mi", "1"))
    parts, kept = _breaks_and_kept(line)
    assert parts == ["check.", "exploding_possible(", "x, rtol=", "1e-12) a==", "1"]
    assert kept == ["-1"]  # the browser breaks after a hyphen: not inside the number


def test_flags_numbers_and_a_unary_minus_are_kept_whole_and_strings_are_not_split():
    out = _span("go", "error: --proj-size must be &lt; --hidden-size 128, got 12,800")
    parts, kept = _breaks_and_kept(out)
    assert parts == [_text(out)]  # no break added: "12,800" is one number
    assert kept == ["--p", "-s", "--h", "-s"]
    # a unary minus and its operand (two tokens) in one run; a string has no break added
    parts, kept = _breaks_and_kept(_span("p", "(") + _span("o", "-") + _span("n", "b")
                                   + _span("p", ")") + _span("s1", "'a.b(c,d)'"))
    assert kept == ["-b"] and parts == ["(", "-b)'a.b(c,d)'"]
    # a string's hyphen is no break (the browser's would be); a subscript is not opened
    parts, kept = _breaks_and_kept(_span("n", "h") + _span("p", "[") + _span("o", "-")
                                   + _span("mi", "1") + _span("p", "]") + _span("o", "+")
                                   + _span("s2", '"h_(t-1)^T"'))
    assert parts == ["h[-1]+", '"h_(t-1)^T"'] and kept == ["-1", "-1"]
    # a hyphenated word (a BibTeX key) still breaks at its hyphens, as the browser does
    assert _breaks_and_kept("@misc{rnnnotes-task-1-1,")[1] == []


def test_a_name_longer_than_a_phones_row_may_break_after_its_underscores():
    short = "hidden_jacobian_norms"
    long = "_".join(["word"] * (LONG // 5 + 2))
    assert len(short) <= LONG < len(long)
    assert _breaks_and_kept(_span("n", short))[0] == [short]
    words = long.split("_")
    assert _breaks_and_kept(_span("n", long))[0] == [w + "_" for w in words[:-1]] + words[-1:]


def test_mark_lines_marks_the_breaks_of_each_line():
    out = mark_lines(PRE)
    assert "<wbr>" in out and _text(out) == _text(PRE)
