"""What a reveal says (livedocs/reveal.py, livedocs/wording.py), as a page renders it: a
checked equation's tie is called the equation's result only when it is (the marker after
the math), and a value is shown as prose writes it, never as TeX."""

from __future__ import annotations

import html
import re

from livedocs.render import render_page
from livedocs.wording import WORDING

PAGE = ("# Page\n\n<!-- live:setup\nH = 128\nG = 0.0052\n-->\n\n"
                "Inside: $2 \\cdot 64<!--= H // 2 --> = 128$.\n\n"
        "$$ 2 \\cdot 64 = 128 $$<!--= 2 * H // 2 -->\n\n"
        "In math: $5.2 \\times 10^{-3}<!--= G * 1 | .1sci -->$.\n")


def reveals() -> dict[str, str]:
    """Each reveal's calculation line, by the expression it shows, as a reader reads it."""
    out = render_page(PAGE, "docs/p.md").html
    calcs = re.findall(r'<span class="ld-tip__calc">(.*?)</span>', out, re.S)
    lines = [html.unescape(re.sub(r"<[^>]+>", "", c)) for c in calcs]
    return {line.split(" ", 1)[0]: line for line in lines}  # first word: the expression's


def test_a_tie_after_the_math_is_the_equations_result_and_one_inside_is_not() -> None:
    found = reveals()
    assert found["2"] == "2 * H // 2 = 128" + WORDING["equation_result"]
    assert found["H"] == "H // 2 = 64" + WORDING["equation_number"]


def test_a_number_in_math_reveals_its_value_as_prose_writes_it() -> None:
    assert reveals()["G"] == "G * 1 = 5.2 × 10⁻³"
