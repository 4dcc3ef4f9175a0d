"""The site's style sheets and scripts lose only their comments and indentation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rnnsite.css_comments import strip_comments, strip_script_comments

ASSETS = Path(__file__).resolve().parents[2] / "docs" / "assets"


def rules(css: str) -> list[str]:
    """Every declaration block, whitespace removed: what a browser reads."""
    return ["".join(block.split()) for block in css.split("}")]


@pytest.mark.parametrize("sheet", sorted(ASSETS.glob("*.css")), ids=lambda p: p.name)
def test_only_comments_go(sheet):
    css = sheet.read_text(encoding="utf-8")
    out = strip_comments(css)
    assert "/*" not in out and len(out) < len(css)
    assert rules(out) == rules(re.sub(r"/\*.*?\*/", "", css, flags=re.S))


def test_a_comment_in_a_string_is_refused():
    with pytest.raises(ValueError, match="inside a string"):
        strip_comments('a::after { content: "/* not a comment */"; }')


def test_only_pages_with_mkdocstrings_output_link_its_sheet():
    from rnnsite.css_comments import without_unused_sheets

    link = '<link rel="stylesheet" href="../../assets/_mkdocstrings.css">\n'
    ours = '<link rel="stylesheet" href="../../assets/rnnnotes.css">'
    plain = f"<head>{link}{ours}</head><p>x</p>"
    api = f'<head>{link}</head><div class="doc doc-object">f</div>'
    assert "_mkdocstrings.css" not in without_unused_sheets(plain)
    assert "rnnnotes.css" in without_unused_sheets(plain)
    assert without_unused_sheets(api) == api


@pytest.mark.parametrize("script", sorted(ASSETS.glob("*.js")), ids=lambda p: p.name)
def test_a_script_loses_only_its_comment_lines_and_indentation(script):
    js = script.read_text(encoding="utf-8")
    out = strip_script_comments(js)
    kept = [line.strip() for line in js.splitlines()
            if line.strip() and not line.strip().startswith("//")]
    assert out.splitlines() == kept
    assert len(out) <= len(js)


def test_a_script_with_a_template_literal_over_lines_is_refused():
    with pytest.raises(ValueError, match="template literal"):
        strip_script_comments("const a = `one\n// two`;\n")
    assert strip_script_comments("  // note\n  f(`${x}em`); // kept\n") == "f(`${x}em`); // kept\n"
