"""Tokens and number tokens of the TeX in one math span (see :mod:`livedocs.tex.read`).

**Tokens.**  Numbers (``19{,}712``, ``0.25``), commands (``\\cdot``), placeholders (the
private-use characters of :mod:`livedocs.marks`) and single characters.  Spacing
(``\\,  \\;  \\!  \\quad``...), sizing (``\\left  \\right  \\big``...) and style
(``\\displaystyle``...) carry no arithmetic and are dropped; ``\\boxed{x}`` is ``x``.  Text-like
commands (``\\text``, ``\\mathrm``, ``\\operatorname``, ``\\tag``, ``\\label``...) become one
``text`` token whose argument is prose.  Unbalanced braces and a command or script without
its argument raise :class:`TexError`.

**Number tokens** are what a reader reads as one number: ``19{,}712`` (grouped), ``73\\%``
(value 0.73), ``2.5 \\times 10^{-7}`` and ``10^{-7}`` (scientific), with a unary sign when one
stands before them.  Digits in the subscript or superscript of a *symbol* (``h_{t-1}``,
``\\sum_{t=1}^{T}``, ``W^{2}``) are notation and *exempt* from the audit; the exponent of a
number (``2^{10}``) or of a bracket (``(1+x)^2``) is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from ..marks import PLACEHOLDERS

__all__ = ["Tok", "NumTok", "TexError", "lex", "numbers", "merge_sci", "superscript",
           "plain_digits", "GROUPING",
           "CHAIN_ENVS", "CHECKED_RELATIONS", "NOTATION_RELATIONS"]

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
_TEXTLIKE = {"text", "textrm", "textbf", "textit", "textsf", "texttt", "textnormal", "mbox",
             "hbox", "mathrm", "operatorname", "tag", "label", "mathtt", "mathsf", "mathit"}
CHAIN_ENVS = {"aligned", "align", "align*", "alignat", "alignat*", "gathered", "gather",
              "gather*", "split", "equation", "equation*", "multline", "multline*",
              "alignedat", "flalign", "flalign*", "eqnarray", "eqnarray*"}
CHECKED_RELATIONS = {"=": "=", "approx": "≈", "≈": "≈", "<": "<", "lt": "<", ">": ">",
                     "gt": ">", "le": "≤", "leq": "≤", "leqslant": "≤", "≤": "≤", "ge": "≥",
                     "geq": "≥", "geqslant": "≥", "≥": "≥", "ne": "≠", "neq": "≠", "≠": "≠"}
NOTATION_RELATIONS = {"in", "notin", "sim", "simeq", "cong", "propto", "to", "rightarrow",
                       "leftarrow", "Rightarrow", "Leftarrow", "longrightarrow", "mapsto",
                       "implies", "iff", "equiv", "coloneqq", "eqqcolon", "ll", "gg",
                       "subset", "subseteq", "supset", "supseteq", "mid", "parallel",
                       "perp", "leftrightarrow", "Leftrightarrow", "triangleq", "doteq"}
# Commands whose braced argument is a symbol (\mathbf{W}), so a script after it is notation.
# Not \mathbb: the script of \mathbb{R} is a shape, and sizes are facts (audited).
_SYMBOL_ARG = {"mathbf", "mathcal", "mathfrak", "mathscr", "boldsymbol", "bm",
               "hat", "tilde", "bar", "vec", "dot", "ddot", "overline", "widehat",
               "widetilde", "check", "breve", "overleftarrow", "overrightarrow",
               "underline", "mathrm", "mathsf", "mathit", "mathtt"}
_SUP_MINUS = "⁻"



class TexError(ValueError):
    """Malformed TeX: unbalanced braces, a script or command without its argument."""


@dataclass
class Tok:
    kind: str  # num | cmd | ph | char | text | opaque
    text: str
    start: int
    end: int
    arg: str = ""  # a text token's argument


@dataclass
class NumTok:
    """A number as the reader reads it; ``value`` includes sign and percent."""

    text: str
    value: Fraction
    start: int
    end: int
    exempt: bool = False  # in the script of a symbol
    sci: bool = False
    percent: bool = False


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
    toks = _unwrap(toks, {"boxed", "underline"})
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


def _is_op(t: Tok | None) -> bool:
    return t is None or (t.kind == "char" and t.text in "+-−*/=<>(,[{|≈≤≥≠×·&") or (
        t.kind == "cmd" and t.text[1:] in {"cdot", "times", "div", "frac", "pm", "mp"}
        | set(CHECKED_RELATIONS) | NOTATION_RELATIONS) or t.kind in ("sep", "text", "begin")


def numbers(toks: list[Tok]) -> list[NumTok]:
    """Number tokens (merged as a reader reads them) with their exemption."""
    out: list[NumTok] = []
    # The script state: a stack of booleans, True inside a symbol's sub/superscript.
    exempt_depth: list[bool] = []
    symbol_group: list[bool] = []  # for each open `{`: does it close a symbol argument?
    pending_script: bool | None = None  # set after `_`/`^`: is the base a symbol?
    last_base_symbol = False
    i = 0
    while i < len(toks):
        t = toks[i]
        in_exempt = any(exempt_depth)
        if t.kind == "char" and t.text in "_^":
            pending_script = last_base_symbol
            i += 1
            nxt = toks[i] if i < len(toks) else None
            if nxt is None:
                raise TexError(f"`{t.text}` at the end of the math has no argument")
            if nxt.kind == "char" and nxt.text == "{":
                exempt_depth.append(bool(pending_script))
                # Closing the script leaves its base a symbol: h^{(f)}_{t-1}.
                symbol_group.append(bool(pending_script))
                i += 1
            elif nxt.kind == "num" or nxt.kind == "char" and nxt.text not in "}^_":
                if nxt.kind == "num":
                    # A single-character script: only the first digit belongs to it.
                    first = nxt.text[0]
                    rest = nxt.text[1:]
                    if pending_script or in_exempt:
                        out.append(NumTok(first, Fraction(first), nxt.start, nxt.start + 1,
                                          exempt=True))
                    else:
                        out.append(NumTok(first, Fraction(first), nxt.start, nxt.start + 1))
                    if rest:
                        out.append(NumTok(rest, Fraction(plain_digits(rest)),
                                          nxt.start + 1, nxt.end, exempt=in_exempt))
                i += 1
            elif nxt.kind == "cmd":
                i += 1
            else:
                raise TexError(f"`{t.text}` has no argument")
            pending_script = None
            last_base_symbol = True
            continue
        if t.kind == "char" and t.text == "{":
            prev = toks[i - 1] if i else None
            symbol_group.append(prev is not None and prev.kind == "cmd"
                                and prev.text[1:] in _SYMBOL_ARG)
            exempt_depth.append(False)
            last_base_symbol = False
        elif t.kind == "char" and t.text == "}":
            exempt_depth.pop()
            last_base_symbol = symbol_group.pop() if symbol_group else False
        elif t.kind == "num":
            sign = _sign(toks, i, out)
            text = t.text
            value = Fraction(plain_digits(text))
            start, end = t.start, t.end
            out.append(NumTok(text, value, start, end, exempt=in_exempt))
            if sign:
                out[-1].text = sign[0] + out[-1].text
                out[-1].start = sign[1]
                out[-1].value = -value if sign[0] in "-−" else value
            last_base_symbol = False
        elif t.kind == "cmd" and t.text == "\\%" and i and toks[i - 1].kind == "num" \
                and out and out[-1].end == toks[i - 1].end and not out[-1].percent:
            out[-1].text += "\\%"
            out[-1].value /= 100
            out[-1].percent = True
            out[-1].end = t.end
        else:
            last_base_symbol = (t.kind == "char" and (t.text.isalpha() or t.text == "'")) or (
                t.kind == "cmd" and t.text[1:].isalpha() and not _is_op(t)
                and t.text[1:] not in _SYMBOL_ARG)
        i += 1
    return out


def _sign(toks: list[Tok], i: int, out: list[NumTok]) -> tuple[str, int] | None:
    """A unary sign right before number token ``i``: ``(sign, offset)``."""
    if i == 0:
        return None
    prev = toks[i - 1]
    if prev.kind == "char" and prev.text in "-−+" and _is_op(toks[i - 2] if i >= 2 else None):
        return prev.text, prev.start
    return None


_SCI = re.compile(
    r"(?P<m>[-−]?\d+(?:\.\d+)?)?\s*(?:(?:\\times|\\cdot|×|·)\s*)?"
    r"10\s*\^\s*(?:\{\s*(?P<e1>[-−+]?\s*\d+)\s*\}|(?P<e2>\d))"
)


def merge_sci(tex: str, nums: list[NumTok]) -> list[NumTok]:
    out: list[NumTok] = []
    k = 0
    while k < len(nums):
        n = nums[k]
        merged = None
        for take in (3, 2):  # mantissa, 10, exponent  |  10, exponent
            group = nums[k : k + take]
            if len(group) < take or any(g.exempt for g in group):
                continue
            m = _SCI.match(tex, group[0].start)
            if not m or m.end() < group[-1].end or (take == 3) != (m.group("m") is not None):
                continue
            if take == 3 and not re.search(r"\\times|\\cdot|×|·", tex[group[0].end:group[1].start]):
                continue
            exp = int((m.group("e1") or m.group("e2")).replace(" ", "").replace("−", "-"))
            mant = Fraction(m.group("m").replace("−", "-")) if take == 3 else Fraction(1)
            merged = NumTok(tex[group[0].start : m.end()], mant * Fraction(10) ** exp,
                            group[0].start, m.end(), sci=True)
            k += take
            break
        if merged is None:
            out.append(n)
            k += 1
        else:
            out.append(merged)
    return out


def superscript(n: int) -> str:
    """``-3`` as ``⁻³`` (for prose scientific notation)."""
    table = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹" + _SUP_MINUS)
    return str(n).translate(table)
