"""Tokens of the TeX in one math span (see :mod:`livedocs.tex.read`); the number tokens
a reader reads in them come from :mod:`livedocs.tex.numtoks`.

**Tokens.**  Numbers (``19{,}712``, ``0.25``), commands (``\\cdot``), placeholders (the
private-use characters of :mod:`livedocs.marks`) and single characters.  Spacing
(``\\,  \\;  \\!  \\quad``...), sizing (``\\left  \\right  \\big``...) and style
(``\\displaystyle``...) carry no arithmetic and are dropped; ``\\boxed{x}`` is ``x``.  Text-like
commands (``\\text``, ``\\mathrm``, ``\\operatorname``, ``\\tag``, ``\\label``...) become one
``text`` token whose argument is prose.  Unbalanced braces and a command or script without
its argument raise :class:`TexError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..marks import PLACEHOLDERS

__all__ = ["Tok", "TexError", "lex", "plain_digits", "GROUPING", "CHAIN_ENVS",
           "CHECKED_RELATIONS", "NOTATION_RELATIONS"]

# What may group the thousands of a number in math: ``19{,}712``, or a thin or other space
# (SI style, ``76\\,800``); read as one number either way.
GROUPING = r"(?:\{,\}|\\,|\\;|\\:|\\ |~|\\thinspace\b\s*)"
_GROUPING = re.compile(GROUPING)


def plain_digits(text: str) -> str:
    """A math number's text without its thousands grouping: ``76\\,800`` -> ``76800``."""
    return _GROUPING.sub("", text)


_LEX = re.compile(
    rf"(?P<num>\d+(?:{GROUPING}\d{{3}}(?!\d))*(?:\.\d+)?|\.\d+)"
    r"|(?P<cmd>\\(?:[A-Za-z]+|.|\Z))"
    rf"|(?P<ph>[{PLACEHOLDERS}])"
    r"|(?P<space>\s+)"
    r"|(?P<char>.)",
    re.S,
)
_DROP = {",", ";", "!", ":", " ", ">", "quad", "qquad", "enspace", "thinspace", "medspace",
         "thickspace", "negthinspace", "left", "right", "big", "Big", "bigg", "Bigg", "bigl",
         "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr", "bigm", "Bigm",
         "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle", "limits",
         "nolimits"}
_STATEMENT_SPACES = {"quad", "qquad"}
_INVISIBLE = {"color", "textcolor", "phantom", "hphantom", "vphantom"}
_DELIMITED = {"left", "right"}
_TEXTLIKE = {"text", "textrm", "textbf", "textit", "textsf", "texttt", "textnormal", "mbox",
             "hbox", "mathrm", "operatorname", "tag", "label", "mathtt", "mathsf", "mathit"}
CHAIN_ENVS = {"aligned", "align", "align*", "alignat", "alignat*", "gathered", "gather",
              "gather*", "split", "equation", "equation*", "multline", "multline*",
              "alignedat", "flalign", "flalign*", "eqnarray", "eqnarray*"}
CHECKED_RELATIONS = {"=": "=", "approx": "≈", "≈": "≈", "<": "<", "lt": "<", ">": ">",
                     "gt": ">", "le": "≤", "leq": "≤", "leqslant": "≤", "≤": "≤", "ge": "≥",
                     "geq": "≥", "geqslant": "≥", "≥": "≥", "ne": "≠", "neq": "≠", "≠": "≠",
                     "approxeq": "≈", "thickapprox": "≈"}
NOTATION_RELATIONS = {"in", "notin", "sim", "simeq", "cong", "propto", "to", "rightarrow",
                       "leftarrow", "Rightarrow", "Leftarrow", "longrightarrow", "mapsto",
                       "implies", "iff", "equiv", "coloneqq", "eqqcolon", "ll", "gg",
                       "subset", "subseteq", "supset", "supseteq", "mid", "parallel",
                       "perp", "leftrightarrow", "Leftrightarrow", "triangleq", "doteq",
                       "eqsim", "gtrsim", "lesssim", "gtrapprox", "lessapprox", "asymp"}



class TexError(ValueError):
    """Malformed TeX: unbalanced braces, a script or command without its argument."""


@dataclass
class Tok:
    kind: str  # num | cmd | ph | char | text | opaque
    text: str
    start: int
    end: int
    arg: str = ""  # a text token's argument


def _after_group(tex: str, i: int, name: str) -> int:
    """Index past the braced argument of ``\\name`` that starts at ``tex[i:]``."""
    j = i
    while j < len(tex) and tex[j] == " ":
        j += 1
    if j >= len(tex) or tex[j] != "{":
        raise TexError(f"`\\{name}` needs a braced argument")
    return _group_end(tex, j)


def _open_left(toks: list[Tok]) -> str:
    """The bracket closing the innermost `(` or `[` still open in ``toks`` ('' if none)."""
    depth = {"(": 0, "[": 0}
    for t in reversed(toks):
        if t.kind == "char" and t.text in ")]":
            depth["(" if t.text == ")" else "["] += 1
        elif t.kind == "char" and t.text in "([":
            if depth[t.text] == 0:
                return ")" if t.text == "(" else "]"
            depth[t.text] -= 1
    return ""


