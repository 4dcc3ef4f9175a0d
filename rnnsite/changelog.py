"""The changelog check: every grade that differs from the last release's has an entry in
``docs/changelog.md`` saying so, and every entry states a change that happened.

The changelog is written by hand, one section per version, newest first (``## Unreleased``
for changes not yet released, ``## 0.2.0`` once released). A change is one list item that
links the answer page and names the grades by their labels (:mod:`rnnsite.grades`; labels,
not digits, so the page's numbers stay few and audited)::

    - [a forget gate that is always zero](task-2-1/q2-forget-gate-zero.md): from
      *some credit* to *half right*. Why, in a sentence or two.

:func:`problems` compares today's grades with the last release in ``releases.toml``
(:mod:`rnnsite.releases`) and the sections above it, and checks each released version's
entries against the record of the release before it. A page new since the last release
needs no entry (its grade has no earlier value to change from).
``uv run python -m rnnsite.changelog`` prints what it finds.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rnnsite.answer_pages import DOCS, answer_pages
from rnnsite.grades import Grade
from rnnsite.releases import RECORD, Release, read, version_key

CHANGELOG = DOCS / "changelog.md"
UNRELEASED = "Unreleased"
_SECTION = re.compile(r"^## +(\S+)", re.M)
_ITEM = re.compile(r"^[-*] +(.*(?:\n(?![-*] |#|\n).*)*)", re.M)
_LINK = re.compile(r"\]\(((?:\.\./)*task-[^)#\s]+\.md)(?:#[^)]*)?\)")
_LABELS = "|".join(re.escape(g.label) for g in Grade)
_MARKER = re.compile(r"<!--=.*?-->")  # a live number's marker (the number stays)
_CHANGE = re.compile(rf"from \*({_LABELS})\* to \*({_LABELS})\*")


@dataclass(frozen=True)
class Entry:
    version: str    # the section: "0.2.0" or "Unreleased"
    page: str       # below docs/: "task-2-1/q2-forget-gate-zero.md"
    old: Grade
    new: Grade


def entries(text: str) -> tuple[list[str], list[Entry], list[str]]:
    """The section names of a changelog (in order), its change entries, and its errors
    (a list item that links an answer page but states no change, or a bad section name)."""
    by_label = {g.label: g for g in Grade}
    found, errors = [], []
    bounds = list(_SECTION.finditer(text))
    names = [m.group(1) for m in bounds]
    for i, match in enumerate(bounds):
        name = match.group(1)
        if name != UNRELEASED:
            try:
                version_key(name)
            except ValueError as error:
                errors.append(f"changelog section {name!r}: {error} or {UNRELEASED!r}")
                continue
        body = text[match.end(): bounds[i + 1].start() if i + 1 < len(bounds) else len(text)]
        for item in _ITEM.finditer(body):
            link = _LINK.search(item.group(1))
            if link is None:
                continue
            page = link.group(1).split("../")[-1]
            change = _CHANGE.search(" ".join(item.group(1).split()))
            if change is None:
                errors.append(f"changelog {name}: the entry for {page} states no change"
                              f" 'from *LABEL* to *LABEL*' (labels: {', '.join(by_label)})")
                continue
            found.append(Entry(name, page, by_label[change.group(1)], by_label[change.group(2)]))
    return names, found, errors


def shown_date(date: dt.date) -> str:
    """A release's date as its heading shows it: "6 December 2026"."""
    return f"{date.day} {date:%B %Y}"


def _dates(releases: list[Release], text: str) -> list[str]:
    """Each released version's section opens with its date, as ``releases.toml`` records
    it: "Released on 6 December 2026" (its digits givens of the page's setup)."""
    out = []
    for r in releases:
        try:
            body = section(r.version, text)
        except ValueError:
            continue  # no section: reported above
        want = f"Released on {shown_date(r.date)}"
        if not body.startswith(want):
            out.append(f"changelog {r.version}: the section should open with {want!r}"
                       f" (the date releases.toml records), not {body[:len(want)]!r}")
    return out


def _diff(old: dict[str, Grade], new: dict[str, Grade]) -> dict[str, tuple[Grade, Grade]]:
    return {src: (old[src], g) for src, g in new.items() if src in old and old[src] != g}


def _match(changes: dict[str, tuple[Grade, Grade]], listed: list[Entry], where: str) -> list[str]:
    """Each change needs one entry stating it, and each entry a change."""
    out = []
    stated = {e.page: (e.old, e.new) for e in listed}
    for src, (old, new) in sorted(changes.items()):
        if src not in stated:
            out.append(f"{src}: grade changed from {old.label} to {new.label} since the last"
                       f" release, but {where} has no entry explaining it")
        elif stated[src] != (old, new):
            out.append(f"{src}: {where} says from {stated[src][0].label} to"
                       f" {stated[src][1].label}, but the grade went from {old.label} to"
                       f" {new.label}")
    for e in listed:
        if e.page not in changes:
            out.append(f"{e.page}: {where} lists a change from {e.old.label} to {e.new.label},"
                       " but its grade did not change")
    return out


def problems(grades: dict[str, Grade] | None = None, releases: list[Release] | None = None,
             text: str | None = None) -> list[str]:
    """Everything wrong with the changelog, given today's ``grades``, the recorded
    ``releases`` and the changelog's ``text`` (by default, the repository's)."""
    grades = grades if grades is not None else {p.src: p.grade for p in answer_pages()}
    releases = releases if releases is not None else read(RECORD)
    text = text if text is not None else CHANGELOG.read_text(encoding="utf-8")
    names, found, errors = entries(text)
    released = [r.version for r in releases]
    missing = [v for v in released if v not in names]
    if missing:
        errors.append(f"changelog has no section for the released {', '.join(missing)}")
    if not releases:
        return errors
    last = releases[-1].version
    newer = names[: names.index(last)] if last in names else names
    errors += _match(_diff(releases[-1].grades, grades),
                     [e for e in found if e.version in newer],
                     f"the changelog above {last} ({', '.join(newer) or 'no section'})")
    for before, after in zip(releases, releases[1:], strict=False):
        errors += _match(_diff(before.grades, after.grades),
                         [e for e in found if e.version == after.version],
                         f"the changelog's {after.version} section")
    return errors + _dates(releases, text)



def section(version_text: str, text: str | None = None) -> str:
    """The body of the changelog's section ``version_text`` (the release notes), without its
    heading and its setup; a ValueError when there is none."""
    text = text if text is not None else CHANGELOG.read_text(encoding="utf-8")
    bounds = list(_SECTION.finditer(text))
    for i, match in enumerate(bounds):
        if match.group(1) == version_text:
            end = bounds[i + 1].start() if i + 1 < len(bounds) else len(text)
            return _MARKER.sub("", text[match.end():end]).strip() + "\n"
    raise ValueError(f"{CHANGELOG.name} has no section ## {version_text}")


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m rnnsite.changelog", description=__doc__)
    parser.add_argument("--notes", metavar="VERSION",
                        help="print that version's section (the release's notes) instead")
    args = parser.parse_args(argv)
    if args.notes:
        print(section(args.notes), end="")
        return 0
    found = problems()
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
