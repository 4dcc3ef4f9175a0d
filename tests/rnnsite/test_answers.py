"""rnnsite.answers: an answer page's facts are written once (front matter) and rendered on
the page, in the home table, the summary and the grading scale."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown import Markdown

from livedocs.render import render_page
from rnnsite.answer_pages import DOCS, AnswerPage, AnswerPageError, answer_pages
from rnnsite.answers import AnswersExtension
from rnnsite.grades import Grade

MAX_MARKS = max(Grade)

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seed_answers.txt"

META = {"task": "2.1", "question": 2, "heading": "a forget gate that is always zero",
        "asked": "What happens if the forget gate is always zero?",
        "confidence": "medium", "basis": "The answer describes a shut forget gate.",
        "grade": 2, "reason": "The cell forgets, but it is not empty."}


def seed_text(label: str) -> str:
    """The student's answer ``label`` as written in the seed (raw Markdown lines)."""
    text = SEED.read_text(encoding="utf-8")
    m = re.search(rf"^#{{3,4}} {re.escape(label)} .*?\n(.*?)(?=^#|\Z)", text, re.S | re.M)
    assert m, label
    return m.group(1).strip()


def page(meta: dict, body: str | None = None) -> str:
    lines = ["---", *(f"{k}: {v!r}" if isinstance(v, str) else f"{k}: {v}"
                      for k, v in meta.items()), "---", ""]
    label = f"{meta.get('task', '2.1')}.{meta.get('question', 2)}"
    if body is None:
        body = (f'<blockquote class="student" data-answer="{label}" markdown>\n'
                f"{seed_text(label)}\n</blockquote>\n\n"
                '!!! answer "A full-marks answer"\n    The cell is refilled at every step.\n')
    return "\n".join(lines) + body


def render(content: str):
    return render_page(content, "docs/task-2-1/q2-forget-gate-zero.md")


# --- the scale ---------------------------------------------------------------------------

def test_scale_is_marks_out_of_four_each_with_its_own_words():
    assert [int(g) for g in sorted(Grade)] == list(range(MAX_MARKS + 1))
    assert len({g.label for g in Grade}) == len({g.definition for g in Grade}) == len(Grade)
    half = Grade.HALF_RIGHT
    assert half.badge == f"{int(half)} of {MAX_MARKS} marks: {half.label}"


@pytest.mark.parametrize("bad", [5, -1, "2", 2.0, True, None])
def test_grade_out_of_scale_is_a_clear_error(bad):
    with pytest.raises(ValueError, match=r"where: expected an integer from 0 to 4.*got"):
        Grade.parse(bad, "where")


# --- front matter ------------------------------------------------------------------------

@pytest.mark.parametrize(("change", "message"), [
    ({"grade": 7}, r"grade: expected an integer from 0 to 4 .*got 7"),
    ({"question": "two"}, r"question must be a positive integer, got 'two'"),
    ({"question": 0}, r"question must be a positive integer, got 0"),
    ({"reason": "42<!--= x -->"}, r"reason must be words, got an HTML comment"),
    ({"asked": ""}, r"asked must be a non-empty string, got ''"),
    ({"task": 2.1}, r"task must be a quoted label such as \"2.1\", got 2.1"),
])
def test_bad_front_matter_names_page_key_expected_and_got(change, message):
    with pytest.raises(AnswerPageError, match=r"^x\.md: " + message):
        AnswerPage.from_meta("x.md", META | change)


def test_missing_keys_are_listed():
    meta = {k: v for k, v in META.items() if k not in ("basis", "grade")}
    with pytest.raises(AnswerPageError, match=r"^x\.md: front matter lacks basis, grade "):
        AnswerPage.from_meta("x.md", meta)


# --- an answer page ------------------------------------------------------------------------

