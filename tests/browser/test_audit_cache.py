"""The browser audit's visits are reused only for a byte-identical site, audit code and
environment (audit_cache.py)."""

from __future__ import annotations

import shutil

import audit_cache
import pytest

from livedocs.cache import BuildCache


@pytest.fixture
def sites(tmp_path):
    a = tmp_path / "a"
    (a / "page").mkdir(parents=True)
    (a / "index.html").write_text("<p>84,736</p>")
    (a / "page" / "index.html").write_text("<p>x</p>")
    b = tmp_path / "b"
    shutil.copytree(a, b)
    return a, b


def test_the_same_site_gets_the_same_key_and_one_byte_changes_it(sites):
    a, b = sites
    assert audit_cache.key(a, "/no/chromium") == audit_cache.key(b, "/no/chromium")
    (b / "index.html").write_text("<p>84,737</p>")
    assert audit_cache.key(a, "/no/chromium")[1] != audit_cache.key(b, "/no/chromium")[1]
    (b / "index.html").write_text("<p>84,736</p>")
    (b / "page" / "extra.css").write_text("")  # a file added
    assert audit_cache.key(a, "/no/chromium")[1] != audit_cache.key(b, "/no/chromium")[1]


def test_the_audits_own_code_is_in_the_key():
    """Every file the key names exists (a renamed one would drop out of it silently), and
    the tests that only assert on the visits are not among them."""
    root = audit_cache.ROOT
    assert all((root / f).is_file() for f in audit_cache.AUDIT_CODE), audit_cache.AUDIT_CODE
    assert not any(f.rsplit("/", 1)[1].startswith("test_") for f in audit_cache.AUDIT_CODE)


def test_a_kept_audit_is_recalled_by_its_key_only(sites, tmp_path, monkeypatch):
    monkeypatch.delenv("RNNNOTES_NO_CACHE", raising=False)
    monkeypatch.setattr(audit_cache, "CACHE", BuildCache(audit_cache.ROOT, audit_cache.AUDIT_CODE,
                                                         tmp_path / "cache"))
    a, b = sites
    digest, entry = audit_cache.key(a, "/no/chromium")
    assert audit_cache.recall(entry) is None
    assert audit_cache.keep(entry, digest, {("", "phone-light"): "visit"}, 1.5)
    assert audit_cache.recall(entry) == ({("", "phone-light"): "visit"}, 1.5)
    (b / "index.html").write_text("<p>changed</p>")
    assert audit_cache.recall(audit_cache.key(b, "/no/chromium")[1]) is None
    monkeypatch.setenv("RNNNOTES_NO_CACHE", "1")
    assert audit_cache.recall(entry) is None
