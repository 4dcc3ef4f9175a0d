"""rnnsite.typeset: a heading's permalink kept with its last word, option names unbroken
(design review 2, findings 4 and 5; measured in Chromium by
tests/browser/test_browser_typesetting.py)."""

from __future__ import annotations

import re

import markdown
import pytest

EXTENSIONS = ["toc", "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.superfences",
              "pymdownx.arithmatex", "rnnsite.mathml", "rnnsite.typeset"]


def render(text: str) -> markdown.Markdown:
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={
        "toc": {"permalink": True}, "pymdownx.arithmatex": {"generic": True}})
    md.html = md.convert(text)
    return md


@pytest.mark.parametrize(("source", "kept"), [
    ("# How the answers are graded", "graded"),
    ("## Information still flows, through $h$", "<span class=\"arithmatex\"><math"),
    ("## Options such as `--bias`", "<code"),
    ("## Q?", "Q?"),
])
def test_a_headings_permalink_shares_a_no_wrap_span_with_its_last_word(source, kept):
    html = render(source).html
    span = re.search(r'<span class="rn-nobr">(.*?)<a class="headerlink"', html)
    assert span and span[1].startswith(kept), html


def test_the_heading_text_is_unchanged_but_for_the_span():
    html = render("# How the answers are graded").html
    assert re.sub(r"<[^>]+>", "", html) == "How the answers are graded&para;"


def test_an_option_name_in_inline_code_does_not_wrap_and_code_blocks_are_left_alone():
    html = render("Use `--initial-state` or `x-y`.\n\n```\n--json\n```\n\n    -v\n").html
    assert '<code class="rn-nobr">--initial-state</code>' in html and "<code>x-y</code>" in html
    assert html.count("rn-nobr") == 1


def test_the_toc_names_math_without_a_space_before_punctuation():
    # design review 2, finding 6: "What does grow with T : work and memory"
    md = render("### What does grow with $T$: work and memory\n")
    assert md.toc_tokens[0]["name"] == "What does grow with T: work and memory"


# --- design review 2, finding 7: curly quotes in the site's own text ----------------------

def test_the_sites_prose_and_headings_get_curly_quotes():
    md = render('## No matter "what" it is\n\nThe reviewers\' words "2 LSTM layers" (and "*x*").\n')
    assert "No matter “what” it <span" in md.html and md.toc_tokens[0]["name"] == \
        "No matter “what” it is"
    assert "The reviewers’ words “2 LSTM layers” (and “<em>x</em>”)." in md.html


def test_the_students_words_code_math_and_attributes_keep_straight_quotes():
    text = ('<blockquote class="student" data-answer="1" markdown>\nIt\'s "raw".\n\n'
            '> a "nested" quote\n\nand "after" it\n</blockquote>\n\n'
            'Ours: "x", `"code"`, $\\text{"m"}$, [a](b "t\'s").\n')
    md = markdown.Markdown(extensions=[*EXTENSIONS, "md_in_html"],
                           extension_configs={"pymdownx.arithmatex": {"generic": True}})
    html = md.convert(text)
    quote = html[html.index("<blockquote"):html.rindex("</blockquote>")]
    assert 'It\'s "raw".' in quote and '"nested"' in quote and '"after"' in quote
    assert "“" not in quote and "’" not in quote
    ours = html[html.rindex("</blockquote>"):]
    assert "Ours: “x”" in ours and '<code>"code"</code>' in ours and 'title="t\'s"' in ours
    assert "“m”" not in ours  # inside the math


def test_a_bound_keeps_its_number_on_its_line():
    """Design review: "an int ≥" ended a line of the API reference and "1." began the next.
    A comparison sign and the number after it are joined by a no-break space, in prose only;
    and to the word before it (round E: "int" ended a line, "≥ 0." began the next)."""
    from rnnsite.typeset import curl_html

    got = curl_html("<p>an int ≥ 1, x &gt; 0, k &lt; −2, n = 5 <code>a ≥ 1</code></p>")
    assert got == ("<p>an int\u00a0≥\u00a01, x\u00a0&gt;\u00a00, k\u00a0&lt;\u00a0−2, "
                   "n\u00a0=\u00a05 <code>a ≥ 1</code></p>")
    assert curl_html("<p>a ≥ b</p>") == "<p>a ≥ b</p>"  # no number: unchanged


def test_a_symbol_and_the_code_it_names_share_a_line():
    """Design review of the API pages: "L =" ended a line and "num_layers" began the next,
    "(p" one and "= proj_size)" the next, "k = 1, 2, …," one and "steps" the next."""
    html = render("$L$ = `num_layers`, ($p$ = `proj_size` if), $k = 1, \\dots,$ `steps`, "
                  "$x$ `y`, $f(x)$ `z`").html
    # in a no-wrap span: Chromium breaks beside inline math even at a no-break space
    math = r'<span class="arithmatex"><math display="inline">(?:(?!</math>).)*</math></span>'
    nobr = '<span class="rn-nobr">'
    assert re.search(rf"{nobr}{math}\u00a0=\u00a0<code>num_layers</code></span>", html)
    assert re.search(rf"{nobr}{nobr}\({math}</span>\u00a0=\u00a0<code>proj_size</code></span>",
                     html)
    assert re.search(r"<mo>,</mo>\s*</mrow></math></span>\u00a0<code>steps</code></span>", html)
    # math that ends in a letter or a bracket keeps its ordinary space before code
    assert re.search(r"</math></span> <code>y</code>", html)
    assert re.search(r"</math></span> <code>z</code>", html)


def test_a_relation_after_code_loses_its_leading_space():
    """`J[T]` $= I$ showed the code's padding, a space and the relation's own space."""
    html = render("`J[T]` $= I$ and $a = b$").html
    assert re.search(r'<span class="rn-nobr"><code>J\[T\]</code>\u00a0(<span class="[^"]+">)?'
                     r'<span class="arithmatex">'
                     r'<math display="inline"><mrow><mo lspace="0">=</mo>', html)
    assert '<mi>a</mi> <mo>=</mo>' in html  # a relation between two terms keeps its spaces


def test_a_number_and_its_unit_share_a_line():
    from rnnsite.typeset import curl_html

    assert curl_html("<p>(1 pt = 4/3 px), 80 MB, 3 steps</p>") == \
        "<p>(1\u00a0pt\u00a0=\u00a04/3\u00a0px), 80\u00a0MB, 3\u00a0steps</p>"


def test_a_number_keeps_the_word_it_counts_and_a_pair_keeps_together():
    """Design review C: "after 3 / steps", "LSTM(20, / 128)" and a live number's word
    ("<span>84,736</span> weights", its reveal's text between) broke on a phone."""
    from rnnsite.typeset import curl_html

    nb = "\u00a0"
    assert curl_html("<p>after 3 steps and 2,048 units, LSTM(20, 128)</p>") == \
        f"<p>after 3{nb}steps and 2,048{nb}units, LSTM(20,{nb}128)</p>"
    live = ('<p><span class="ld">84,736</span><ld-tip>full(5) = 84736</ld-tip> weights, '
            "<code>x2</code> in 1990. Then</p>")
    out = curl_html(live)
    assert f"</ld-tip>{nb}weights" in out
    assert "full(5) = 84736" in out  # a reveal's own text untouched
    assert "1990. Then" in out  # not a count: a capital follows
    # Design review D: after math (or code) ending in a digit the space stays a space: a
    # no-break one started the next line where the line broke after the math
    math = '<p><span class="arithmatex"><math><mn>20</mn></math></span> input units</p>'
    assert curl_html(math) == math
    assert "</code> in 1990" in out
