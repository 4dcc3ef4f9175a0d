"""Each line of highlighted code becomes a ``<span class="cl">`` (its indentation as
``--ind``), newlines kept between the spans, a token spanning lines kept whole."""

from __future__ import annotations

import re

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
