"""Byte-budgeted feed pages (issue 11 finding 4): the client asks for at most `max_bytes` of
items; the portal stops the page there (always handing out at least one item, so every
request makes progress), and the cursor resumes with nothing lost or repeated."""

from __future__ import annotations

import json
from typing import Any

import requests

from tests.portal.conftest import RunningPortal, Team


def item_bytes(item: dict[str, Any]) -> int:
    """An item's size as the portal counts it: its JSON in the page, UTF-8."""
    return len(json.dumps(item, ensure_ascii=False, separators=(",", ":")).encode())


def walk(user: Any, **params: Any) -> list[list[dict[str, Any]]]:
    """The caller's whole feed from the beginning, page by page."""
    pages: list[list[dict[str, Any]]] = []
    cursor = None
    while True:
        answer = user.feed(cursor, **params)
        assert answer.status_code == 200, answer.text
        page = answer.json()
        pages.append(page["items"])
        cursor = page["cursor"]
        if not page["more"]:
            return pages


def test_a_budgeted_page_stops_at_the_budget_and_the_cursor_resumes(
    portal: RunningPortal, team: Team
) -> None:
    for _ in range(12):
        team.officer.push([team.officer.submission().to_json()])
    everything = [i for page in walk(team.ofp, limit=500) for i in page]
    reviews = [i for i in everything if i["kind"] == "review_item"]
    assert len(reviews) == 12
    budget = 3 * item_bytes(reviews[0]) + 10  # about three review items

    pages = walk(team.ofp, limit=100, max_bytes=budget)

    got = [i for page in pages for i in page]
    assert [i["id"] for i in got] == [i["id"] for i in everything]  # nothing lost or twice
    assert got == everything
    for n, page in enumerate(pages):
        size = sum(item_bytes(i) for i in page)
        # At most the budget, unless one item alone is bigger ...
        assert size <= budget or len(page) == 1, (n, size, budget)
        if n + 1 < len(pages):
            # ... and a page that says there is more stopped only because the next item
            # would not have fitted.
            assert page, "an empty page that says there is more"
            assert size + item_bytes(pages[n + 1][0]) > budget
    review_pages = [p for p in pages if any(i["kind"] == "review_item" for i in p)]
    assert len(review_pages) >= 4  # 12 review items, about three a page
    assert max(len(p) for p in review_pages) >= 2  # the budget is a size, not one per page


def test_a_budget_smaller_than_one_item_still_moves_one_item_a_page(
    portal: RunningPortal, team: Team
) -> None:
    for _ in range(3):
        team.officer.push([team.officer.submission().to_json()])
    everything = [i for page in walk(team.ofp, limit=500) for i in page]

    pages = walk(team.ofp, limit=100, max_bytes=1)

    assert all(len(p) <= 1 for p in pages) and len(pages) >= len(everything)
    assert [i for page in pages for i in page] == everything


def test_the_budget_ceiling_is_advertised_and_enforced(portal: RunningPortal, team: Team) -> None:
    limits = requests.get(portal.url + "/v1/hello", timeout=10).json()["limits"]
    ceiling = limits["max_feed_bytes"]
    assert isinstance(ceiling, int) and ceiling > 0
    assert team.ofp.feed(max_bytes=ceiling).status_code == 200
    for bad in (0, ceiling + 1, "1e3", "²", " 5"):
        answer = team.ofp.feed(max_bytes=bad)
        assert answer.status_code == 400
        assert answer.json()["type"].endswith("/invalid-parameter")
