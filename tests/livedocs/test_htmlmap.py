"""Where things stand in HTML, by the parser: the offsets every edit of a page uses."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from livedocs.htmlmap import HtmlMap, splice
from livedocs.render import render_page

HTML = '<p>a <strong>76,800</strong><!-- note --x--\n> b <img alt="1 < 2"> c</p>\n'


def test_end_tags_and_comments_stand_where_the_text_says() -> None:
    where = HtmlMap(HTML)
    end = HTML.index("</strong>") + len("</strong>")
    assert where.closer_ending_at(end) == (HTML.index("</strong>"), "strong")
    assert where.closer_ending_at(end - 1) is None
    (comment,) = where.comments
    start = HTML.index("<!--")
    assert comment[:2] == (start, HTML.index("> b") + 1)
    # html.parser reads the same comment text (it ends at the first "--", spaces, ">")
    seen: list[str] = []
    parser = HTMLParser()
    parser.handle_comment = seen.append  # type: ignore[method-assign]
    parser.feed(HTML)
    assert seen == [comment[2]]


def test_tag_within_tells_text_from_tags() -> None:
    where = HtmlMap(HTML)
    number = HTML.index("76,800")
    assert not where.tag_within(number, number + 6)
    assert where.tag_within(number, number + 7)  # reaches into </strong>
    alt = HTML.index("1 < 2")
    assert where.in_tag(alt) and where.tag_within(alt, alt + 1)
    assert not where.tag_within(0, 0) and where.tag_within(0, 1)


def test_splice_applies_edits_in_order_and_refuses_overlaps() -> None:
    assert splice("abcdef", [(4, 5, "E"), (0, 1, "A"), (2, 2, "+")]) == "Ab+cdEf"
    assert splice("abc", []) == "abc"
    with pytest.raises(ValueError, match="overlap"):
        splice("abcdef", [(0, 3, "x"), (2, 4, "y")])
    with pytest.raises(ValueError, match="overlap"):
        splice("abcdef", [(3, 2, "x")])


@pytest.mark.parametrize("emphasis", ["**", "*", "***"])
def test_a_live_number_under_emphasis_is_wrapped_inside_it(emphasis: str) -> None:
    page = f"Of {emphasis}76,800{emphasis}<!--= 600 * 128 --> weights.\n"
    html = render_page(page, "docs/p.md").html
    body = html.split('<details class="ld-reproduce"')[0]
    opened = body.index('<span class="ld-wrap">')
    depth, closed = 0, None  # the end of the wrap: its span tags counted
    for tag in re.finditer(r"<(/?)span\b[^>]*>", body[opened:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            closed = opened + tag.end()
            break
    assert closed is not None, body
    # the reveal wraps the number's text, inside the emphasis that holds it
    assert body[closed:].startswith(("</strong>", "</em>"))
    assert ">76,800</span>" in body[opened:closed]
