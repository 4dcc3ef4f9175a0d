"""Find the setup block, the live markers, the math spans and the number tokens of a page.

Nothing here evaluates anything: a :class:`Scan` is a pure function of the page text,
so the Sybil parser can lay out one region per check before any page code runs.

**Exclusions.**  The page is *masked* step by step (every excluded character becomes a
NUL, newlines are kept, so offsets and line numbers never move):

1. YAML front matter;
2. fenced code blocks (````` and ``~~~``, any indent, also after a list marker or ``>``,
   as Sybil's fence lexer reads them).  Indented (4-space) code blocks are *not*
   recognised: they look like admonition bodies; use fences;
3. HTML comments (the setup block and markers among them) and inline code spans,
   scanned together left to right, as CommonMark does;
4. blockquotes: from a line starting with ``>`` to the next blank line (Python-Markdown's
   lazy continuation), since the student's verbatim answer is quoted there;
5. math spans (``$$...$$`` first, then ``$...$``) are taken out of the prose and
   audited separately (see :mod:`livedocs._math`);
6. HTML tags and attributes, HTML entities, link/image destinations, reference-link labels
   and definitions, footnote labels, bare URLs, attribute lists ``{ #id .class k=v }``
   and ordered-list markers (``1.`` is markup, not a number).

**Prose tokens** are then ``(?<![\\w.])`` + an atomic ``.?digits(,ddd)*(.digits)*`` +
``(?!\\w)`` + optional ``%``.  Dotted labels (``2.1.4``) are one token.  Glued tokens
(``Q1``, ``float64``, ``h_5``, ``1e-10``) are words and never match: the group is atomic,
so ``1.5x`` cannot backtrack into ``1``.  A comma does *not* block a token start, so
``5,10`` yields 5 and 10 and no number can hide behind a comma.

**Live tokens** (the number a marker checks) end right before the marker, or before a
closing emphasis that ends there: ``**76,800**<!--= total -->`` checks ``76,800``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

__all__ = ["Setup", "Marker", "Math", "Token", "Scan", "scan", "LIVE_TOKEN"]

SETUP_OPEN = "<!-- live:setup"
_SETUP = re.compile(r"<!-- live:setup\n(?P<code>(?:.*\n)*?)-->(?=\n|\Z)")
_MARKER = re.compile(r"<!--=(?P<body>.*?)-->", re.S)
# A format spec after the last `|` of a marker: `.2f`, `.0%`, `,d`, `>8.3e` ...
_SPEC = re.compile(r"[<>=^]?[+\- ]?z?#?0?\d*[,_]?(?:\.\d+)?[bcdeEfFgGnosxX%]?")
# The written token of a live number: ends right where the marker starts, or where the
# closing emphasis that ends right there starts (`**76,800**<!--= ... -->` in a table).
LIVE_TOKEN = re.compile(
    r"(?<![\w.,\-])(?P<token>-?(?>\d+(?:,\d{3})*(?:\.\d+)*)%?)(?:\*{1,3}|_{1,3})?\Z"
)
_PROSE_TOKEN = re.compile(r"(?<![\w.])(?<!\d[eE][-+])(?>\.?\d+(?:,\d{3})*(?:\.\d+)*)(?!\w)%?")
# A fence may follow a list marker or quote markers, as Sybil's fence lexer allows.
_FENCE = re.compile(r"(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?(`{3,}|~{3,})")
_COMMENT_OR_CODE = re.compile(r"<!--|`+")
# Math never spans masked text (NUL): a `$` pair around a comment, code or a quote is not
# math, so a math region can never contain a marker, a setup block or a code block.
_DISPLAY = re.compile(r"(?<!\\)\$\$(?:\\[^\0]|[^\\\0])+?\$\$", re.S)
# Inline math may wrap lines but, like a paragraph, never crosses a blank line.
_INLINE = re.compile(
    r"(?<![\\$])\$(?![\s$])(?:\\[^\0\n]|[^\\$\n\0]|\n(?![ \t]*\n))+?(?<![\s\\])\$(?!\$)"
)
_PROSE_MARKUP = [
    re.compile(r"</?[A-Za-z!][^<>]*>"),  # tags with their attributes, autolinks
    re.compile(r"&#?\w+;"),  # entities
    re.compile(r"(?<=\])\((?:[^()\n]|\([^()\n]*\))*\)"),  # link / image destinations
    re.compile(r"(?<=\])\[[^\]\n]*\]"),  # [text][label]
    re.compile(r"^[ \t]{0,3}\[(?!\^)[^\]\n]+\]:.*$", re.M),  # reference definitions
    re.compile(r"\[\^[^\]\n]*\]"),  # footnote labels
    re.compile(r"\b(?:https?|ftp)://[^\s<>()\[\]]+"),  # bare URLs
    re.compile(r"\{:?[ \t]*(?:[#.][\w-]|[\w-]+=)[^{}\n]*\}"),  # attribute lists
    re.compile(r"^[ \t]*\d+[.)](?=[ \t])", re.M),  # ordered-list markers
]


@dataclass(frozen=True)
class Setup:
    """The ``<!-- live:setup`` block: ``code`` starts on page line ``code_line``."""

    start: int
    end: int
    line: int
    code: str
    code_line: int
    closed: bool  # False: no line that is exactly `-->` closes it


@dataclass(frozen=True)
class Marker:
    """A ``<!--= EXPR | SPEC -->`` marker and the number ``token`` written right before it
    (at ``token_start``), or ``None`` if there is none (an orphan, or a math tie)."""

    start: int
    end: int
    line: int
    expr: str
    spec: str | None
    token_start: int | None
    token: str | None

    @property
    def token_end(self) -> int | None:
        return None if self.token_start is None else self.token_start + len(self.token or "")


@dataclass(frozen=True)
class Math:
    """A ``$...$`` or ``$$...$$`` span; ``content`` excludes the delimiters."""

    start: int
    end: int
    line: int
    content_start: int
    content_end: int


@dataclass(frozen=True)
class Token:
    """A number token in prose (or, from :mod:`livedocs._math`, in math)."""

    start: int
    end: int
    line: int
    text: str
    math: bool = False


@dataclass
class Scan:
    """Everything :func:`scan` finds in a page; ``masked`` is the fully masked prose."""

    text: str
    setups: list[Setup] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    maths: list[Math] = field(default_factory=list)
    prose_tokens: list[Token] = field(default_factory=list)
    _newlines: list[int] = field(default_factory=list)

    def line_of(self, pos: int) -> int:
        """1-based line of character offset ``pos``."""
        return bisect.bisect_right(self._newlines, pos - 1) + 1


def _blank(chars: list[str], start: int, end: int) -> None:
    """Mask ``chars[start:end]`` with NULs, keeping newlines (offsets stay valid).

    NUL, not a space: it is neither a word character (a token next to a comment is still
    a token) nor anything math may contain.
    """
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = "\0"


def _mask_front_matter_and_fences(text: str, chars: list[str]) -> None:
    m = re.match(r"---\n(?:.*\n)*?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", text)
    if m:
        _blank(chars, 0, m.end())
    pos, fence = 0, None  # fence: (character, length, start offset)
    for line in text.splitlines(keepends=True):
        if fence is None:
            m = _FENCE.match(line)
            if m and not (m.group(1)[0] == "`" and "`" in line[m.end() :]):
                fence = (m.group(1)[0], len(m.group(1)), pos)
        else:
            closing = re.fullmatch(
                rf"(?:[ \t]*>)*[ \t]*{re.escape(fence[0])}{{{fence[1]},}}[ \t]*\n?", line
            )
            if closing:
                _blank(chars, fence[2], pos + len(line))
                fence = None
        pos += len(line)
    if fence is not None:  # unclosed: runs to the end, as in Markdown
        _blank(chars, fence[2], len(text))


def _comments_and_code(sc: Scan, chars: list[str]) -> None:
    """Mask comments and inline code left to right; record the setup and markers."""
    masked = "".join(chars)
    pos = 0
    while m := _COMMENT_OR_CODE.search(masked, pos):
        start = m.start()
        if m.group() == "<!--":
            setup = _SETUP.match(masked, start)
            close = masked.find("-->", start + 4)
            end = setup.end() if setup else (len(masked) if close < 0 else close + 3)
            at_line_start = start == 0 or masked[start - 1] == "\n"
            if setup and at_line_start:
                sc.setups.append(Setup(start, end, sc.line_of(start), setup.group("code"),
                                       sc.line_of(start) + 1, closed=True))
            elif masked.startswith(SETUP_OPEN, start):
                sc.setups.append(Setup(start, end, sc.line_of(start), "", 0, closed=False))
            elif masked.startswith("<!--=", start) and close >= 0:
                sc.markers.append(_marker(sc, text=masked, start=start, end=end))
            _blank(chars, start, end)
            pos = end
            continue
        ticks = m.group()
        # A code span closes at the next run of exactly as many backticks, no blank line.
        close_re = re.compile(rf"(?<!`){ticks}(?!`)")
        c = close_re.search(masked, m.end())
        if c and not re.search(r"\n[ \t]*\n", masked[m.end() : c.start()]):
            _blank(chars, start, c.end())
            pos = c.end()
        else:
            pos = m.end()


def _marker(sc: Scan, text: str, start: int, end: int) -> Marker:
    body = _MARKER.match(text, start).group("body")  # type: ignore[union-attr]
    expr, spec = body.strip(), None
    if "|" in body:
        head, tail = body.rsplit("|", 1)
        if tail.strip() and _SPEC.fullmatch(tail.strip()):
            expr, spec = head.strip(), tail.strip()
    # Lookbehinds see past `pos`, so a short window is enough (and keeps this linear).
    tok = LIVE_TOKEN.search(text, max(0, start - 80), start)
    if tok is None:
        return Marker(start, end, sc.line_of(start), expr, spec, None, None)
    return Marker(start, end, sc.line_of(start), expr, spec, tok.start(), tok.group("token"))


def _mask_blockquotes(chars: list[str]) -> None:
    pos, quoting = 0, False
    for line in "".join(chars).splitlines(keepends=True):
        if not line.strip():
            quoting = False
        elif re.match(r"[ \t]*>", line):
            quoting = True
        if quoting:
            _blank(chars, pos, pos + len(line))
        pos += len(line)


def _find_math(sc: Scan, chars: list[str]) -> None:
    masked = "".join(chars)
    found: list[Math] = []
    for pattern, width in ((_DISPLAY, 2), (_INLINE, 1)):
        for m in pattern.finditer(masked):
            found.append(Math(m.start(), m.end(), sc.line_of(m.start()),
                              m.start() + width, m.end() - width))
            _blank(chars, m.start(), m.end())
        masked = "".join(chars)
    sc.maths = sorted(found, key=lambda x: x.start)


def scan(text: str) -> Scan:
    """Scan a page: setup blocks, markers, math spans and the audited prose tokens."""
    sc = Scan(text, _newlines=[i for i, c in enumerate(text) if c == "\n"])
    chars = list(text)
    _mask_front_matter_and_fences(text, chars)
    _comments_and_code(sc, chars)
    _mask_blockquotes(chars)
    _find_math(sc, chars)
    masked = "".join(chars)
    for pattern in _PROSE_MARKUP:
        for m in pattern.finditer(masked):
            _blank(chars, m.start(), m.end())
    masked = "".join(chars)
    live_spans = [(mk.token_start, mk.token_end) for mk in sc.markers if mk.token_start is not None]
    for m in _PROSE_TOKEN.finditer(masked):
        if any(s <= m.start() < e for s, e in live_spans):
            continue  # the written part of a live number: checked, not audited
        sc.prose_tokens.append(Token(m.start(), m.end(), sc.line_of(m.start()), m.group()))
    return sc