def test_page_gets_heading_question_box_and_answer_box_after_the_quote():
    html = render(page(META | {"reading": "We read it as the gate's value."})).html
    # (the last word and the permalink share a no-wrap span: rnnsite.typeset)
    h1 = re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink\"", html)[1])
    # each name kept with its number by a no-break space
    assert h1 == f"Task\u00a0{META['task']}, Question\u00a0{META['question']}: {META['heading']}"
    # the question box's title says the question is ours, as the tables' header does
    title = re.search(r'<div class="admonition question">\s*<p class="admonition-title">(.*?)</p>',
                      html)
    assert title and title[1] == "The question (reconstructed)", html[:600]
    assert html.index("The question") < html.index('class="student"')
    assert META["asked"] in html and META["basis"] in html
    # the question first, then, folded, how it was reconstructed: the confidence in sight
    assert html.index(META["asked"]) < html.index('<details class="rn-fold question__note">') \
        < html.index(f"confidence: {META['confidence']}</summary>") \
        < html.index(META["basis"]) < html.index('class="student"')
    after_quote = html[html.index("</blockquote>"):]
    # the box: no grade class of its own (full marks' colour, whatever the grade)
    box = re.match(r"</blockquote>\s*<div class=\"admonition answer answer-box\">", after_quote)
    assert box
    grade = Grade(META["grade"])
    # the grade stated once, above: one link to the box's title, saying where it leads
    assert html.replace("\u00a0", " ").count(grade.badge) == 1  # (no-break spaces: rnnsite.typeset)
    chip = re.search(r'<p class="grade-chip">(.*?)</p>', html, re.S).group(1).replace("\u00a0", " ")
    assert chip.count("<a ") == 1 and 'href="#full-marks-answer"' in chip
    assert grade.badge in chip and "full-marks answer" in chip
    # the box: its title the heading the chip leads to, no grade in it, the full-marks
    # answer and nothing else; right after the box, apart from it, the reason (named by
    # the grade's label, edged in its colour), then the reading, folded
    title = re.match(r'\s*<h2 class="admonition-title" id="full-marks-answer">(.*?)<a ',
                     after_quote[box.end():])
    assert re.sub(r"<[^>]+>", "", title[1]) == "A full-marks answer"
    box_html = after_quote[:after_quote.index("</div>")]
    assert 'class="grade' not in box_html and META["reason"] not in box_html
    assert "refilled at every step" in box_html
    why = re.match(rf'</div>\s*<div class="grade-why grade-{int(grade)}">\s*'
                   r'<p class="grade-why__reason"><strong>Why (.*?)\. </strong>',
                   after_quote[len(box_html):])
    assert why and re.sub(r"<[^>]+>", "", why[1]) == grade.label, after_quote[len(box_html):][:300]
    assert after_quote.index(META["reason"]) < after_quote.index("<details") \
        < after_quote.index("We read it as the gate")
    # named for what it holds, which the grade rests on (not a look-alike of the question
    # box's "How it was reconstructed")
    assert "<summary>Our reading of the question, on which the grade rests</summary>" \
        in after_quote


def test_number_in_reason_is_audited_like_the_page():
    report = render(page(META | {"reason": "Right in 37 ways."})).report
    assert not report.ok
    assert any("37" in c.message for c in report.failures), report.failures


@pytest.mark.parametrize(("body", "message"), [
    ("# Own heading\n\n" + "{quote}", "has no H1 of its own"),
    ("{quote_only}", "followed right away by the one `!!! answer"),
    ("{quote_only}\nText between.\n\n!!! answer \"A\"\n    x\n", "not right after the quote"),
])
def test_page_layout_errors(body, message):
    full = page(META)
    quote = full[full.index("<blockquote"):]
    quote_only = quote[: quote.index("</blockquote>") + len("</blockquote>\n")]
    content = page(META, "\n" + body.format(quote=quote, quote_only=quote_only))
    with pytest.raises(AnswerPageError, match=re.escape(message)):
        render(content)


def test_quote_must_be_the_answer_the_front_matter_names():
    content = page(META).replace('data-answer="2.1.2"', 'data-answer="2.1.3"')
    with pytest.raises(AnswerPageError, match=r"the student quote is answer '2.1.3'.*'2.1.2'"):
        render(content)


# --- generated tables ----------------------------------------------------------------------

def make_docs(tmp_path: Path, metas: list[dict]) -> Path:
    for meta in metas:
        task = meta["task"].replace(".", "-")
        path = tmp_path / f"task-{task}" / f"q{meta['question']}-x.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page(meta, "body\n"), encoding="utf-8")
    return tmp_path


def rows(html: str) -> list[list[str]]:
    body = html[html.index("<tbody>"):html.index("</tbody>")]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def test_tables_list_every_answer_page_in_exercise_order(tmp_path):
    metas = [META | {"task": "2.1", "question": 3, "grade": 4, "asked": "Third?"},
             META | {"task": "1.10", "question": 1, "grade": 0, "asked": "Tenth?"},
             META | {"task": "1.2", "question": 1, "grade": 3, "asked": "First?"}]
    docs = make_docs(tmp_path, metas)
    md = Markdown(extensions=[AnswersExtension(docs=str(docs))])
    html = md.convert("::answers-summary::")
    got = [[re.sub("[\U0010fff0\U0010fff1]", "", cell) for cell in row] for row in rows(html)]
    order = sorted(metas, key=lambda m: ([int(n) for n in m["task"].split(".")], m["question"]))
    assert [r[1] for r in got] == [
        f'<a href="task-{m["task"].replace(".", "-")}/q{m["question"]}-x.md">{m["asked"]}</a>'
        for m in order]
    assert [re.sub("<[^>]+>|[\U0010fff0\U0010fff1]", "", r[2]) for r in got] == \
        [Grade(m["grade"]).badge for m in order]
    assert [r[3] for r in got] == [m["reason"] for m in order]
    assert len(rows(md.reset().convert("::answers-table::"))[0]) == 3  # no "Why" column


def test_two_pages_for_one_answer_is_an_error(tmp_path):
    docs = make_docs(tmp_path, [META])
    (docs / "task-2-1" / "q2-copy.md").write_text(page(META, "body\n"), encoding="utf-8")
    with pytest.raises(AnswerPageError, match=r"Task 2.1, Question 2 is also"):
        answer_pages(docs)


