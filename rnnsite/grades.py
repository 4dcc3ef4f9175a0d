"""The grading scale of the site: marks out of four, defined once.

Every grade a reader sees (an answer page's box, the home table, the summary, the scale on
the home page) is rendered from :class:`Grade`; a page's front matter holds its grade as
the integer ``grade: 0..4``.
"""

from __future__ import annotations

from enum import IntEnum

__all__ = ["Grade", "MAX_MARKS"]


class Grade(IntEnum):
    """Marks out of :data:`MAX_MARKS`, as a grader would award them."""

    NONE = 0
    SOME = 1
    HALF = 2
    MOST = 3
    FULL = 4

    @property
    def label(self) -> str:
        """Short words for the grade, e.g. ``"half right"``."""
        return _LABELS[self]

    @property
    def definition(self) -> str:
        """When a grader awards it."""
        return _DEFINITIONS[self]

    @property
    def badge(self) -> str:
        """``"2 of 4 marks: half right"``."""
        return f"{int(self)} of {MAX_MARKS} marks: {self.label}"

    @classmethod
    def parse(cls, value: object, where: str) -> Grade:
        """The grade written as ``value`` (front matter), or a clear error naming ``where``."""
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_MARKS:
            raise ValueError(f"{where}: expected an integer from 0 to {MAX_MARKS} "
                             f"(marks out of {MAX_MARKS}), got {value!r}")
        return cls(value)


MAX_MARKS = 4

_LABELS = {
    Grade.FULL: "full marks",
    Grade.MOST: "mostly right",
    Grade.HALF: "half right",
    Grade.SOME: "some credit",
    Grade.NONE: "no credit",
}

_DEFINITIONS = {
    Grade.FULL: "The answer is correct and covers what the question asks; informal wording "
                "is fine.",
    Grade.MOST: "The core is correct; something the question needs is missing or loosely "
                "put, and nothing stated is wrong.",
    Grade.HALF: "One essential part is right, but another is missing, or one claim is wrong.",
    Grade.SOME: "The right topic or term, but the reasoning given is missing or wrong.",
    Grade.NONE: "Wrong, or does not answer the question.",
}
