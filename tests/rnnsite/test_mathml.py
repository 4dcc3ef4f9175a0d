"""Math is rendered to MathML at build time: no TeX and no script reach the page."""

from __future__ import annotations

import re

import markdown
import pytest

from rnnsite import mathml
from rnnsite.fonts import math_chars
from rnnsite.mathml import tex_to_mathml


def render(text: str) -> str:
    return markdown.markdown(
        text,
        extensions=["pymdownx.arithmatex", "rnnsite.mathml"],
        extension_configs={"pymdownx.arithmatex": {"generic": True}},
    )


def test_inline_and_display_math_become_mathml():
    html = render("Inline $a_{t-1} < b$ here.\n\n$$\nx = \\frac{1}{2}\n$$\n")
    assert html.count("<math ") == 2
    assert 'display="inline"' in html and 'display="block"' in html
    assert "\\(" not in html and "\\[" not in html  # no TeX left for a script to find
    assert "&#x0003C;" in html  # the escaped "<" reached latex2mathml as "<"


def test_text_outside_math_is_untouched():
    assert render("No math, 5 dollars.") == "<p>No math, 5 dollars.</p>"


@pytest.mark.parametrize(
    ("tex", "number"), [("19{,}712", "19,712"), ("1{,}234{,}567.5", "1,234,567.5")]
)
def test_thousands_groups_fold_into_one_number(tex, number):
    assert f"<mn>{number}</mn>" in tex_to_mathml(tex, display=False)


def test_a_plain_comma_stays_an_operator():
    assert "<mn>1,2</mn>" not in tex_to_mathml("f(1, 2)", display=False)


def test_tex_must_be_a_string():
    with pytest.raises(TypeError, match="tex: expected a str, got int"):
        tex_to_mathml(3, display=True)


@pytest.mark.parametrize("env", ["aligned", "gathered", "align", "split"])
def test_multi_line_environments_render_as_tables_without_numbers(env):
    out = tex_to_mathml(rf"\begin{{{env}}} a &= 1 + 1 \\ &= 2 \end{{{env}}}", display=True)
    assert "<mtable" in out and "<mi>&</mi>" not in out and "(1)" not in out
def test_elements_are_spaced_so_search_sees_each_number():
    # MathML ignores whitespace between elements; the search index splits on it.
    mathml = tex_to_mathml("(20 \\cdot 128) \\cdot 5 = 12{,}800", display=True)
    assert "<mn>20</mn> <mo>" in mathml and "<mn>12,800</mn>" in mathml
    text = re.sub(r"<[^>]+>", "", mathml).split()
    assert {"20", "128", "5", "12,800"} <= set(text)


def test_the_font_carries_every_character_of_the_math_and_no_more():
    page = "<p>∮ outside math</p>" + render("$\\oint_C \\mathbb{R} + x \\alpha$")
    chars = math_chars([page])
    # each one-letter <mi> with the math italic a browser draws for it: 𝑥, 𝐶, 𝛼
    assert {ord("∮"), ord("ℝ"), ord("x"), 0x1D465, ord("C"), 0x1D436, ord("α"), 0x1D6FC} <= chars
    assert not {0x0A, 0x09, ord("y"), 0x1D466, ord("β"), 0x1D6FD} & chars
    assert ord("∮") not in math_chars(["<p>∮ outside math</p>"])


def test_operators_in_scripts_and_bars_are_set_tight():
    sub = tex_to_mathml("h_{t-1} + 1", display=False)
    assert '<mo lspace="0" rspace="0">−</mo>' in sub  # in the subscript: no space
    assert "<mo>+</mo>" in sub  # on the line: the operator's own spacing
    bars = tex_to_mathml("|w| < 1", display=False)
    assert bars.count('lspace="0" rspace="0">|</mo>') == 2 and "<mo>&#x0003C;</mo>" in bars


@pytest.mark.parametrize("punct", [".", ",", ";", ":", ")."])
def test_punctuation_after_inline_math_stays_on_its_line(punct):
    html = render(f"so $h = 128${punct} Next")
    assert '<span class="rn-nobr"><span class="arithmatex"><math' in html
    assert f"</math></span>{punct}</span> Next" in html


def test_no_wrapper_without_punctuation_or_after_display_math():
    assert "rn-nobr" not in render("so $h$ and more")
    assert "rn-nobr" not in render("$$\nx = 1\n$$\n\n. after")


