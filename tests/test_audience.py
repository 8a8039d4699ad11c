"""Who receives a signed act, in words (app/audience.py), from the portal's own TLP rule."""

from __future__ import annotations

import pytest

from app.audience import release_lines, return_lines, submission_lines
from sync.protocol.tlp import ReleaseRefused


def test_no_one_named_stays_in_the_own_agency() -> None:
    lines = release_lines("AMBER", own_agency="THA-IMM")
    assert lines == ["Only your own agency (THA-IMM): no member state or agency is named."]


def test_states_agencies_and_third_parties_in_words() -> None:
    lines = release_lines(
        "GREEN",
        states=["MYS", "KHM"],
        agencies=["IDN-IMM"],
        third_party=False,
        own_agency="THA-IMM",
        names={"IDN-IMM": "Imigrasi Indonesia"},
    )
    assert lines == [
        "Your own agency (THA-IMM).",
        "Every agency of these member states: Cambodia (KHM), Malaysia (MYS).",
        "These agencies: Imigrasi Indonesia (IDN-IMM).",
        "Partner organisations (third parties) are kept out.",
    ]


def test_red_names_people_and_clear_everyone() -> None:
    lines = release_lines(
        "RED", recipients=["p-1", "p-2"], third_party=True, own_agency="THA-IMM",
        names={"p-1": "Siti"},
    )  # fmt: skip
    assert "Only these people: Siti (p-1), p-2." in lines
    assert "Partner organisations (third parties) may receive it." in lines
    assert release_lines("CLEAR", own_agency="THA-IMM") == [
        "Everyone on the portal, partner organisations included (TLP:CLEAR)."
    ]


def test_what_the_portal_refuses_is_not_described() -> None:
    with pytest.raises(ReleaseRefused):
        release_lines("RED", states=["MYS"], own_agency="THA-IMM")


def test_submission_and_return() -> None:
    assert "focal points of your agency (THA-IMM)" in submission_lines("THA-IMM")[0]
    assert return_lines("ana")[0] == "Back to its author (ana) with your comment."
