"""Tables at a desk (design review, finding 11): every table of the site in one style
(header row, borders, padding, text size, figures), the grades' tables as the others, in
both palettes; and the summary's question column wide enough to read. Measured by the
browser audit's visit of each page (probe_type.js)."""

from __future__ import annotations

import pytest
from browser_audit import DESK_VIEWS, VIEWS

# Pages with the site's kinds of table: the answers table and the grading scale (home,
# summary), Markdown tables (Conventions, an answer page), mkdocstrings' (the API).
PAGES = ("", "summary/", "conventions/", "task-1-1/q1-unrolled-weights/", "api/counting/")
QUESTION_SHARE = 0.3  # the summary's question column: at least this share of the table
QUESTION_LINES = 6  # and no question longer than this many lines
REASON_SHARE = 0.4  # the summary's reason: at least this share of the table, the widest

at_a_desk = pytest.mark.parametrize("view", DESK_VIEWS)


@at_a_desk
def test_every_table_has_one_style(visits, view):
    styles = []
    for path in PAGES:
        found = visits[path, view].probe["tables"]
        assert found, f"no table on {path or 'home'}"
        styles += [(path or "home", t) for t in found if t["th"] and t["td"]]
    kinds = {t["where"] for _, t in styles}
    assert {"answers-table", "grading-scale", "table"} <= kinds, kinds
    first_path, first = styles[0]
    for path, style in styles[1:]:
        for part in ("table", "th", "td"):
            assert style[part] == first[part], (part, path, style["where"], style[part],
                                                first_path, first["where"], first[part])


@at_a_desk
def test_the_summarys_questions_have_room(visits, view):
    found = visits["summary/", view].probe["answersTable"]
    assert found["lines"], "no question in the summary"
    assert found["column"] >= QUESTION_SHARE * found["table"], found
    assert [q for q, n in found["lines"] if n > QUESTION_LINES] == []


@at_a_desk
def test_the_summarys_reasons_have_the_most_room(visits, view):
    """The reason (the last cell) is the widest, at least REASON_SHARE of the table: the
    grade sits under the answer's label, not in a column of its own."""
    found = visits["summary/", view].probe["answersTable"]
    widths, table = found["widths"], found["table"]
    assert len(widths) == 4 and max(widths) == widths[-1], widths
    assert widths[-1] >= REASON_SHARE * table, (widths, table)


@at_a_desk
def test_a_column_of_numbers_lines_up_by_its_units(visits, view):
    """Design review: "3,840 / 84,736 / 185,856" were set left, their units out of line."""
    columns = []
    for path in ("task-1-1/q1-unrolled-weights/", "task-1-1/q2-parameters-over-time/",
                 "task-1-2/q1-vanishing-exploding/", "conventions/"):
        columns += [(path, c) for c in visits[path, view].probe["numberColumns"]]
    assert any(len({len(t) for t in c["texts"]}) > 1 for _, c in columns), columns
    ragged = [(p, c) for p, c in columns if c["spread"] > 1.5]
    assert ragged == []


@pytest.mark.parametrize("view", list(VIEWS))
def test_a_phones_answer_cards_keep_their_columns_names(visits, view):
    """Design review F: on a phone the home table and the summary are cards, their header
    hidden, and the question lost its "(reconstructed)", the reason its "Why": a reader
    could take our reconstruction for the exam's wording. There each question and reason
    shows its column's name above it; at a desk, where the header shows, it does not."""
    cells = [(path, c) for path in ("", "summary/") for c in visits[path, view].probe["cardLabels"]]
    assert {c["label"] for _, c in cells} == {"Question (reconstructed)", "Why"}, cells
    phone = VIEWS[view][0] < 600
    wrong = [(path or "home", c) for path, c in cells
             if (c["shown"] == c["label"]) != phone or (not phone and c["shown"] != "none")]
    assert not wrong, wrong


@at_a_desk
def test_every_column_of_numbers_is_set_right(visits, view):
    """Design review: in 2.1 Q2 one table's numbers were set right, the next one's left; in
    2.1 Q3 "mean forget gate" left beside a column set right. Every column of every table
    whose body cells are more than half numbers (as the browser reads them: "0.041",
    "2.2×10−11", "12,800"; empty cells aside) is set right, its header too; the others
    are not."""
    checked, wrong = 0, []
    for (path, seen), visit in visits.items():
        if seen != view or not visit.probe or "columnAligns" not in visit.probe:
            continue
        for column in visit.probe["columnAligns"]:
            cells = column["cells"]
            numbers = sum(1 for _, one, _ in cells if one)
            right = cells and 2 * numbers > len(cells)
            aligns = {a for *_, a in cells} | ({column["headAlign"]} if column["header"] else set())
            checked += right
            if right and aligns - {"right", "end"} or not right and aligns & {"right", "end"}:
                wrong.append((path or "home", column["header"], cells))
    assert checked >= 10, checked  # the answer pages' columns of numbers, at least
    assert wrong == []


@pytest.mark.parametrize("view", list(VIEWS))
def test_after_tabs_one_paragraphs_gap(visits, view):
    """Design review: after each PyTorch/Keras tab set the next paragraph stood two
    paragraph gaps below the open tab's text (its last paragraph's margin and the set's
    own). Now one, as between two paragraphs of the same page."""
    gaps = [(path or "home", g) for (path, seen), visit in visits.items() if seen == view
            for g in (visit.probe or {}).get("tabGaps", [])]
    assert len(gaps) >= 3, gaps  # 2.1 Q1, 1.2 Q2, 2.1 Q4 at least
    wrong = [(path, g) for path, g in gaps
             if g["paraGap"] is None or abs(g["gap"] - g["paraGap"]) > 1]
    assert wrong == []
