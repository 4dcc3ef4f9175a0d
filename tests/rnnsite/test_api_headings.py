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
