"""Without a Chromium the browser tests skip, with the reason, except in CI (or with
RNNNOTES_REQUIRE_BROWSER=1), where they fail."""

from __future__ import annotations

import pytest
import site_server


@pytest.fixture
def no_chromium(monkeypatch):
    monkeypatch.setattr(site_server, "find_chromium", lambda: None)
    for name in ("CI", "RNNNOTES_REQUIRE_BROWSER"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_without_chromium_the_tests_skip_and_say_why(no_chromium):
    with pytest.raises(pytest.skip.Exception, match="no chromium: install"):
        site_server.chromium_or_skip()


@pytest.mark.parametrize(("name", "value"), [("CI", "true"), ("RNNNOTES_REQUIRE_BROWSER", "1")])
def test_where_the_browser_is_required_they_fail(no_chromium, name, value):
    no_chromium.setenv(name, value)
    with pytest.raises(pytest.fail.Exception, match="browser tests must run"):
        site_server.chromium_or_skip()


@pytest.mark.parametrize("value", ["", "0", "false"])
def test_an_unset_or_false_ci_does_not_require_it(no_chromium, value):
    no_chromium.setenv("CI", value)
    with pytest.raises(pytest.skip.Exception):
        site_server.chromium_or_skip()
