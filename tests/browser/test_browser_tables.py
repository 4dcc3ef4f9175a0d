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


# Each column of a table whose body cells each read as one number (a reveal's own text
# aside): the right edges of its numbers, in viewport px.
NUMBER_COLUMNS = r"""() => {
  const number = /^[−-]?\d{1,3}(,\d{3})*(\.\d+)?$|^[−-]?\d+(\.\d+)?$/;
  const shown = (cell) => {  // the text nodes a reader sees as the cell's number
    const nodes = [], walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (!n.parentElement.closest(".ld-tip") && n.data.trim()) nodes.push(n);
    }
    return nodes;
  };
  const found = [];
  for (const table of document.querySelectorAll("article table:not([class])")) {
    const rows = [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.children]);
    const width = Math.max(0, ...rows.map((r) => r.length));
    for (let c = 0; c < width; c++) {
      const cells = rows.map((r) => r[c]).filter(Boolean);
      const texts = cells.map((cell) => shown(cell).map((n) => n.data).join("").trim());
      if (!cells.length || !texts.every((t) => number.test(t))) continue;
      const rights = cells.map((cell) => Math.max(...shown(cell).map((n) => {
        const range = document.createRange();
        range.selectNodeContents(n);
        return range.getBoundingClientRect().right;
      })));
      found.push({ texts, spread: Math.max(...rights) - Math.min(...rights) });
    }
  }
  return found;
}"""


def test_a_column_of_numbers_lines_up_by_its_units(desk, server):
    """Design review: "3,840 / 84,736 / 185,856" were set left, their units out of line."""
    columns = []
    for path in ("task-1-1/q1-unrolled-weights/", "task-1-1/q2-parameters-over-time/",
                 "task-1-2/q1-vanishing-exploding/", "conventions/"):
        desk.goto(server.url + path)
        desk.evaluate("document.fonts.ready.then(() => true)")
        columns += [(path, c) for c in desk.evaluate(NUMBER_COLUMNS)]
    assert any(len({len(t) for t in c["texts"]}) > 1 for _, c in columns), columns
    ragged = [(p, c) for p, c in columns if c["spread"] > 1.5]
    assert ragged == []
