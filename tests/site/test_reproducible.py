"""Two builds of the same sources write the same bytes (the sitemaps aside: they carry the
build date), so a deploy changes only what the sources changed."""

from __future__ import annotations

DATED = {"sitemap.xml", "sitemap.xml.gz"}


def _files(site):
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}


def test_two_builds_are_byte_identical(site, site_again):
    first, second = _files(site), _files(site_again)
    assert sorted(first) == sorted(second)
    differ = [name for name in sorted(first) if name not in DATED
              and first[name].read_bytes() != second[name].read_bytes()]
    assert differ == []
