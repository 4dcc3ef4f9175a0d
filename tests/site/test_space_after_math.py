"""No line of the built site starts with a space after inline math (design review of
7 December, round D: " input units", " the whole time", 70 times on the answer pages).

Chromium may break a line right after a ``<math>`` element even when a no-break space
follows it; the space then opens the next line, a visible indent. So after math the site
writes a plain space, except where the math and what follows are one no-wrap run: a symbol
joined to the code it names (``H = hidden_size``, rnnsite/typeset.py), inside an
``rn-nobr`` span, where no line can break.
"""

from __future__ import annotations

import re
from pathlib import Path

AFTER_MATH = re.compile(r"</math>(?:</span>)*\u00a0(?!<code>|=\u00a0<code>)")


def spaces_after_math(html: str) -> list[str]:
    return [html[max(0, m.start() - 60):m.end() + 20] for m in AFTER_MATH.finditer(html)]


def test_the_check_finds_a_no_break_space_after_math():
    found = '<span class="arithmatex"><math><mn>20</mn></math></span>\u00a0input'
    joined = '<span class="rn-nobr"><span><math><mi>H</mi></math></span>\u00a0=\u00a0<code>h'
    assert spaces_after_math(found) and not spaces_after_math(joined)


def test_no_no_break_space_follows_inline_math(site: Path):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    found = {str(p.relative_to(site)): spaces_after_math(p.read_text(encoding="utf-8"))
             for p in pages}
    assert {p: f[:3] for p, f in found.items() if f} == {}
