"""Every checked number reveals how it was computed, and the reveal tells the truth.

Read from the built site: each revealed expression is the one written in the page's source
(found here by a plain regex, not by livedocs' parser), each function link lands on an
entry of the API reference, and the page's "reproduce" snippet, run in a fresh namespace,
recomputes every revealed number exactly as the page shows it.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from livedocs.checker.givens import givens_of
from livedocs.numbers import format_number
from livedocs.reveal import computes_nothing

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
# (a wrapper may hold the opening bracket before its number or formula: rnnsite.mathml)
_WRAP = re.compile(
    r'<(span|div) class="ld-wrap[^"]*">[(\[“‘]{0,2}<\1 class="ld" tabindex="0" '
    r'aria-describedby="(ld-\d+)">'
    r'(.*?)</\1><ld-tip class="ld-tip"[^>]*><span class="ld-tip__text" id="\2">(.*?)</span>'
    r'</ld-tip></\1>', re.S)


def source_expressions(page: Path) -> list[str]:
    """The expressions of the page's markers, as written (spec and substitutions dropped)."""
    out = []
    for body in re.findall(r"<!--=(.*?)-->", page.read_text(encoding="utf-8"), re.S):
        head = body.split(";", 1)[0]
        if re.search(r"\|\s*[^|]*$", head) and not re.search(r"\(.*\|.*\)", head):
            head = head.rsplit("|", 1)[0]
        out.append(head.strip())
    return out


def built(site: Path, page: Path) -> str:
    rel = page.relative_to(DOCS).with_suffix("")
    target = site / (rel.parent if rel.name == "index" else rel) / "index.html"
    return target.read_text(encoding="utf-8")


def reveals(page_html: str) -> list[tuple[str, str, str]]:
    """(shown number, revealed expression, whole description) of each reveal on a page."""
    out = []
    for _, _, shown, tip in _WRAP.findall(page_html):
        expr = re.search(r"<code>(.*?)</code>", tip, re.S)
        assert expr, tip
        out.append((shown, html.unescape(re.sub(r"<[^>]+>", "", expr.group(1))), tip))
    return out


ANSWER_PAGES = sorted(DOCS.glob("task-*/*.md"))


@pytest.mark.parametrize("page", ANSWER_PAGES, ids=lambda p: p.name)
def test_every_revealed_expression_is_written_in_the_source(site: Path, page: Path) -> None:
    found = reveals(built(site, page))
    written = source_expressions(page)
    assert found, "no reveals"
    revealed = [html.unescape(re.sub(r"<[^>]+>", "", e)) for _, _, tip in found
                for e in re.findall(r'class="ld-tip__calc"><code>(.*?)</code>', tip, re.S)]
    assert set(revealed) <= set(written), set(revealed) - set(written)
    # Every marker reveals, except in alt text and titles (attributes cannot).
    source = page.read_text(encoding="utf-8")
    in_attributes = sum(alt.count("<!--=") for alt in re.findall(r"!\[(.*?)\]\(", source))
    setup = re.search(r"<!-- live:setup\n(.*?)\n-->", page.read_text(encoding="utf-8"), re.S)
    givens = {g.name for g in givens_of(setup.group(1))} if setup else set()
    named = [e for e in written if computes_nothing(e, givens)]  # reveal nothing: no computation
    assert not set(named) & set(revealed)
    assert len(revealed) >= len(written) - in_attributes - len(named)


@pytest.mark.parametrize(("expr", "nothing"), [
    ("K", True), ("TASKS[0]", True), (" 1 ", True), ("0.5", True),  # names or constants
    ("2 * H", False), ("lstm().total", False), ("L", False), ("-1", False)])
def test_what_computes_nothing_reveals_nothing(expr: str, nothing: bool) -> None:
    assert computes_nothing(expr, {"K", "TASKS[0]", "H"}) is nothing