def _group_end(tex: str, i: int) -> int:
    """Index just past the ``{...}`` group starting at ``tex[i] == '{'``."""
    depth = 0
    for j in range(i, len(tex)):
        if tex[j] == "\\":
            continue
        if tex[j] == "{" and (j == 0 or tex[j - 1] != "\\"):
            depth += 1
        elif tex[j] == "}" and (j == 0 or tex[j - 1] != "\\"):
            depth -= 1
            if depth == 0:
                return j + 1
    raise TexError(f"unbalanced braces: the `{{` at offset {i} is never closed")


def lex(tex: str) -> list[Tok]:
    toks: list[Tok] = []
    i = 0
    while i < len(tex):
        m = _LEX.match(tex, i)
        assert m is not None
        kind = m.lastgroup or "char"
        text = m.group()
        i = m.end()
        if kind == "space":
            continue
        if kind == "cmd":
            name = text[1:]
            if name == "":
                raise TexError("a lone backslash at the end of the math")
            if name in _INVISIBLE:  # `\\color{red}`, `\\phantom{0}`: not read
                i = _after_group(tex, i, name)  # `\\textcolor{red}{x}` is `{x}`
                continue
            if name in _DELIMITED and tex[i:].lstrip().startswith("."):
                i = tex.index(".", i) + 1  # `\\right.`: the null delimiter
                if name == "right" and toks and _open_left(toks):
                    toks.append(Tok("char", _open_left(toks), i - 1, i))
                continue
            if name in _DROP:
                if name in _STATEMENT_SPACES:
                    toks.append(Tok("sep", text, m.start(), i))
                continue
            if name in _TEXTLIKE:
                j = i
                while j < len(tex) and tex[j] == " ":
                    j += 1
                if j >= len(tex) or tex[j] != "{":
                    raise TexError(f"`\\{name}` needs a braced argument")
                end = _group_end(tex, j)
                toks.append(Tok("text", text, m.start(), end, arg=tex[j + 1 : end - 1]))
                i = end
                continue
            if name in ("begin", "end"):
                env = re.match(r"\s*\{([A-Za-z*]+)\}", tex[i:])
                if not env:
                    raise TexError(f"`\\{name}` needs an environment name")
                i += env.end()
                toks.append(Tok(name, env.group(1), m.start(), i))
                continue
        toks.append(Tok(kind, text, m.start(), i))
    for k, t in enumerate(toks):
        need = _ARITY.get(t.text[1:], 0) if t.kind == "cmd" else 0
        j = k + 1
        if t.kind == "cmd" and t.text == "\\sqrt" and j < len(toks) and toks[j].text == "[":
            while j < len(toks) and toks[j].text != "]":
                j += 1
            j += 1
        for _ in range(need):
            if j >= len(toks) or (toks[j].kind == "char" and toks[j].text in "}^_&"):
                raise TexError(f"`{t.text}` needs {need} argument{'s' if need > 1 else ''}")
            j = _skip_argument(toks, j)
    toks = _unwrap(_colon_equals(toks), {"boxed", "underline"})
    depth = 0
    for t in toks:
        if t.kind == "char" and t.text in "{}":
            depth += 1 if t.text == "{" else -1
            if depth < 0:
                raise TexError("unbalanced braces: a `}` closes nothing")
    if depth:
        raise TexError("unbalanced braces: a `{` is never closed")
    return toks


_ARITY = {"frac": 2, "dfrac": 2, "tfrac": 2, "binom": 2, "sqrt": 1, **dict.fromkeys(
    ("mathbf", "mathbb", "mathcal", "mathfrak", "boldsymbol", "bm", "hat", "tilde", "bar",
     "vec", "overline", "widehat", "widetilde", "boxed", "underline"), 1)}


def _colon_equals(toks: list[Tok]) -> list[Tok]:
    """``:=`` and ``=:`` (a definition) read as ``=``: both sides are equal."""
    out: list[Tok] = []
    for t in toks:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == t.kind == "char" and prev.end == t.start \
                and {prev.text, t.text} == {":", "="}:
            out[-1] = Tok("char", "=", prev.start, t.end)
            continue
        out.append(t)
    return out


def _skip_argument(toks: list[Tok], j: int) -> int:
    """Index past the argument starting at ``toks[j]``: a ``{...}`` group or one token."""
    if toks[j].kind == "char" and toks[j].text == "{":
        depth = 0
        for k in range(j, len(toks)):
            if toks[k].kind == "char" and toks[k].text in "{}":
                depth += 1 if toks[k].text == "{" else -1
                if depth == 0:
                    return k + 1
        raise TexError("unbalanced braces: a `{` is never closed")
    return j + 1


def _unwrap(toks: list[Tok], names: set[str]) -> list[Tok]:
    """Drop presentational wrappers (``\\boxed{x}`` is ``x``), keeping the content."""
    out = list(toks)
    k = 0
    while k < len(out):
        t = out[k]
        if t.kind == "cmd" and t.text[1:] in names and k + 1 < len(out) \
                and out[k + 1].text == "{":
            end = _skip_argument(out, k + 1)
            out = out[:k] + out[k + 2 : end - 1] + out[end:]
            continue
        k += 1
    return out
