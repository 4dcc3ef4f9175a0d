"""Every finding's wording, in one place: what the checker says when a page fails.

Each entry is a ``str.format`` template; :func:`say` fills it.  Keep the wording here
(tests and the README quote some of it), and the facts (page, line) out: the runner
prefixes ``path:line:``.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Msg", "say"]


class Msg(StrEnum):
    # markers
    MARKER_MALFORMED = "marker: {error}"
    MARKER_LOST = ("marker {raw!r} does not reach the page: it sits where Markdown drops it "
                   "(a URL, a raw HTML tag)")
    MARKER_HIDDEN = "a marker inside {where}: the reader never sees it"
    MARKER_IN_HEADING = ("a live number in a heading (headings feed the navigation and the "
                         "title); write it in the text")
    MARKER_IN_QUOTE = "a marker inside the student's verbatim answer or generated text"
    MARKER_IN_QUOTED_MATH = "a marker inside the student's verbatim answer"
    MARKER_DETACHED = ("a marker not attached to a number (write the number right before it, "
                       "no space)")
    MARKER_IN_DOCSTRING = ("a live-number marker {raw!r} in a docstring: docstrings are not "
                           "checked pages; write the number in a page")
    MARKER_BEFORE_MAGNITUDE = ("a marker between a number and what scales it (a power of ten, "
                               "%, ‰, k, million...): the marker checks only what stands "
                               "before it; put it after the whole number")
    TWO_MARKERS_ON_NUMBER = "two markers on one number: one number, one marker"
    TWO_MARKERS_AFTER_MATH = "two markers after one math span"
    NOTATION_STRAY = "<!--notation--> must stand right after a math span"
    GIVEN_CHANGED = ("given {name} = {given} no longer holds once the setup has run (it holds "
                     "{now}): a literal is a given only if its variable keeps it")
    SETUPS = "{n} setup blocks; at most one per page"
    # math
    MATH_MALFORMED = "math `{tex}`: {error}"
    MATH_UNREADABLE = ("math `{tex}`: the checker cannot read this construct ({error}); write "
                       "it as arithmetic, or mark the span <!--notation-->")
    MATH_NOT_EVALUABLE = ("math `{tex}`: `{side}` cannot be evaluated ({why}); write it as "
                          "arithmetic, or mark the span <!--notation-->")
    MATH_UNTIED = ("math `{tex}`: equation not tied to a live expression (put <!--= EXPR --> "
                   "right after the closing delimiter, or after the number it computes)")
    MATH_TIE_UNCHECKED = ("math `{tex}`: a tied number sits in `{rel}`, a relation the checker "
                          "does not check, with numbers on its other side; write `=`, "
                          "`\\approx`, `<` or `\\le`, or tie a number outside that relation")
    MATH_TIE_IN_WORDS = ("math `{tex}`: a tied number is joined to arithmetic by the words "
                         "{words!r}, which the checker does not check; write the relation in "
                         "math (`=`, `\\approx`)")
    MATH_NO_NUMBER = "the math span holds no number"
    MATH_ENDS_IN_NO_NUMBER = "the math span ends in no number"
    # the student's answer
    QUOTE_NO_SEED = ("a student quote, but no seed answers are configured (livedocs option "
                     "`seed`)")
    QUOTE_UNKNOWN = "a student quote of answer {label!r}, which the seed does not have"
    QUOTE_ALTERED = ("the quote of answer {label} differs from the seed: shows {shown!r}..., "
                     "the seed has {seed!r}...")
    # outside the body
    CITATION_UNKNOWN = "citation @{key}: no such key in the bibliography"
    CITATION_REPEATS = ("citation @{key} repeats the authors named right before it ({name}): "
                        "write @{key} (it names them), or [-@{key}] for the year alone")
    BIBLIOGRAPHY_UNREADABLE = "bibliography {path}: {error}"
    PRIVATE_USE = "private-use character U+{code:04X}: reserved for the live-number checker"
    COMMENT_SPLITS_NUMBER = ("an HTML comment splits the number a reader sees ({shown}): "
                             "write the number whole, its sign included")
    MARKER_OUTSIDE_BODY = "{where}: markers are not checked here"
    # code examples
    PYCON_WITHOUT_SESSION = ("a pycon block without a >>> session: write the session, or use "
                             "another info string")
    SESSION_NOT_RUN = ("a >>> session in a code block with info string {info!r}, which is never "
                       "run: write ```pycon (or ```python) so it runs, or drop the prompts")
    DOCTEST_SKIP = ("doctest `{source}`: +SKIP, so it never runs; a session must run (drop the "
                    "prompt, or the directive)")
    CODE_RAISED = "code block raised {error}"
    DOCTEST_UNREADABLE = "a session doctest cannot read: {error}"
    DOCTEST_RAISED = "doctest raised {error}"
    DOCTEST_WRONG = "doctest `{source}`: expected {want!r}, got {got!r}"
    DOCTEST_EXAMPLE_RAISED = "doctest `{source}` raised {error}"
    # the audit
    UNDECLARED_LABEL = "undeclared label {text} (not a given)"
    UNDECLARED_NUMBER = "undeclared number {text} (neither live nor a given)"
    AMBIGUOUS_NUMBER = ("ambiguous number {text}: it is the value of {names}; write "
                        "{text}<!--= {first} --> (naming the one it is)")
    FORMAT_RULE = "number {shown} breaks the formatting rule (write {rule})"


def say(msg: Msg, **facts: object) -> str:
    """The message ``msg`` with its facts filled in."""
    return str(msg).format(**facts)
