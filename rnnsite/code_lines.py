"""Each line of a code block as an element of its own, so that a line the browser wraps can
show it is one line (design review of issue 18, round B: a wrapped line's hanging indent
read as Python's indentation).

Code wraps at the edge of its box (docs/assets/rnnnotes.css): with each line in a
``<span class="cl">`` of its own (its indentation, in spaces, as ``--ind``), every row
after a line's first is set in 6 characters further than the line itself (never where
Python's next level, 4 in, would start), and a small arrow in the box's left margin marks
each row that continues it, as printed books mark a code line continued (an elbow drawn
down the indent read as a tree's output: design review of 7 December, round D); a line
that fits has none. Each line may break only between its tokens
(:func:`rnnsite.code_breaks.mark_breaks`). :func:`mark_lines` puts the spans in, after the
page is rendered
(``rnnsite/takeaway_hook.py``); the newlines stay where they were, between the spans, so
what a reader copies is unchanged.

A newline inside a token that spans lines (a triple-quoted string) is not a split: the
lines of that token stay in one span.
"""

from __future__ import annotations

import re

from rnnsite.code_breaks import mark_breaks

# code: a <pre> holding a <code> (an answer page's, Pygments in it, or a plain block), or a
# notebook's cell (a highlight's <pre>, no <code>); not a notebook's printed output
_PRE = re.compile(r'(<div class="(?:[\w-]+ )*highlight[^"]*"[^>]*>\s*)?(<pre\b[^>]*>)'
                  r"(.*?)(</pre>)", re.S)
_CODE = re.compile(r"\A((?:<span></span>)?<code\b[^>]*>)(.*)(</code>)\Z", re.S)
_PIECES = re.compile(r"<[^>]+>|\n|[^<\n]+")
LINE_CLASS = "cl"
_OPEN = f'<span class="{LINE_CLASS}">'


def _lines(code: str) -> str:
    """``code`` (highlighted HTML) with each line outside any open ``<span>`` wrapped."""
    out: list[str] = []
    line: list[str] = []
    depth = 0

    def flush() -> None:
        text = "".join(line)
        shown = re.sub(r"<[^>]+>", "", text)
        if shown.strip():  # an empty line, or a lone <span></span>, stays bare
            indent = len(shown) - len(shown.lstrip(" "))
            out.append((f'<span class="{LINE_CLASS}" style="--ind:{indent}">' if indent
                        else _OPEN) + mark_breaks(text) + "</span>")
        else:
            out.append(text)
        line.clear()

    for piece in _PIECES.findall(code):
        if piece == "\n" and depth == 0:
            flush()
            out.append("\n")
            continue
        if piece.startswith("<span"):
            depth += not piece.endswith("/>")
        elif piece == "</span>":
            depth -= 1
        line.append(piece)
    flush()
    return "".join(out)


def _pre(match: re.Match) -> str:
    highlight, start, body, end = match.groups()
    code = _CODE.match(body)
    if 'class="cl"' in body or not (code or highlight):  # marked already, or not code
        return match.group(0)
    body = code[1] + _lines(code[2]) + code[3] if code else _lines(body)
    return (highlight or "") + start + body + end


def mark_lines(html: str) -> str:
    """``html`` with each line of its code in a ``<span class="cl">``."""
    if "<pre" not in html:
        return html
    return _PRE.sub(_pre, html)
