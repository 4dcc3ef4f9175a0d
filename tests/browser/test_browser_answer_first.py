"""The second design review (branch d18b), measured on every page at 390 and 1280 px,
light and dark, from what probe.js recorded in each view (the visits are made once,
conftest.py): the full-marks answer first, the question before its note, one icon per
grade, tables inside the column and display math never below the body's size. And the
third (d18c): the grade stated once, the full-marks answer's title in a phone's first
screen, an expression broken for a narrow column on one line where it fits.
"""

from __future__ import annotations

import pytest
from browser_audit import PAGES, VIEWS

from rnnsite.answer_pages import answer_pages

CASES = [pytest.param(path, view, id=f"{path.strip('/') or 'home'}-{view}")
         for path in PAGES for view in VIEWS]
ANSWER_PAGES = [p for p in PAGES if p.startswith("task-") and "/q" in p]
ANSWER_CASES = [c for c in CASES if c.values[0] in ANSWER_PAGES]
PHONE_CASES = [c for c in CASES if c.values[1].startswith("phone")]
# Below the student's quote, the box's margin, border and padding take about 30 px: the
# full-marks answer's title starts within this of the quote's end. Before review 2, the
# reason and the reading stood between them (300-700 px).
AFTER_QUOTE = 160
# Each answer page's grade, from its front matter (the page states it from the same).
GRADES = {page.src.removesuffix(".md") + "/": page.grade for page in answer_pages()}


@pytest.mark.parametrize(("path", "view"), ANSWER_CASES)
def test_the_full_marks_answer_comes_right_after_the_grade(visits, path, view):
    """F1: in the answer box the full-marks answer comes before the grade's reason, right
    below the student's quote (only the box's grade line between), a link beside the grade
    chip leads to it, and our reading of the question is folded (a closed <details>)."""
    probe = visits[path, view].probe["fullMarks"]
    assert probe is not None, "no full-marks answer in the answer box"
    assert probe["beforeWhy"], probe
    assert probe["top"] - probe["quoteBottom"] <= AFTER_QUOTE, probe
    jump = probe["jump"]
    assert jump is not None and jump["leads"], probe
    assert jump["bottom"] <= probe["screen"], probe  # in the first screen: the chip
    if probe["reading"] is not None:
        assert not probe["reading"]["open"] and probe["reading"]["summary"], probe


@pytest.mark.parametrize(("path", "view"), ANSWER_CASES)
def test_the_grade_is_stated_once_by_one_link_to_the_full_marks_answer(visits, path, view):
    """Review 3, 1: before the full-marks answer's title the page states the grade once
    (the chip under the H1), the answer box holds no grade badge, its title is "A
    full-marks answer", and the chip is one link whose words say both the grade and where
    it leads (a screen reader reads both)."""
    probe = visits[path, view].probe["fullMarks"]
    badge = GRADES[path].badge
    # (a no-break space joins a number to the word it counts: the same words)
    said = probe["gradeText"].replace("\u00a0", " ")
    assert said.count(badge) == 1, (badge, said[:400])
    assert probe["badgesInBox"] == 0, probe
    jump = probe["jump"]
    assert jump["links"] == 1, jump
    assert badge in jump["text"].replace("\u00a0", " "), jump
    where = probe["title"].lower().removeprefix("a ")
    assert where == "full-marks answer" and where in jump["text"].lower(), (probe["title"], jump)


@pytest.mark.parametrize(("path", "view"), [c for c in ANSWER_CASES if c in PHONE_CASES])
def test_the_full_marks_answer_is_in_a_phones_first_screen(visits, path, view):
    """Review 3, 2: on a phone (390 x 844) the full-marks answer's title is within the
    first screen, whole, with the question and the student's quote shown above it."""
    probe = visits[path, view].probe["fullMarks"]
    assert probe["questionShown"] and probe["quoteShown"], probe
    assert probe["bottom"] <= probe["screen"], {k: probe[k] for k in ("top", "bottom", "screen")}


@pytest.mark.parametrize(("path", "view"), CASES)
def test_an_expression_broken_for_a_narrow_column_is_one_line_where_it_fits(visits, path, view):
    """Review 3, 3: an expression the page breaks over lines for a phone's column (an
    aligned table with empty first cells) is one line wherever that line fits, and keeps
    its lines where it does not."""
    broken = visits[path, view].probe["brokenMath"]
    wrong = [m for m in broken if (m["lines"] > 1) == (m["oneLine"] <= m["room"])]
    assert wrong == [], wrong


@pytest.mark.parametrize(("path", "view"), ANSWER_CASES)
def test_the_question_comes_before_its_note(visits, path, view):
    """F2: the question box shows the question first, upright at the body's size, then
    the note on its reconstruction in one muted line, readable (14 px or more)."""
    q = visits[path, view].probe["question"]
    assert q is not None, "no question in the question box"
    assert q["first"] and q["noteAfter"], q
    assert q["style"] == "normal" and not q["em"], q
    assert abs(q["size"] - q["bodySize"]) < 0.5, q
    assert q["noteSize"] is not None and 14 <= q["noteSize"] < q["size"], q


@pytest.mark.parametrize(("path", "view"), ANSWER_CASES)
def test_each_grade_has_its_own_icon(visits, path, view):
    """F3: the five grades show five different icons, the grade chip under the H1 its
    grade's; the answer box (no badge of its own) takes full marks' colour, whatever the
    grade (it holds the right answer)."""
    icons = visits[path, view].probe["gradeIcons"]
    assert icons is not None
    assert all(i and i != "none" for i in icons["all"]), icons
    assert len(set(icons["all"])) == 5, icons
    assert icons["chip"] in icons["all"], icons
    assert icons["boxColour"] == icons["fullMarksColour"], icons


@pytest.mark.parametrize(("path", "view"), CASES)
def test_no_table_is_wider_than_the_column(visits, path, view):
    """F4: no table of a page's text (the calculator's scrolling tables and notebooks
    aside) is wider than the text column: the grading scale becomes cards on a phone,
    other tables take narrower padding."""
    wide = visits[path, view].probe["wideTables"]
    assert wide == [], wide


@pytest.mark.parametrize(("path", "view"), CASES)
def test_display_math_is_never_smaller_than_the_body(visits, path, view):
    """F5: an equation too wide for the column is set smaller only down to the body's
    size (16 px); one wider still scrolls (with its mark, test_browser_design.py)."""
    small = [m for m in visits[path, view].probe["displayMath"] if m["size"] < 16 - 0.05]
    assert small == [], small
