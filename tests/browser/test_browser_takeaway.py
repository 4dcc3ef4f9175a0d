"""What a reader takes away, in Chromium: the "Disagree with this verdict?" link of every
answer page (with JavaScript off, making no request until followed), its "Cite this page"
BibTeX (pybtex), the version in the footer and the home page's link to the PDF.

Set ``RNNNOTES_SITE`` to a built site to reuse it instead of the session's strict build.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from pybtex.database import parse_string
from site_server import SiteServer, mkdocs_config

import rnnnotes
from rnnsite.answer_pages import answer_pages
from rnnsite.grades import Grade

CONFIG = mkdocs_config()
PAGES = answer_pages()


@pytest.fixture(scope="module")
def takeaway_server(request):
    site = Path(os.environ["RNNNOTES_SITE"]) if os.environ.get("RNNNOTES_SITE") \
        else request.getfixturevalue("site")
    with SiteServer(site) as running:
        yield running


@pytest.fixture(scope="module")
def no_script(browser):
    """A reader without JavaScript."""
    context = browser.new_context(java_script_enabled=False)
    yield context
    context.close()


@pytest.mark.parametrize("answer", PAGES, ids=lambda p: p.src)
def test_the_dispute_link_carries_the_page_and_the_verdict_and_waits_for_a_click(
        no_script, takeaway_server, answer):
    page = no_script.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(takeaway_server.url + answer.url_path, wait_until="load")
    link = page.get_by_role("link", name="Disagree with this verdict?")
    assert link.count() == 1
    parts = urlsplit(link.get_attribute("href"))
    assert f"https://{parts.netloc}{parts.path}" == CONFIG["repo_url"] + "/issues/new"
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query["page"] == CONFIG["site_url"] + answer.url_path
    assert query["verdict"] == answer.grade.badge
    assert Grade.parse(int(query["verdict"].split()[0])) == answer.grade
    assert query["template"] == "disagree.yml" and query["version"] == rnnnotes.__version__
    assert answer.title in query["title"]
    off_site = [u for u in requests if not u.startswith(takeaway_server.origin)
                and not u.startswith("data:")]
    assert off_site == [], "the page made requests off the site before any click"
    page.close()


@pytest.mark.parametrize("answer", PAGES, ids=lambda p: p.src)
def test_cite_this_page_gives_bibtex_of_this_version(no_script, takeaway_server, answer):
    page = no_script.new_page()
    page.goto(takeaway_server.url + answer.url_path, wait_until="load")
    assert page.get_by_role("heading", name="Cite this page").count() == 1
    bibtex = page.locator("pre.takeaway__bibtex").inner_text()
    [entry] = parse_string(bibtex, "bibtex").entries.values()
    assert entry.fields["version"] == rnnnotes.__version__
    assert entry.fields["url"] == CONFIG["site_url"] + answer.url_path
    plain = page.locator(".takeaway__plain").inner_text()
    assert answer.title in plain and f"version {rnnnotes.__version__}" in plain
    # It is the last thing on the page.
    assert page.locator("article .takeaway ~ *:not(script)").count() == 0
    page.close()


def test_the_footer_shows_the_version_linked_to_the_changelog(no_script, takeaway_server):
    page = no_script.new_page()
    page.goto(takeaway_server.url + PAGES[0].url_path)
    version = page.locator(".md-copyright__version a")
    assert version.inner_text() == rnnnotes.__version__
    response = page.goto(version.evaluate("a => a.href"))
    assert response.status == 200
    assert page.get_by_role("heading", name="Changelog", level=1).count() == 1
    page.close()


def test_the_home_page_links_the_pdf(no_script, takeaway_server):
    page = no_script.new_page()
    page.goto(takeaway_server.url)
    link = page.locator(".pdf-handout a")
    assert link.get_attribute("href") == "rnnnotes.pdf"
    assert link.get_attribute("type") == "application/pdf"
    page.close()
