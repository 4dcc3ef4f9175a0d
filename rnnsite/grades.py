"""The grading scale, in one place: marks out of 4, each with its label and its definition.

The answer box, the tables, the "Disagree with this verdict?" link, the citation block and
the changelog test all name a grade through :class:`Grade`, so a label is written once.
"""

from __future__ import annotations

from enum import IntEnum


class Grade(IntEnum):
    """Marks out of 4 for one answer (the scale defined on the home page)."""

    NO_CREDIT = 0
    SOME_CREDIT = 1
    HALF_RIGHT = 2
    MOSTLY_RIGHT = 3
    FULL_MARKS = 4

    @property
    def label(self) -> str:
        """The grade's name on the site: "full marks", "half right", ..."""
        return _LABELS[self]

    @property
    def definition(self) -> str:
        """When a grader awards it."""
        return _DEFINITIONS[self]

    @property
    def badge(self) -> str:
        """The badge's text: "2 of 4 marks: half right"."""
        return f"{int(self)} of {max(Grade):d} marks: {self.label}"

    @classmethod
    def parse(cls, value: object, where: str = "grade") -> Grade:
        """The grade ``value`` names (an int 0..4, as front matter gives it), or a
        ValueError naming ``where``, what was expected and what came."""
        if (isinstance(value, bool) or not isinstance(value, int)
                or value not in cls._value2member_map_):
            raise ValueError(f"{where}: expected an integer from {min(cls):d} to {max(cls):d}"
                             f" (marks out of {max(cls):d}), got {value!r}")
        return cls(value)


_LABELS = {
    Grade.FULL_MARKS: "full marks",
    Grade.MOSTLY_RIGHT: "mostly right",
    Grade.HALF_RIGHT: "half right",
    Grade.SOME_CREDIT: "some credit",
    Grade.NO_CREDIT: "no credit",
}
_DEFINITIONS = {
    Grade.FULL_MARKS: "the answer is correct and covers what the question asks; informal"
                      " wording is fine",
    Grade.MOSTLY_RIGHT: "the core is correct; something the question needs is missing or"
                        " loosely put, and nothing essential stated is wrong (a minor slip"
                        " or overstatement is tolerated)",
    Grade.HALF_RIGHT: "one essential part is right, but another is missing, or one claim is"
                      " wrong",
    Grade.SOME_CREDIT: "the right topic or term, but the reasoning given is missing or wrong",
    Grade.NO_CREDIT: "wrong, or does not answer the question",
}