def test_an_opening_bracket_before_inline_math_stays_with_it():
    html = ('a (<span class="arithmatex">\\(x_t\\)</span>) b, '
            '“<span class="arithmatex">\\(y\\)</span> c')
    out = mathml._WRAPPED.sub(mathml._render, html)
    assert out.startswith('a <span class="rn-nobr">(<span class="arithmatex"><math')
    assert '</math></span>)</span> b' in out
    assert ', <span class="rn-nobr">“<span class="arithmatex">' in out
    # display math keeps its bracket outside, as text before a block
    block = mathml._WRAPPED.sub(mathml._render, '(<div class="arithmatex">\\[x\\]</div>')
    assert block.startswith('(<div class="arithmatex mathml-block">')


@pytest.mark.parametrize("kind", [" ld-wrap--math", ""], ids=["formula", "sci number"])
def test_an_opening_bracket_before_a_checked_formula_moves_into_its_wrapper(kind):
    # a checked formula, or a live number in prose scientific notation shown as inline math
    html = (f'(<span class="ld-wrap{kind}"><span class="ld" tabindex="0">'
            '<span class="arithmatex">\\(x\\)</span></span><span class="ld-tip">t</span></span>')
    out = mathml.MathMLPostprocessor(markdown.Markdown()).run(html)
    assert out.startswith(f'<span class="ld-wrap{kind} rn-open">(<span class="ld" ')
    assert "<math" in out


def test_a_prime_sits_at_the_base_and_an_operator_name_gets_a_thin_space():
    # design review P14: "w tanh′", not "wtanh" with a prime raised twice
    out = tex_to_mathml(r"w \tanh'(a_t)", display=False)
    assert '<mi>w</mi> <mspace width="0.1667em" /><mrow><mi>tanh</mi> <mo' in out
    assert "<msup>" not in out and "′</mo>" in out
    # no space after an operator or an opening bracket
    assert "<mspace" not in tex_to_mathml(r"h_t = \tanh(a_t)", display=False)
    bracketed = tex_to_mathml(r"(\tanh x)", display=False)
    assert '(</mo> <mi>tanh</mi>' in bracketed
    # and an operand after a name gets one (TeX's thin space): "tanh x", not "tanhx"
    assert '<mi>tanh</mi> <mspace width="0.1667em" /><mi>x</mi>' in bracketed


# --- design review 2: signs, names, values outside the math ----------------------------

def _spaced(mathml_text: str) -> list[str]:
    """The row's tokens, each sign (form="prefix") written as "sign" + its character."""
    marked = re.sub(r'<mo[^>]*form="prefix"[^>]*>(.)</mo>', r"sign\1", mathml_text)
    return re.sub(r"<[^>]+>", " ", marked).split()


@pytest.mark.parametrize(("tex", "tokens"), [
    ("w = -1", ["w", "=", "sign−", "1"]),
    ("(-1)^k", ["(", "sign−", "1", ")", "k"]),
    (r"\sigma(-a)", ["σ", "(", "sign−", "a", ")"]),
    (r"\sigma\left(-a\right)", ["σ", "sign(", "sign−", "a", ")"]),  # \left( is latex2mathml's
    ("-x + 1", ["sign−", "x", "+", "1"]),
    (r"x \in \{0, -1\}", ["x", "∈", "{", "0", ",", "sign−", "1", "}"]),
    ("|-1|", ["|", "sign−", "1", "|"]),
    # subtraction keeps the operator's spacing
    ("1 - 2", ["1", "−", "2"]),
    ("|w| - 1", ["|", "w", "|", "−", "1"]),
    ("n! - 1", ["n", "!", "−", "1"]),
    (r"f(x) - 1", ["f", "(", "x", ")", "−", "1"]),
    (r"\infty - 1", ["∞", "−", "1"]),
])
def test_a_minus_after_an_operator_or_a_bracket_or_first_is_a_sign(tex, tokens):
    # design review 2, finding 1: "w = − 1" was spaced like a subtraction
    assert _spaced(tex_to_mathml(tex, display=False)) == tokens


def test_a_continued_line_of_a_broken_equation_keeps_its_binary_minus():
    out = tex_to_mathml(r"\begin{aligned} &a + b \\ &- c \end{aligned}", display=True)
    assert mathml.LINE_BREAKS in out and 'form="prefix"' not in out


