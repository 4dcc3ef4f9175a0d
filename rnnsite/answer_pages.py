"""The answer pages' facts, read from their front matter (``task``, ``question``,
``heading``, ``grade``, ``reason``): one :class:`AnswerPage` per ``docs/task-*/q*.md``.

Used where the site's own Markdown is not at hand: the release record and the changelog
check (:mod:`rnnsite.releases`), the citation block and the dispute link
(:mod:`rnnsite.takeaway_hook`, which passes a page's ``meta`` to :meth:`AnswerPage.from_meta`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from rnnsite.grades import Grade

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PATTERN = "task-*/q*.md"
_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)
KEYS = ("task", "question", "heading", "grade", "reason")


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

    @property
    def label(self) -> str:
        """"Task 1.1, Question 1"."""
        return f"Task {self.task}, Question {self.question}"

    @property
    def title(self) -> str:
        """The page's H1: "Task 1.1, Question 1: weights in the unrolled network"."""
        return f"{self.label}: {self.heading}"

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
        for key in ("heading", "reason"):
            if not isinstance(meta[key], str) or not meta[key].strip():
                raise AnswerPageError(f"{src}: {key} must be a non-empty string,"
                                      f" got {meta[key]!r}")
        try:
            grade = Grade.parse(meta["grade"], f"{src}: grade")
        except ValueError as error:
            raise AnswerPageError(str(error)) from None
        return cls(src, task, question, meta["heading"].strip(), grade, meta["reason"].strip())


def is_answer_page(src: str) -> bool:
    """Whether ``src`` (below docs/) is an answer page: ``task-*/q*.md``."""
    return Path(src).match(PATTERN) and src.count("/") == 1


def front_matter(path: Path) -> dict:
    """The YAML front matter of the Markdown file ``path`` ({} when it has none)."""
    match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    return (yaml.safe_load(match.group(1)) or {}) if match else {}


def answer_pages(docs: Path = DOCS) -> list[AnswerPage]:
    """Every answer page below ``docs``, in the order of its task and question."""
    pages = [AnswerPage.from_meta(p.relative_to(docs).as_posix(), front_matter(p))
             for p in sorted(docs.glob(PATTERN))]
    return sorted(pages, key=lambda p: (tuple(map(int, p.task.split("."))), p.question))
