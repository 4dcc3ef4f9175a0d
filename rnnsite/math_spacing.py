"""Spacing as TeX sets it, where Chromium's MathML Core spaces latex2mathml's MathML
otherwise: operators in scripts and inside bars, ordinary symbols, primes, operator names
and signs. :func:`tight` edits a parsed ``<math>`` tree in place (``rnnsite.mathml``)."""

from __future__ import annotations

from xml.etree import ElementTree

# Elements whose children after the first are scripts (sub-, superscripts, limits).
_SCRIPTED = {"msub", "msup", "msubsup", "munder", "mover", "munderover", "mmultiscripts"}
_BARS = {"|", "‖"}


def tight(root: ElementTree.Element) -> None:
    """Operator spacing as TeX sets it where Chromium's MathML does not: none around an
    operator in a script (``h_{t-1}``, not ``h_{t − 1}``) and none inside the bars of an
    absolute value or a norm (``|w| < 1``, not ``|w |  < 1``)."""
    def zero(mo: ElementTree.Element) -> None:
        mo.attrib.setdefault("lspace", "0")
        mo.attrib.setdefault("rspace", "0")

    for el in root.iter():
        if el.tag in _SCRIPTED:
            for script in list(el)[1:]:
                for mo in script.iter("mo"):
                    zero(mo)
        elif el.tag == "mo" and (el.text or "").strip() in _BARS:
            zero(el)
            if "minsize" in el.attrib or el.get("form") in ("prefix", "postfix"):
                el.set("stretchy", "true")  # \Big| or \right|: the size TeX sets
            else:
                el.set("stretchy", "false")  # ‖x‖_F: both bars the text's height, like TeX's
        elif el.tag == "mo" and (el.text or "").strip() in _ORDINARY:
            zero(el)  # TeX sets ∂ and / as ordinary symbols: ∂h/∂x, not ∂ h / ∂ x
    _primes_and_names(root)
    _signs(root)


_ORDINARY = {"∂", "/"}
# Elements that lay out their children in a row (a space may go between two of them)
_ROWS = {"math", "mrow", "mtd", "mstyle", "msqrt", "mpadded", "mphantom", "menclose"}
_PRIMES = {"′", "″", "‴"}
_CLOSING = {")", "]", "}", "|", "‖", "⟩"}


def _primes_and_names(root: ElementTree.Element) -> None:
    r"""Two more of TeX's habits: a prime is set at the base's level (``tanh'`` is tanh′; as a
    superscript, U+2032, already a raised glyph, would be raised twice), and an operator
    name (tanh, diag, max) gets a thin space from the symbol before it (``w \tanh'`` is
    "w tanh′", not "wtanh′") and from an operand after it (``\tanh c_t``, not "tanhc_t").

    latex2mathml writes ``\operatorname{diag}`` and ``\max`` as ``<mo>``, which Chromium
    spaces as an unknown operator, a thick space on both sides ("is  diag(f_t)" beside the
    text's own space); as the ``<mi>`` that ``\tanh`` is, every name is spaced alike. A name
    over or under its limits (``\max`` in display) stays an operator, whose limits move."""
    for parent in list(root.iter()):
        for n, el in enumerate(parent):
            name = (el.text or "").strip()
            if (el.tag == "mo" and len(name) > 1 and name.isalpha() and not len(el)
                    and not (n == 0 and parent.tag in {"munder", "mover", "munderover"})):
                el.tag = "mi"
    for parent in list(root.iter()):
        for el in list(parent):
            script = list(el)[1:] if el.tag == "msup" else []
            if (len(script) == 1 and (script[0].text or "").strip() in _PRIMES
                    and not len(script[0])):
                prime = ElementTree.Element("mo", {"lspace": "0", "rspace": "0"})
                prime.text = script[0].text.strip()
                el.tag = "mrow"
                el.remove(script[0])
                el.append(prime)
    for parent in [el for el in root.iter() if el.tag in _ROWS]:
        children = list(parent)
        for n, el in enumerate(children):
            base = el[0] if el.tag in _SCRIPTED | {"mrow"} and len(el) else el
            name = (base.text or "").strip()
            if n == 0 or base.tag != "mi" or len(name) < 2 or not name.isalpha():
                continue
            before = children[n - 1]
            if before.tag == "mo" and (before.text or "").strip() not in _CLOSING:
                continue  # after an operator or an opening bracket: TeX adds no space
            if before.tag == "mspace":
                continue
            space = ElementTree.Element("mspace", {"width": "0.1667em"})
            parent.insert(list(parent).index(el), space)
    for parent in [el for el in root.iter() if el.tag in _ROWS]:
        children = list(parent)
        for el, after in zip(children, children[1:], strict=False):
            primed = el.tag == "mrow" and len(el) == 2 and (el[1].text or "") in _PRIMES
            base = el[0] if el.tag in _SCRIPTED or primed else el
            name = (base.text or "").strip()
            if (base.tag == "mi" and len(name) > 1 and name.isalpha()
                    and after.tag not in {"mo", "mspace"}):
                space = ElementTree.Element("mspace", {"width": "0.1667em"})
                parent.insert(list(parent).index(after), space)


_SIGNS = {"−", "+", "±", "∓"}
# What ends an operand: a closing bracket, a postfix operator, an ellipsis (after anything
# else in <mo>, a sign starts an operand)
_ENDS_OPERAND = _CLOSING | _PRIMES | {"!", "%", "…", "⋯", "∞"}


def _signs(root: ElementTree.Element) -> None:
    """A minus (or plus) at the start of a row, after an operator or after an opening
    bracket is a sign: ``form="prefix"``, which Chromium's MathML sets with no space
    between it and its operand (``w = −1``, ``(−1)^k``, ``σ(−a)``, as TeX sets them), where
    the infix form would space it like a subtraction (``w = − 1``). A bar is an opening
    one when an even number of bars comes before it in its row (``|−1|``, ``|w| − 1``)."""
    for parent in root.iter():
        bars = 0
        before = None
        for el in parent:
            text = (el.text or "").strip() if el.tag == "mo" else ""
            if text in _SIGNS and "form" not in el.attrib and (
                    before is None or (before.tag == "mo" and not _ends_operand(before, bars))):
                el.set("form", "prefix")
            if text in _BARS:
                bars += 1
            before = el


def _ends_operand(mo: ElementTree.Element, bars: int) -> bool:
    text = (mo.text or "").strip()
    if text in _BARS:
        return bars % 2 == 0  # this bar closed a pair
    return text in _ENDS_OPERAND
