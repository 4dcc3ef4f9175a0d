"""The calculator page's pieces fit: the constants it gets, the ids and names its JS uses."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest

from rnnnotes.cli import build_parser, main
from rnnnotes.counting import CELLS, count_parameters, unrolled_edges, unrolled_weights
from rnnsite.calculator_ext import PLACEHOLDER, SCRIPT_ID, constants, script_tag

ROOT = Path(__file__).resolve().parents[2]
PAGE_DIR = ROOT / "docs" / "calculator"
FIELDS = ["cell", "input_size", "hidden_size", "num_layers", "bidirectional", "proj_size",
          "output_size", "bias", "convention", "reset_after",
          "steps", "recurrence", "unrolled_bias", "initial_state"]


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["md_in_html", "rnnsite.calculator_ext"])


@pytest.fixture(scope="module")
def page_html() -> str:
    return render((PAGE_DIR / "index.md").read_text(encoding="utf-8"))


def embedded(html: str) -> dict:
    found = re.findall(rf'<script type="application/json" id="{SCRIPT_ID}">(.*?)</script>',
                       html, re.S)
    assert len(found) == 1, found
    return json.loads(found[0])


def test_the_page_carries_the_packages_constants(page_html):
    assert embedded(page_html) == constants()
    assert PLACEHOLDER not in page_html


def test_the_exported_defaults_are_the_functions_defaults():
    """Counting with the exported defaults spelled out changes nothing."""
    c = constants()
    for cell in CELLS:
        assert count_parameters(cell, 3, 5, **c["defaults"]) == count_parameters(cell, 3, 5)
    assert unrolled_weights(3, 5, 2, 4, **c["unrolled_defaults"]) == unrolled_weights(3, 5, 2, 4)
    assert set(c["gate_blocks"]) == set(c["cells"])


def test_without_the_placeholder_nothing_changes():
    text = "Some *text*.\n\n<!-- another comment -->\n"
    assert render(text) == markdown.markdown(text, extensions=["md_in_html"])


def test_the_script_cannot_be_closed_by_its_content(monkeypatch):
    import rnnsite.calculator_ext as ext

    monkeypatch.setattr(ext, "constants", lambda: {"x": "</script><b>"})
    tag = script_tag()
    assert tag.count("</script>") == 1 and json.loads(tag.split(">", 1)[1][:-9]) == {
        "x": "</script><b>"}


def test_every_field_is_a_named_control_with_a_label(page_html):
    for name in FIELDS:
        control = re.search(rf'<(input|select)\b[^>]*\bname="{name}"[^>]*>', page_html)
        assert control, name
        ident = re.search(r'\bid="([^"]+)"', control[0])[1]
        labelled = (f'<label for="{ident}"' in page_html
                    or re.search(rf"<label\b[^>]*>\s*<input\b[^>]*\bid=\"{ident}\"", page_html))
        assert labelled, f"{name}: no label"


def test_every_id_the_js_uses_is_on_the_page(page_html):
    js = (PAGE_DIR / "calculator.js").read_text(encoding="utf-8")
    used = set(re.findall(r'(?:\$|getElementById)\("([\w-]+)"\)', js))
    assert {"calc-form", "calc-alert", "calc-total", "unrolled-total"} <= used
    for ident in used - {SCRIPT_ID}:
        assert f'id="{ident}"' in page_html, ident
    assert f'"{SCRIPT_ID}"' in js


def test_the_alert_is_a_live_region_and_empty_in_the_source(page_html):
    assert re.search(r'<div id="calc-alert"[^>]*\brole="alert"[^>]*></div>', page_html)


def test_the_page_loads_its_own_scripts_only(page_html):
    sources = re.findall(r'<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"', page_html)
    assert sorted(sources) == ["calculator.css", "calculator.js", "counting.js"]
    assert all((PAGE_DIR / s).is_file() for s in sources)
    assert page_html.index('src="counting.js"') < page_html.index('src="calculator.js"')


def test_the_command_line_and_the_page_start_from_a_standard_rnn(capsys):
    """Design review: the command line's unrolled graph used to start per-unit, so a student
    checking Task 1.1 Q1 with it got their own (half-right) count back. The command, the
    page and the package now start from the same default, the full recurrent matrix of a
    standard Elman RNN, whose edges are counted one by one here."""
    assert constants()["unrolled_defaults"]["recurrence"] == \
        build_parser().parse_args(["unrolled", "--input-size", "1", "--hidden-size", "1",
                                   "--output-size", "1", "--steps", "1"]).recurrence
    sizes = ["--input-size", "20", "--hidden-size", "128", "--output-size", "10",
             "--steps", "5", "--json"]
    assert main(["unrolled", *sizes]) == 0
    total = json.loads(capsys.readouterr().out)["total"]
    assert total == len(unrolled_edges(20, 128, 10, 5, recurrence="full"))
    assert total != len(unrolled_edges(20, 128, 10, 5, recurrence="per-unit"))
