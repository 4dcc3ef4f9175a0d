"""The reveal of a live number or a checked equation, as a reader meets it: it closes with a
button or Escape (focus back on the number), an equation's cue and its reveal sit at the
equation's ink, every live number shows the same cue (in scientific notation, shown as
math, too), and the sheet stands out from the page. Each page that has reveals, at 390 and
1280 px, light and dark: each page is visited once per view, every check measured in that
visit (reveal_visit.py), and the tests assert on what it found.
"""

from __future__ import annotations

import pytest
from reveal_visit import AXE_PAGE, PHONE_PAGES, Broken, visit
from site_server import page_paths

from livedocs.wording import WORDING

VIEWS = {"390-light": (390, "light"), "390-dark": (390, "dark"),
         "1280-light": (1280, "light"), "1280-dark": (1280, "dark")}
TOUCH_TARGET = 44  # px, a phone's close button (WCAG 2.5.5)
DESK_TARGET = 24  # px, at a desk (WCAG 2.5.8)
INK_SLACK = 6  # px between an equation's cue and its ink (an end operator's spacing)


@pytest.fixture(scope="module")
def reveal_pages(site):
    pages = [p for p in page_paths(site)
             if 'class="ld-wrap' in (site / p / "index.html").read_text(encoding="utf-8")]
    assert len(pages) >= 5, pages
    return pages


class _Seen(dict):
    """Each view's visit (reveal_visit.py), made when a test first asks for it."""

    def __init__(self, browser, server, pages):
        super().__init__()
        self.args = browser, server, pages

    def __missing__(self, view: str) -> dict:
        browser, server, pages = self.args
        self[view] = visit(browser, server, pages, *VIEWS[view])
        return self[view]


@pytest.fixture(scope="module")
def seen(browser, server, reveal_pages):
    """``seen[view][path][check]``: what each check found on each page in each view."""
    return _Seen(browser, server, reveal_pages)


def found(seen, view, path, check):
    """What ``check`` found on ``path`` in ``view``; fails the test where it broke."""
    data = seen[view][path][check]
    assert not isinstance(data, Broken), data
    return data


by_view = pytest.mark.parametrize("view", list(VIEWS))


@by_view
def test_a_reveal_closes_with_its_button_or_escape_and_focus_returns(seen, view, reveal_pages):
    least = TOUCH_TARGET if VIEWS[view][0] < 600 else DESK_TARGET
    for path in reveal_pages:
        for done in found(seen, view, path, "closing"):
            where = done["where"]
            assert done["close"], f"{where}: not one visible Close button"
            box = done["box"]
            assert box["width"] >= least and box["height"] >= least, (where, box)
            assert done["tip"]["y"] <= box["y"] and box["y"] + box["height"] <= \
                done["tip"]["y"] + done["tip"]["height"] + 1, where
            assert done["clicked"], f"{where}: focus back on the number"
            assert done["entered"], f"{where}: focus back on the number after Enter"
            assert done["escaped"], f"{where}: Escape keeps focus on the number"


@by_view
def test_an_open_reveal_has_no_serious_accessibility_violation(seen, view):
    violations = found(seen, view, AXE_PAGE, "axe")
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []


@by_view
def test_a_reveal_is_described_without_its_close_button(seen, view):
    """A screen reader hears a number's description, not "Close" after it: the button is in
    the sheet, outside the text aria-describedby names."""
    numbers = found(seen, view, AXE_PAGE, "described")
    for number in numbers:
        assert number["close"], f"no visible Close button: {number}"
        text = number["text"]
        assert text.startswith((WORDING["live"], WORDING["equation"])), text
        assert number["described"], f"the accessible description is not {text!r}"
        assert number["hidden"], f"Escape leaves the sheet open: {text!r}"


@by_view
def test_an_equations_cue_and_reveal_sit_at_its_ink(seen, view, reveal_pages):
    count = 0
    for path in reveal_pages:
        for item in found(seen, view, path, "equations"):
            where, cue, ink = item["where"], item["cue"], item["ink"]
            assert cue is not None, f"{where}: no cue"
            if item["scrolls"]:
                continue  # an equation that scrolls sideways: its ink is partly hidden
            assert abs(cue["left"] - ink["left"]) <= INK_SLACK, (where, cue, ink)
            assert abs(cue["right"] - ink["right"]) <= INK_SLACK, (where, cue, ink)
            if VIEWS[view][0] >= 600:  # a tooltip, at the equation
                box, ink = item["tip"]["box"], item["tip"]["ink"]
                clamped = box["x"] + box["width"] >= VIEWS[view][0] - 9
                assert abs(box["x"] - ink["left"]) <= 8 or clamped, (where, box, ink)
                assert min(abs(box["y"] - ink["bottom"]),
                           abs(box["y"] + box["height"] - ink["top"])) <= 16, (where, box, ink)
            count += 1
    assert count >= 10


@by_view
def test_every_live_number_shows_the_same_cue(seen, view, reveal_pages):
    """A live number in prose scientific notation (shown as inline math) and a checked
    inline formula carry the cue a plain live number has: a dotted line under it, in the
    same colour, that is really drawn."""
    math_numbers = 0
    for path in reveal_pages:
        cues = found(seen, view, path, "cues")
        if cues is None:
            continue
        reference = cues["reference"]
        assert reference is not None and cues["drawn"], path
        for math in cues["maths"]:
            where, cue = math["where"], math["cue"]
            assert cue is not None, where
            assert (cue["style"], cue["color"]) == (reference["style"], reference["color"]), \
                where
            assert math["drawn"], f"{where}: the cue is not drawn"
            math_numbers += 1
    assert math_numbers >= 3


def _luminance(rgb) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a, b) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# Material Design's dark theme shows a raised surface lighter than the page, a modal sheet
# (16 dp) by a 15 % white overlay: a shadow barely shows on a dark page.
DARK_OVERLAY = 0.15


@by_view
def test_the_sheet_stands_out_from_the_page(seen, view, reveal_pages):
    """Every edge of an open reveal contrasts with the page at 3:1 or more (WCAG 1.4.11),
    dark as well as light; in dark, its background is at least as far from the page's as a
    raised sheet's in Material Design's dark theme."""
    dark = seen[view]["dark"]
    for path in reveal_pages:
        colours = found(seen, view, path, "colours")
        page = colours["page"]
        for side in colours["sides"]:
            assert side["width"] >= 1, (path, side)
            assert _contrast(side["colour"], page) >= 3, (path, side, page)
        if dark:
            raised = [c + (255 - c) * DARK_OVERLAY for c in page[:3]]
            assert _contrast(colours["back"], page) >= _contrast(raised, page) - 0.01, \
                (path, colours["back"], page)


@pytest.mark.parametrize("view", [v for v, (width, _) in VIEWS.items() if width < 600])
def test_on_a_phone_the_sheet_never_covers_its_number(seen, view, reveal_pages):
    """Design review: a tapped number near the foot of a phone's screen vanished under its
    own sheet. The page scrolls it above the sheet (the number put 40 px above the foot of
    the screen, where the sheet opens)."""
    count = 0
    for path in reveal_pages[:PHONE_PAGES]:
        scrolled = found(seen, view, path, "phone_scroll")
        if scrolled is None:
            continue
        number, tip = scrolled["number"], scrolled["tip"]
        assert number["y"] + number["height"] <= tip["y"], scrolled["where"]
        count += 1
    assert count >= 2
