"""The answer pages' facts, read from their front matter: one :class:`AnswerPage` per
``docs/task-*/q*.md``, the one reader of them.

An answer page keeps its facts once, in front matter::

    task: "2.1"              # the task label (quoted)
    question: 2              # the question number
    heading: "a forget gate that is always zero"      # its H1 after "Task 2.1, Question 2: "
    asked: "What happens …?" # the reconstructed question
    confidence: "medium"     # how sure that reconstruction is
    basis: "The answer …"    # why that reconstruction
    grade: 2                 # marks out of 4 (rnnsite.grades)
    reason: "…"              # the grade argued against the scale, in words
    reading: "…"             # optional: our reading of the question, where the grade needs it

:mod:`rnnsite.answers` renders them on the page and in the tables; the release record, the
changelog check, the citation block, the dispute link and the PDF read them from here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from livedocs.cache import unrecorded
from rnnsite.grades import Grade

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PATTERN = "task-*/q*.md"
READER = "rnnsite.answer_pages"  # its reads are keyed by front_matters(), not recorded
_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)
KEYS = ("task", "question", "heading", "asked", "confidence", "basis", "grade", "reason")
OPTIONAL = ("reading",)
WORDS = ("heading", "asked", "confidence", "basis", "reason", "reading")  # rendered as text


class AnswerPageError(ValueError):
    """An answer page whose front matter lacks a key or has a bad value."""


@dataclass(frozen=True)
class AnswerPage:
    src: str        # below docs/, with forward slashes: "task-1-1/q1-unrolled-weights.md"
    task: str       # "1.1"
    question: int   # 1
    heading: str    # "weights in the unrolled network"
    grade: Grade
    reason: str
    asked: str = ""
    confidence: str = ""
    basis: str = ""
    reading: str | None = None

    @property
    def label(self) -> str:
        """"Task 1.1, Question 1"."""
        return f"Task {self.task}, Question {self.question}"

    @property
    def title(self) -> str:
        """The page's H1: "Task 1.1, Question 1: weights in the unrolled network"."""
        return f"{self.label}: {self.heading}"

    @property
    def answer(self) -> str:
        """"1.1.1": the student's numbering of this answer (the seed's heading)."""
        return f"{self.task}.{self.question}"

    @property
    def url_path(self) -> str:
        """The page's address below the site's root: "task-1-1/q1-unrolled-weights/"."""
        return self.src.removesuffix(".md") + "/"

    @classmethod
    def from_meta(cls, src: str, meta: dict) -> AnswerPage:
        """The page ``src`` from its parsed front matter ``meta``."""
        missing = [k for k in KEYS if k not in meta]
        if missing:
            raise AnswerPageError(f"{src}: front matter lacks {', '.join(missing)} (an answer"
                                  f" page needs {', '.join(KEYS)})")
        task, question = meta["task"], meta["question"]
        if not isinstance(task, str) or not re.fullmatch(r"\d+\.\d+", task):
            raise AnswerPageError(f"{src}: task must be a quoted label such as \"2.1\","
                                  f" got {task!r}")
        if isinstance(question, bool) or not isinstance(question, int) or question < 1:
            raise AnswerPageError(f"{src}: question must be a positive integer, got {question!r}")
        words = {}
        for key in WORDS:
            value = meta.get(key)
            if value is None and key in OPTIONAL:
                continue
            if not isinstance(value, str) or not value.strip():
                raise AnswerPageError(f"{src}: {key} must be a non-empty string, got {value!r}")
            if "<!--" in value:
                raise AnswerPageError(f"{src}: {key} must be words, got an HTML comment (live"
                                      " markers belong in the page body: write the number in"
                                      " the full-marks answer)")
            words[key] = value.strip()
        try:
            grade = Grade.parse(meta["grade"], f"{src}: grade")
        except ValueError as error:
            raise AnswerPageError(str(error)) from None
        return cls(src, task, question, grade=grade, **words)


def is_answer_page(src: str) -> bool:
    """Whether ``src`` (below docs/) is an answer page: ``task-*/q*.md``."""
    return Path(src).match(PATTERN) and src.count("/") == 1


def _front_matter_text(path: Path) -> str | None:
    match = _FRONT_MATTER.match(path.read_text(encoding="utf-8").removeprefix("\ufeff"))
    return match.group(1) if match else None


def front_matter(path: Path) -> dict:
    """The YAML front matter of the Markdown file ``path`` ({} when it has none)."""
    text = _front_matter_text(path)
    return (yaml.safe_load(text) or {}) if text is not None else {}


def front_matters(docs: Path = DOCS) -> bytes:
    """All that :func:`answer_pages` reads, as bytes for a build cache key: the answer
    pages' names and their front matter, not their bodies (a page that shows the answer
    tables is keyed by this, so an edit to an answer page's body leaves it cached)."""
    with unrecorded(READER):
        return json.dumps([[p.relative_to(docs).as_posix(), _front_matter_text(p)]
                           for p in sorted(docs.glob(PATTERN))]).encode("utf-8")


def answer_pages(docs: Path = DOCS) -> list[AnswerPage]:
    """Every answer page below ``docs``, in the order of its task and question; two pages
    for one answer are an error.

    It reads exactly :func:`front_matters` (parsed once per process for each content), and
    its reads are not recorded by :func:`livedocs.cache.reads`: a page that reads it is
    keyed by :func:`front_matters` instead (:mod:`rnnsite.page_store`)."""
    return list(_answer_pages(front_matters(docs)))


@cache
def _answer_pages(read: bytes) -> tuple[AnswerPage, ...]:
    pages = []
    for src, text in json.loads(read):
        meta = (yaml.safe_load(text) or {}) if text is not None else {}
        pages.append(AnswerPage.from_meta(src, meta))
    pages.sort(key=lambda p: (tuple(map(int, p.task.split("."))), p.question))
    for a, b in zip(pages, pages[1:], strict=False):
        if a.answer == b.answer:
            raise AnswerPageError(f"{b.src}: {b.label} is also {a.src}")
    return tuple(pages)
