"""What every published page carries: its canonical address, a sitemap entry, the repository
and no edit link, the licence, its own title and description, the project's icons; and a
404 page that works at any depth below the site's sub-path."""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.mkdocs_config import ROOT, mkdocs_config, nav_sources

CONFIG = mkdocs_config()
SITE_URL = CONFIG["site_url"]
REPO_URL = CONFIG["repo_url"]
DOCS = ROOT / "docs"
SOURCES = nav_sources()  # Markdown pages and the executed notebooks


def page_url(source: str) -> str:
    """The published address of a docs/ source (MkDocs' directory URLs)."""
    stem = source.rsplit(".", 1)[0]
    return SITE_URL + ("" if stem == "index" else stem.removesuffix("/index") + "/")


def built(site: Path, source: str) -> str:
    rel = page_url(source).removeprefix(SITE_URL)
    return (site / rel / "index.html").read_text(encoding="utf-8")


def head(html: str, pattern: str) -> list[str]:
    return re.findall(pattern, html.split("</head>", 1)[0])


def test_site_url_is_an_absolute_address_ending_in_a_slash():
    parts = urlsplit(SITE_URL)
    assert parts.scheme == "https" and parts.netloc and parts.path.endswith("/")


@pytest.mark.parametrize("source", SOURCES)
def test_every_page_names_its_canonical_address(site, source):
    assert head(built(site, source), r'<link rel="canonical" href="([^"]+)"') == [
        page_url(source)]


def test_the_sitemap_lists_every_page(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site / "sitemap.xml").getroot()
    assert sorted(loc.text for loc in root.findall("s:url/s:loc", ns)) == sorted(
        page_url(s) for s in SOURCES)


@pytest.mark.parametrize("source", SOURCES)
def test_every_page_links_the_repository_and_no_editor(site, source):
    """The header links the repository; no page has an edit (or view-source) button: the
    students who read it take "Disagree with this verdict?" instead."""
    html = built(site, source)
    assert f'href="{REPO_URL}"' in html
    assert "md-content__button" not in html and 'rel="edit"' not in html
    assert f"{REPO_URL}/edit/" not in html


def test_the_licence_is_mit_in_the_repository_the_package_and_the_footer(site):
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "WITHOUT WARRANTY OF ANY KIND" in licence
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["license"] == "MIT"
    for source in SOURCES:
        footer = built(site, source).split('<div class="md-copyright">', 1)[1]
        assert f'<a href="{REPO_URL}/blob/main/LICENSE">MIT licence</a>' in footer, source


def test_every_page_has_its_own_title_and_description(site):
    titles, descriptions = {}, {}
    for source in SOURCES:
        html = built(site, source)
        titles[source], = head(html, r"<title>([^<]+)</title>")
        descriptions[source], = head(html, r'<meta name="description" content="([^"]+)"')
    assert len(set(titles.values())) == len(SOURCES), titles
    # a heading's permalink never comes with it into a title ("API reference¶")
    assert not [t for t in titles.values() if "¶" in t], titles
    for source in SOURCES:
        shown = re.findall(r'class="md-ellipsis">(.*?)</', built(site, source), re.S)
        assert not [t for t in shown if "¶" in t or "&para;" in t], (source, shown)
    assert len(set(descriptions.values())) == len(SOURCES), descriptions
    assert CONFIG["site_description"] not in descriptions.values()
    assert all(len(d) >= 50 for d in descriptions.values()), descriptions


def test_the_favicon_and_logo_are_the_projects_own(site):
    html = built(site, "index.md")
    assert head(html, r'<link rel="icon" href="([^"]+)"') == ["assets/favicon.svg"]
    assert re.search(r'<img src="assets/logo\.svg" alt="[^"]+"', html)
    for name in ("favicon.svg", "logo.svg"):
        served = (site / "assets" / name).read_bytes()
        assert served == (DOCS / "assets" / name).read_bytes()
        assert served.startswith(b"<svg ")
    assert "favicon.png" not in html  # Material's default


def test_the_404_page_addresses_everything_from_the_site_root(site):
    # GitHub Pages serves 404.html for a missing address at any depth: a relative link
    # there would resolve against the missing address and break (its search form's too).
    html = (site / "404.html").read_text(encoding="utf-8")
    root = urlsplit(SITE_URL).path
    refs = re.findall(r'\b(?:href|src|action)="([^"#][^"]*)"', html)
    assert re.search(rf'<form [^>]*action="{re.escape(root)}', html)
    relative = [r for r in refs if not r.startswith((root, "https://", "http://", "mailto:"))]
    assert refs and relative == []


def test_serve_rebuilds_when_the_package_or_the_tooling_changes():
    assert {"rnnnotes", "livedocs"} <= set(CONFIG["watch"])


@pytest.mark.parametrize("source", SOURCES)
def test_every_table_column_has_a_header(site, source):
    """Design review: a table whose header cell is empty reads as a broken table (the API's
    "edges | count | (blank)"). Every header cell says what its column holds."""
    empty = [m.group(0) for m in re.finditer(r"<th\b[^>]*>(.*?)</th>", built(site, source), re.S)
             if not re.sub(r"<[^>]+>|&nbsp;|\s", "", m.group(1))]
    assert not empty, f"{source}: {len(empty)} empty header cell(s): {empty[:3]}"
