"""Serve the site's own style sheets and scripts without their comments (an MkDocs hook).

``docs/assets/*.css`` explain themselves at length, and every page loads all of them, so
the comments cost every reader bytes of the page budget (``tests/browser/test_budget.py``).
After the build this hook rewrites each sheet of ``extra_css`` in the built site with its
comments and indentation removed. Nothing else changes: no rule is rewritten, merged or
dropped (a comment inside a string, which these sheets do not have, would be cut; the
check below refuses a sheet that has ``/*`` inside quotes). Each script of
``extra_javascript`` loses its lines that are only a ``//`` comment and its indentation,
no more: no line is joined, so no statement changes (a template literal over several
lines, whose lines are text, is refused).

The same budget: mkdocstrings links its style sheet (``assets/_mkdocstrings.css``) from
every page, and only the API reference uses it; a page without its output does not load it
(``on_post_page``).

In ``mkdocs.yml``: ``hooks: [rnnsite/css_comments.py]``.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["strip_comments", "strip_script_comments", "without_unused_sheets"]

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_QUOTED_COMMENT = re.compile(r"""(["'])[^"'\n]*/\*[^"'\n]*\1""")
_INDENT = re.compile(r"\n[ \t]+")
_BLANK = re.compile(r"\n{2,}")
_MKDOCSTRINGS_SHEET = re.compile(
    r'<link rel="stylesheet" href="[^"]*assets/_mkdocstrings\.css">\n?')


def strip_comments(css: str) -> str:
    """``css`` without comments, indentation and blank lines."""
    if _QUOTED_COMMENT.search(css):
        raise ValueError("a style sheet has '/*' inside a string: its comments cannot be "
                         "stripped by a pattern")
    out = _BLANK.sub("\n", _INDENT.sub("\n", _COMMENT.sub("", css)))
    return out.strip() + "\n"


def strip_script_comments(js: str) -> str:
    """``js`` without its comment-only lines, indentation and blank lines."""
    code = [line.strip() for line in js.splitlines()
            if line.strip() and not line.strip().startswith("//")]
    if any(line.count("`") % 2 for line in code):  # a template literal goes on below
        raise ValueError("a script has a template literal over several lines: its comment "
                         "lines cannot be told from its text by a pattern")
    return "\n".join(code) + "\n"


def on_post_build(config) -> None:  # MkDocs hook
    site = Path(config["site_dir"])
    not_found = site / "404.html"  # MkDocs renders it without on_post_page
    if not_found.is_file():
        not_found.write_text(without_unused_sheets(not_found.read_text(encoding="utf-8")),
                             encoding="utf-8")
    for sheet in config["extra_css"]:
        path = site / str(sheet)
        if path.suffix == ".css" and path.is_file():
            path.write_text(strip_comments(path.read_text(encoding="utf-8")),
                            encoding="utf-8")
    for script in config["extra_javascript"]:
        path = site / str(script)
        if path.suffix == ".js" and path.is_file():
            path.write_text(strip_script_comments(path.read_text(encoding="utf-8")),
                            encoding="utf-8")


def without_unused_sheets(html: str) -> str:
    """``html`` (a built page) without its link to mkdocstrings' style sheet, unless the page
    has mkdocstrings' output (elements of class ``doc``)."""
    if re.search(r'class="doc\b', html):
        return html
    return _MKDOCSTRINGS_SHEET.sub("", html)


def on_post_page(output: str, page, config) -> str:  # MkDocs hook
    return without_unused_sheets(output)
