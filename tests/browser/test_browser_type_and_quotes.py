"""Design review, findings 9 and 13, at 390 and 1280 px, light and dark:

- 9: the stray ``$$`` that ends each formula of a verbatim quote reads as the student's own
  characters (literal text beside the formula, with a link to the page's note on them),
  never as math and never cut off on a phone;
- 13: code blocks have one size and one line height on the notebook pages and the answer
  pages (JupyterLab set the notebooks' at 13 px, Material's details boxes theirs smaller).
"""

from __future__ import annotations

import pytest
from site_server import open_view

WIDTHS = (390, 1280)
SCHEMES = ("light", "dark")
VIEWS = [(w, s) for w in WIDTHS for s in SCHEMES]
QUOTE_PAGE = "task-1-1/q1-unrolled-weights/"
CODE_PAGES = ["task-1-1/notebook/", "task-2-1/notebook/", "task-1-1/q1-unrolled-weights/",
              "task-1-2/q1-vanishing-exploding/"]


@pytest.fixture(scope="module", params=VIEWS, ids=lambda v: f"{v[0]}-{v[1]}")
def view(request, browser, server):
    width, scheme = request.param
    with open_view(browser, width, scheme) as page:
        def visit(path: str):
            page.goto(f"{server.url}{path}")
            page.evaluate("document.fonts.ready")
            page.evaluate("new Promise((r) => requestAnimationFrame(() => "
                          "requestAnimationFrame(r)))")
            return page

        yield visit, width


# --- 9: the stray $$ of a verbatim quote ---------------------------------------------------

def test_a_stray_delimiter_reads_as_the_students_characters(view):
    visit, width = view
    page = visit(QUOTE_PAGE)
    found = page.evaluate("""() => {
      const quote = document.querySelector('blockquote.student');
      const q = quote.getBoundingClientRect();
      return [...quote.querySelectorAll('.mathml-block')].map((block) => {
        const math = block.getBoundingClientRect(), stray = block.nextElementSibling;
        const s = stray && stray.getBoundingClientRect();
        const link = stray && stray.querySelector('a[href^="#"]');
        const target = link && document.getElementById(link.getAttribute('href').slice(1));
        return {mathText: block.textContent, strayText: stray && stray.textContent,
                chars: stray && stray.querySelector('code')
                  && stray.querySelector('code').textContent,
                inScroller: Boolean(stray && stray.closest('.rnnnotes-scrolls')),
                mathBottom: math.bottom, mathTop: math.top, mathRight: math.right,
                s: s && {left: s.left, right: s.right, top: s.top, bottom: s.bottom},
                q: {left: q.left, right: q.right}, vw: document.documentElement.clientWidth,
                note: target && target.textContent};
      });
    }""")
    assert len(found) == 2, "the quote has two formulas"
    for f in found:
        assert "$" not in f["mathText"], f  # the dollars are not set as math
        assert f["chars"] == "$$" and "stray" in f["strayText"], f  # literal, and marked
        assert "$$" in f["note"] and "stray" in f["note"], f  # the link leads to the note
        assert not f["inScroller"], f
        s = f["s"]
        # whole on the screen and inside the quote
        assert 0 <= s["left"] and s["right"] <= f["vw"], f
        assert f["q"]["left"] <= s["left"] and s["right"] <= f["q"]["right"] + 0.5, f
        # kept with its formula: on its line, or the line right under it
        assert f["mathTop"] - 4 <= s["top"] and s["top"] <= f["mathBottom"] + 4, f
        if width >= 1280:  # room beside the formula: on its line, after it
            assert s["left"] >= f["mathRight"] - 0.5 and s["top"] < f["mathBottom"], f


# --- 13: one size of code -----------------------------------------------------------------

def test_code_blocks_have_one_size_on_notebook_and_answer_pages(view):
    visit, _ = view
    sizes = {}
    for path in CODE_PAGES:
        page = visit(path)
        page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
        sizes[path] = page.evaluate("""() => [...document.querySelectorAll(
            '.md-content pre > code, .md-content .jp-Cell pre')]
          .filter((el) => el.offsetParent !== null && el.textContent.trim())
          .map((el) => { const cs = getComputedStyle(el);
            return [cs.fontSize, cs.lineHeight]; })""")
        assert sizes[path], f"{path}: no code block"
    seen = {tuple(s) for found in sizes.values() for s in found}
    assert len(seen) == 1, {p: sorted({tuple(s) for s in found}) for p, found in sizes.items()}
    size, line = (float(v.removesuffix("px")) for v in seen.pop())
    body = visit(QUOTE_PAGE).evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
    # readable on a phone: Material's code in running text, 0.85 of the body, no smaller
    assert size >= 0.85 * body - 0.05 and line >= 1.35 * size, (size, line, body)
