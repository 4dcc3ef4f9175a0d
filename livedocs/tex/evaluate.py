"""Parse one side of a relation into an expression tree and evaluate it exactly.

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
applied to a bracket are functions (``\\sigma`` is the logistic sigmoid); they and
irrational roots give floats, which an ``=`` accepts only if exact.

:func:`parse` raises :class:`NotArithmetic` (with the reason) for anything else: an
unknown command (``\\odot``, ``\\sum``), a symbol with a compound subscript (``h_{t-1}``),
a matrix.  :func:`evaluate` raises :class:`Unresolved` for a symbol without a value and
:class:`EvalError` for undefined arithmetic.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from .lex import plain_digits
from .read import Tok

__all__ = ["Node", "parse", "evaluate", "symbols", "NotArithmetic", "Unresolved",
           "EvalError", "Value"]

Value = Fraction | float
MAX_EXPONENT = 1000
_GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta",
          "vartheta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "varrho",
          "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega", "Gamma",
          "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
          "ell"}
_FUNCS = {"sigma", "tanh", "exp", "log", "ln", "sqrt"}
_STYLES = {"mathbf", "mathbb", "mathcal", "boldsymbol", "bm", "mathit", "mathsf"}
_MUL = {"cdot", "times"}


class NotArithmetic(Exception):
    """The side is notation, not arithmetic (the message says what is not)."""


class Unresolved(Exception):
    """A symbol has no value on this page."""


class EvalError(ArithmeticError):
    """Undefined arithmetic: division by zero, a huge or fractional power..."""


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


def _exact(v: Value) -> Fraction | None:
    return v if isinstance(v, Fraction) else None


def evaluate(node: Node, env: dict[str, Value]) -> Value:
    """The value of ``node`` with symbols from ``env``: exact unless a function, a
    fractional power or an irrational root makes it a float."""
    op = node.op
    if op == "num":
        assert node.value is not None
        return node.value
    if op == "sym":
        if node.name not in env:
            raise Unresolved(node.name)
        return env[node.name]
    vals = [evaluate(a, env) for a in node.args]
    if op == "neg":
        return -vals[0]
    if op == "pct":
        return vals[0] / 100
    if op == "abs":
        return abs(vals[0])
    if op == "add":
        return vals[0] + vals[1]
    if op == "sub":
        return vals[0] - vals[1]
    if op == "mul":
        return vals[0] * vals[1]
    if op == "div":
        if vals[1] == 0:
            raise EvalError("division by zero")
        return vals[0] / vals[1]
    if op == "pow":
        return _power(vals[0], vals[1])
    if op == "sqrt":
        return _root(vals[0], vals[1])
    if op == "func":
        return _function(node.name, vals[0])
    raise EvalError(f"unknown operation {op}")  # pragma: no cover


def _power(base: Value, exp: Value) -> Value:
    e = _exact(exp)
    if e is not None and e.denominator == 1:
        if abs(e) > MAX_EXPONENT:
            raise EvalError(f"exponent {e} is larger than {MAX_EXPONENT}")
        if base == 0 and e < 0:
            raise EvalError("zero to a negative power")
        b = _exact(base)
        if b is not None and abs(b.numerator) > 10**50 and abs(e) > 20:
            raise EvalError("power too large to evaluate")
        return base ** int(e)
    if base < 0:
        raise EvalError("a negative number to a fractional power")
    try:
        return float(base) ** float(exp)
    except OverflowError:
        raise EvalError("power overflows") from None


def _root(x: Value, n: Value) -> Value:
    nn = _exact(n)
    if nn is None or nn.denominator != 1 or nn < 2:
        raise EvalError(f"root index must be an integer of at least 2, got {n}")
    if x < 0:
        raise EvalError("root of a negative number")
    k = int(nn)
    xe = _exact(x)
    if xe is not None:
        num, den = _iroot(xe.numerator, k), _iroot(xe.denominator, k)
        if num is not None and den is not None:
            return Fraction(num, den)
    return float(x) ** (1.0 / k)


def _iroot(n: int, k: int) -> int | None:
    """The integer ``k``-th root of ``n`` if ``n`` is a perfect power, else None (exact for
    any size: integer Newton steps from above, no float)."""
    if n < 2:
        return n if n >= 0 else None
    x = 1 << -(-n.bit_length() // k)  # 2**ceil(bits / k) >= the root
    while True:
        y = ((k - 1) * x + n // x ** (k - 1)) // k
        if y >= x:
            break
        x = y
    return x if x**k == n else None


def _function(name: str, x: Value) -> Value:
    xf = float(x)
    try:
        if name == "sigma":
            if x == 0:
                return Fraction(1, 2)
            return 1.0 / (1.0 + math.exp(-xf))
        if name == "tanh":
            return Fraction(0) if x == 0 else math.tanh(xf)
        if name == "exp":
            return Fraction(1) if x == 0 else math.exp(xf)
        if name in ("log", "ln"):
            if x <= 0:
                raise EvalError(f"log of {x}")
            return Fraction(0) if x == 1 else math.log(xf)
        if name == "sqrt":
            return _root(x, Fraction(2))
    except OverflowError:
        raise EvalError(f"{name}({xf}) overflows") from None
    raise EvalError(f"unknown function {name}")  # pragma: no cover
