"""Parse one side of a relation into an expression tree (:func:`parse`).

Grammar (spacing, sizing and style commands are already gone)::

    expr   := term (("+" | "-") term)*
    term   := unary (("\\cdot" | "\\times" | "×" | "*" | "/" | "\\div" | <juxtaposition>) unary)*
    unary  := ("-" | "+") unary | power
    power  := atom ("^" script)* ["\\%"]
    atom   := number | symbol [_script] | "(" expr ")" | "[" expr "]" | "{" expr "}"
            | "|" expr "|" | \\frac{expr}{expr} | \\sqrt[n]{expr} | func "(" expr ")"

Numbers are exact :class:`fractions.Fraction` (``0.10000000000000000001`` is not 1/10).
Symbols are single letters or Greek letters with an optional plain subscript (``T_A``,
``W_{hh}``, ``\\sigma``); each stands for the page value of the Python name it spells
(``T_A``, ``W_hh``, ``sigma``).  ``\\sigma``, ``\\tanh``, ``\\exp``, ``\\log``/``\\ln``
applied to a bracket are functions (:mod:`livedocs.tex.evaluate` gives their values).

:func:`parse` raises :class:`NotArithmetic` (with the reason) for anything else: an
unknown command (``\\odot``, ``\\sum``), a symbol with a compound subscript (``h_{t-1}``),
a matrix.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .lex import plain_digits
from .read import Tok

__all__ = ["Node", "parse", "symbols", "NotArithmetic"]

_GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta",
          "vartheta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "varrho",
          "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega", "Gamma",
          "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
          "ell"}
_FUNCS = {"sigma", "tanh", "exp", "log", "ln", "sqrt"}
_STYLES = {"mathbf", "mathbb", "mathcal", "boldsymbol", "bm", "mathit", "mathsf"}


class NotArithmetic(Exception):
    """The side is notation, not arithmetic (the message says what is not)."""


@dataclass(frozen=True)
class Node:
    op: str  # num | sym | neg | add | sub | mul | div | pow | pct | abs | sqrt | func
    args: tuple = ()
    value: Fraction | None = None
    name: str = ""


class _Parser:
    def __init__(self, toks: list[Tok]) -> None:
        self.toks = toks
        self.i = 0

    def peek(self) -> Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def is_(self, *texts: str) -> bool:
        t = self.peek()
        return t is not None and t.kind in ("char", "cmd") and t.text in texts

    def take(self, *texts: str) -> Tok:
        t = self.peek()
        if t is None or (texts and t.text not in texts):
            want = " or ".join(f"`{x}`" for x in texts) or "more"
            raise NotArithmetic(f"expected {want}, got {'the end' if t is None else repr(t.text)}")
        self.i += 1
        return t

    def parse(self) -> Node:
        if not self.toks:
            raise NotArithmetic("empty side")
        node = self.expr()
        if self.peek() is not None:
            raise NotArithmetic(f"unexpected {self.peek().text!r}")  # type: ignore[union-attr]
        return node

    def expr(self) -> Node:
        node = self.term()
        while self.is_("+", "-", "−"):
            op = "add" if self.take().text == "+" else "sub"
            node = Node(op, (node, self.term()))
        return node

    def term(self) -> Node:
        node = self.unary()
        while True:
            t = self.peek()
            if t is None:
                return node
            if self.is_("*", "×", "·", "\\cdot", "\\times"):
                self.take()
                node = Node("mul", (node, self.unary()))
            elif self.is_("/", "\\div"):
                self.take()
                node = Node("div", (node, self.unary()))
            elif self.starts_atom(t):
                if t.kind == "num" and self._ends_with_number(node):
                    raise NotArithmetic(f"two numbers side by side (… {t.text}); "
                                        "group thousands as 19{,}712")
                node = Node("mul", (node, self.power()))
            else:
                return node

    @staticmethod
    def _ends_with_number(node: Node) -> bool:
        while node.op in ("mul", "add", "sub"):
            node = node.args[-1]
        return node.op == "num"

    def starts_atom(self, t: Tok) -> bool:
        if t.kind == "num":
            return True
        if t.kind == "char":
            return t.text.isalpha() or t.text in "([{"
        if t.kind == "cmd":
            name = t.text[1:]
            return name in _GREEK or name in _FUNCS or name in _STYLES or name in (
                "frac", "dfrac", "tfrac")
        return False

    def unary(self) -> Node:
        if self.is_("-", "−"):
            self.take()
            return Node("neg", (self.unary(),))
        if self.is_("+"):
            self.take()
            return self.unary()
        return self.power()

    def power(self) -> Node:
        node = self.atom()
        while self.is_("^"):
            self.take()
            node = Node("pow", (node, self.script()))
        if self.is_("\\%"):
            self.take()
            node = Node("pct", (node,))
        return node

    def script(self) -> Node:
        t = self.peek()
        if t is None:
            raise NotArithmetic("a script without its argument")
        if t.kind == "char" and t.text == "{":
            return self.group("{", "}")
        self.i += 1
        if t.kind == "num":  # `^23` is `^{2}3`: only the first digit is the script
            if len(t.text) > 1:
                raise NotArithmetic(f"ambiguous script ^{t.text}: write ^{{{t.text}}}")
            return Node("num", value=Fraction(t.text))
        if t.kind == "char" and t.text.isalpha():
            return Node("sym", name=t.text)
        raise NotArithmetic(f"script {t.text!r}")

    def group(self, open_: str, close: str) -> Node:
        self.take(open_)
        node = self.expr()
        self.take(close)
        return node

    def atom(self) -> Node:
        t = self.peek()
        if t is None:
            raise NotArithmetic("an operator without its operand")
        if t.kind == "num":
            self.i += 1
            return Node("num", value=Fraction(plain_digits(t.text)))
        if t.kind == "char" and t.text in "([{":
            return self.group(t.text, {"(": ")", "[": "]", "{": "}"}[t.text])
        if t.kind == "char" and t.text == "|":
            return Node("abs", (self.group("|", "|"),))
        if t.kind == "char" and t.text.isalpha():
            self.i += 1
            return self.symbol(t.text)
        if t.kind == "cmd":
            name = t.text[1:]
            if name in ("frac", "dfrac", "tfrac"):
                self.i += 1
                return Node("div", (self.braced(), self.braced()))
            if name == "sqrt":
                self.i += 1
                index = self.group("[", "]") if self.is_("[") else Node("num", value=Fraction(2))
                return Node("sqrt", (self.braced(), index))
            if name in _FUNCS and self.is_bracket(1):
                self.i += 1
                return Node("func", (self.atom(),), name=name)
            if name in _GREEK:
                self.i += 1
                return self.symbol(name)
            if name in _STYLES and self.is_bracket(1) and self.i + 2 < len(self.toks) \
                    and self.toks[self.i + 2].kind == "num":  # `\\mathbf{2560}`: a number
                self.i += 1
                return self.group("{", "}")
            if name in _STYLES:
                self.i += 1
                inner = self.take_group_text()
                return self.symbol(inner)
            raise NotArithmetic(f"`{t.text}` is notation")
        raise NotArithmetic(f"{t.text!r} is notation")

    def is_bracket(self, ahead: int) -> bool:
        j = self.i + ahead
        return j < len(self.toks) and self.toks[j].kind == "char" and self.toks[j].text in "({"

    def braced(self) -> Node:
        if not self.is_("{"):
            t = self.peek()
            if t is not None and t.kind == "num" and len(t.text) == 1:
                self.i += 1
                return Node("num", value=Fraction(t.text))
            raise NotArithmetic("`\\frac` and `\\sqrt` need braced arguments")
        return self.group("{", "}")

    def take_group_text(self) -> str:
        self.take("{")
        parts = []
        while not self.is_("}"):
            t = self.take()
            if t.kind not in ("char", "num") or not t.text.isalnum():
                raise NotArithmetic("a styled symbol must be plain letters")
            parts.append(t.text)
        self.take("}")
        return "".join(parts)

    def symbol(self, name: str) -> Node:
        if self.is_("_"):
            self.take()
            t = self.peek()
            if t is not None and t.kind == "char" and t.text == "{":
                sub = self.take_group_text()
            elif t is not None and t.kind in ("char", "num") and t.text.isalnum():
                self.i += 1
                sub = t.text[0]
                if len(t.text) > 1:
                    raise NotArithmetic(f"ambiguous subscript _{t.text}")
            else:
                raise NotArithmetic("a compound subscript is notation")
            name = f"{name}_{sub}"
        if self.is_("'"):
            raise NotArithmetic("a primed symbol is notation")
        return Node("sym", name=name)


def parse(toks: list[Tok]) -> Node:
    """The expression tree of a side; :class:`NotArithmetic` if it is notation."""
    return _Parser(toks).parse()


def symbols(node: Node) -> set[str]:
    """The names of the symbols in ``node``."""
    if node.op == "sym":
        return {node.name}
    out: set[str] = set()
    for a in node.args:
        out |= symbols(a)
    return out
