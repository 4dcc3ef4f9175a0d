"""Versions: the project's version (``pyproject.toml``, read through the installed
package's metadata) and ``releases.toml``, the committed record of every release: its
version, its date, and the grade of every answer page at that release.

The record is what the changelog check (:mod:`rnnsite.changelog`) compares today's grades
with. It is written by ``uv run python -m rnnsite.releases record`` when a version is
released (the release workflow refuses a version whose record is missing or out of date),
and read by anyone: it is plain TOML, one table per release.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from rnnsite.answer_pages import ROOT, answer_pages
from rnnsite.grades import Grade

RECORD = ROOT / "releases.toml"
_VERSION = re.compile(r"\d+\.\d+\.\d+")
_HEADER = """\
# Every release of rnnnotes: its version, its date and the grade (marks out of 4) of every
# answer page at that release, oldest first. Written by
# `uv run python -m rnnsite.releases record` when a version is released; never edited by
# hand. tests/takeaway/test_changelog.py compares today's grades with the last release's
# and requires an entry in docs/changelog.md for each one that changed.
"""


class ReleaseError(ValueError):
    """A malformed release record, or a release that cannot be recorded."""


def version() -> str:
    """The project's version, as ``pyproject.toml`` states it (through the metadata of the
    installed ``rnnnotes``, which ``uv run`` keeps in step with pyproject.toml)."""
    return importlib.metadata.version("rnnnotes")


def version_key(text: str) -> tuple[int, ...]:
    """``"0.10.2"`` -> ``(0, 10, 2)``, to order versions; a ValueError for anything else."""
    if not _VERSION.fullmatch(text):
        raise ValueError(f"expected a version MAJOR.MINOR.PATCH such as 0.2.0, got {text!r}")
    return tuple(int(part) for part in text.split("."))


@dataclass(frozen=True)
class Release:
    version: str
    date: dt.date
    grades: dict[str, Grade]   # answer page (below docs/) -> its grade at this release


def read(path: Path = RECORD) -> list[Release]:
    """The releases recorded in ``path``, oldest first ([] when it does not exist)."""
    if not path.exists():
        return []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    releases = []
    for i, entry in enumerate(data.get("release", [])):
        where = f"{path.name}: release {i + 1}"
        if set(entry) != {"version", "date", "grades"}:
            raise ReleaseError(f"{where}: expected the keys version, date and grades,"
                               f" got {sorted(entry)}")
        if not isinstance(entry["date"], dt.date):
            raise ReleaseError(f"{where}: date must be a TOML date (2026-12-06),"
                               f" got {entry['date']!r}")
        try:
            version_key(entry["version"])
            grades = {src: Grade.parse(g, f"{where}: {src}") for src, g in entry["grades"].items()}
        except (ValueError, TypeError) as error:
            raise ReleaseError(f"{where}: {error}") from None
        releases.append(Release(entry["version"], entry["date"], grades))
    versions = [version_key(r.version) for r in releases]
    if versions != sorted(set(versions)):
        raise ReleaseError(f"{path.name}: releases must be in increasing version order,"
                           f" once each; got {[r.version for r in releases]}")
    return releases


def release_of(version_text: str, path: Path = RECORD) -> Release | None:
    """The recorded release ``version_text``, or None when it is not (yet) released."""
    return next((r for r in read(path) if r.version == version_text), None)


def current_grades(docs: Path | None = None) -> dict[str, Grade]:
    """Every answer page's grade today."""
    pages = answer_pages(docs) if docs is not None else answer_pages()
    return {p.src: p.grade for p in pages}


def render(releases: list[Release]) -> str:
    """``releases`` as the text of releases.toml."""
    parts = [_HEADER]
    for r in releases:
        parts.append(f'\n[[release]]\nversion = "{r.version}"\ndate = {r.date.isoformat()}\n')
        parts.append("[release.grades]\n")
        parts.extend(f'"{src}" = {int(g)}\n' for src, g in sorted(r.grades.items()))
    return "".join(parts)


def record(version_text: str, date: dt.date, grades: dict[str, Grade], *,
           path: Path = RECORD, replace: bool = False) -> Release:
    """Add the release ``version_text`` (newer than every recorded one) to ``path``. With
    ``replace``, an existing record of that version is overwritten instead (only before
    its tag is pushed: a published release's grades are history)."""
    releases = read(path)
    release = Release(version_text, date, dict(grades))
    same = [r for r in releases if r.version == version_text]
    if same and not replace:
        raise ReleaseError(f"{version_text} is already recorded in {path.name}"
                           " (bump the version in pyproject.toml for a new release)")
    releases = [r for r in releases if r.version != version_text]
    if releases and version_key(version_text) <= version_key(releases[-1].version):
        raise ReleaseError(f"{version_text} is not newer than the last release,"
                           f" {releases[-1].version}")
    path.write_text(render([*releases, release]), encoding="utf-8")
    return release


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rnnsite.releases", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record", help="record the version of pyproject.toml, released today,"
                                        " with every answer page's grade")
    rec.add_argument("--date", type=dt.date.fromisoformat, default=dt.date.today())
    rec.add_argument("--replace", action="store_true",
                     help="overwrite this version's record (before its tag is pushed)")
    sub.add_parser("check", help="exit 1 unless the version of pyproject.toml is recorded"
                                 " with today's grades (the release workflow runs it)")
    args = parser.parse_args(argv)
    this = version()
    if args.command == "record":
        try:
            release = record(this, args.date, current_grades(), replace=args.replace)
        except ReleaseError as error:
            print(error, file=sys.stderr)
            return 1
        print(f"recorded {release.version} ({release.date}): {len(release.grades)} grades")
        return 0
    release = release_of(this)
    if release is None:
        print(f"{this} (pyproject.toml) has no record in {RECORD.name}: run"
              " `uv run python -m rnnsite.releases record`", file=sys.stderr)
        return 1
    if release.grades != current_grades():
        print(f"the grades recorded for {this} differ from the pages' grades today",
              file=sys.stderr)
        return 1
    print(f"{this} recorded on {release.date}, grades as today")
    return 0


if __name__ == "__main__":
    sys.exit(main())
