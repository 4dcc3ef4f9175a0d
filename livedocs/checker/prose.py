"""Number tokens in visible prose, and what in prose betrays broken markup.

A prose token is what a reader reads as one number (after entities are decoded):

==========================  ===========================================================
``19,712``  ``2560``  ``0.25``  grouped integers, plain integers and decimals
``-12``  ``−12``                a sign counts where no word or digit stands before it
``73%`` ``73 %`` ``73 percent``  a percentage (value 0.73); ``7 ‰`` per mille (0.007)
``2.5e-7``  ``5.2 × 10⁻³``       scientific notation, as Python writes it or with a
                                 superscript exponent
``2.1.4``                        a dotted label (matched by its text)
``²``  ``½``  ``٣``              any other Unicode numeral, one token per run
==========================  ===========================================================

Digits glued to letters are still numbers (``Q1``, ``777th``, ``float64``): what is an
identifier belongs in code.  ``128x128`` and ``128×128`` are two numbers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction

__all__ = ["ProseTok", "prose_tokens", "LIVE_WRITTEN", "MAGNITUDE", "markup_problems", "normalise"]

_SUPERS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_NUMBER = (
    r"(?P<sign>[-−+](?=[\d.]))?"
    r"(?:(?P<sci>\d+(?:\.\d+)?[eE][-+−]?\d+)"
    rf"|(?P<pretty>(?:\d+(?:\.\d+)?\s?[×x·]\s?)?10[⁻⁺]?[{_SUPERS}]+)"
    r"|(?P<label>\d+(?:\.\d+){2,})"
    r"|(?P<grouped>\d{1,3}(?:,\d{3})+(?:\.\d+)?)"
    r"|(?P<plain>\d+(?:\.\d+)?|\.\d+))"
    # A percentage or per mille, the sign right after the number or after a space (plain,
    # no-break or thin), or the word: 20%, 20 %, 20&nbsp;%, 20 percent, 20 ‰.
    r"(?P<pct>[ \u00a0\u2009\u202f]?[%‰]|[ \u00a0]per\s?cent\b)?"
)
_TOKEN = re.compile(rf"(?<![\d.]){_NUMBER}(?![\d])")
# The written part of a live number: a token that ends right where its marker stands.
LIVE_WRITTEN = re.compile(rf"(?<![\d.]){_NUMBER}\Z")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# What, right after a live number's marker, scales the number the reader reads: a power of
# ten, a percent or per mille sign, a magnitude letter or word (``5.2<!--= x --> × 10⁻³``).
MAGNITUDE = re.compile(rf"(?:[ \u00a0\u2009\u202f]?(?:[×x·]\s?10[⁻⁺]?[{_SUPERS}]|[%‰])"
                       r"|[kKMB]\b|[ \u00a0]+(?:thousand|million|billion|trillion|percent"
                       r"|per\s?cent)\b)")


@dataclass(frozen=True)
class ProseTok:
    text: str
    start: int
    end: int
    value: Fraction | None  # None: a dotted label
    label: bool = False


def _value(m: re.Match[str]) -> Fraction | None:
    if m.group("label"):
        return None
    if m.group("sci"):
        v = Fraction(m.group("sci").replace("−", "-"))
    elif m.group("pretty"):
        text = m.group("pretty")
        parts = re.split(r"\s?[×x·]\s?", text)
        mant = Fraction(parts[0]) if len(parts) == 2 else Fraction(1)
        exp = parts[-1][2:].translate(str.maketrans(_SUPERS + "⁻⁺", "0123456789-+"))
        v = mant * Fraction(10) ** int(exp)
    else:
        v = Fraction((m.group("grouped") or m.group("plain")).replace(",", ""))
    if m.group("sign") in ("-", "−"):
        v = -v
    if m.group("pct"):
        v /= 1000 if m.group("pct").endswith("‰") else 100
    return v


def _signed_ok(text: str, m: re.Match[str]) -> bool:
    """A sign belongs to the number only where no word or digit stands right before it."""
    return not m.group("sign") or m.start() == 0 or not (text[m.start() - 1].isalnum()
                                                         or text[m.start() - 1] in ")]")


def prose_tokens(text: str) -> list[ProseTok]:
    """Every number a reader reads in ``text`` (see the module docstring)."""
    out: list[ProseTok] = []
    taken = [False] * len(text)
    for m in _TOKEN.finditer(text):
        start = m.start() if _signed_ok(text, m) else m.start() + len(m.group("sign") or "")
        if start != m.start():
            m2 = _TOKEN.match(text, start)
            if m2 is None:
                continue
            m = m2
        out.append(ProseTok(m.group(), m.start(), m.end(), _value(m), bool(m.group("label"))))
        for i in range(m.start(), m.end()):
            taken[i] = True
    # Any other numeral (superscripts, fractions, other scripts' digits), one run at a time.
    for m in _NON_ASCII_RUN.finditer(text):
        i = m.start()
        while i < m.end():
            if taken[i] or unicodedata.numeric(text[i], None) is None:
                i += 1
                continue
            j = i
            while j < m.end() and not taken[j] and unicodedata.numeric(text[j], None) is not None:
                j += 1
            out.append(ProseTok(text[i:j], i, j, _numeral_value(text[i:j])))
            i = j
    return sorted(out, key=lambda t: t.start)


def _numeral_value(run: str) -> Fraction | None:
    norm = unicodedata.normalize("NFKC", run)
    m = re.fullmatch(r"(\d*)(\d)⁄(\d+)", norm)
    try:
        if m:
            whole = Fraction(m.group(1) or 0)
            return whole + Fraction(int(m.group(2)), int(m.group(3)))
        if norm.isdigit():
            return Fraction(int(norm))
        if len(run) == 1:
            return Fraction(unicodedata.numeric(run)).limit_denominator(1000)
    except (ValueError, ZeroDivisionError):
        return None
    return None


_PROBLEMS = [
    (re.compile(r"<!--"), "an HTML comment that is never closed (`<!--` shows as text)"),
    (re.compile(r"(?m)^[ \t]*(?:`{3,}|~{3,})"), "a code fence that is never closed"),
    (re.compile(r"`"), "a backtick that opens no code span (unpaired `` ` ``)"),
    (re.compile(r"\$"), "a `$` that the math renderer did not pair: unclosed math"),
    (re.compile(r"\\[()\[\]]|\\(?:begin|end)\b|\\[A-Za-z]{2,}"), "raw TeX in the text: math "
     "the renderer did not recognise"),
    (re.compile(r"[_^]\{"), "raw TeX in the text: a `_{` or `^{` outside math"),
]


def markup_problems(text: str) -> list[tuple[int, str]]:
    """``(offset, message)`` for text that shows markup the renderer did not close."""
    found = []
    for pattern, message in _PROBLEMS:
        m = pattern.search(text)
        if m:
            found.append((m.start(), message))
    return found


def normalise(written: str) -> str:
    """Spelling differences that do not change what a number says: Unicode minus and
    spaces (prose), and all whitespace (math)."""
    return re.sub(r"[\s\u00a0\u2009\u202f]+", " ", written.replace("−", "-")).strip()
