"""Python-Markdown extension: an answer page's facts, kept once in its front matter.

An answer page (``docs/task-*/q*.md``) states its task, question, the reconstructed
question, the grade and the reason for it in front matter (see :class:`AnswerPage`). This
extension renders them, so each fact is written once:

- on the answer page: the H1 (``Task 2.1, Question 2: …``), the question box, and the
  **answer box**: the grade and its reason, joined to the page's own
  ``!!! answer "A full-marks answer"`` admonition, which must follow the student's quote;
- anywhere: a paragraph ``::answers-table::`` becomes the table of all answers (home page),
  ``::answers-summary::`` the same with each reason (summary page), ``::grading-scale::``
  the scale of :mod:`rnnsite.grades`.

It is a treeprocessor that runs before the inline patterns, so the words it inserts are
rendered (math, emphasis, citations) and then read by the live-number audit like the rest
of the page: a number in ``heading``, ``asked``, ``basis`` or ``reason`` must be a given of
the page. Labels copied from front matter (task, question, grade) are marked as generated
text, which the audit skips; :func:`check_labels` in the tests holds them to the seed.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from livedocs._marks import EXEMPT_CLOSE, EXEMPT_OPEN
from livedocs.markdown_ext import LiveNumbersExtension, front_matter

from .grades import Grade

__all__ = ["AnswerPage", "AnswerPageError", "answer_pages", "AnswersExtension", "DOCS",
           "makeExtension"]

DOCS = Path(__file__).resolve().parents[1] / "docs"
PATTERN = "task-*/q*.md"  # the answer pages, relative to DOCS
ANSWER_KEYS = ("task", "question", "heading", "asked", "confidence", "basis", "grade",
               "reason")
OPTIONAL_KEYS = ("reading",)
PLACEHOLDERS = ("::answers-table::", "::answers-summary::", "::grading-scale::")


class AnswerPageError(ValueError):
    """An answer page's front matter or layout is not what the site expects."""


@dataclass(frozen=True)
class AnswerPage:
    """One answer page's facts, from its front matter."""

    src_uri: str        # relative to docs/, e.g. "task-2-1/q2-forget-gate-zero.md"
    task: str           # "2.1"
    question: int       # 2
    heading: str        # the H1 after "Task 2.1, Question 2: "
    asked: str          # the reconstructed question
    confidence: str     # how sure the reconstruction is
    basis: str          # why that reconstruction
    grade: Grade
    reason: str         # the grade argued against the scale, in words
    reading: str | None = None  # our reading of the question, where the grade depends on it

    @property
    def label(self) -> str:
        """``"2.1.2"``: the student's numbering of this answer (the seed's heading)."""
        return f"{self.task}.{self.question}"

    @property
    def title(self) -> str:
        return f"Task {self.task}, Question {self.question}"

    @classmethod
    def from_meta(cls, src_uri: str, meta: dict[str, Any]) -> AnswerPage:
        where = f"docs/{src_uri}: front matter"
        missing = [k for k in ANSWER_KEYS if k not in meta]
        if missing:
            raise AnswerPageError(f"{where}: an answer page needs the keys "
                                  f"{', '.join(ANSWER_KEYS)}; missing: {', '.join(missing)}")
        text = {}
        for key in (*ANSWER_KEYS, *OPTIONAL_KEYS):
            value = meta.get(key)
            if key in ("question", "grade") or (value is None and key in OPTIONAL_KEYS):
                continue
            if not isinstance(value, str) or not value.strip():
                raise AnswerPageError(f"{where} `{key}`: expected non-empty text, got {value!r}")
            if "<!--" in value:
                raise AnswerPageError(f"{where} `{key}`: expected words, got an HTML comment "
                                      "(live markers belong in the page body: write the "
                                      "number in the full-marks answer)")
            text[key] = value.strip()
        question = meta["question"]
        if isinstance(question, bool) or not isinstance(question, int) or question < 1:
            raise AnswerPageError(f"{where} `question`: expected a positive integer, "
                                  f"got {question!r}")
        grade = _parse_grade(meta["grade"], f"{where} `grade`")
        return cls(src_uri=src_uri, question=question, grade=grade, **text)


def _parse_grade(value: object, where: str) -> Grade:
    try:
        return Grade.parse(value, where)
    except ValueError as exc:
        raise AnswerPageError(str(exc)) from None


def answer_pages(docs: Path = DOCS) -> list[AnswerPage]:
    """Every answer page under ``docs``, in the order of the exercise."""
    return list(_answer_pages(str(docs), _mtimes(docs)))


def _mtimes(docs: Path) -> tuple[tuple[str, int], ...]:
    return tuple((str(p), p.stat().st_mtime_ns) for p in sorted(docs.glob(PATTERN)))


