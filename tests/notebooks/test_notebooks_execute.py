"""Each task notebook executes into normalised, deterministic ipynb bytes holding the
package's numbers. (A raising cell, a wrong number and stale output: test_notebooks_build.py.)"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import nbformat
import pytest
from nbhelpers import ROOT, SOURCES

from rnnnotes.counting import count_parameters, unrolled_weights
from rnnsite.notebooks import audit_text, build


def name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.fixture(scope="module")
def executed() -> dict[Path, str]:
    return {source: build(source, name(source)) for source in SOURCES}


@pytest.mark.parametrize("source", SOURCES, ids=name)
def test_bytes_are_deterministic_and_published(source: Path, executed, built_site):
    """Two executions (this one, and the site build's) give the same bytes, and the site
    publishes them beside the notebook's page."""
    task = source.parent.name
    assert (built_site / task / "notebook" / f"{task}.ipynb").read_text("utf-8") == \
        executed[source]


@pytest.mark.parametrize("source", SOURCES, ids=name)
def test_executed_notebook_is_normalised(source: Path, executed):
    text = executed[source]
    data = json.loads(text)
    assert text == json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
    nb = nbformat.reads(text, as_version=4)
    nbformat.validate(nb)
    assert [c.id for c in nb.cells] == [f"cell-{i}" for i in range(len(nb.cells))]
    assert all(set(c.metadata) <= {"tags"} for c in nb.cells)
    assert set(nb.metadata) == {"kernelspec", "language_info"}
    assert "version" not in nb.metadata.language_info
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", text)  # no timestamp anywhere
    assert "<!--=" not in text and "live:setup" not in text
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    for cell in code:
        streams = [o for o in cell.outputs if o.output_type == "stream"]
        assert all(a.name != b.name for a, b in zip(streams, streams[1:], strict=False))


def setup_names(source: Path) -> dict:
    """The givens of the notebook, from its first code cell (what the audit runs)."""
    page = audit_text(source.read_text(encoding="utf-8"))
    ns: dict = {}
    exec(page.split("<!-- live:setup\n", 1)[1].split("\n-->", 1)[0], ns)
    return ns


def test_task_1_1_outputs_are_the_package_counts(executed):
    source = ROOT / "docs" / "task-1-1" / "notebook.py"
    ns = setup_names(source)
    D, H, K, T = ns["D"], ns["H"], ns["K"], ns["T"]
    out = "".join(o.get("text", "") for c in nbformat.reads(executed[source], 4).cells
                  if c.cell_type == "code" for o in c.outputs)
    for recurrence in ("per-unit", "full"):
        total = unrolled_weights(D, H, K, steps=T, recurrence=recurrence).total
        assert f"{recurrence:>8}: " in out and f" = {total:,} weights over T = {T}" in out
        last = unrolled_weights(D, H, K, steps=T, recurrence=recurrence, outputs="last").total
        assert f"{recurrence:>8}: {total:,}, an output per step\n" \
               f"{'':>8}  {last:,}, one output\n" in out
    for convention in ("pytorch", "keras"):
        total = count_parameters("rnn", D, H, output_size=K, convention=convention).total
        assert re.search(rf"{convention}\n(?:  .*\n)*  total +{total:,}\n", out), convention
    no_bias = count_parameters("rnn", D, H, output_size=K, bias=False).total
    assert f"unique weights without biases: {no_bias:,}\n" in out
    # BPTT: the sum holds with h_0 = 0 and with a random h_0; step 1's W_hh term is zero
    # only in the first case, and its W_ih and bias terms are not
    assert out.count("sum of the steps' terms\n= unrolled network's gradient: True\n") == 2
    first = re.findall(r"^step 1: .*$", out, re.M)
    assert len(first) == 2 and first[0].endswith("(exactly zero)")
    assert float(first[1].split(": ")[1]) > 0
    terms = dict(re.findall(r"^first step, (\w+) +\|term\| = ([\d.]+)$", out, re.M))
    assert float(terms.pop("weight_hh_l0")) == 0
    assert sorted(terms) == ["bias_hh_l0", "bias_ih_l0", "weight_ih_l0"]
    assert all(float(v) > 0 for v in terms.values())


def test_task_2_1_outputs_are_the_package_numbers(executed):
    source = ROOT / "docs" / "task-2-1" / "notebook.py"
    ns = setup_names(source)
    steps, d_count, h_count, p = ns["STEPS"], ns["D_COUNT"], ns["H_COUNT"], ns["P"]
    out = "".join(o.get("text", "") for c in nbformat.reads(executed[source], 4).cells
                  if c.cell_type == "code" for o in c.outputs)
    # every line fits a 390 px phone's output area without wrapping inside a number
    assert max(len(line) for line in out.splitlines()) <= 31
    # the forget-gate products: sigma(b)^STEPS in closed form, not through rnnnotes
    for b in ns["BIASES"]:
        f = 1 / (1 + math.exp(-b))
        assert f"{b:4.1f} {f:7.4f} {f**steps:9.2e}\n" in out
    # the closed gate: exactly zero, and only the total derivative is not
    assert "largest forget gate: 0.0\n" in out
    rows = dict(re.findall(r"^ *(cell|full|total) +([\d.e+-]+) ", out, re.M))
    assert float(rows["cell"]) == float(rows["full"]) == 0 < float(rows["total"])
    # exploding: the total grows past one while the cell path stays below it
    far = re.findall(r"^ *\d+ +([\d.e+-]+) +([\d.e+-]+)$", out, re.M)
    assert far and all(float(c) <= 1 for c, _ in far) and float(far[-1][1]) > 1
    # the counts, from the shapes torch.nn.LSTM stores, written out here
    def lstm(proj=0, dirs=1, layers=1):
        width = proj or h_count
        first = 4 * h_count * (d_count + width) + 8 * h_count + proj * h_count
        later = 4 * h_count * (dirs * width + width) + 8 * h_count + proj * h_count
        return dirs * (first + (layers - 1) * later)
    assert f"no projection: {lstm():,}\n" in out
    for h in (1, h_count):  # CIFG: the forget block (H (D + H) + 2H) is gone
        block = h * (d_count + h) + 2 * h
        assert f"H = {h:3d}: {4 * block:,} -> {3 * block:,}\n" in out
    assert f"p = {p:3d}: {lstm(p):,}\n" in out
    assert f"saves for p = 1..{(4 * h_count - 1) // 5}\n" in out
    assert f"output shape: (5, 1, {p})" in out
    for label, n, width in (("one direction", lstm(), h_count),
                            ("bidirectional", lstm(dirs=2), 2 * h_count),
                            ("two layers", lstm(layers=2), h_count)):
        assert f"{label:<13} {n:>7,} {width:>5}\n" in out
