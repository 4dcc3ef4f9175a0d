"""Tables at a desk (design review, finding 11): every table of the site in one style
(header row, borders, padding, text size, figures), the grades' tables as the others, in
both palettes; and the summary's question column wide enough to read."""

from __future__ import annotations

# Pages with the site's kinds of table: the answers table and the grading scale (home,
# summary), Markdown tables (Conventions, an answer page), mkdocstrings' (the API).
PAGES = ("", "summary/", "conventions/", "task-1-1/q1-unrolled-weights/", "api/counting/")
QUESTION_SHARE = 0.3  # the summary's question column: at least this share of the table
QUESTION_LINES = 6  # and no question longer than this many lines
REASON_SHARE = 0.4  # the summary's reason: at least this share of the table, the widest

STYLE = """() => [...document.querySelectorAll("article table")].map((t) => {
  const th = t.querySelector("th"), td = t.querySelector("tbody td");
  const pick = (el, keys) => {
    const s = getComputedStyle(el);
    return Object.fromEntries(keys.map((k) => [k, s[k]]));
  };
  const cell = ["fontSize", "paddingTop", "paddingRight", "paddingBottom", "paddingLeft",
                "verticalAlign", "fontVariantNumeric"];
  return {
    where: (t.closest(".answers-table, .grading-scale")?.className || "table"),
    table: pick(t, ["fontSize", "borderTopStyle", "borderTopWidth", "borderTopColor"]),
    th: th && pick(th, [...cell, "fontWeight", "backgroundColor", "borderBottomStyle",
                        "borderBottomWidth", "borderBottomColor"]),
    td: td && pick(td, [...cell, "borderTopStyle", "borderTopWidth", "borderTopColor"]),
  };
})"""


def test_every_table_has_one_style(desk, server):
    styles = []
    for path in PAGES:
        desk.goto(server.url + path)
        found = desk.evaluate(STYLE)
        assert found, f"no table on {path or 'home'}"
        styles += [(path or "home", t) for t in found if t["th"] and t["td"]]
    kinds = {t["where"] for _, t in styles}
    assert {"answers-table", "grading-scale", "table"} <= kinds, kinds
    first_path, first = styles[0]
    for path, style in styles[1:]:
        for part in ("table", "th", "td"):
            assert style[part] == first[part], (part, path, style["where"], style[part],
                                                first_path, first["where"], first[part])


LAYOUT = """() => {
  const table = document.querySelector(".answers-table table");
  const links = [...table.querySelectorAll("tbody td > a:only-child")];
  return {
    table: table.getBoundingClientRect().width,
    column: links[0].closest("td").getBoundingClientRect().width,
    lines: links.map((a) => {
      const rects = [...a.getClientRects()];
      return [a.textContent.trim(), new Set(rects.map((r) => Math.round(r.top))).size];
    }),
  };
}"""


def test_the_summarys_questions_have_room(desk, server):
    desk.goto(server.url + "summary/")
    desk.evaluate("document.fonts.ready.then(() => true)")
    found = desk.evaluate(LAYOUT)
    assert found["lines"], "no question in the summary"
    assert found["column"] >= QUESTION_SHARE * found["table"], found
    assert [q for q, n in found["lines"] if n > QUESTION_LINES] == []


def test_the_summarys_reasons_have_the_most_room(desk, server):
    """The reason (the last cell) is the widest, at least REASON_SHARE of the table: the
    grade sits under the answer's label, not in a column of its own."""
    desk.goto(server.url + "summary/")
    desk.evaluate("document.fonts.ready.then(() => true)")
    widths, table = desk.evaluate("""() => [[...document.querySelector(
        ".answers-table tbody tr").children].map((td) => td.getBoundingClientRect().width),
        document.querySelector(".answers-table table").getBoundingClientRect().width]""")
    assert len(widths) == 4 and max(widths) == widths[-1], widths
    assert widths[-1] >= REASON_SHARE * table, (widths, table)
