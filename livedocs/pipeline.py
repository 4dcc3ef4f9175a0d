"""One page, checked: the five stages, in one place.

:func:`check` takes a page as its renderer produced it (:class:`RenderedPage`) and returns
its :class:`~livedocs.report.PageReport`.  The Markdown extension
(:mod:`livedocs.markdown_ext`, in every build) and the pytest renderer
(:mod:`livedocs.render`, under Sybil) both reach it through the same postprocessor, so the
two accept and reject exactly the same pages.

1. **read** the HTML as a reader sees it (:mod:`livedocs.checker.reading`);
2. **plan** every check without running page code (:mod:`livedocs.checker.plan`), plus what the
   renderer found outside the body: citations, front matter, TOC labels, the nav;
3. **run** the page's code and the checks (:mod:`livedocs.checker.run`), and its code examples
   (:mod:`livedocs.checker.examples`);
4. **reveal** the work behind each checked number (:mod:`livedocs.reveal`) and strip the
   placeholders;
5. **report**: every check as data, and the page as it is published.
"""

from __future__ import annotations

import html as htmlmod
import re
from dataclasses import dataclass, field
from typing import Any

from . import reveal
from .checker.examples import find_sessions, run_sessions
from .checker.givens import Given, givens_of
from .checker.plan import plan_page
from .checker.plantypes import AuditTok, PagePlan, Planned
from .checker.prose import prose_tokens
from .checker.reading import SETUP_PREFIX, read_html
from .checker.run import SetupCache, run_plan
from .checker.source import Prepared
from .htmlmap import HtmlMap, lone_paragraphs, splice
from .marks import EXEMPT_CLOSE, EXEMPT_MARKS, EXEMPT_OPEN, marker_char, private_use, strip_marks
from .messages import Msg, say
from .page import PageInfo, load_seed
from .report import Check, Kind, PageReport

__all__ = ["RenderedPage", "Options", "check", "AUDITED_META", "publish", "failures_by_marker"]

# Front matter a theme shows to the reader: audited like prose.
AUDITED_META = ("title", "subtitle", "description")


@dataclass(frozen=True, kw_only=True)
class RenderedPage:
    """A page as its renderer produced it, placeholders still in place."""

    info: PageInfo
    html: str
    prep: Prepared
    cited: frozenset[str] = frozenset()
    cite_errors: tuple[tuple[str, str], ...] = ()  # (text to find the line by, message)
    toc_labels: tuple[str, ...] = ()  # data-toc-label values, shown in the TOC
    nav_labels: tuple[str, ...] = ()  # the page's label in the nav and its sections'


@dataclass(frozen=True, kw_only=True)
class Options:
    seed: str | None = None  # the student's answers (a file)
    api: str | None = None  # the API reference's folder or page, for the reveal's links
    setup_cache: SetupCache | None = field(default=None, compare=False)
    sci_math: bool = False  # prose scientific notation shown as inline math (the reveal)
    reproduce_with: str = ""  # the package the reproduce box says to install


# What the "reproduce" box reproduces: a page shows it only if the reader sees one of these
# (a setup block that only names labels, as a changelog's versions, has nothing to rerun).
_SHOWN = (Kind.LIVE, Kind.EQUATION)


def check(page: RenderedPage, options: Options | None = None) -> PageReport:
    """Every check of ``page``, and the page as published (see the module docstring)."""
    options = options or Options()
    info = page.info
    if info.fragment:
        return _fragment(page)
    read = read_html(page.html)                                              # 1. read
    givens = _givens(read.setups, info)
    seed = load_seed(options.seed) if options.seed else None
    plan = plan_page(page.prep, read, givens, page.prep.text, seed)          # 2. plan
    _plan_outside_body(plan, page)
    ns: dict[str, Any] = _front_matter_names(info)
    sessions = find_sessions(page.prep.text)
    checks = run_plan(plan, info.path, info.offset, ns, options.setup_cache)  # 3. run
    checks[-1:-1] = run_sessions(sessions, info.path, info.offset, options.setup_cache)
    out = reveal.decorate(page.html, page.prep, plan, checks, ns, info.src_uri,  # 4. reveal
                          options.api, read.where, sci_math=options.sci_math)
    if plan.setup is not None and any(c.kind in _SHOWN for c in checks):
        out += reveal.reproduce_html(plan.setup, options.reproduce_with)
    out = _clean(out, page.prep, plan.code_markers, read.setups)
    return PageReport(path=info.path, checks=tuple(checks), cited=page.cited,  # 5. report
                      html=out)


def _fragment(page: RenderedPage) -> PageReport:
    """A docstring: a marker in it is an error; its numbers are not audited."""
    checks = tuple(Check(kind=Kind.MARKUP, path=page.info.path, line=mk.line, ok=False,
                         message=f"{page.info.path}: "
                                 + say(Msg.MARKER_IN_DOCSTRING, raw=mk.raw), marker=mk.k)
                   for mk in page.prep.markers)
    html = EXEMPT_OPEN + _clean(page.html, page.prep, set(), []) + EXEMPT_CLOSE
    return PageReport(path=page.info.path, checks=checks, html=html)


