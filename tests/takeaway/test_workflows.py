"""The deploy workflow publishes the PDF beside the site; the release workflow checks the
version's record, then tags it and attaches the PDF (the schema checks are in .ci/run)."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
PDF = "python -m rnnsite.pdf --site site"


def _steps(name: str) -> list[dict]:
    workflow = yaml.safe_load((ROOT / ".github/workflows" / name).read_text())
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _index(steps: list[dict], needle: str) -> int:
    found = [i for i, s in enumerate(steps) if needle in (s.get("run") or s.get("uses") or "")]
    assert found, f"no step runs or uses {needle!r}"
    return found[0]


def test_pages_prints_the_pdf_into_the_site_after_the_checks_and_before_the_upload():
    steps = _steps("pages.yml")
    assert _index(steps, "bash .ci/run") < _index(steps, PDF) \
        < _index(steps, "actions/upload-pages-artifact")


def test_release_checks_the_record_then_builds_then_tags_with_the_pdf_attached():
    steps = _steps("release.yml")
    order = [_index(steps, n) for n in ("rnnsite.releases check", "rnnsite.citation --check",
                                        "bash .ci/run", PDF, "gh release create")]
    assert order == sorted(order)
    assert "rnnnotes.pdf" in steps[order[-1]]["run"]
    workflow = yaml.safe_load((ROOT / ".github/workflows/release.yml").read_text())
    assert list(workflow[True]) == ["workflow_dispatch"]  # YAML reads `on:` as True
    [job] = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "write"}


def test_ci_checks_the_issue_form_the_citation_and_the_changelog():
    run = (ROOT / ".ci/run").read_text()
    for needle in ("vendor.github-issue-forms", "vendor.github-issue-config",
                   "rnnsite.citation --check", "cffconvert --validate -i CITATION.cff",
                   "python -m rnnsite.changelog"):
        assert needle in run
