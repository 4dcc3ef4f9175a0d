"""Python-Markdown extension: an answer page's facts, kept once in its front matter.

An answer page (``docs/task-*/q*.md``) states its task, question, the reconstructed
question, the grade and the reason for it in front matter (see :class:`AnswerPage`). This
extension renders them, so each fact is written once:

- on the answer page: the H1 (``Task 2.1, Question 2: …``), the grade chip with a link to
  the full-marks answer, the question box (the question, then how it was reconstructed),
  and the **answer box**: the grade, the page's own ``!!! answer "A full-marks answer"``
  admonition (which must follow the student's quote), the grade's reason, and our reading
  of the question folded in a ``<details>``;
- anywhere: a paragraph ``::answers-table::`` becomes the table of all answers (home page),
  ``::answers-summary::`` the same with each reason (summary page), ``::answers-glance::``
  every grade in a grid of links to the pages (home page), ``::grading-scale::`` the scale
  of :mod:`rnnsite.grades`.

The facts are read by :mod:`rnnsite.answer_pages`.

It is a treeprocessor that runs before the inline patterns, so the words it inserts are
rendered (math, emphasis, citations) and then read by the live-number audit like the rest
of the page: a number in ``heading``, ``asked``, ``basis`` or ``reason`` must be a given of
the page. Labels copied from front matter (task, question, grade), and on the tables the other
pages' questions and reasons (each audited on its own page), are marked as generated text,
which the audit skips; ``tests/site/test_pages.py`` holds the labels to the seed.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from livedocs import exempt, page_info

from .answer_pages import DOCS, AnswerPage, AnswerPageError, answer_pages, is_answer_page
from .grades import Grade

__all__ = ["AnswersExtension", "READS_ANSWER_PAGES", "makeExtension"]

PLACEHOLDERS = ("::answers-table::", "::answers-summary::", "::answers-glance::",
                "::grading-scale::")
# What a page reads besides its own source: these read every answer page's front matter
# (rnnsite.answer_pages.front_matters), which the build cache then keys the page by.
READS_ANSWER_PAGES = PLACEHOLDERS[:3]


# --- rendering -------------------------------------------------------------------------

def _generated(text: str) -> str:
    """Text copied from front matter labels: the live-number audit skips it."""
    return exempt(text)


def _el(tag: str, text: str | None = None, cls: str | None = None, **attrs: str) -> etree.Element:
    el = etree.Element(tag, {"class": cls} if cls else {})
    for k, v in attrs.items():
        el.set(k.rstrip("_"), v)
    el.text = text
    return el


def grade_badge(grade: Grade) -> etree.Element:
    return _el("span", _generated(grade.badge), f"grade grade--{int(grade)}")


def _heading(page: AnswerPage) -> etree.Element:
    # "Task 1.1, Question 1": each name kept with its number (a balanced title broke
    # "Question" from its "1")
    label = page.label.replace("Task ", "Task\u00a0").replace("Question ", "Question\u00a0")
    return _el("h1", f"{_generated(label)}: {page.heading}")


# The answer box's title, "A full-marks answer", is a heading with this id: the grade chip
# under the H1 leads to it, and the table of contents lists it.
FULL_MARKS_ID = "full-marks-answer"
FULL_MARKS_LINK = "full-marks answer"
# The question box's title says the question is ours (the question sheet is lost), as the
# tables' header does ("Question (reconstructed)"), not only its folded line.
QUESTION_TITLE = "The question (reconstructed)"
NOTE_SUMMARY = "How it was reconstructed"
# The verdict box's fold holds what the grade rests on (our reading of the question, and on
# some pages what the answer would earn under another): named so, not as a look-alike of
# the question box's fold (design review). One name for every page: not all its texts say
# another reading would score more (1.2 Q2: both readings are correct).
READING_SUMMARY = "Our reading of the question, on which the grade rests"


def _grade_chip(page: AnswerPage) -> etree.Element:
    """The grade, stated once, right under the H1 (its label, colour and icon), as one link
    that says where it leads: to the full-marks answer (on a phone it is further down).
    Its text reads "2 of 4 marks: half right, full-marks answer"; print drops the second
    part (paper cannot jump)."""
    chip = _el("p", None, "grade-chip")
    link = _el("a", None, f"grade grade--{int(page.grade)}", href=f"#{FULL_MARKS_ID}")
    link.append(_el("span", _generated(page.grade.badge), "grade-chip__grade"))
    jump = _el("span", None, "grade-chip__jump")
    # the comma is for a screen reader (the eye sees a rule between the two parts)
    jump.append(_el("span", ", ", "grade-chip__sep"))
    jump[-1].tail = FULL_MARKS_LINK
    link.append(jump)
    chip.append(link)
    return chip


def _question_box(page: AnswerPage) -> etree.Element:
    """The question first, at the body's size; then, folded, how it was reconstructed:
    its summary keeps the confidence in sight, the reasons open on demand."""
    box = _el("div", cls="admonition question")
    box.append(_el("p", QUESTION_TITLE, "admonition-title"))
    box.append(_el("p", page.asked, "question__asked"))
    note = _el("details", None, "rn-fold question__note")
    note.append(_el("summary", f"{NOTE_SUMMARY} · confidence: {page.confidence}"))
    note.append(_el("p", f"Reconstructed from the answer. {page.basis}"))
    box.append(note)
    return box


def _answer_box(page: AnswerPage, answer: etree.Element) -> None:
    """Turn the page's ``!!! answer`` admonition into the answer box, in place: its title
    ("A full-marks answer") a heading, then the full-marks answer and nothing else. The
    grade itself is stated once, above (the chip); the box, the full-marks answer's, is in
    full marks' colour on every page."""
    title = answer.find("p")
    if title is None or "admonition-title" not in (title.get("class") or ""):
        raise AnswerPageError(f"docs/{page.src}: the `!!! answer` box needs a title, "
                              'e.g. !!! answer "A full-marks answer"')
    answer.set("class", "admonition answer answer-box")
    # The title, a heading in the page's outline (and its table of contents).
    title.tag = "h2"
    title.set("id", FULL_MARKS_ID)


