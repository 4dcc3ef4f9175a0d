"""CITATION.cff and "Cite this page" from one source (rnnsite.citation); the dispute link
(rnnsite.dispute) and its issue form."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from pybtex.database import parse_string

import rnnnotes
from rnnsite import citation
from rnnsite.answer_pages import answer_pages
from rnnsite.dispute import FIELDS, TEMPLATE, dispute_url

ROOT = Path(__file__).resolve().parents[2]
PROJECT = citation.project()


def _schema_check(schema: str, *files: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
                           *map(str, files)], capture_output=True, text=True)


def test_citation_cff_is_what_the_one_source_makes():
    assert citation.main(["--check"]) == 0, "run `uv run python -m rnnsite.citation`"


def test_citation_cff_passes_the_citation_file_format_schema():
    done = _schema_check("vendor.citation-file-format", citation.CFF)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_citation_cff_breaking_the_schema_fails_it(tmp_path):
    bad = tmp_path / "CITATION.cff"
    data = yaml.safe_load(citation.CFF.read_text())
    del data["authors"]
    bad.write_text(yaml.safe_dump(data))
    assert _schema_check("vendor.citation-file-format", bad).returncode != 0


def test_citation_cff_states_the_packages_version_and_the_sites_address():
    data = yaml.safe_load(citation.CFF.read_text())
    assert data["version"] == rnnnotes.__version__
    assert data["url"] == PROJECT.site_url and data["repository-code"] == PROJECT.repo_url
    if PROJECT.released:
        assert data["date-released"] == PROJECT.date.isoformat()


@pytest.mark.parametrize("page", answer_pages(), ids=lambda p: p.src)
def test_each_pages_bibtex_parses_with_title_version_date_and_url(page):
    [(key, entry)] = parse_string(citation.bibtex(PROJECT, page), "bibtex").entries.items()
    assert key.startswith("rnnnotes-task-")
    assert entry.fields["title"] == "{" + page.title + "}"
    assert entry.fields["version"] == rnnnotes.__version__
    assert entry.fields["date"] == PROJECT.date.isoformat()
    assert entry.fields["url"] == PROJECT.site_url + page.url_path
    text = citation.plain(PROJECT, page)
    for part in (page.title, rnnnotes.__version__, citation.long_date(PROJECT.date),
                 PROJECT.site_url + page.url_path):
        assert part in text


@pytest.mark.parametrize(("title", "quoted"), [
    ("Do parameters grow with T?", "grow with T?\u201d"),
    ("It explodes!", "It explodes!\u201d"),
    ("What the gates achieve", "gates achieve.\u201d"),
])
def test_a_title_ending_in_its_own_mark_gets_no_full_stop(title, quoted):
    page = answer_pages()[0]
    titled = type(page)(page.src, page.task, page.question, title, page.grade, page.reason)
    assert quoted + " " + PROJECT.name + "," in citation.plain(PROJECT, titled)


def test_bibtex_escapes_braces_and_specials():
    page = answer_pages()[0]
    odd = type(page)(page.src, page.task, page.question, "50% of {h} & #", page.grade,
                     page.reason)
    entry = parse_string(citation.bibtex(PROJECT, odd), "bibtex").entries
    assert r"50\% of \{h\} \& \#" in next(iter(entry.values())).fields["title"]


def test_an_unreleased_version_is_dated_the_day_it_is_built(monkeypatch):
    monkeypatch.setattr(citation, "release_of", lambda version: None)
    built = citation.project(today=dt.date(2031, 2, 3))
    assert (built.date, built.released) == (dt.date(2031, 2, 3), False)
    assert "date-released" not in yaml.safe_load(citation.cff(built))


def test_an_unreleased_version_honours_source_date_epoch(monkeypatch):
    monkeypatch.setattr(citation, "release_of", lambda version: None)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert citation.project().date == dt.date(2023, 11, 14)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ValueError, match="expected seconds since 1970, got 'yesterday'"):
        citation.project()


def test_the_dispute_link_fills_the_forms_fields():
    url = dispute_url("https://github.com/o/r", "https://x.io/p/", "Task 9.9, Question 1: t",
                      "2 of 4 marks: half right", "0.1.0")
    parts = urlsplit(url)
    assert (parts.netloc, parts.path) == ("github.com", "/o/r/issues/new")
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query == {"template": "disagree.yml", "title": "Verdict: Task 9.9, Question 1: t",
                     "page": "https://x.io/p/", "verdict": "2 of 4 marks: half right",
                     "version": "0.1.0"}


def test_the_dispute_link_refuses_a_repository_off_github():
    with pytest.raises(ValueError, match="GitHub repository address, got 'https://gitlab"):
        dispute_url("https://gitlab.com/o/r", "u", "t", "v", "1")


def test_the_issue_form_has_the_fields_the_link_fills_and_asks_for_argument_and_source():
    form = yaml.safe_load(TEMPLATE.read_text())
    ids = {f.get("id"): f for f in form["body"]}
    assert set(FIELDS) <= set(ids)
    for wanted in ("argument", "source"):
        assert ids[wanted]["type"] == "textarea"
        assert ids[wanted]["validations"]["required"] is True


def test_the_issue_form_and_its_config_pass_their_schemas(tmp_path):
    done = _schema_check("vendor.github-issue-forms", TEMPLATE)
    assert done.returncode == 0, done.stdout + done.stderr
    done = _schema_check("vendor.github-issue-config", TEMPLATE.parent / "config.yml")
    assert done.returncode == 0, done.stdout + done.stderr
    bad = tmp_path / "bad.yml"
    bad.write_text(TEMPLATE.read_text().replace("type: textarea", "type: essay", 1))
    assert _schema_check("vendor.github-issue-forms", bad).returncode != 0
