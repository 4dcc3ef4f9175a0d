"""Where a line of code may wrap: only between tokens (design review of 7 December, at
390 px: ``check.exploding_possi`` / ``ble``, ``rtol=1e-`` / ``12``, ``must be < -`` /
``-hidden-size``).

A browser wraps code (``white-space: pre-wrap``) at its spaces, after a hyphen or a
question mark, and, with ``overflow-wrap: break-word``, anywhere in a run with no break
left on its row. :func:`mark_breaks` takes one line of highlighted code (Pygments'
``<span class="…">token</span>`` pieces and bare text, rnnsite/code_lines.py) and

- puts a ``<wbr>`` after ``(`` ``{`` ``,`` ``.`` ``=`` ``;`` and a binary operator,
  where a break reads as one between tokens (never inside a string literal, a number's
  ``.`` or ``,``, or a run of operators such as ``**`` or ``==``; never after ``[``: a
  subscript ``x[-1]`` stays on its row, design review of 7 December, round D);
- keeps whole, in ``<span class="nw">`` (``white-space: nowrap``), what a browser would
  otherwise break after a hyphen or ``?``: a ``--option`` or ``-x`` flag, a number such as
  ``1e-12``, a unary minus and its operand (``-b``), and any hyphen of a string literal
  (``"h_(t-1)"``: a string breaks at its spaces only);
- in a name longer than :data:`LONG` characters (wider than a phone's row), allows a
  break after each ``_``, so that the browser's last resort splits it there.

Only tags are added: what a reader copies is unchanged (``<wbr>`` has no text).
"""

from __future__ import annotations

import html
import re

LONG = 26  # characters: a name longer than this may break after its "_"
NOWRAP = "nw"  # the class that keeps a run whole (rnnnotes.css)

_ITEM = re.compile(r"(<span\b[^>]*>)([^<]*)(</span>)|([^<]+)|(<[^>]+>)")
_ATOM = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]\w*);|.", re.S)
_CLASS = re.compile(r'class="([^"]*)"')
_OPS = set("+-*/%<>&|^~@=!")
_OPEN_AFTER = set("({,;")
_CLOSERS = set(")]},;:.")
# a --option or -x flag, a number (1e-12, -0.5): a hyphen inside one is no break
_WHOLE = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*|(?<![\w.])-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def _code_class(cls: str) -> bool:
    """Whether a Pygments class is one of code's own tokens (not text, output or a
    comment): there a "-" may be an operator."""
    return bool(cls) and cls.split()[0] in {"o", "p", "n", "nb", "nf", "nn", "nc", "bp", "k",
                                             "kc", "mi", "mf", "m", "ow", "nd", "kn", "fm"}


def _is_string(cls: str) -> bool:
    return bool(cls) and (cls.split()[0] == "dl" or cls.split()[0].startswith("s"))


def _binary(chars: list[str], k: int) -> bool:
    """Whether the operator run holding ``chars[k]`` has an operand right before it."""
    j = k
    while j > 0 and chars[j - 1] in _OPS:
        j -= 1
    return j > 0 and (chars[j - 1].isalnum() or chars[j - 1] in "_)]}'\"")


def _kept(chars: list[str]) -> set[int]:
    """The gaps (``k``: between character ``k`` and ``k + 1``) inside a flag or a number."""
    text = "".join(chars)
    return {k for m in _WHOLE.finditer(text) for k in range(m.start(), m.end() - 1)}


def _gap(chars: list[str], classes: list[str], kept: set[int], k: int) -> str:
    """What goes between character ``k`` and ``k + 1``: "wbr" (a break the browser would
    not make), "glue" (a break it would make, inside a token) or ""."""
    a, b = chars[k], chars[k + 1]
    if a.isspace() or b.isspace():
        return ""
    cls = classes[k]
    if a in "-?":  # the browser breaks after it: keep a flag, a number, a unary minus
        unary = a == "-" and cls.split()[:1] == ["o"] and not _binary(chars, k)
        in_string = _is_string(cls) and _is_string(classes[k + 1])
        return "glue" if k in kept or unary or in_string else ""
    if _is_string(cls):  # inside a string literal, or right after its end
        return ""
    allowed = False
    if a in _OPEN_AFTER:
        grouping = a == "," and b.isdigit() and k > 0 and chars[k - 1].isdigit()  # 12,800
        allowed = b not in _CLOSERS and not grouping
    elif a == ".":
        allowed = (b.isalpha() or b == "_") and not (k and chars[k - 1] == ".")
    elif a in _OPS and b not in _OPS and b not in _CLOSERS:
        code = _code_class(cls) and not cls.startswith("m")
        allowed = _binary(chars, k) and (a != "-" or code)
    return "wbr" if allowed else ""


