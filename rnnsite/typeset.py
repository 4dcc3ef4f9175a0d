"""Typesetting the browser leaves to the page (a Python-Markdown extension): line breaks it
would take where a reader would not, and quotes.

- **A heading's permalink** (the ``¶`` that ``toc`` appends, hidden until hovered) is an
  inline block in Material's style sheet, so a line may end before it: at 390 px it took a
  line of its own under "How the answers are graded", an empty line to the eye. It is kept
  with the heading's last word (or last element: math, code) in a ``rn-nobr`` span.
- **An option name** in inline code (``--initial-state``) broke after its dashes ("--" at
  the end of one line, "initial-state" on the next). Inline code that starts with "-" gets
  the ``rn-nobr`` class. Longer code keeps its breaks (no page may scroll sideways).
- **Quotes.** The site's own prose and headings get curly quotes; the student's verbatim
  answer, code and math keep what they have (:func:`curl_html`).
- **A bound and its number** ("an int ≥ 1") stay on one line: no-break spaces around
  ≥ ≤ < > = before a number, in the same text (the reader saw "≥" end a line, "1." start
  the next; then "int" end one, "≥ 0." start the next).
- **A symbol and the code it names** ("$L$ = `num_layers`") stay on one line: no-break
  spaces around the "=" between inline math and inline code, and after inline math that
  ends in an operator or a comma before code ("$k = 0, 1, \\dots,$ `steps`"); the reader
  saw "L =" end a line and "num_layers" start the next. Code after inline math that starts
  with a relation ("`J[T]` $= I$") is joined to it, and the relation loses its leading
  space, which doubled the space after the code (:func:`join_math_and_code`).
- **A number and its unit** ("1 pt", "80 MB") share a no-break space, as do a number and
  the word it counts ("3 steps", "128 hidden units"; a live number too, across its tags)
  and two numbers of a list in brackets ("LSTM(20, 128)"): a phone broke "after 3" from
  "steps" (design review C).

``rn-nobr`` is the site's no-wrap class (``docs/assets/rnnnotes.css``). Register after
``toc``, whose permalinks this moves (it runs after ``toc``'s tree processor)::

    markdown_extensions:
      - toc: {permalink: true}
      - rnnsite.typeset
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

NOBR = "rn-nobr"
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_LAST_WORD = re.compile(r"\S+\Z")


def _keep_permalink(heading: ElementTree.Element) -> None:
    children = list(heading)
    if not children or "headerlink" not in children[-1].get("class", "").split():
        return
    link = children[-1]
    before = children[-2] if len(children) > 1 else None
    text = heading.text if before is None else before.tail
    span = ElementTree.Element("span", {"class": NOBR})
    word = _LAST_WORD.search(text or "")
    if word:
        span.text = word[0]
        if before is None:
            heading.text = text[: word.start()]
        else:
            before.tail = text[: word.start()]
    elif before is not None and not (text or "").strip():
        heading.remove(before)  # the math or code the heading ends with goes along
        before.tail = None
        span.append(before)
    else:
        return  # the heading ends in a space: the browser may break there
    heading.remove(link)
    span.append(link)
    heading.append(span)


class _Permalinks(Treeprocessor):
    def run(self, root: ElementTree.Element) -> None:
        for el in list(root.iter()):
            if el.tag in _HEADINGS:
                _keep_permalink(el)


# Inline code as pymdownx.inlinehilite leaves it (stashed: it is in the page only after the
# raw HTML is restored). A block of code ends in a newline, or is highlighted in spans.
_OPTION = re.compile(r"<code>(-[^<\n]*)</code>")


class _Options(Postprocessor):
    def run(self, text: str) -> str:
        return _OPTION.sub(rf'<code class="{NOBR}">\1</code>', text)


class TypesetExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        # toc's tree processor (priority 5) adds the permalinks; this runs after it
        md.treeprocessors.register(_Permalinks(md), "rnnsite_permalinks", 4)
        # after the raw HTML is restored (priority 30)
        md.postprocessors.register(_Options(md), "rnnsite_options", 20)
        # after the live numbers are checked (25) and the math is rendered (5)
        md.postprocessors.register(_Quotes(md), "rnnsite_quotes", 4)
        md.postprocessors.register(_Joins(md), "rnnsite_joins", 3)


def makeExtension(**kwargs: object) -> TypesetExtension:  # noqa: N802 (Python-Markdown's API)
    return TypesetExtension(**kwargs)


# --- curly quotes ------------------------------------------------------------------------
# The site's own prose and headings get typographic quotes ("2 LSTM layers" → “2 LSTM
# layers”, student's → student’s). Never touched: the student's verbatim answer
# (blockquote.student, compared with the seed by the tests), code, math, scripts, and every
# attribute (only the text between tags changes).

_TOKENS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
_VERBATIM = {"code", "pre", "kbd", "samp", "math", "script", "style", "textarea", "svg"}
# Tags that start a new run of text: a quote right after one opens
_BLOCKS = {"p", "li", "dt", "dd", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "div",
           "blockquote", "summary", "figcaption", "caption", "br", "section", "details"}
_OPENS_AFTER = set(" \t\n\u00a0([{“‘—–-/")


def curl(text: str, before: str = " ") -> str:
    """``text`` with straight quotes made curly; ``before`` is the character before it."""
    out = []
    for ch in text:
        if ch == '"':
            ch = "“" if before in _OPENS_AFTER else "”"
        elif ch == "'":
            ch = "‘" if before in _OPENS_AFTER else "’"
        out.append(ch)
        before = ch
    return "".join(out)


# A bound and its number stay on one line with the word before them ("an int ≥ 1", never
# "≥" at a line's end, nor at a line's start: design review of 7 December, round E).
_BOUND = re.compile(r"( ?)([≥≤=]|&gt;|&lt;) (?=[−-]?\d)")
# A number and its unit ("1 pt", "80 MB"), or the word it counts ("3 steps").
_UNIT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?) (?=(?:pt|px|em|KB|MB|GB|kB)\b)")
_COUNTS = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+) (?=[a-z])")
_PAIR = re.compile(r"(?<=\d,) (?=\d)")  # "(20, 128)"


def _bound(m: re.Match) -> str:
    return ("\u00a0" if m.group(1) else "") + m.group(2) + "\u00a0"


def _joined(part: str, after_digit: bool) -> str:
    """``part`` (prose) with its number-and-word and number-pair spaces no-break; its
    leading space too if the prose before it ended in a digit (a live number's tags
    between)."""
    part = _PAIR.sub("\u00a0", _COUNTS.sub("\\1\u00a0", part))
    if after_digit and len(part) > 1 and part[0] == " " and part[1].islower():
        part = "\u00a0" + part[1:]
    return part


def curl_html(html: str) -> str:
    """:func:`curl` on the text of ``html`` outside the verbatim elements; a comparison
    sign and the number after it joined by a no-break space."""
    out, verbatim, quotes, before, tips = [], 0, [], " ", 0
    prose_before = " "  # the last character of prose (not of a reveal's text)
    for n, part in enumerate(_TOKENS.split(html)):
        if n % 2:  # a tag or a comment
            out.append(part)
            m = _TAG_NAME.match(part)
            if not m or part.endswith("/>"):
                continue
            closing, name = m[1] == "/", m[2].lower()
            if name in _VERBATIM:
                verbatim += -1 if closing else 1
            elif name == "ld-tip":  # a reveal's text: livedocs' own, as it writes it
                tips += -1 if closing else 1
            elif name == "blockquote":
                if closing:
                    verbatim -= quotes.pop() if quotes else 0
                else:
                    student = bool(re.search(r'class="[^"]*\bstudent\b', part))
                    quotes.append(int(student))
                    verbatim += int(student)
            if name in _BLOCKS:
                before = " "
            continue
        if part:
            if verbatim <= 0 and ('"' in part or "'" in part):
                part = curl(part, before)
            if verbatim <= 0 and tips <= 0:
                part = _UNIT.sub("\\1\u00a0", _BOUND.sub(_bound, part))
                part = _joined(part, prose_before.isdigit())
            if tips <= 0:  # math or code is not prose: no number of its own joins the
                # word after it (a no-break space there starts the next line when the line
                # breaks after the math, as Chromium may: design review, round D)
                prose_before = part[-1] if verbatim <= 0 else " "
            before = part[-1]
        out.append(part)
    return "".join(out)


class _Quotes(Postprocessor):
    def run(self, text: str) -> str:
        for token in _walk(getattr(self.md, "toc_tokens", [])):  # the TOC says it alike
            for key in ("name", "html"):
                if isinstance(token.get(key), str):
                    token[key] = curl_html(token[key])
        return curl_html(text)


def _walk(tokens: list[dict]):
    for token in tokens:
        yield token
        yield from _walk(token.get("children", []))


# --- inline math beside inline code --------------------------------------------------------
# Chromium may break a line beside inline math (an atomic inline) even at a no-break space,
# so the pair goes in an rn-nobr span: short code only (a long one keeps its breaks).
_NOBR_OPEN = rf'(<span class="{NOBR}">[^<]*)?'  # inline math may sit in rn-nobr already
_MATH = r'(<span class="arithmatex"><math display="inline"><mrow>(?:(?!</math>).)*?</math></span>)'
_NOBR_CLOSE = r"((?(1)[^<]*</span>))"  # ... then it closes that span too
_CODE = r"(<code>[^<\n]{1,30}</code>)"
_LAST_OP = r"<mo\b[^>]*>(?:[=,+−×·≤≥…]|&lt;|&gt;|&#x0003[CDE];)</mo>\s*</mrow></math></span>"
_SYMBOL_IS = re.compile(rf"{_NOBR_OPEN}{_MATH}{_NOBR_CLOSE}[ \n]=[ \n]{_CODE}", re.S)
_ENDS_IN_OP = re.compile(  # $k = 0, 1, \dots,$ `steps`
    rf"{_NOBR_OPEN}{_MATH}{_NOBR_CLOSE}[ \n]{_CODE}", re.S)
_RELATION = r"(?:=|≈|≤|≥|∈|→|&lt;|&gt;|&#x0003[CE];)"
_CODE_IS = re.compile(  # `J[T]` $= I$
    rf'{_CODE}[ \n](<span class="{NOBR}">)?(<span class="arithmatex"><math display="inline">'
    rf"<mrow>)<mo>({_RELATION})</mo>((?:(?!</math>).)*?</math></span>)((?(2)[^<]*</span>))",
    re.S)


def _ends_in_op(m: re.Match) -> str:
    if not re.search(_LAST_OP + r"\Z", m[2]):
        return m[0]
    return f'<span class="{NOBR}">{m[1] or ""}{m[2]}{m[3]}\u00a0{m[4]}</span>'


def join_math_and_code(html: str) -> str:
    """``html`` with inline math and the short inline code it names kept on one line, and
    a relation that opens inline math after code without its leading space."""
    html = _SYMBOL_IS.sub(
        lambda m: f'<span class="{NOBR}">{m[1] or ""}{m[2]}{m[3]}\u00a0=\u00a0{m[4]}</span>', html)
    html = _ENDS_IN_OP.sub(_ends_in_op, html)
    return _CODE_IS.sub(lambda m: f'<span class="{NOBR}">{m[1]}\u00a0{m[2] or ""}{m[3]}'
                        f'<mo lspace="0">{m[4]}</mo>{m[5]}{m[6]}</span>', html)


class _Joins(Postprocessor):
    def run(self, text: str) -> str:
        return join_math_and_code(text)
