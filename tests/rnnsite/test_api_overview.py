"""An API page's overview is made from its own sections and entries (rnnsite/api_overview.py)."""

from __future__ import annotations

from rnnsite.api_overview import overview, sections, with_overview

PAGE = """# Models

::: rnnnotes.nn
    options:
      members: false

Opening words.

## The layers

::: rnnnotes.nn.RNN
    options:
      merge_init_into_class: true

::: rnnnotes.nn.models

```text
## not a section
::: not.an.entry
```

## Words only

Nothing documented here.

## Inside

::: rnnnotes.nn.init
"""


def test_sections_hold_their_entries_in_order():
    assert sections(PAGE) == [("The layers", ["rnnnotes.nn.RNN", "rnnnotes.nn.models"]),
                              ("Words only", []), ("Inside", ["rnnnotes.nn.init"])]


def test_the_overview_links_each_section_that_documents_objects():
    block = overview(PAGE)
    assert "- [The layers](#the-layers)\n- [Inside](#inside)\n" in block
    assert "Words only" not in block  # a section with no object has no line
    assert "RNN" not in block  # sections only: their objects are in the table of contents
    assert block.startswith('<div class="api-overview" data-search-exclude="" markdown>')


def test_the_overview_links_by_the_slugify_given():
    assert "- [The layers](#THE_LAYERS)" in overview(
        PAGE, lambda text, sep: text.upper().replace(" ", "_"))


def test_the_overview_goes_before_the_first_section():
    page = with_overview(PAGE)
    assert page.index("Opening words.") < page.index("On this page") < page.index("## The")
    assert page.replace(overview(PAGE), "") == PAGE


def test_a_page_without_sections_or_entries_is_unchanged():
    assert with_overview("# T\n\n::: a.b\n") == "# T\n\n::: a.b\n"
    assert with_overview("# T\n\n## S\n\nwords\n") == "# T\n\n## S\n\nwords\n"
