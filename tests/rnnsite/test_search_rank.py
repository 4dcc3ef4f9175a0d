"""Answer pages' search boost (rnnsite/search_rank.py): set on every answer page, on no
other page, and a page's own boost kept. In the browser: tests/browser/test_browser_search.py."""

from __future__ import annotations

import pytest

from rnnsite.answer_pages import answer_pages
from rnnsite.search_rank import ANSWER_BOOST, boost


def test_every_answer_page_is_boosted():
    pages = answer_pages()
    assert pages
    for page in pages:
        meta = {"task": page.task, "question": page.question}
        assert boost(page.src, meta) == {**meta, "search": {"boost": ANSWER_BOOST}}
    assert ANSWER_BOOST > 1


@pytest.mark.parametrize("src", ["index.md", "summary.md", "task-1-1/notebook.md"])
def test_other_pages_are_not(src):
    assert boost(src, {"title": "x"}) == {"title": "x"}


def test_a_page_keeps_its_own_boost_and_setting():
    src = answer_pages()[0].src
    assert boost(src, {"search": {"boost": 2}})["search"] == {"boost": 2}
    assert boost(src, {"search": {"exclude": True}})["search"] == {"boost": ANSWER_BOOST,
                                                                   "exclude": True}


def test_a_search_setting_that_is_no_mapping_is_an_error():
    with pytest.raises(ValueError, match="must be a mapping"):
        boost(answer_pages()[0].src, {"search": "boost"})