@cache
def _answer_pages(docs: str, stamp: tuple[tuple[str, int], ...]) -> tuple[AnswerPage, ...]:
    pages = []
    for path, _ in stamp:
        src_uri = Path(path).relative_to(docs).as_posix()
        _, meta, _ = front_matter(Path(path).read_text(encoding="utf-8").removeprefix("\ufeff"))
        pages.append(AnswerPage.from_meta(src_uri, meta))
    pages.sort(key=lambda p: (tuple(int(n) for n in p.task.split(".")), p.question))
    seen: dict[str, str] = {}
    for p in pages:
        if p.label in seen:
            raise AnswerPageError(f"docs/{p.src_uri}: task {p.task}, question {p.question} "
                                  f"is also docs/{seen[p.label]}")
        seen[p.label] = p.src_uri
    return tuple(pages)


# --- rendering -------------------------------------------------------------------------

def _generated(text: str) -> str:
    """Text copied from front matter labels: the live-number audit skips it."""
    return f"{EXEMPT_OPEN}{text}{EXEMPT_CLOSE}"


def _el(tag: str, text: str | None = None, cls: str | None = None, **attrs: str) -> etree.Element:
    el = etree.Element(tag, {"class": cls} if cls else {})
    for k, v in attrs.items():
        el.set(k.rstrip("_"), v)
    el.text = text
    return el


def grade_badge(grade: Grade) -> etree.Element:
    return _el("span", _generated(grade.badge), f"grade grade--{int(grade)}")


def _heading(page: AnswerPage) -> etree.Element:
    return _el("h1", f"{_generated(page.title)}: {page.heading}")


def _question_box(page: AnswerPage) -> etree.Element:
    box = _el("div", cls="admonition question")
    box.append(_el("p", "The question (a reconstruction)", "admonition-title"))
    box.append(_el("p", f"{page.basis} Confidence: {page.confidence}."))
    q = _el("p")
    q.append(_el("em", page.asked))
    box.append(q)
    return box


def _answer_box(page: AnswerPage, answer: etree.Element) -> None:
    """Turn the page's ``!!! answer`` admonition into the answer box, in place."""
    title = answer.find("p")
    if title is None or "admonition-title" not in (title.get("class") or ""):
        raise AnswerPageError(f"docs/{page.src_uri}: the `!!! answer` box needs a title, "
                              'e.g. !!! answer "A full-marks answer"')
    answer.set("class", f"admonition answer answer-box grade-{int(page.grade)}")
    label = _el("p", None, "answer-box__label")
    strong = _el("strong", title.text)
    label.append(strong)
    title.text = None
    title.append(grade_badge(page.grade))
    index = list(answer).index(title)
    why = _el("p", None, "answer-box__why")
    why.append(_el("strong", "Why. "))
    why[-1].tail = page.reason
    extra = [why]
    if page.reading:
        reading = _el("p", None, "answer-box__reading")
        reading.append(_el("strong", "Graded under our reading of the question. "))
        reading[-1].tail = page.reading
        extra.append(reading)
    for n, el in enumerate([*extra, label], start=index + 1):
        answer.insert(n, el)


def _href(src_uri: str, here: str | None) -> str:
    return posixpath.relpath(src_uri, posixpath.dirname(here or "index.md") or ".")


def _table(pages: list[AnswerPage], here: str | None, why: bool) -> etree.Element:
    wrap = _el("div", cls="answers-table" + (" answers-table--summary" if why else ""))
    table = etree.SubElement(wrap, "table")
    head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    for name in ("Answer", "Question (reconstructed)", "Grade", *(["Why"] if why else [])):
        head.append(_el("th", name))
    body = etree.SubElement(table, "tbody")
    for p in pages:
        row = etree.SubElement(body, "tr")
        row.append(_el("td", _generated(f"{p.task} Q{p.question}"), "answers-table__label"))
        cell = _el("td", cls="answers-table__question")
        cell.append(_el("a", p.asked, href=_href(p.src_uri, here)))
        row.append(cell)
        grade = _el("td", cls="answers-table__grade")
        grade.append(grade_badge(p.grade))
        row.append(grade)
        if why:
            row.append(_el("td", p.reason, "answers-table__why"))
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
        row.append(_el("td", grade.definition))
    return wrap


class _Answers(Treeprocessor):
    def __init__(self, md: Markdown, ext: AnswersExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def page(self) -> tuple[str | None, dict[str, Any]]:
        """The current page's src_uri and front matter, as livedocs read them."""
        live = next((e for e in self.md.registeredExtensions
                     if isinstance(e, LiveNumbersExtension)), None)
        info = None if live is None else (live.page or live.state.page)
        if info is None:
            return None, {}
        return info.src_uri, info.meta

    def run(self, root: etree.Element) -> None:
        src_uri, meta = self.page()
        if src_uri and any(k in meta for k in ANSWER_KEYS):
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
        return _table(answer_pages(self.ext.docs), here, placeholder == "::answers-summary::")

    def answer_page(self, root: etree.Element, page: AnswerPage) -> None:
        where = f"docs/{page.src_uri}"
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
        if quote.get("data-answer") != page.label:
            raise AnswerPageError(f"{where}: the student quote is answer "
                                  f"{quote.get('data-answer')!r}, but the front matter says "
                                  f"task {page.task}, question {page.question} "
                                  f"({page.label!r})")
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
        root.insert(0, _question_box(page))
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
