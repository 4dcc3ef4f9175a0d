"""Serving: a rebuild owed for work done before the server watched is not lost."""

from __future__ import annotations

import time

from rnnsite.serving import Serving


def _wait_for(path, seconds: float = 5.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if path.exists():
            return True
        time.sleep(0.02)
    return path.exists()


def test_a_poke_before_the_server_watches_is_made_up_for(tmp_path):
    serving = Serving()
    serving.notify = tmp_path
    serving.poke()  # figures done during the first build: nobody watches yet
    assert not (tmp_path / "done").exists()
    serving.watching(delays=(0.05,))
    assert _wait_for(tmp_path / "done")


def test_no_rebuild_is_owed_when_nothing_was_done_before(tmp_path):
    serving = Serving()
    serving.notify = tmp_path
    serving.watching(delays=(0.05,))
    time.sleep(0.3)
    assert not (tmp_path / "done").exists()
    serving.poke()  # once watched, at once
    assert (tmp_path / "done").exists()
