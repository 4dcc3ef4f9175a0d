"""Reading and evaluating math: against independent computations and hand-made cases."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from livedocs.tex.evaluate import EvalError, Unresolved, evaluate
from livedocs.tex.parse import NotArithmetic, parse
from livedocs.tex.read import read_span


def sides(tex: str) -> list[list[object]]:
    """The values of every side of every chain (``None`` for notation)."""
    out = []
    for chain in read_span(tex).chains:
        row = []
        for side in chain.sides:
            try:
                row.append(evaluate(parse(side.toks), {"D": Fraction(20), "H": Fraction(128)}))
            except (NotArithmetic, Unresolved):
                row.append(None)
        out.append(row)
    return out


# --- random arithmetic, written as TeX and as Python, evaluated independently ----------

def _expr(rng: random.Random, depth: int) -> tuple[str, Fraction]:
    if depth == 0 or rng.random() < 0.3:
        if rng.random() < 0.3:
            a, b = rng.randint(0, 99), rng.randint(1, 99)
            return f"{a}.{b:02d}", Fraction(f"{a}.{b:02d}")
        n = rng.randint(1, 30000)
        text = f"{n:,}".replace(",", "{,}") if n >= 10000 else str(n)
        return text, Fraction(n)
    kind = rng.choice(["+", "-", "cdot", "times", "frac", "pow", "paren", "neg", "implicit"])
    (ta, a), (tb, b) = _expr(rng, depth - 1), _expr(rng, depth - 1)
    if kind == "+":
        return f"{ta} + {tb}", a + b
    if kind == "-":
        return f"{ta} - \\left({tb}\\right)", a - b
    if kind in ("cdot", "times"):
        return f"({ta}) \\{kind} ({tb})", a * b
    if kind == "frac":
        return (f"\\frac{{{ta}}}{{{tb}}}", a / b) if b else (ta, a)
    if kind == "pow":
        e = rng.randint(0, 3)
        return f"({ta})^{{{e}}}", a**e
    if kind == "neg":
        return f"-({ta})", -a
    if kind == "implicit":
        return f"2\\,({ta})", 2 * a
    return f"\\left( {ta} \\right)", a


@pytest.mark.parametrize("seed", range(200))
def test_random_arithmetic_matches_fractions(seed: int) -> None:
    rng = random.Random(seed)
    tex, expected = _expr(rng, 4)
    (chain,) = read_span(tex).chains
    assert evaluate(parse(chain.sides[0].toks), {}) == expected, tex


# --- hand-made cases --------------------------------------------------------------------

@pytest.mark.parametrize(("tex", "values"), [
    (r"(20 \cdot 128 + 128 \cdot 10) \cdot 5 + 128 \cdot 4 = 19{,}712", [[19712, 19712]]),
    (r"\displaystyle 2 \times 3 = 6", [[6, 6]]),
    (r"2 × 3 · 1 = 6", [[6, 6]]),
    (r"\boxed{1 + 1 = 2}", [[2, 2]]),
    (r"-(1+2) = -3", [[-3, -3]]),
    (r"1 - 3 = -2", [[-2, -2]]),
    (r"\frac{1}{4} = 25\%", [[Fraction(1, 4), Fraction(1, 4)]]),
    (r"2^{10} = 1024", [[1024, 1024]]),
    (r"\sqrt{16} = 4 = \sqrt[3]{64}", [[4, 4, 4]]),
    (r"0.10000000000000000001 = 0.1", [[Fraction("0.10000000000000000001"), Fraction(1, 10)]]),
    (r"DH = 2560", [[2560, 2560]]),
    (r"\begin{aligned} x &= 1 + 1 \\ &= 2 \end{aligned}", [[None, 2, 2]]),
    (r"a = 1, \quad b = 2", [[None, 1], [None, 2]]),
    (r"2.5 \times 10^{-7}", [[Fraction(25, 10**8)]]),
])
def test_chains_and_values(tex: str, values: list[list[object]]) -> None:
    assert sides(tex) == values


def test_relations_split_sides_and_notation_relations_are_marked() -> None:
    (chain,) = read_span(r"a \le 2 < 3 \approx 3.01 \ne 4 \in S").chains
    assert chain.rels == ["≤", "<", "≈", "≠", "~\\in"]


@pytest.mark.parametrize(("tex", "exempt", "audited"), [
    (r"h_{t-1} = \sum_{t=1}^{T} x_t", ["1", "1"], []),
    (r"W^{2} + \mathbb{R}^{128 \times 3}", ["2"], ["128", "3"]),  # a shape is a fact
    (r"h^{(1)}_{t-1} + \overleftarrow{h}_{t+1}", ["1", "1", "1"], []),
    (r"2^{10} + (1+x)^2", [], ["2", "10", "1", "2"]),
    (r"\text{for 5 steps} \; 7", [], ["7"]),
])
def test_scripts_of_symbols_are_exempt_by_position_but_shapes_are_facts(tex: str, exempt: list[str],
                                                   audited: list[str]) -> None:
    span = read_span(tex)
    assert [n.text for n in span.nums if n.exempt] == exempt
    assert [n.text for n in span.nums if not n.exempt] == audited


@pytest.mark.parametrize(("tex", "text", "value"), [
    (r"2.5 \times 10^{-7}", r"2.5 \times 10^{-7}", Fraction(25, 10**8)),
    (r"10^{3}", r"10^{3}", Fraction(1000)),
    (r"x = -5", "-5", Fraction(-5)),
    (r"73\%", r"73\%", Fraction(73, 100)),
    (r"19{,}712", "19{,}712", Fraction(19712)),
])
def test_numbers_are_read_as_the_reader_reads_them(tex: str, text: str, value: Fraction) -> None:
    num = [n for n in read_span(tex).nums if not n.exempt][-1]
    assert (num.text, num.value) == (text, value)


@pytest.mark.parametrize(("tex", "message"), [
    ("2^", "no argument"),
    (r"\frac{1}", "needs 2 arguments"),
    ("{1 + 2 = 3", "unbalanced"),
    ("1 + 2} = 3", "unbalanced"),
    ("\\", "lone backslash"),
    (r"\text 5", "braced argument"),
])
def test_malformed_tex_gets_a_clear_answer(tex: str, message: str) -> None:
    (error,) = read_span(tex).errors
    assert message in error


@pytest.mark.parametrize("tex", [r"7 // 2", r"\lfloor 7 \rfloor", r"h_{t-1}", r"W^{\top}",
                                 r"\sum_t x", "2 3"])
def test_notation_is_not_arithmetic(tex: str) -> None:
    (chain,) = read_span(tex).chains
    with pytest.raises(NotArithmetic):
        parse(chain.sides[0].toks)


@pytest.mark.parametrize(("tex", "error"), [
    (r"\frac{1}{0}", EvalError), ("0^{-1}", EvalError), ("2^{5000}", EvalError),
    ("x + 1", Unresolved), (r"\log(0)", EvalError),
])
def test_undefined_arithmetic_raises(tex: str, error: type) -> None:
    (chain,) = read_span(tex).chains
    with pytest.raises(error):
        evaluate(parse(chain.sides[0].toks), {})


def test_functions_are_exact_where_the_value_is() -> None:
    assert sides(r"\sigma(0) = 0.5") == [[Fraction(1, 2), Fraction(1, 2)]]
    (value,) = sides(r"\sigma(1)")[0]
    assert isinstance(value, float) and abs(value - 0.7310585786300049) < 1e-15


def test_markers_inside_math_tie_the_number_before_them_or_the_end() -> None:
    ph0, ph1 = "\U000F0000", "\U000F0001"
    span = read_span(f"x = 5{ph0} + 2 \\\\ y = 3\n{ph1}")
    assert span.num_ties[0].text == "5" and span.end_tie == 1 and not span.errors
    assert read_span(f"x {ph0} = 5").errors


@pytest.mark.parametrize(("tex", "spans"), [
    ("2^3", [("2", 0, 1), ("3", 2, 3)]),
    ("xh_1 + 5", [("1", 3, 4), ("5", 7, 8)]),
    ("ab h_1 x^2", [("1", 5, 6), ("2", 9, 10)]),
])
def test_number_tokens_know_where_they_stand(tex: str, spans: list) -> None:
    assert [(n.text, n.start, n.end) for n in read_span(tex).nums] == spans


@pytest.mark.parametrize(("tex", "value"), [
    (r"x \quad -3", -3), (r"\text{so} -3", -3), (r"\begin{aligned} -3 \end{aligned}", -3),
    (r"x = -3", -3), (r"2 -3", 3),
])
def test_a_sign_after_a_separator_or_an_operator_is_the_numbers(tex: str, value: int) -> None:
    assert read_span(tex).nums[-1].value == value


def test_an_unbraced_argument_is_one_token() -> None:
    span = read_span(r"\sqrt 4 \cdot \hat x = 2 \frac 1 2")
    assert span.errors == [] and [n.text for n in span.nums] == ["4", "2", "1", "2"]


def test_a_chain_environment_starts_a_new_chain() -> None:
    span = read_span(r"2 + 2 \begin{aligned} &= 4 \end{aligned}")
    assert [len(c.sides) for c in span.chains] == [1, 2]
    span = read_span(r"\begin{aligned} 2 + 2 &= 4 \\ &= 3 + 1 \end{aligned}")
    assert [len(c.sides) for c in span.chains] == [3]


@pytest.mark.parametrize(("tex", "exempt"), [
    (r"\mathbf{W}^{3}", [True]),  # the script of a styled symbol is notation
    (r"{2}^{3}", [False, False]),  # the exponent of a number is a fact
    (r"\mathbf{W}{2}^{3}", [False, False]),  # a group after a symbol's argument is no symbol
    (r"\mathrm{d}{2}^{3}", [False, False]),  # ... nor after a text command's argument
])
def test_which_scripts_are_notation(tex: str, exempt: list[bool]) -> None:
    from livedocs.tex.lex import lex
    from livedocs.tex.numtoks import numbers

    assert [n.exempt for n in numbers(lex(tex))] == exempt


@pytest.mark.parametrize("pad", ["", "x", "xy"])  # the escaped brace at odd and even offsets
def test_a_text_argument_is_its_braced_group_escaped_braces_included(pad: str) -> None:
    from livedocs.tex.lex import lex

    arg = pad + r"a \{ 5 \} b"
    toks = lex(r"\text{" + arg + "} + 1")
    assert (toks[0].kind, toks[0].arg) == ("text", arg)
    assert [t.text for t in toks[1:]] == ["+", "1"]


def test_a_long_span_lexes_whole() -> None:
    # more tokens than CPython caches small integers for (256), a wrapper at the end
    terms = [str(k) for k in range(1, 201)]
    tex = " + ".join(terms) + r" = \boxed{" + str(sum(range(1, 201))) + "}"
    assert sides(tex) == [[Fraction(sum(range(1, 201))), Fraction(20100)]]


@pytest.mark.parametrize("tex", [r"\sqrt", r"1 + \sqrt", r"\sqrt[3]",
                                 " + ".join(["1"] * 200) + r" + \sqrt[3"])
def test_a_root_without_its_argument_is_malformed(tex: str) -> None:
    from livedocs.tex.lex import TexError, lex

    with pytest.raises(TexError, match=r"`\\sqrt` needs 1 argument"):
        lex(tex)


def test_a_root_index_is_not_its_argument() -> None:
    from livedocs.tex.lex import lex

    assert [t.text for t in lex(r"\sqrt[3]{8}")] == ["\\sqrt", "[", "3", "]", "{", "8", "}"]
    assert sides(r"\sqrt[3]{8} = 2") == [[Fraction(2), Fraction(2)]]
