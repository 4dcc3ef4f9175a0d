"""The site's style sheets lose only their comments and indentation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rnnsite.css_comments import strip_comments

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
