"""Read the TeX of one math span: tokens, number tokens, statements and relation chains.

Nothing here evaluates: :mod:`livedocs.tex.parse` parses the sides and
:mod:`livedocs.tex.evaluate` evaluates them.

Tokens come from :mod:`livedocs.tex.lex`, number tokens from :mod:`livedocs.tex.numtoks`
(where digits in a symbol's subscript or superscript are marked exempt).

**Statements** are split at ``\\\\``, ``\\quad``/``\\qquad``, text tokens and top-level
``,`` and ``;``.  A statement is split into *sides* at relations.  A line of an aligned
environment that starts with a relation (``&= ...``) continues the chain above it.
Relations that are checked: ``= \\approx < > \\le \\ge \\ne`` (and their Unicode forms);
relations that are notation (``\\in \\sim \\to \\equiv :=``...) split sides but are never
checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..marks import drop_placeholders, marker_index, notation_index
from .lex import CHAIN_ENVS, CHECKED_RELATIONS, NOTATION_RELATIONS, TexError, Tok, lex
from .numtoks import NumTok, merge_sci, numbers, superscript

__all__ = ["Tok", "NumTok", "Side", "Chain", "Span", "read_span", "TexError",
           "CHECKED_RELATIONS", "superscript"]

@dataclass
class Side:
    toks: list[Tok]
    nums: list[NumTok]
    start: int
    end: int
    latex: str = ""  # the side as written


@dataclass
class Chain:
    """Sides joined by relations (``rels[k]`` joins ``sides[k]`` and ``sides[k+1]``)."""

    sides: list[Side]
    rels: list[str]  # a checked relation's symbol ("=", "≈", ...) or "~\\cmd" for notation
    line: int = 0  # line within the span
    words: str = ""  # the text token right before the chain (`\\text{ is }`), if any


@dataclass
class Span:
    """Everything read from one math span."""

    tex: str
    chains: list[Chain] = field(default_factory=list)
    nums: list[NumTok] = field(default_factory=list)
    texts: list[Tok] = field(default_factory=list)  # text-like arguments: prose
    markers: list[tuple[int, int]] = field(default_factory=list)  # (marker k, offset)
    notations: list[int] = field(default_factory=list)  # opt-out indices
    end_tie: int | None = None  # marker k placed at the very end of the span
    num_ties: dict[int, NumTok] = field(default_factory=dict)  # marker k -> its number
    errors: list[str] = field(default_factory=list)


_SUFFIX = re.compile(r"\s*(?:(?:\\times|\\cdot|×|·)\s*10\s*\^|\\%)")


def _split_statements(toks: list[Tok]) -> list[tuple[list[Tok], bool, str]]:
    """Statements as ``(tokens, continues, words)``: ``continues`` if it follows a ``\\\\``
    and starts with a relation (an aligned line ``&= ...``); ``words`` the text token right
    before it."""
    out: list[tuple[list[Tok], bool, str]] = []
    cur: list[Tok] = []
    depth = 0
    after_newline = False
    words = ""

    def flush(next_after_newline: bool, next_words: str = "") -> None:
        nonlocal cur, after_newline, words
        while cur and cur[-1].kind == "char" and cur[-1].text in ".,;":
            cur.pop()  # trailing punctuation of a statement
        if cur:
            starts_rel = _relation(cur[0]) is not None
            out.append((cur, after_newline and starts_rel, words))
        cur = []
        after_newline = next_after_newline
        words = next_words

    for t in toks:
        if t.kind == "char" and t.text in "{([":
            depth += 1
        elif t.kind == "char" and t.text in "})]":
            depth = max(0, depth - 1)
        if t.kind in ("begin", "end") and t.text in CHAIN_ENVS:
            flush(False)
            continue
        if t.kind == "char" and t.text == "&":
            continue
        if depth == 0 and (t.kind in ("sep", "text") or (t.kind == "cmd" and t.text == "\\\\")
                           or (t.kind == "char" and t.text in ",;")):
            flush(t.kind == "cmd" and t.text == "\\\\", t.arg if t.kind == "text" else "")
            continue
        cur.append(t)
    flush(False)
    return out


def _relation(t: Tok) -> str | None:
    """The checked relation ``t`` stands for, ``"~\\cmd"`` for a notation one, else None."""
    if t.kind == "char" and t.text in CHECKED_RELATIONS:
        return CHECKED_RELATIONS[t.text]
    if t.kind == "cmd" and t.text[1:] in CHECKED_RELATIONS:
        return CHECKED_RELATIONS[t.text[1:]]
    if t.kind == "cmd" and t.text[1:] in NOTATION_RELATIONS:
        return "~" + t.text
    return None


def read_span(tex: str) -> Span:
    """Read the TeX of one math span (without its delimiters).  Never raises: malformed
    TeX is reported in ``Span.errors``."""
    span = Span(tex)
    try:
        toks = lex(tex)
        nums = merge_sci(tex, numbers(toks))
    except TexError as exc:
        span.errors.append(str(exc))
        return span
    span.nums = nums
    span.texts = [t for t in toks if t.kind == "text"]
    for t in toks:
        if t.kind != "ph":
            continue
        if (k := marker_index(t.text)) is not None:
            span.markers.append((k, t.start))
        elif (k := notation_index(t.text)) is not None:
            span.notations.append(k)
    closing = len(toks)  # trailing `\end{aligned}`s and punctuation close, not content
    while closing and (toks[closing - 1].kind in ("ph", "end") or (
            toks[closing - 1].kind == "char" and toks[closing - 1].text in ".,;")):
        closing -= 1
    content_end = max((t.end for t in toks[:closing] if t.kind != "ph"), default=0)
    for k, off in span.markers:
        if off >= content_end:
            if span.end_tie is not None:
                span.errors.append("two markers at the end of one math span: one number, "
                                   "one marker")
            span.end_tie = k
            continue
        tied = [n for n in nums if n.end == off]
        if tied and _SUFFIX.match(drop_placeholders(tex[off:])):
            span.errors.append("a marker between a number and its power of ten or `\\%`: the "
                               "marker checks only what stands before it; put it after the "
                               "whole number")
        elif tied:
            span.num_ties[k] = tied[0]
        else:
            span.errors.append("a marker inside math must follow a number right away, or "
                               "stand right after the closing delimiter")
    plain = [t for t in toks if t.kind != "ph"]
    opaque_depth = 0
    kept: list[Tok] = []
    for t in plain:  # environments that are not chains (matrices, cases) are opaque
        if t.kind == "begin" and t.text not in CHAIN_ENVS:
            opaque_depth += 1
            kept.append(Tok("opaque", t.text, t.start, t.end))
        elif t.kind == "end" and t.text not in CHAIN_ENVS:
            opaque_depth = max(0, opaque_depth - 1)
        elif opaque_depth == 0:
            kept.append(t)
    kept, labels = _drop_brace_labels(kept)
    for toks_, continues, words in _split_statements(kept):
        sides: list[list[Tok]] = [[]]
        rels: list[str] = []
        depth = 0
        for t in toks_:
            if t.kind == "char" and t.text in "{([":
                depth += 1
            elif t.kind == "char" and t.text in "})]":
                depth = max(0, depth - 1)
            rel = _relation(t) if depth == 0 else None
            if rel is not None:
                sides.append([])
                rels.append(rel)
            else:
                sides[-1].append(t)
        built = [_side(s, [n for n in nums if not any(a <= n.start < b for a, b in labels)],
                       tex) for s in sides]
        if continues and span.chains:
            chain = span.chains[-1]
            # `&= x`: the first (empty) side stands for the chain's last side.
            chain.rels += rels
            chain.sides += built[1:]
        else:
            span.chains.append(Chain(built, rels, words=words))
    return span


def _group_close(toks: list[Tok], k: int) -> int:
    """Index of the ``}`` closing the group opened at ``toks[k]`` (the last token if none)."""
    level = 0
    for j in range(k, len(toks)):
        if toks[j].kind == "char" and toks[j].text in "{}":
            level += 1 if toks[j].text == "{" else -1
            if level == 0:
                return j
    return len(toks) - 1


def _drop_brace_labels(toks: list[Tok]) -> tuple[list[Tok], list[tuple[int, int]]]:
    """``\\underbrace{X}_{label}`` and ``\\overbrace{X}^{label}`` read as ``{X}``,
    ``\\overset{label}{=}`` (``\\stackrel``, ``\\underset``) as its base: the label is
    left out of the sides (its numbers stay in the span, audited), its offsets returned."""
    out: list[Tok] = []
    labels: list[tuple[int, int]] = []
    closing: list[int] = []  # brace depths at which a brace's group closes
    depth = 0
    k = 0
    while k < len(toks):
        t = toks[k]
        if t.kind == "cmd" and t.text in ("\\underbrace", "\\overbrace") \
                and k + 1 < len(toks) and toks[k + 1].text == "{":
            closing.append(depth)
            k += 1
            continue
        if t.kind == "cmd" and t.text in ("\\overset", "\\underset", "\\stackrel") \
                and k + 1 < len(toks) and toks[k + 1].text == "{":
            end = _group_close(toks, k + 1)
            labels.append((toks[k + 1].start, toks[end].end))
            k = end + 1
            if k < len(toks) and toks[k].text == "{":
                base_end = _group_close(toks, k)
                if base_end == k + 2:  # `{=}`: the relation itself
                    out.append(toks[k + 1])
                    k = base_end + 1
            continue
        if t.kind == "char" and t.text == "{":
            depth += 1
        elif t.kind == "char" and t.text == "}":
            depth -= 1
            if closing and closing[-1] == depth:
                closing.pop()
                out.append(t)
                k += 1
                if k < len(toks) and toks[k].kind == "char" and toks[k].text in "_^":
                    end = k + 1
                    if end < len(toks) and toks[end].text == "{":
                        end = _group_close(toks, end)
                    last = toks[min(end, len(toks) - 1)]
                    labels.append((toks[k].start, last.end))
                    k = end + 1
                continue
        out.append(t)
        k += 1
    return out, labels


def _side(toks: list[Tok], nums: list[NumTok], tex: str) -> Side:
    if not toks:
        return Side([], [], 0, 0)
    start, end = toks[0].start, toks[-1].end
    inside = [n for n in nums if start <= n.start < end or (n.start < start < n.end)]
    return Side(toks, inside, start, end, " ".join(drop_placeholders(tex[start:end]).split()))


