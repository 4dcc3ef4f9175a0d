"""The changelog page is rendered only while it holds to the release record
(rnnsite/changelog_ext.py): a version or a day changed on the page stops its render, in
the build and in the tests' renders, as the mutation test found it did not (7 December)."""

from __future__ import annotations

import re

import pytest

from livedocs.render import render_page
from rnnsite.changelog import CHANGELOG
from rnnsite.changelog_ext import ChangelogError
from rnnsite.releases import read

TEXT = CHANGELOG.read_text(encoding="utf-8")
PATH = "docs/changelog.md"


def test_the_repository_changelog_renders():
    assert render_page(TEXT, PATH).report.ok


def _releases():
    return [r.version for r in read()]


@pytest.mark.parametrize("version", _releases())
def test_a_released_versions_heading_changed_stops_the_render(version):
    other = re.sub(r"\d+$", lambda m: str(int(m.group()) + 7), version)
    changed = TEXT.replace(f"\n## {version}\n", f"\n## {other}\n", 1)
    assert changed != TEXT
    with pytest.raises(ChangelogError, match=f"no section for the released {version}"):
        render_page(changed, PATH)


@pytest.mark.parametrize("release", read(), ids=lambda r: r.version)
def test_a_release_day_changed_stops_the_render(release):
    day = release.date.day
    shown = f"Released on {day}"
    start = TEXT.index(f"\n## {release.version}\n")
    at = TEXT.index(shown, start)
    changed = TEXT[:at] + shown.replace(str(day), str(day % 28 + 1)) + TEXT[at + len(shown):]
    with pytest.raises(ChangelogError, match=f"changelog {re.escape(release.version)}: the"):
        render_page(changed, PATH)


def test_another_page_is_not_checked():
    """A page with a version's heading that is not the changelog renders (its numbers are
    the live-number audit's to judge)."""
    render_page("# Page\n\n## 0.9.9\n\nReleased on 1 May.\n", "docs/p.md")
    with pytest.raises(ChangelogError):
        render_page("# Page\n\n## 0.9.9\n\nReleased on 1 May.\n", PATH)