def test_operator_names_are_names_spaced_as_tex_spaces_them():
    # design review 2, finding 2: "is  diag(f_t)" (a thick space inside the math beside the
    # text's), "tanhc_t" (no space after the name)
    for tex in (r"\operatorname{diag}(f_t)", r"\max(a, b)"):
        out = tex_to_mathml(tex, display=False)
        assert "<mo>diag</mo>" not in out and "<mo>max</mo>" not in out
        assert re.search(r"^<math[^>]*><mrow><mi>(diag|max)</mi> <mo", out)
    assert '<mi>tanh</mi> <mspace width="0.1667em" /><msub><mpadded depth="0"><mi>c</mi>' \
        in tex_to_mathml(r"o_t \odot \tanh c_t", display=False)
    # a name's script keeps its two children (no space inside the <msub>)
    assert "<msub><mi>max</mi> <mi>k</mi> </msub>" in tex_to_mathml(r"\max_k x", display=False)


@pytest.mark.parametrize("tex", ["p =", "H \\approx", "x <"])
def test_inline_math_ending_in_a_relation_is_reported(tex, caplog):
    # "$p =$ 102": the value outside the math sits after two spaces ("p =  102")
    render(f"so ${tex}$ 102 next")
    assert "the value after it belongs inside the math" in caplog.text


def test_norm_bars_do_not_stretch_and_partial_is_ordinary():
    out = tex_to_mathml(r"\lVert \partial y_t/\partial x_s\rVert_F", display=False)
    assert out.count('stretchy="false">‖</mo>') == 2
    assert '<mo lspace="0" rspace="0">∂</mo>' in out
    assert '<mo lspace="0" rspace="0">/</mo>' in out


@pytest.mark.parametrize(("tex", "joinable"), [
    (r"\begin{aligned} &(20 \cdot 128) \cdot 5 \\ &= 12{,}800 \end{aligned}", True),
    (r"\begin{aligned} &a + b \\ &+ c \\ &= d \end{aligned}", True),
    (r"\begin{aligned} h_t &= a, \\ y_t &= b \end{aligned}", False),  # a system
    (r"\begin{aligned} &a + b \\ &c = d \end{aligned}", False),  # a new line, not a go-on
    (r"\begin{aligned} &a = b \end{aligned}", False),  # one line
])
def test_only_an_expression_broken_for_width_is_marked_joinable(tex, joinable):
    """rnnnotes.js joins a marked table onto one line where it fits; a system of equations,
    or a table whose lines do not go on with an operator, stays as written."""
    assert (mathml.LINE_BREAKS in tex_to_mathml(tex, display=True)) is joinable


def test_a_stray_delimiter_after_display_math_is_kept_as_text_beside_it():
    """Design review, finding 9: an escaped ``$$`` ending a display formula (a quote's
    leftover delimiter) is not set as math; the two characters stay, as literal text after
    the formula's box, with a link to the page's note (mathml.STRAY_NOTE)."""
    html = render("$$x = 1. \\quad \\$\\$$$\n")
    math, rest = html.split("</math>", 1)
    assert "$" not in math
    assert re.search(r'<code class="rn-stray__chars">\$\$</code>', rest)
    assert f'href="#{mathml.STRAY_NOTE}"' in rest
    assert rest.index("rn-stray") > rest.index("</div>")  # out of the formula's (scrolling) box
    # a dollar that is the formula's own, or inline math, is left alone
    for tex in ("$$a = \\$5$$\n", "Costs $\\$\\$$ here.\n"):
        assert "rn-stray" not in render(tex)


def test_a_fence_bar_and_a_sized_bar_may_stretch():
    """An evaluation bar, ``\\left.\\frac{a}{b}\\right|_{h_t}``, is a fence: it stretches to
    the fraction's height, as TeX sets it (design review H: bars of the text's height beside
    fractions read as stray marks); so may ``\\Big|`` (its size); a plain bar (‖x‖_F) does
    not. The sized one's subscript is placed by its box, not as a character's."""
    fence = tex_to_mathml(r"\left.\frac{a}{b}\right|_{h_t}", display=True)
    bar = re.search(r'<mo [^>]*form="postfix"[^>]*>\|</mo>', fence)
    assert bar and 'stretchy="true"' in bar[0], fence
    sized = tex_to_mathml(r"\frac{a}{b}\Big|_{h_t}", display=True)
    bar = re.search(r"<mo [^>]*>\|</mo>", sized)[0]
    assert 'minsize="1.623em"' in bar and 'stretchy="true"' in bar
    assert "<msub><mo minsize" in sized  # not wrapped in a depth-0 mpadded
    plain = tex_to_mathml(r"\|x\|_F", display=True)
    assert plain.count('stretchy="false"') == 2, plain
