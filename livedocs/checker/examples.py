"""Code examples: every ``>>>`` session a reader sees is run, in the build as in pytest.

Fenced blocks whose info string is ``python`` (or ``py``, ``python3``) or ``pycon`` are
found in the page's Markdown, indented ones included (in an admonition, a tab).  A block
holding ``>>>`` prompts is a doctest: each example (one ``>>>`` statement) is one check,
which fails if it prints something else or raises unexpectedly.  A ``python`` block
without prompts is run as code (one check; it fails if it raises).  A ``pycon`` block must
hold a session.  A block may stand in a blockquote.  ``# doctest: +SKIP`` fails (an example
that never runs), and so does a ``>>>`` session in any other fenced block.  All blocks of a
page share one namespace, in page order, apart from the setup's (as Sybil runs them).
"""

from __future__ import annotations

import doctest
import re
from dataclasses import dataclass

from ..messages import Msg, say
from ..report import Check, Kind

__all__ = ["Session", "find_sessions", "run_sessions"]

_FENCE = re.compile(
    r"^(?P<indent>(?:[ \t]*>)*[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*\{?[ \t]*\.?"
    r"(?P<info>[\w+-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$", re.M | re.S)
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_PYTHON = {"python", "py", "python3", "py3"}
_SESSION = {"pycon", "python-console", "pycon3"}
_PROMPT = re.compile(r"^[ \t]*>>>(?: |$)", re.M)
_SETUP = re.compile(r"<!-- live:setup\n.*?-->", re.S)


@dataclass(frozen=True)
class Session:
    code: str
    line: int  # of the block's first line of code, in the Markdown body
    console: bool  # a pycon block
    other: str = ""  # the info string of a block that is not Python, yet holds `>>>`


def find_sessions(markdown: str) -> list[Session]:
    """The Python code blocks of a page's Markdown (the setup block aside)."""
    text = _SETUP.sub(lambda m: "\n" * m.group().count("\n"), markdown)
    out = []
    for m in _FENCE.finditer(text):
        info = m.group("info").lower()
        indent = m.group("indent")
        quoted = ">" in indent
        body = "".join(line[len(indent):] if line.startswith(indent) else
                       _QUOTE.sub("", line) if quoted else line.lstrip()
                       for line in m.group("body").splitlines(keepends=True))
        line = text.count("\n", 0, m.start("body")) + 1
        if info not in _PYTHON | _SESSION:
            if _PROMPT.search(body):  # a session a reader would take for run code
                out.append(Session(body, line, False, info or "(no info string)"))
            continue
        out.append(Session(body, line, info in _SESSION))
    return out


class _Runner(doctest.DocTestRunner):
    def __init__(self) -> None:
        super().__init__(verbose=False, optionflags=0)
        self.problems: dict[int, str] = {}  # id(example) -> what went wrong

    def report_failure(self, out, test, example, got) -> None:  # noqa: ANN001
        self.problems[id(example)] = say(Msg.DOCTEST_WRONG, source=example.source.strip(),
                                         want=example.want.strip(), got=got.strip())

    def report_unexpected_exception(self, out, test, example, exc_info) -> None:  # noqa: ANN001
        exc = exc_info[1]
        self.problems[id(example)] = say(Msg.DOCTEST_EXAMPLE_RAISED,
                                         source=example.source.strip(),
                                         error=f"{type(exc).__name__}: {exc}")


def run_sessions(sessions: list[Session], path: str, offset: int,
                 cache: dict | None = None) -> list[Check]:
    """One check per example of every session (see the module docstring).  ``cache``: a
    dict shared by calls that check the same page many times (the same sessions run once)."""
    key = ("examples", path, offset, tuple(sessions))
    if cache is not None and key in cache:
        return list(cache[key])
    checks = _run(sessions, path, offset)
    if cache is not None:
        cache[key] = tuple(checks)
    return checks


def _run(sessions: list[Session], path: str, offset: int) -> list[Check]:
    ns: dict[str, object] = {"__name__": "livedocs_examples"}
    checks: list[Check] = []
    parser = doctest.DocTestParser()

    def check(line: int, ok: bool, msg: str) -> None:
        checks.append(Check(kind=Kind.DOCTEST, path=path, line=line + offset, ok=ok,
                            message=f"{path}:{line + offset}: {msg}"))

    for s in sessions:
        if s.other:
            check(s.line - 1, False, say(Msg.SESSION_NOT_RUN, info=s.other))
            continue
        if ">>>" not in s.code:
            if s.console:
                check(s.line - 1, False, say(Msg.PYCON_WITHOUT_SESSION))
                continue
            try:
                exec(compile(s.code, f"{path}:{s.line + offset}", "exec"), ns)  # noqa: S102
            except BaseException as exc:  # noqa: BLE001 (page code must never end the build)
                check(s.line, False, say(Msg.CODE_RAISED, error=f"{type(exc).__name__}: {exc}"))
            else:
                check(s.line, True, "code block ran")
            continue
        try:
            test = parser.get_doctest(s.code, ns, path, path, s.line - 1)
        except ValueError as exc:
            check(s.line, False, say(Msg.DOCTEST_UNREADABLE, error=exc))
            continue
        runner = _Runner()
        try:
            runner.run(test, out=lambda _text: None, clear_globs=False)
        except BaseException as exc:  # noqa: BLE001 (SystemExit in an example)
            check(s.line, False, say(Msg.DOCTEST_RAISED, error=f"{type(exc).__name__}: {exc}"))
            continue
        for ex in test.examples:
            problem = runner.problems.get(id(ex))
            if ex.options.get(doctest.SKIP):
                problem = say(Msg.DOCTEST_SKIP, source=ex.source.strip())
            check(s.line + ex.lineno, problem is None, problem or "doctest example holds")
    return checks