# -- givens ---------------------------------------------------------------------------
# Front matter keys that are facts of the page, as if its setup assigned them.
_META_GIVENS = {"task": "TASK", "question": "QUESTION"}


def _front_matter_names(info: PageInfo) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, name in _META_GIVENS.items():
        value = info.meta.get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            out[name] = value
    return out


def _givens(setups: list[str], info: PageInfo) -> list[Given]:
    givens = givens_of(setups[0]) if setups else []
    names = {g.name for g in givens}
    for name, value in _front_matter_names(info).items():
        if name in names:
            continue
        # labels, matched by their text (a question number is no quantity of the page:
        # it must not make the page's own 1 or 2 ambiguous)
        if re.fullmatch(r"-?\d+(?:\.\d+)*", str(value)):
            givens.append(Given(name, None, label=str(value)))
    return givens


# -- what the reader sees outside the body ----------------------------------------------
def _plan_outside_body(plan: PagePlan, page: RenderedPage) -> None:
    info, prep = page.info, page.prep
    for needle, msg in page.cite_errors:
        pos = prep.text.find(needle) if needle else -1
        line = prep.text.count("\n", 0, pos) + 1 if pos >= 0 else 1
        plan.items.append(Planned(Kind.MARKUP, line, error=msg))
    if info.source is not None:
        for off in private_use(info.source):
            if info.source[off] in EXEMPT_MARKS:  # the others: see _source.prepare
                line = info.source.count("\n", 0, off) + 1 - info.offset
                plan.items.append(Planned(Kind.MARKUP, line, error=say(
                    Msg.PRIVATE_USE, code=ord(info.source[off]))))
    for key in AUDITED_META:
        line = info.meta_lines.get(key, 1) - info.offset
        for text in _shown(info.meta.get(key)):
            _audit_shown(plan, text, line, f"front matter `{key}`")
    for label in page.toc_labels:
        _audit_shown(plan, label, 1, "a heading's data-toc-label")
    for label in page.nav_labels:
        _audit_shown(plan, label, 1 - info.offset, f"the nav label {label!r}")
    plan.items.sort(key=lambda it: it.line)


def _shown(value: Any) -> list[str]:
    """The text a reader sees for a front matter value, whatever YAML made of it: a number
    (``title: 2561``), a date, a list's items (a string as itself; ``true`` shows no digit)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in _shown(v)]
    if isinstance(value, dict):
        return [t for kv in value.items() for v in kv for t in _shown(v)]
    if value is None or isinstance(value, bool):
        return []
    return [str(value)]


def _audit_shown(plan: PagePlan, text: str, line: int, where: str) -> None:
    plan.audit += [AuditTok(t.text, t.value, line) for t in prose_tokens(strip_marks(text))]
    if "<!--" in text:
        plan.items.append(Planned(Kind.MARKUP, line,
                                  error=say(Msg.MARKER_OUTSIDE_BODY, where=where)))


# -- the published page ----------------------------------------------------------------
_MOVED_BEFORE = re.compile(r"\$\$|\\\]|\\end\{[A-Za-z*]+\}")  # where prepare moved a marker


def _clean(text: str, prep: Prepared, code_markers: set[int], setups: list[str]) -> str:
    """The page as published: the setup comments removed, a marker shown in code shown as
    written, paragraphs that held only an exemption mark removed, placeholders stripped.
    Every place comes from the parser (:class:`HtmlMap`); the edits are spliced in."""
    where = HtmlMap(text)
    edits: list[tuple[int, int, str]] = []
    todo = list(setups)
    for start, end, data in where.comments:
        if data.startswith(SETUP_PREFIX + "\n") and data[len(SETUP_PREFIX) + 1:] in todo:
            todo.remove(data[len(SETUP_PREFIX) + 1:])
            edits.append((start, end, ""))
    for mk in prep.markers:  # a marker shown in code is shown as written
        if mk.k not in code_markers:
            continue
        ph, raw = marker_char(mk.k), htmlmod.escape(mk.raw, quote=False)
        places = []
        i = text.find(ph)
        while i >= 0:
            places.append(i)
            i = text.find(ph, i + 1)
        # a marker prepare moved into the math: back after the first closing delimiter
        # (its other copies are stripped); otherwise every copy shows the marker
        moved = next((m for i in places if (m := _MOVED_BEFORE.match(text, i + 1))), None)
        if mk.moved and moved is not None:
            edits.append((moved.start() - 1, moved.end(), moved.group() + raw))
        else:
            edits += [(i, i + 1, raw) for i in places]
    edits += lone_paragraphs(where, EXEMPT_MARKS)  # an exempt block's own paragraph
    return strip_marks(splice(text, edits))


def publish(html: str, prep: Prepared) -> str:
    """``html`` (placeholders in place) as published, without the reveal."""
    return _clean(html, prep, set(), read_html(html).setups)


def failures_by_marker(report: PageReport) -> tuple[dict[int, list[Check]], list[Check]]:
    """The report's findings: those tied to a marker, by marker, and the others."""
    tied: dict[int, list[Check]] = {}
    rest: list[Check] = []
    for c in report.failures:
        if c.marker is not None:
            tied.setdefault(c.marker, []).append(c)
        else:
            rest.append(c)
    return tied, rest
