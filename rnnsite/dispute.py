"""The "Disagree with this verdict?" link: a plain link (no script, no request until it is
followed) to a new issue on the repository, opened on the issue form
``.github/ISSUE_TEMPLATE/disagree.yml`` with the page, its grade and the version filled in
(GitHub fills an issue form's field from the query parameter named by the field's id)."""

from __future__ import annotations

from urllib.parse import urlencode

from rnnsite.answer_pages import ROOT

TEMPLATE = ROOT / ".github" / "ISSUE_TEMPLATE" / "disagree.yml"
FIELDS = ("page", "verdict", "version")  # the form's ids this link fills


def dispute_url(repo_url: str, page_url: str, title: str, verdict: str, version: str) -> str:
    """The address of a new issue on ``repo_url``, pre-filled for this page."""
    if not repo_url.startswith("https://github.com/"):
        raise ValueError(f"repo_url must be a GitHub repository address, got {repo_url!r}")
    query = urlencode({"template": TEMPLATE.name, "title": f"Verdict: {title}",
                       "page": page_url, "verdict": verdict, "version": version})
    return f"{repo_url.rstrip('/')}/issues/new?{query}"