def _long_names(chars: list[str], gaps: list[str]) -> None:
    """Allow a break after each "_" of a name longer than :data:`LONG`."""
    k = 0
    while k < len(chars):
        if not (chars[k].isalnum() or chars[k] == "_"):
            k += 1
            continue
        end = k
        while end < len(chars) and (chars[end].isalnum() or chars[end] == "_"):
            end += 1
        if end - k > LONG:
            for j in range(k, end - 1):
                if chars[j] == "_" and chars[j + 1] != "_" and not gaps[j]:
                    gaps[j] = "wbr"
        k = end


def mark_breaks(line: str) -> str:
    """``line`` (one line of highlighted code, no newline) with ``<wbr>`` where it may
    wrap and ``<span class="nw">`` around what it must not wrap inside."""
    pieces: list[tuple[str, list[str], str]] = []  # (open tag, atoms, close tag)
    for m in _ITEM.finditer(line):
        if m[5]:
            pieces.append((m[5], [], ""))
        elif m[4] is not None:
            pieces.append(("", _ATOM.findall(m[4]), ""))
        else:
            pieces.append((m[1], _ATOM.findall(m[2]), m[3]))
    atoms, chars, classes, items = [], [], [], []
    for i, (open_tag, piece_atoms, _) in enumerate(pieces):
        found = _CLASS.search(open_tag)
        for atom in piece_atoms:
            atoms.append(atom)
            chars.append(html.unescape(atom) if len(atom) > 1 else atom)
            classes.append(found[1] if found else "")
            items.append(i)
    if len(chars) < 2:
        return line
    kept = _kept(chars)
    gaps = [_gap(chars, classes, kept, k) for k in range(len(chars) - 1)]
    _long_names(chars, gaps)
    return _render(pieces, atoms, items, gaps)


def _render(pieces, atoms, items, gaps) -> str:
    """The line again, with the gaps' ``<wbr>`` and nowrap spans."""
    # glued runs of atoms, widened to whole pieces where one crosses a piece's edge
    glued_atoms: set[int] = set()
    wrap_pieces: list[tuple[int, int]] = []
    k = 0
    while k < len(gaps):
        if gaps[k] != "glue":
            k += 1
            continue
        start = k
        while k < len(gaps) and gaps[k] == "glue":
            k += 1
        if items[start] == items[k]:
            glued_atoms.update(range(start, k + 1))
        else:
            wrap_pieces.append((items[start], items[k]))
    starts = {a for a, _ in wrap_pieces}
    ends = {b for _, b in wrap_pieces}
    inside = {i for a, b in wrap_pieces for i in range(a, b + 1)}
    out: list[str] = []
    n = 0  # index of the next atom
    for i, (open_tag, piece_atoms, close_tag) in enumerate(pieces):
        if i in starts:
            out.append(f'<span class="{NOWRAP}">')
        out.append(open_tag)
        for j in range(len(piece_atoms)):
            if n in glued_atoms and (n - 1 not in glued_atoms or items[n - 1] != i):
                out.append(f'<span class="{NOWRAP}">')
            out.append(atoms[n])
            if n in glued_atoms and (n + 1 not in glued_atoms or n + 1 >= len(items)
                                     or items[n + 1] != i):
                out.append("</span>")
            at_end = j == len(piece_atoms) - 1
            if (n < len(gaps) and gaps[n] == "wbr" and n not in glued_atoms
                    and not (i in inside and (not at_end or i not in ends))):
                out.append("<wbr>")
            n += 1
        out.append(close_tag)
        if i in ends:
            out.append("</span>")
    return "".join(out)
