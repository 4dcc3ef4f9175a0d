"""Every page, at phone (390 px) and desktop (1280 px) width, light and dark, as a reader
meets it in Chromium. The visits are made once (conftest.py, browser_audit.py); each test
here checks one thing on one page in one view."""

from __future__ import annotations

import re

import pytest
from browser_audit import MISSING, PAGES, SEARCHES, VIEWS

CASES = [pytest.param(path, view, id=f"{path.strip('/') or 'home'}-{view}")
         for path in PAGES for view in VIEWS]

# Markup that must never reach a reader's eyes outside math and code: TeX commands and
# delimiters, sub/superscript groups, live-number markers, Sphinx roles.
RAW = re.compile(r"\\[A-Za-z]+|\$\$|\\[(\[]|[_^]\{|<!--=|live:setup"
                 r"|:(?:meth|func|attr|class|mod|obj|data|exc|ref|py:\w+):`")


def _own_404(visit, path: str) -> list[str]:
    """The 404 page's own status is reported by Chromium as a console error; nothing else."""
    if path != MISSING:
        return visit.console
    return [m for m in visit.console if not (m.startswith("Failed to load resource: the server "
            "responded with a status of 404") and m.endswith(f"/{MISSING})"))]


@pytest.mark.parametrize(("path", "view"), CASES)
def test_the_view_is_in_its_palette(visits, path, view):
    assert visits[path, view].scheme == {"light": "default", "dark": "slate"}[VIEWS[view][1]]


@pytest.mark.parametrize(("path", "view"), CASES)
def test_no_console_errors(visits, path, view):
    assert _own_404(visits[path, view], path) == []


@pytest.mark.parametrize(("path", "view"), CASES)
def test_nothing_is_requested_off_the_site_and_nothing_is_missing(visits, path, view):
    visit = visits[path, view]
    assert visit.offsite == []
    assert visit.failed == []
    assert visit.status == (404 if path == MISSING else 200)


@pytest.mark.parametrize(("path", "view"), CASES)
def test_the_page_never_scrolls_sideways(visits, path, view):
    probe = visits[path, view].probe
    assert probe["scrollWidth"] <= probe["clientWidth"], probe["wide"]


@pytest.mark.parametrize(("path", "view"), CASES)
def test_wide_content_scrolls_in_a_focusable_box_with_a_cue(visits, path, view):
    for box in visits[path, view].probe["scrollers"]:
        assert box["tabindex"] == "0", box
        assert box["cue"], box
        if not box["what"].startswith("code"):  # code keeps its role; its text names it
            assert box["role"] and box["label"], box



@pytest.mark.parametrize(("path", "view"), [
    pytest.param(*c.values, id=c.id)
    for c in CASES])
def test_no_raw_markup_is_visible(visits, path, view):
    probe = visits[path, view].probe
    assert RAW.findall(probe["prose"]) == []
    assert [m for m in probe["math"] if "\\" in m] == []  # TeX that latex2mathml left as text


@pytest.mark.parametrize(("path", "view"), CASES)
def test_images_load_and_have_alt_text(visits, path, view):
    images = visits[path, view].probe["images"]
    assert images, "every page shows at least the logo"
    for image in images:
        assert image["loaded"], image
        assert image["alt"], image


@pytest.mark.parametrize(("path", "view"), CASES)
def test_search_finds_the_models_and_the_seed_number(visits, path, view):
    found = visits[path, view].found
    assert all(found[query] > 0 for query in SEARCHES), found


@pytest.mark.parametrize(("path", "view"), CASES)
def test_no_serious_or_critical_accessibility_violations(visits, path, view):
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5])
           for v in visits[path, view].violations if v["impact"] in ("serious", "critical")]
    assert bad == []


@pytest.mark.parametrize("view", VIEWS)
def test_math_is_set_in_the_sites_math_font(visits, view):
    probes = {path: visits[path, view].probe for path in PAGES}
    with_math = {path: probe for path, probe in probes.items() if probe["math"]}
    assert with_math, "some page has math"
    for path, probe in with_math.items():
        assert probe["mathFonts"] == ['"STIX Two Math", math'], path
        assert "STIX Two Math" in probe["fontLoaded"], path


@pytest.mark.parametrize("view", VIEWS)
def test_text_is_set_in_faces_of_the_math_font(visits, view):
    """The article's letters, in every style they take, are set in the site's text faces
    (rnnsite/fonts.py), and the face each style needs has loaded: upright from the math
    font's own file, italic and bold from the STIX text faces. (A weight above 500 takes the
    bold face, as CSS font matching does.)"""
    for path in PAGES:
        probe = visits[path, view].probe
        assert probe["text"], f"/{path}: no text found in the article"
        for text in probe["text"]:
            assert text["family"].startswith('"rnnnotes Text"'), (path, text)
            italic, bold = text["style"] == "italic", text["weight"] > 500
            faces = [f for f in probe["fontFaces"] if f["family"] == "rnnnotes Text"
                     and (f["style"] == "italic") == italic and (f["weight"] == "700") == bold]
            assert [f["status"] for f in faces] == ["loaded"], (path, text, faces)