def _why_box(page: AnswerPage) -> etree.Element:
    """The grade's reason, right after the full-marks answer and apart from it (design
    reviews of issue 18: the answer is what to write; the reason is about the student's
    text), edged in the grade's colour; then our reading of the question, folded."""
    box = _el("div", None, f"grade-why grade-{int(page.grade)}")
    why = _el("p", None, "grade-why__reason")
    why.append(_el("strong", f"Why {_generated(page.grade.label)}. "))
    why[-1].tail = page.reason
    box.append(why)
    if page.reading:
        reading = _el("details", None, "rn-fold grade-why__reading")
        reading.append(_el("summary", READING_SUMMARY))
        reading.append(_el("p", page.reading))
        box.append(reading)
    return box


def _href(src_uri: str, here: str | None) -> str:
    return posixpath.relpath(src_uri, posixpath.dirname(here or "index.md") or ".")


def _row_id(page: AnswerPage) -> str:
    return f"answer-{page.task.replace('.', '-')}-q{page.question}"


def _glance(pages: list[AnswerPage], here: str | None = None) -> etree.Element:
    """Every answer's grade in a grid, each a link, and all the marks together: the
    summary's first screen, linked to its rows; given ``here``, the home page's, linked to
    the answer pages (design reviews: neither page showed the grades in a phone's first
    screen). Left out of the search index (the tables are in it)."""
    nav = _el("nav", cls="answers-glance" + (" answers-glance--pages" if here else ""),
              **{"aria-label": "Every answer's grade", "data-search-exclude": ""})
    items = etree.SubElement(nav, "ol")
    for p in pages:
        href = _href(p.src, here) if here else f"#{_row_id(p)}"
        link = _el("a", None, f"grade grade--{int(p.grade)}", href=href,
                   **{"aria-label": _generated(f"{p.task} Q{p.question}: {p.grade.badge}")})
        link.append(_el("span", _generated(f"{p.task} Q{p.question}"), "answers-glance__label"))
        link.append(_el("span", _generated(f"{int(p.grade)}/{max(Grade):d}"),
                        "answers-glance__marks"))
        item = etree.SubElement(items, "li")
        item.append(link)
    got = sum(int(p.grade) for p in pages)
    nav.append(_el("p", _generated(f"All {len(pages)} answers: {got} of "
                                   f"{len(pages) * max(Grade):d} marks."),
                   "answers-glance__total"))
    return nav


def _table(pages: list[AnswerPage], here: str | None, why: bool) -> etree.Element:
    wrap = _el("div", cls="answers-table" + (" answers-table--summary" if why else ""))
    if why:
        wrap.append(_glance(pages))
    table = etree.SubElement(wrap, "table")
    head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    names = ("Answer", "Question (reconstructed)", "Grade", *(["Why"] if why else []))
    for name in names:
        head.append(_el("th", name))
    body = etree.SubElement(table, "tbody")
    for p in pages:
        row = etree.SubElement(body, "tr")
        label = _el("td", _generated(f"{p.task} Q{p.question}"), "answers-table__label")
        if why:
            label.set("id", _row_id(p))
        row.append(label)
        # (a card on a phone, its header hidden, shows these cells' names: data-label)
        cell = _el("td", cls="answers-table__question", **{"data-label": names[1]})
        # copies of text that its own page audits against its own givens
        cell.append(_el("a", _generated(p.asked), href=_href(p.src, here)))
        row.append(cell)
        grade = _el("td", cls="answers-table__grade")
        grade.append(grade_badge(p.grade))
        row.append(grade)
        if why:
            row.append(_el("td", _generated(p.reason), "answers-table__why",
                           **{"data-label": names[3]}))
    return wrap