def test_scale_lists_every_grade_with_its_definition():
    html = Markdown(extensions=[AnswersExtension()]).convert("::grading-scale::")
    got = rows(html)
    assert [re.sub("<[^>]+>|[\U0010fff0\U0010fff1]", "", r[0]) for r in got] == \
        [g.badge for g in sorted(Grade, reverse=True)]
    assert [r[1].lower() for r in got] == [f"{g.definition}." for g in sorted(Grade, reverse=True)]


def test_the_summary_opens_with_every_grade_and_the_marks_in_all(tmp_path):
    """Design review: on a phone the summary's table runs to five screens. It opens with
    every answer's grade, each a link to its row, and the marks of all the answers."""
    metas = [META | {"task": "2.1", "question": 3, "grade": 4},
             META | {"task": "1.2", "question": 1, "grade": 1},
             META | {"task": "1.2", "question": 2, "grade": 2}]
    docs = make_docs(tmp_path, metas)
    md = Markdown(extensions=[AnswersExtension(docs=str(docs))])
    html = re.sub("[\U0010fff0\U0010fff1]", "", md.convert("::answers-summary::"))
    glance = html[html.index('<nav'):html.index("</nav>")]
    links = re.findall(r'<a aria-label="([^"]+)" class="grade grade--(\d)" href="#([^"]+)">',
                       glance)
    order = sorted(metas, key=lambda m: ([int(n) for n in m["task"].split(".")], m["question"]))
    assert [(int(g), label.split(":")[0]) for label, g, _ in links] == \
        [(m["grade"], f'{m["task"]} Q{m["question"]}') for m in order]
    for _, _, target in links:  # each leads to its answer's row
        assert re.search(rf'<td class="answers-table__label" id="{target}">', html), target
    marks = [m["grade"] for m in metas]
    assert f"All {len(metas)} answers: {sum(marks)} of {4 * len(metas)} marks." in glance
    assert 'data-search-exclude' in html[:html.index("<ol>")]
    assert "<nav" not in md.reset().convert("::answers-table::")  # the home's table: no glance


def test_the_home_pages_glance_links_every_grade_to_its_page(tmp_path):
    """Design review D: no grade in the home page's first screen on a phone. The glance
    there is the summary's grid, each grade a link to its answer's page, from the page
    that holds it (the pages' own files, as MkDocs resolves relative links)."""
    metas = [META | {"task": "2.1", "question": 3, "grade": 4},
             META | {"task": "1.2", "question": 1, "grade": 1}]
    docs = make_docs(tmp_path, metas)
    md = Markdown(extensions=[AnswersExtension(docs=str(docs))])
    html = re.sub("[\U0010fff0\U0010fff1]", "", md.convert("::answers-glance::"))
    assert html.startswith('<nav aria-label="Every answer\'s grade" class="answers-glance '
                           'answers-glance--pages"'), html[:120]
    links = re.findall(r'<a aria-label="([^"]+)" class="grade grade--(\d)" href="([^"]+)">',
                       html)
    assert [(label.split(":")[0], int(g)) for label, g, _ in links] == \
        [("1.2 Q1", 1), ("2.1 Q3", 4)]
    for _, _, href in links:  # from index.md at the docs' root, each to its page's file
        assert (docs / href).is_file() and href.startswith("task-"), href
    assert "All 2 answers: 5 of 8 marks." in html
    assert "<table" not in html  # the grid alone: the table is ::answers-table::


def test_every_answer_page_has_the_same_outline():
    """Design review: Task 2.1's pages had no "Derivation" heading, their topics were H2s
    beside "The student's answer"; every answer page's own H2s are now the same three, in
    the same order (the topics are H3s under "Derivation")."""
    outlines = {}
    for p in answer_pages():
        text = re.sub(r"```.*?```", "", (DOCS / p.src).read_text(encoding="utf-8"), flags=re.S)
        outlines[p.src] = re.findall(r"^## +(.+?)\s*$", text, re.M)
    assert len(outlines) == 9, sorted(outlines)
    assert {src: o for src, o in outlines.items()
            if o != ["The student's answer", "Derivation", "Takeaway"]} == {}


def test_every_full_marks_answer_opens_with_its_answer_in_bold():
    """Design review: the full-marks answer opened in bold on four pages and in plain text
    on five. Each opens with one paragraph in bold: the answer in a sentence."""
    leads = {}
    for p in answer_pages():
        text = (DOCS / p.src).read_text(encoding="utf-8")
        box = text[text.index("!!! answer"):].split("\n", 1)[1]
        leads[p.src] = box.split("\n\n", 1)[0].strip()
    assert len(leads) == 9
    assert {src: lead[:40] for src, lead in leads.items()
            if not (lead.startswith("**") and lead.endswith("**") and lead.count("**") == 2)} \
        == {}
