"""An API object's heading sets its name in <code> (rnnsite/api_headings.py)."""

from __future__ import annotations

from rnnsite.api_headings import coded_names


def test_an_api_objects_name_is_code():
    name = '<span class="doc doc-object-name doc-function-name">count_parameters</span>'
    assert coded_names(f"<h3>{name}</h3>") == (
        '<h3><span class="doc doc-object-name doc-function-name"><code>count_parameters'
        "</code></span></h3>")
    assert coded_names("<p>count_parameters</p>") == "<p>count_parameters</p>"


def test_a_default_closes_its_bracket():
    """Design review: "(bool, default: True )" on every API page (mkdocstrings breaks the
    line before the bracket, and the browser shows a space)."""
    from rnnsite.api_headings import tight_defaults

    item = '(<code><span title="int">int</span></code>, default:\n    <code>1</code>\n)\n  –'
    assert tight_defaults(item) == ('(<code><span title="int">int</span></code>, default:\n'
                                    '    <code>1</code>)\n  –')
    assert tight_defaults("(<code>x</code> )") == "(<code>x</code> )"  # not a default


def test_a_signature_that_only_repeats_the_name_is_dropped():
    """An attribute's signature box held its bare name (`grads`, `by_name`) under a heading
    that already says it; a signature with more (a call, a type, a value) stays."""
    from rnnsite.api_headings import drop_bare_signatures

    def sig(code: str) -> str:
        return (f'<div class="doc-signature highlight"><pre><span></span><code>'
                f'<span class="cl">{code}</span>\n</code></pre></div>')

    heading = '<h4 id="x.grads" class="doc doc-heading">grads</h4>'
    bare = sig('<span class="n">grads</span>')
    call = sig('<span class="nf">subtotal</span><span class="p">(</span><span class="p">)</span>')
    typed = sig('<span class="n">grads</span><span class="p">:</span> <span class="n">dict</span>')
    assert drop_bare_signatures(heading + bare) == heading
    for kept in (call, typed):
        assert drop_bare_signatures(heading + kept) == heading + kept
