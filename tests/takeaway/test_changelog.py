"""The changelog check: a grade that differs from the last release's needs an entry in
docs/changelog.md, and an entry needs a change (rnnsite.changelog, rnnsite.releases)."""

from __future__ import annotations

import datetime as dt
import shutil
import tomllib
from pathlib import Path

import pytest

from rnnsite import changelog, releases
from rnnsite.answer_pages import DOCS, front_matter
from rnnsite.grades import Grade

ROOT = Path(__file__).resolve().parents[2]
PAGE = "task-2-1/q2-forget-gate-zero.md"


def test_the_repository_changelog_explains_every_grade_change():
    assert changelog.problems() == []


def test_the_version_is_pyprojects_and_the_packages():
    import rnnnotes

    stated = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert releases.version() == rnnnotes.__version__ == stated


def test_the_release_record_is_readable_and_holds_every_answer_page():
    record = releases.read()
    assert record, "releases.toml records no release"
    assert set(record[-1].grades) == {p.relative_to(DOCS).as_posix()
                                      for p in DOCS.glob("task-*/q*.md")}


@pytest.fixture
def docs_copy(tmp_path) -> Path:
    """The answer pages, copied, to change one grade."""
    shutil.copytree(DOCS, tmp_path / "docs", ignore=shutil.ignore_patterns("*.py", "assets"))
    return tmp_path / "docs"


def _bump(docs: Path) -> tuple[Grade, Grade]:
    page = docs / PAGE
    old = Grade(front_matter(page)["grade"])
    new = Grade((old + 1) % 5)
    text = page.read_text()
    assert f"\ngrade: {int(old)}\n" in text
    page.write_text(text.replace(f"\ngrade: {int(old)}\n", f"\ngrade: {int(new)}\n"))
    return old, new


def _with_entry(text: str, entry: str, section: str = "Unreleased") -> str:
    """``text`` with ``entry`` first under ``## section``, made above the newest version's
    section unless the changelog has one already (an entry not yet released, say)."""
    if f"\n## {section}\n" in text:
        return text.replace(f"\n## {section}\n", f"\n## {section}\n\n{entry}\n", 1)
    head, sep, rest = text.partition("\n## ")
    return f"{head}\n## {section}\n\n{entry}\n{sep}{rest}"


def test_a_changed_grade_without_an_entry_fails(docs_copy):
    _bump(docs_copy)
    found = changelog.problems(releases.current_grades(docs_copy))
    assert len(found) == 1 and found[0].startswith(f"{PAGE}: grade changed from ")
    assert "no entry explaining it" in found[0]


def test_an_entry_stating_the_change_makes_it_pass(docs_copy):
    old, new = _bump(docs_copy)
    text = _with_entry(changelog.CHANGELOG.read_text(),
                       f"- [the forget gate]({PAGE}): from *{old.label}* to\n"
                       f"  *{new.label}*. A reader showed that ...")
    assert changelog.problems(releases.current_grades(docs_copy), text=text) == []


def test_an_entry_under_the_released_version_does_not_count(docs_copy):
    old, new = _bump(docs_copy)
    last = releases.read()[-1].version
    text = changelog.CHANGELOG.read_text().replace(
        f"## {last}\n", f"## {last}\n\n- [x]({PAGE}): from *{old.label}* to *{new.label}*.\n")
    found = changelog.problems(releases.current_grades(docs_copy), text=text)
    assert any("no entry explaining it" in f for f in found)


def test_an_entry_with_the_wrong_grades_fails(docs_copy):
    old, new = _bump(docs_copy)
    wrong = Grade((new + 1) % 5)
    text = _with_entry(changelog.CHANGELOG.read_text(),
                       f"- [x]({PAGE}): from *{old.label}* to *{wrong.label}*.")
    found = changelog.problems(releases.current_grades(docs_copy), text=text)
    assert found == [f"{PAGE}: the changelog above {releases.read()[-1].version} (Unreleased)"
                     f" says from {old.label} to {wrong.label}, but the grade went from"
                     f" {old.label} to {new.label}"]


def test_an_entry_for_a_grade_that_did_not_change_fails():
    text = _with_entry(changelog.CHANGELOG.read_text(),
                       f"- [x]({PAGE}): from *no credit* to *full marks*.")
    assert any("did not change" in f for f in changelog.problems(text=text))


def test_an_entry_stating_no_change_is_an_error():
    text = _with_entry(changelog.CHANGELOG.read_text(), f"- [x]({PAGE}): it is better now.")
    assert any("states no change" in f for f in changelog.problems(text=text))


def test_a_released_version_states_the_recorded_date():
    """Design review: the changelog said the first version's date "is in releases.toml", a
    file a reader cannot see; its section opens with the date, and a date that is not the
    record's fails."""
    last = releases.read()[-1]
    text = changelog.CHANGELOG.read_text()
    assert changelog.section(last.version, text).startswith(
        f"Released on {last.date.day} {last.date:%B %Y}")
    other = "January" if last.date.month != 1 else "February"
    wrong = text.replace(f"{last.date.day} {last.date:%B} {last.date.year}",
                         f"{last.date.day} {other} {last.date.year}")
    assert wrong != text
    assert any("should open with" in f for f in changelog.problems(text=wrong))


def test_each_release_is_checked_against_the_one_before(tmp_path):
    first = releases.read()[-1]
    changed = {**first.grades, PAGE: Grade((first.grades[PAGE] + 1) % 5)}
    later = releases.Release("9.0.0", dt.date(2030, 1, 1), changed)
    text = _with_entry(changelog.CHANGELOG.read_text(), "Nothing here.", "9.0.0")
    found = changelog.problems(changed, [first, later], text)
    assert found and "the changelog's 9.0.0 section has no entry" in found[0]


def test_record_refuses_a_version_twice_or_out_of_order(tmp_path):
    path = tmp_path / "releases.toml"
    grades = {PAGE: Grade.HALF_RIGHT}
    releases.record("0.2.0", dt.date(2027, 1, 2), grades, path=path)
    assert releases.read(path) == [releases.Release("0.2.0", dt.date(2027, 1, 2), grades)]
    with pytest.raises(releases.ReleaseError, match="already recorded"):
        releases.record("0.2.0", dt.date(2027, 1, 3), grades, path=path)
    with pytest.raises(releases.ReleaseError, match="not newer than the last release, 0.2.0"):
        releases.record("0.1.9", dt.date(2027, 1, 3), grades, path=path)


@pytest.mark.parametrize("body, message", [
    ('version = "1"\ndate = 2026-01-01\n[release.grades]\n', "MAJOR.MINOR.PATCH"),
    ('version = "1.0.0"\ndate = "today"\n[release.grades]\n', "TOML date"),
    ('version = "1.0.0"\ndate = 2026-01-01\n[release.grades]\n"a.md" = 9\n', "got 9"),
])
def test_a_malformed_record_is_an_error_naming_what_is_wrong(tmp_path, body, message):
    path = tmp_path / "releases.toml"
    path.write_text("[[release]]\n" + body)
    with pytest.raises(releases.ReleaseError, match=message):
        releases.read(path)


def test_the_release_notes_are_the_versions_section_without_markers():
    last = releases.read()[-1].version
    notes = changelog.section(last)
    assert notes.strip() and "<!--" not in notes and "## " not in notes
    with pytest.raises(ValueError, match="no section ## 99.0.0"):
        changelog.section("99.0.0")
