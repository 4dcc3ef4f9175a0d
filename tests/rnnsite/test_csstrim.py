"""prune_css keeps exactly the rules and variables a page can use."""

from __future__ import annotations

from rnnsite.csstrim import prune_css

PAGE = ('<div class="wrap jp-Cell jp-CodeCell">'
        '<pre class="x" style="color: var(--inline)">1</pre></div>')
CSS = """@charset "UTF-8";
/* a comment .jp-Gone { } */
.wrap{--used: red; --chain: var(--used2); --used2: blue; --unused: green}
.jp-Cell .x{color: var(--used); background: var(--chain)}
.jp-Gone{color: red}
.jp-Cell, .jp-Gone{margin: 0}
.jp-Cell:not(.jp-Gone){padding: 0}
@media (max-width: 10px){.jp-Gone{color: red} .jp-CodeCell{color: blue}}
@media print{.jp-Gone{color: red}}
@font-face{font-family: x; src: url(data:,)}
"""


def test_rules_that_cannot_match_are_dropped_and_the_rest_kept_verbatim() -> None:
    out = prune_css(CSS, PAGE)
    assert '@charset "UTF-8";' in out and "@font-face{font-family: x" in out
    assert ".jp-Cell .x{color: var(--used); background: var(--chain)}" in out
    assert ".jp-Cell{margin: 0}" in out  # the selector list keeps its matching part
    assert ".jp-Cell:not(.jp-Gone){padding: 0}" in out
    assert "@media (max-width: 10px){.jp-CodeCell{color: blue}}" in out
    assert "jp-Gone{" not in out and "@media print" not in out and "comment" not in out


def test_custom_properties_are_kept_only_if_used_through_chains() -> None:
    out = prune_css(CSS, PAGE)
    assert "--used: red" in out and "--chain: var(--used2)" in out and "--used2: blue" in out
    assert "--unused" not in out