def test_every_function_link_lands_on_an_api_entry(site: Path) -> None:
    ids = {(page.parent.name, i) for page in (site / "api").glob("*/index.html")
           for i in re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8"))}
    links = set()
    for page in site.rglob("*.html"):
        for tip in re.findall(r'<ld-tip class="ld-tip".*?</ld-tip>', page.read_text("utf-8"), re.S):
            links |= set(re.findall(r'href="[./]*api/([\w-]+)/#([^"]+)"', tip))
    assert links, "no function is linked"
    assert links <= ids, links - ids


@pytest.mark.parametrize("page", ANSWER_PAGES, ids=lambda p: p.name)
def test_the_reproduce_snippet_recomputes_every_revealed_number(site: Path, page: Path) -> None:
    page_html = built(site, page)
    m = re.search(r'<details class="ld-reproduce"[^>]*>.*?<pre><span></span><code>(.*?)</code>',
                  page_html, re.S)
    assert m, "no reproduce control"
    ns: dict[str, object] = {}
    exec(html.unescape(re.sub(r"<[^>]+>", "", m.group(1))), ns)  # noqa: S102
    evaluated = 0
    for shown, expr, tip in reveals(page_html):
        subs = re.search(r"</code> for <code>(\w+)</code> in ", tip)
        if "<math" in shown and not subs and _prose_of_math(shown) is not None:
            shown = _prose_of_math(shown)  # scientific notation, shown as math
        elif subs or "<math" in shown:
            continue  # a formula, or a tied math span: checked as an equation by the build
        value = eval(expr, ns)  # noqa: S307
        spec = None if isinstance(value, (int, str)) else _spec_of(shown)
        text = value if isinstance(value, str) else format_number(value, spec)
        seen = html.unescape(re.sub(r"<[^>]+>", "", shown)).replace("−", "-")
        if re.fullmatch(r"-?\d{1,3}(,\d{3})+", seen) and re.fullmatch(r"-?\d{4}", text):
            # a four-digit number grouped in a table column with longer ones
            # (rnnsite/table_numbers.py; tests/site/test_table_grouping.py)
            seen = seen.replace(",", "")
        assert text == seen, expr
        evaluated += 1
    assert evaluated >= 5


def _prose_of_math(shown: str) -> str | None:
    """A number in scientific notation shown as math (``4.2 × 10^{−6}`` as the search
    index reads it), in its prose form (``4.2 × 10⁻⁶``); None for any other math."""
    from rnnsite.search_index import linear

    math = re.search(r"<math\b.*?</math>", shown, re.S)
    assert math is not None, shown
    text = linear(math.group())
    if not re.fullmatch(r"-?\d+(?:\.\d+)? × 10\^\{[−-]?\d+\}", text):
        return None
    return re.sub(r"\^\{([−\-]?\d+)\}", lambda m: m.group(1).translate(
        str.maketrans("−-0123456789", "⁻⁻⁰¹²³⁴⁵⁶⁷⁸⁹")), text)


def _spec_of(shown: str) -> str:
    """The format a shown float was written with (its decimals, percent, exponent)."""
    text = html.unescape(re.sub(r"<[^>]+>", "", shown))
    if "×" in text:
        return f".{len(text.split('×')[0].strip().partition('.')[2])}sci"
    if "e" in text:
        return f".{len(text.split('e')[0].partition('.')[2])}e"
    if text.endswith("%"):
        return f".{len(text[:-1].partition('.')[2])}%"
    return f".{len(text.partition('.')[2])}f"


def test_the_reveal_assets_stay_small() -> None:
    size = sum((DOCS / "assets" / name).stat().st_size for name in ("livedocs.css", "livedocs.js"))
    assert size <= 10_000, size


PROSE_AND_MATH = ("<!-- live:setup\nW, T = 0.9, 40\n-->\n\n"
                  "In math, $W^{T} \\approx {tex}$<!--= W**T | {spec} -->; "
                  "in prose, {prose}<!--= W**T | {spec} --> as well.\n")


@pytest.mark.parametrize("spec", [".1sci", ".2sci", ".0sci"])
def test_scientific_notation_looks_the_same_in_prose_and_in_math(spec: str) -> None:
    """Issue 18: a live number in prose scientific notation is shown as the very MathML
    the same number has in an equation (one font, one layout), and still reads as text."""
    from livedocs.render import render_page
    from rnnsite.mathml import MathMLPostprocessor
    from rnnsite.search_index import linear

    value = 0.9**40
    page = PROSE_AND_MATH.replace("{tex}", format_number(value, spec, math=True)).replace(
        "{prose}", format_number(value, spec)).replace("{spec}", spec)
    rendered = render_page(page, "docs/p.md")
    assert rendered.report.ok, [c.message for c in rendered.report.failures]
    page_html = MathMLPostprocessor(None).run(rendered.html)
    maths = re.findall(r"<math\b.*?</math>", page_html, re.S)
    assert len(maths) == 2, page_html
    in_math, in_prose = maths
    number = re.search(r"<mo>≈</mo>\s*(.*)</mrow></math>", in_math, re.S)
    assert number is not None, in_math
    # the prose number's MathML is the equation's right-hand side, element for element
    inner = re.fullmatch(r'<math display="inline">(.*)</math>', in_prose, re.S)
    assert inner is not None, in_prose
    assert re.sub(r"</?mrow>|\s", "", inner.group(1)) == \
        re.sub(r"</?mrow>|\s", "", number.group(1))
    # no Unicode form left beside it (the reveal after it, hidden until asked for, says the
    # value as prose writes it)
    prose = page_html.split("in prose")[1].split("as well")[0]
    assert "×" not in re.sub(r"<math\b.*?</math>|<ld-tip class=\"ld-tip\".*", "", prose,
                             flags=re.S)
    # inside the live number's one box, and readable as text (the search index)
    prose_wrap = page_html[page_html.index("in prose"):]
    assert prose_wrap.index('<span class="ld"') < prose_wrap.index("<math")
    assert "10^{" in linear(in_prose) and format_number(value, spec).split(" ×")[0] in \
        linear(in_prose)
