"""Accents as TeX sets them, where Chromium's MathML Core draws latex2mathml's otherwise.

latex2mathml writes ``\\hat y`` as ``<mover accent="true"><mi>y</mi><mo>^</mo></mover>``:
the ASCII circumflex, which in STIX Two Math is the text's caret, twice a hat's height
(0.36 em of ink), and Chromium sets an accent's ink right on its base's, so the caret cut
into the letter ("ŷ" read as a "y" in a tent). ``\\tilde``, ``\\bar``, ``\\dot`` and the
others come as over-scripts without ``accent``: drawn at script size, a limit's gap
(0.2 em) above the letter. The combining marks (U+0302…) have no advance of their own,
and Chromium draws them beside the base, not over it.

:func:`accents` edits a parsed ``<math>`` tree in place (``rnnsite.mathml``): an accent
becomes the font's spacing accent (ˆ U+02C6, ˜ U+02DC…), not stretched, in an ``<mover>``
with ``accent="true"``; an arrow over a symbol (``\\overrightarrow{h}``) is marked
(``ARROW``). rnnnotes.css sets the gap between either and its base.
"""

from __future__ import annotations

from xml.etree import ElementTree

# TeX's accents as latex2mathml writes them → the spacing accent of STIX Two Math
SPACING = {
    "^": "ˆ", "ˆ": "ˆ", "\u0302": "ˆ",  # \hat, \widehat
    "~": "˜", "˜": "˜", "\u0303": "˜",  # \tilde, \widetilde
    "¯": "¯", "\u0304": "¯",  # \bar
    "˙": "˙", "¨": "¨", "ˇ": "ˇ", "˘": "˘", "´": "´", "`": "`", "˚": "˚",
}
ARROWS = {"→", "←", "↔"}  # \overrightarrow, \overleftarrow, \overleftrightarrow
ARROW = "rn-over-arrow"  # the class of an arrow over a symbol


def accents(root: ElementTree.Element) -> None:
    """Every accent of ``root`` in the font's spacing form, as an accent; arrows over a
    symbol marked with the class ``ARROW``."""
    for mover in root.iter("mover"):
        if len(mover) != 2 or mover[1].tag != "mo":
            continue
        mo, char = mover[1], (mover[1].text or "").strip()
        if char in SPACING:
            mover.set("accent", "true")
            mo.text = SPACING[char]
            mo.set("stretchy", "false")
        elif char in ARROWS:
            mo.set("class", ARROW)