def _scale() -> etree.Element:
    wrap = _el("div", cls="grading-scale")
    table = etree.SubElement(wrap, "table")
    head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    for name in ("Grade", "A grader awards it when"):
        head.append(_el("th", name))
    body = etree.SubElement(table, "tbody")
    for grade in sorted(Grade, reverse=True):
        row = etree.SubElement(body, "tr")
        cell = _el("td")
        cell.append(grade_badge(grade))
        row.append(cell)
        row.append(_el("td", grade.definition[0].upper() + grade.definition[1:] + "."))
    return wrap


class _Answers(Treeprocessor):
    def __init__(self, md: Markdown, ext: AnswersExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def page(self) -> tuple[str | None, dict[str, Any]]:
        """The current page's src_uri and front matter, as livedocs reads them."""
        info = page_info(self.md)
        return info.src_uri, info.meta

    def run(self, root: etree.Element) -> None:
        src_uri, meta = self.page()
        if src_uri and is_answer_page(src_uri):
            self.answer_page(root, AnswerPage.from_meta(src_uri, meta))
        for parent in root.iter():
            for n, child in enumerate(list(parent)):
                text = (child.text or "").strip()
                if child.tag == "p" and len(child) == 0 and text in PLACEHOLDERS:
                    parent.remove(child)
                    parent.insert(n, self.generate(text, src_uri))

    def generate(self, placeholder: str, here: str | None) -> etree.Element:
        if placeholder == "::grading-scale::":
            return _scale()
        if placeholder == "::answers-glance::":
            return _glance(answer_pages(self.ext.docs), here or "index.md")
        return _table(answer_pages(self.ext.docs), here, placeholder == "::answers-summary::")

    def answer_page(self, root: etree.Element, page: AnswerPage) -> None:
        where = f"docs/{page.src}"
        if root.find("h1") is not None:
            raise AnswerPageError(f"{where}: an answer page has no H1 of its own; it is made "
                                  "from the front matter (task, question, heading)")
        children = list(root)
        quotes = [n for n, el in enumerate(children)
                  if el.tag == "blockquote" and "student" in (el.get("class") or "").split()]
        if len(quotes) != 1:
            raise AnswerPageError(f"{where}: expected one student quote "
                                  f'(<blockquote class="student">), found {len(quotes)}')
        quote = children[quotes[0]]
        if quote.get("data-answer") != page.answer:
            raise AnswerPageError(f"{where}: the student quote is answer "
                                  f"{quote.get('data-answer')!r}, but the front matter says "
                                  f"task {page.task}, question {page.question} "
                                  f"({page.answer!r})")
        after = children[quotes[0] + 1] if quotes[0] + 1 < len(children) else None
        answers = [el for el in root.iter("div")
                   if "answer" in (el.get("class") or "").split()
                   and "admonition" in (el.get("class") or "").split()]
        if len(answers) != 1 or after is not answers[0]:
            raise AnswerPageError(f"{where}: the student quote must be followed right away by "
                                  'the one `!!! answer "A full-marks answer"` box; found '
                                  f"{len(answers)} answer box(es)"
                                  + ("" if not answers else ", not right after the quote"))
        _answer_box(page, answers[0])
        root.insert(list(root).index(answers[0]) + 1, _why_box(page))
        root.insert(0, _question_box(page))
        root.insert(0, _grade_chip(page))
        root.insert(0, _heading(page))


class AnswersExtension(Extension):
    """Renders answer pages' front matter (options: ``docs``, the docs folder)."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"docs": [str(DOCS), "the docs folder holding task-*/q*.md"]}
        super().__init__(**kwargs)

    @property
    def docs(self) -> Path:
        return Path(self.getConfig("docs"))

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.registerExtension(self)
        # After the block parser (admonitions, md_in_html), before the inline patterns (20).
        md.treeprocessors.register(_Answers(md, self), "rnnsite_answers", 25)


def makeExtension(**kwargs: Any) -> AnswersExtension:  # noqa: N802 (Markdown's API name)
    """Entry point for ``markdown_extensions: [rnnsite.answers]``."""
    return AnswersExtension(**kwargs)
