"""Prepare a page's Markdown: every marker becomes a placeholder character.

``prepare(text)`` finds every ``<!--= BODY -->`` marker and every ``<!--notation-->``
opt-out in the Markdown source, wherever it stands (code included: what is code is only
known after rendering), and replaces each by its private-use character
(:mod:`livedocs.marks`).  A marker right after a display-math closer at the end of its
line (``$$<!--= x -->``, ``\\]<!--= x -->``, ``\\end{aligned}<!--= x -->``) is moved just
*inside* the closer, because arithmatex only recognises a math block that ends its line;
inside the math it stands at the very end, which ties the span as before.

**Marker body**: ``EXPR [| SPEC] [; for NAME in V1, V2, ...]...``.  The text after the last
top-level ``|`` is always the format spec (write ``(a | b)`` for a bitwise or); each
``; for NAME in ...`` clause lists values of a symbol for checking a tied formula.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field

from ..marks import EXEMPT_MARKS, MAX_MARKERS, marker_char, notation_char, private_use
from ..messages import Msg, say
from .format import valid_spec

__all__ = ["MarkerSrc", "Prepared", "prepare", "split_body"]

_MARK = re.compile(r"<!--=(?P<body>.*?)-->|<!--[ \t]*notation[ \t]*-->", re.S)
# A plain comment (not a marker) between a sign, digit or point and a digit: the reader sees
# one number ("-5"), the checks would read the part after the comment ("5").
_SPLIT = re.compile(r"(?P<left>[-\u2212+0-9.,])<!--(?!=)(?:(?!-->).)*-->(?P<right>[0-9.])",
                    re.S)
_CLOSER = re.compile(r"(?:\$\$|\\\]|\\end\{[A-Za-z*]+\})$")
_FOR = re.compile(r"\s*for\s+(?P<name>[A-Za-z_]\w*)\s+in\s+(?P<values>.+?)\s*$", re.S)


@dataclass
class MarkerSrc:
    """One marker of the source: ``line`` is 1-based in the prepared text."""

    k: int
    raw: str
    line: int
    offset: int
    expr: str = ""
    spec: str | None = None
    subs: list[tuple[str, list[object]]] = field(default_factory=list)
    error: str | None = None
    moved: bool = False


@dataclass
class Prepared:
    text: str
    markers: list[MarkerSrc] = field(default_factory=list)
    notations: list[MarkerSrc] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line, message)


def _top_level(body: str, char: str) -> list[int]:
    """Offsets of ``char`` in ``body`` outside brackets and string literals."""
    out, depth, quote, i = [], 0, "", 0
    while i < len(body):
        c = body[i]
        if quote:
            if c == "\\":
                i += 1
            elif body.startswith(quote, i):
                i += len(quote) - 1
                quote = ""
        elif c in "\"'":
            quote = c * 3 if body.startswith(c * 3, i) else c
            i += len(quote) - 1
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == char and depth == 0:
            out.append(i)
        i += 1
    return out


def split_body(body: str) -> tuple[str, str | None, list[tuple[str, list[object]]]]:
    """``(expr, spec, substitutions)`` of a marker body; ``ValueError`` if malformed."""
    if body.startswith("="):
        raise ValueError("`<!--==` is not a marker: a marker starts with exactly `<!--=`")
    semis = _top_level(body, ";")
    head = body[: semis[0]] if semis else body
    subs: list[tuple[str, list[object]]] = []
    for a, b in zip(semis, [*semis[1:], len(body)], strict=False):
        clause = body[a + 1 : b]
        m = _FOR.fullmatch(clause)
        if not m:
            raise ValueError(f"`;{clause}` is not a `; for NAME in V1, V2` clause")
        try:
            values = ast.literal_eval(f"({m.group('values')},)")
        except (ValueError, SyntaxError):
            raise ValueError(f"`{m.group('values')}`: the values of {m.group('name')} must "
                             "be numbers") from None
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            raise ValueError(f"the values of {m.group('name')} must be numbers")
        subs.append((m.group("name"), list(values)))
    bars = _top_level(head, "|")
    expr, spec = head, None
    if bars:
        expr, spec = head[: bars[-1]], head[bars[-1] + 1 :].strip()
        if not valid_spec(spec):
            raise ValueError(f"`{spec}` after the last `|` is not a format spec (write "
                             "`(a | b)` for a bitwise or)")
    expr = expr.strip()
    if not expr:
        raise ValueError("the marker has no expression")
    try:
        compile(expr, "<marker>", "eval")
    except SyntaxError as exc:
        raise ValueError(f"`{expr}` is not a Python expression ({exc.msg})") from None
    return expr, spec, subs


def prepare(text: str) -> Prepared:
    """Replace markers and opt-outs by placeholders (see the module docstring)."""
    prep = Prepared(text)
    for off in private_use(text):
        if text[off] in EXEMPT_MARKS:
            continue  # generated text (livedocs.exempt); the page's file is checked for them
        prep.errors.append((text.count("\n", 0, off) + 1,
                            say(Msg.PRIVATE_USE, code=ord(text[off]))))
    for m in _SPLIT.finditer(text):
        prep.errors.append((text.count("\n", 0, m.start()) + 1, say(
            Msg.COMMENT_SPLITS_NUMBER, shown=m.group("left") + m.group("right"))))
    out: list[str] = []
    pos = 0
    for m in _MARK.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        is_marker = m.group("body") is not None
        group = prep.markers if is_marker else prep.notations
        k = len(group)
        if k >= MAX_MARKERS:
            prep.errors.append((line, f"more than {MAX_MARKERS} markers on one page"))
            break
        src = MarkerSrc(k, m.group(), line, m.start())
        if is_marker:
            try:
                src.expr, src.spec, src.subs = split_body(m.group("body"))
            except ValueError as exc:
                src.error = str(exc)
        group.append(src)
        ph = marker_char(k) if is_marker else notation_char(k)
        before = "".join(out) + text[pos : m.start()]
        rest_of_line = text[m.end() : text.find("\n", m.end()) % (len(text) + 1)]
        closer = _CLOSER.search(before)
        if closer and (not rest_of_line.strip() or _MARK.match(rest_of_line.lstrip())):
            src.moved = True
            out = [before[: closer.start()], ph, closer.group()]
        else:
            out = [before, ph]
        pos = m.end()
    prep.text = "".join(out) + text[pos:]
    for m in re.finditer(r"<!--=", prep.text):  # an unclosed marker
        prep.errors.append((prep.text.count("\n", 0, m.start()) + 1,
                            "a marker `<!--=` that is never closed by `-->`"))
    return prep
