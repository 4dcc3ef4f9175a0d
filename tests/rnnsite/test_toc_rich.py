"""A table of contents entry keeps its heading's math, emphasis and code, and nothing
else of its markup (rnnsite/toc_rich.py; in the browser: tests/browser/test_browser_toc.py)."""

from __future__ import annotations

from rnnsite.toc_rich import entry, rich_titles

MATH = ('<span class="rn-nobr"><span class="arithmatex"><math display="inline"><mrow>'
        '<mi>T</mi></mrow></math></span>:</span>')
PERMALINK = '<a class="headerlink" href="#x" title="Permanent link">&para;</a>'


def test_an_entry_keeps_math_emphasis_and_code_and_drops_the_rest():
    got = entry(f"Grow with {MATH} <em>not</em> <a href='#y'>a <code>link</code></a>"
                f' <span class="ld" data-x="1">19,712</span> &amp; more{PERMALINK}')
    assert got == ('Grow with <span class="rn-nobr"><math display="inline"><mrow><mi>T</mi>'
                   '</mrow></math>:</span> <em>not</em> a <code>link</code> 19,712 &amp; more')


def test_only_rich_headings_and_never_mkdocstrings_ones():
    content = (f'<h2 id="a">Plain{PERMALINK}</h2><h3 id="b">With {MATH}{PERMALINK}</h3>'
               f'<h2 id="c" class="doc doc-heading"><code>f</code>'
               '<a href="#c" class="headerlink" title="Permanent link">&para;</a></h2>')
    assert list(rich_titles(content)) == ["b"]



def test_a_long_identifier_may_break_before_its_underscores_and_dots():
    """Material cut "linear_rnn_jacobian_norms" to "linear_rnn_jacobian_…" in the sidebar;
    a break after "_" then read as two words ("jacobian_ / norms")."""
    from rnnsite.toc_rich import breakable

    assert breakable('<code class="doc-symbol"></code>&nbsp;linear_rnn_jacobian_norms') == \
        '<code class="doc-symbol"></code> linear<wbr>_rnn<wbr>_jacobian<wbr>_norms'
    assert breakable("rnnnotes.counting.parameters") == \
        "rnnnotes<wbr>.counting<wbr>.parameters"
    kept = ('Task 1.1, e_1 <span class="x_y">__init__</span> <math><msub><mi>h_t</mi>'
            '</msub></math>')
    assert breakable(kept) == kept  # numbers, dunders, tags and math as they were
