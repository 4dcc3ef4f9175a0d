"""prune_css keeps exactly the rules and variables a page can use."""

from __future__ import annotations

from rnnsite.csstrim import prune_css, prune_styles

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


def test_a_pages_style_blocks_are_pruned_together() -> None:
    """A variable lives if a kept rule of any block uses it, and never because a dropped
    rule (of its own block or another) named it."""
    page = '<div class="a" style="margin: var(--inline)"></div>'
    first = ".a{--x: 1; --y: 2; --inline: 3; --z: var(--w)} .gone{--w: 4}"
    second = ".a{width: var(--x)} .gone{width: var(--y); height: var(--z)}"
    out1, out2 = prune_styles([first, second], page)
    assert "--x: 1" in out1 and "--inline: 3" in out1
    assert "--y" not in out1 and "--z" not in out1 and "--w" not in out1
    assert out2 == ".a{width: var(--x)}"


def test_notebook_pages_drop_the_variables_only_dropped_rules_used() -> None:
    from rnnsite.notebook_offline import offline_html

    content = ('<style>.jupyter-wrapper :root{--jp-icon-add: url(data:image/svg+xml;base64,AA)}'
               '.jp-AddIcon{background: var(--jp-icon-add)}</style>'
               '<style>.jupyter-wrapper{--jp-ok: 1px}.jp-Cell{margin: var(--jp-ok)}</style>'
               '<div class="jupyter-wrapper"><div class="jp-Cell">x</div></div>')
    out = offline_html(content)
    assert "--jp-icon-add" not in out and "data:image" not in out
    assert "--jp-ok: 1px" in out and ".jp-Cell{margin: var(--jp-ok)}" in out
