"""Number tokens: the numbers a reader reads in the tokens of one math span
(:mod:`livedocs.tex.lex`).

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

from .lex import CHECKED_RELATIONS, NOTATION_RELATIONS, TexError, Tok, plain_digits

__all__ = ["NumTok", "numbers", "merge_sci", "superscript"]

# Commands whose braced argument is a symbol (\mathbf{W}), so a script after it is notation.
# Not \mathbb: the script of \mathbb{R} is a shape, and sizes are facts (audited).
_SYMBOL_ARG = {"mathbf", "mathcal", "mathfrak", "mathscr", "boldsymbol", "bm",
               "hat", "tilde", "bar", "vec", "dot", "ddot", "overline", "widehat",
               "widetilde", "check", "breve", "overleftarrow", "overrightarrow",
               "underline", "mathrm", "mathsf", "mathit", "mathtt"}
_SUP_MINUS = "⁻"


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
