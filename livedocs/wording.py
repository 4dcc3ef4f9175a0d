"""What a reveal says (livedocs/reveal.py), in plain words for a reader, in one place.

A reveal reads, for a live number::

    Computed when this page was built
    4 * (H*(D+H) + H) = 19,712
    That is lstm(D, H).total, using D = 20, H = 128.

and for a checked equation "Checked when this page was built" over the expression the
equation's result is tied to.  A check that failed (a page built with findings shown) says
so instead.  A site may change any of these by updating :data:`WORDING`.
"""

from __future__ import annotations

import html
import re

from .tex.numtoks import superscript

__all__ = ["WORDING", "title", "plain_value"]

WORDING: dict[str, str] = {
    "live": "Computed when this page was built",
    "equation": "Checked when this page was built",
    "failed": "Did not match when this page was built",
    "equation_result": ", the equation\u2019s result",
    "equation_number": ", a number in the equation",
    "failed_result": ", but the page shows {written}",
    "that_is": "That is {code}",
    "using": "using {givens}",
    "defined": "{names} {verb} defined in the {link}",
    "setup": "page\u2019s setup",
}


def title(kind: str, ok: bool) -> str:
    """The reveal's first line: what was done with the number, and when."""
    text = WORDING[kind] if ok else WORDING["failed"]
    return f'<strong class="ld-tip__title">{html.escape(text)}</strong>'


def plain_value(tex: str | None) -> str | None:
    """A number as an equation writes it in TeX (``19{,}712``, ``1.5 \\times 10^{-2}``), as
    prose writes it (``19,712``, ``1.5 × 10⁻²``); None if it is more than a number."""
    if tex is None:
        return None
    text = tex.replace("{,}", ",").replace("\\times", "×").replace("\\,", " ")
    text = text.replace("\\%", "%")
    text = re.sub(r"\^\{?(-?\d+)\}?", lambda m: superscript(int(m.group(1))), text)
    text = " ".join(text.split())
    return None if re.search(r"[\\{}^_]", text) else text
