"""Python-Markdown extension: the changelog page is rendered only if it holds to the record.

``docs/changelog.md`` names versions and release days, and states grade changes; what it
says is checked against ``releases.toml`` and the answer pages' grades by
:func:`rnnsite.changelog.problems` (a section per release, each opening with the day it
records, an entry for every grade that changed and none for a grade that did not). Until
0.2.0 that check ran only as a command and a test: a changed version or day on the page
("## 0.1.0" made "## 0.2.0") left the build as it was. Now rendering the page runs it on
the page's own Markdown and refuses a page with a problem (:class:`ChangelogError`, a
``ValueError``, as the answer pages' extension does), in the site's build and in every
render of the page the tests make. It reads the answer pages' grades, so the build cache
keys the page by their front matter (:mod:`rnnsite.page_store`), and ``releases.toml``,
a read the cache records.

In ``mkdocs.yml``: ``markdown_extensions: [rnnsite.changelog_ext]``.
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from livedocs import page_info
from rnnsite.answer_pages import DOCS
from rnnsite.changelog import CHANGELOG, problems

__all__ = ["SRC", "ChangelogError", "ChangelogExtension", "makeExtension"]

SRC = CHANGELOG.relative_to(DOCS).as_posix()  # the page checked: "changelog.md"


class ChangelogError(ValueError):
    """The changelog page disagrees with the release record or the answer pages."""


class _Check(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if page_info(self.md).src_uri == SRC:
            found = problems(text="\n".join(lines))
            if found:
                raise ChangelogError("docs/changelog.md: " + "; ".join(found))
        return lines


class ChangelogExtension(Extension):
    """Checks the changelog page against the record when it is rendered."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.registerExtension(self)
        md.preprocessors.register(_Check(md), "rnnsite_changelog", 5)


def makeExtension(**kwargs: Any) -> ChangelogExtension:  # noqa: N802 (Markdown's API name)
    """Entry point for ``markdown_extensions: [rnnsite.changelog_ext]``."""
    return ChangelogExtension(**kwargs)
