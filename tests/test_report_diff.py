"""What changed between two versions of a report (app/report_diff.py)."""

from __future__ import annotations

import copy

from support import sample

from app.report_diff import Change, report_changes
from app.validation import normalise_report
from resources.i18n import set_language


def _report() -> dict:  # type: ignore[type-arg]
    report = normalise_report(sample(41, 0))
    assert report is not None
    return report


def test_the_same_report_has_no_changes() -> None:
    report = _report()
    assert report_changes(report, copy.deepcopy(report)) == []


def test_field_level_changes_with_labels_old_and_new() -> None:
    old = _report()
    new = copy.deepcopy(old)
    new["narrative"] = old["narrative"] + " Second look."
    new["source"]["reliability"] = "A" if old["source"]["reliability"] != "A" else "B"
    new["persons"][0]["nationality"] = "KHM"
    new["handling"]["legal_basis"] = None
    changes = {c.path: c for c in report_changes(old, new)}
    assert old["handling"]["legal_basis"] and old["persons"][0]["nationality"] != "KHM"
    assert set(changes) == {
        "narrative", "source.reliability", "persons[0].nationality", "handling.legal_basis"
    }
    assert changes["handling.legal_basis"].new is None  # emptied
    assert changes["narrative"] == Change(
        "narrative", "Narrative", old["narrative"], new["narrative"]
    )
    person = changes["persons[0].nationality"]
    assert person.label == "Person 1: Nationality"
    assert person.new == "KHM" and person.code_list == "nationalities"
    assert changes["source.reliability"].label == "Source reliability"


def test_added_and_removed_entries_and_attachments() -> None:
    old = _report()
    new = copy.deepcopy(old)
    new["persons"].append(dict(old["persons"][0], count=2))
    new["attachments"] = [
        {"sha256": "ab" * 32, "filename": "passport.jpg", "media_type": "image/jpeg", "size": 9}
    ]
    changes = {c.path: c for c in report_changes(old, new)}
    added = len(old["persons"])
    assert changes[f"persons[{added}].count"].old is None
    assert changes[f"persons[{added}].count"].new == 2
    assert changes["attachments"].new == ["passport.jpg (abababab)"]
    removed = {c.path: c for c in report_changes(new, old)}
    assert removed[f"persons[{added}].count"].new is None


def test_labels_in_the_users_language() -> None:
    old = _report()
    new = copy.deepcopy(old)
    new["persons"][0]["count"] = (old["persons"][0]["count"] or 1) + 1
    set_language("id")
    try:
        (change,) = report_changes(old, new)
        assert change.label == "Orang 1: Jumlah orang"
    finally:
        set_language("en")


def test_reordered_sets_of_codes_are_no_change_but_a_reordered_route_is() -> None:
    old = _report()
    old["modus_operandi"]["tags"] = ["bribery_attempt", "visa_misuse"]
    old["route"]["transit"] = ["MYS", "KHM"]
    new = copy.deepcopy(old)
    new["modus_operandi"]["tags"] = ["visa_misuse", "bribery_attempt"]
    assert report_changes(old, new) == []
    new["route"]["transit"] = ["KHM", "MYS"]
    assert [c.path for c in report_changes(old, new)] == ["route.transit"]
