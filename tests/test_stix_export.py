"""STIX 2.1 export of released reports (issue 17, item 3), checked by the OASIS validator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from stix2validator import ValidationOptions, validate_string

from app import stix_export
from app.released import ReleasedReport, readable_by
from sync.protocol.tlp import ReaderFacts

DATA = Path(__file__).parent / "data" / "products" / "released.json"

# FIRST's TLP 2.0 marking definitions for STIX 2.1, as OASIS published them (typed here from
# the published definitions, not imported from the code under test).
FIRST_TLP2 = {
    "CLEAR": "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    "GREEN": "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    "AMBER": "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    "AMBER+STRICT": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    "RED": "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}


def released() -> list[ReleasedReport]:
    return [ReleasedReport.from_dict(d) for d in json.loads(DATA.read_text())["released"]]


def bundle(items: list[ReleasedReport]) -> tuple[str, dict[str, dict[str, object]]]:
    text = stix_export.bundle_json(items)
    objects = {o["id"]: o for o in json.loads(text)["objects"]}
    return text, objects


def reports(objects: dict[str, dict[str, object]]) -> dict[str, dict[str, object]]:
    return {str(o["outpost_report_id"]): o for o in objects.values() if o["type"] == "report"}


def test_stix2_validator_passes_the_bundle_without_errors_or_warnings() -> None:
    text, _ = bundle(released())
    result = validate_string(text, ValidationOptions(version="2.1"))
    assert result.is_valid, [str(e) for e in result.errors]
    assert result.errors == []
    assert [str(w) for w in result.warnings] == []


def test_tlp_markings_are_firsts_stix_definitions() -> None:
    _, objects = bundle(released())
    for report in reports(objects).values():
        marked = [objects[ref] for ref in report["object_marking_refs"]]  # type: ignore[attr-defined]
        tlp = [m for m in marked if m["id"] in FIRST_TLP2.values()]
        assert len(tlp) == 1
        label = str(tlp[0]["name"]).removeprefix("TLP:")
        assert tlp[0]["id"] == FIRST_TLP2[label]
        assert tlp[0]["created"] == "2022-10-01T00:00:00.000Z"
        ext = tlp[0]["extensions"]["extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"]  # type: ignore[index]
        assert ext == {"extension_type": "property-extension", "tlp_2_0": label.lower()}
    labels = {str(objects[i]["name"]) for i in objects if i in FIRST_TLP2.values()}
    assert labels == {"TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:CLEAR"}


def test_admiralty_grading_maps_to_confidence_and_is_kept() -> None:
    _, objects = bundle(released())
    by_id = reports(objects)
    first, third = by_id[released()[0].report_id], by_id[released()[2].report_id]
    assert (first["confidence"], first["outpost_admiralty"]) == (70, "B2")
    assert "confidence" not in third  # credibility 6: truth cannot be judged
    assert third["outpost_admiralty"] == "F6"
    assert by_id[released()[3].report_id]["confidence"] == 90  # A1


def test_third_party_rule_and_legal_basis_travel_as_a_statement_marking() -> None:
    _, objects = bundle(released())
    amber = reports(objects)[released()[1].report_id]
    statements = [
        objects[ref]["definition"]["statement"]  # type: ignore[index]
        for ref in amber["object_marking_refs"]  # type: ignore[attr-defined]
        if objects[ref].get("definition_type") == "statement"
    ]
    assert statements == [
        "Outpost handling: not releasable to third parties (third-party rule); "
        "legal basis: MOU-2024-07."
    ]
    assert (amber["outpost_third_party"], amber["outpost_legal_basis"]) == (False, "MOU-2024-07")


def test_report_has_narrative_note_locations_and_agency() -> None:
    _, objects = bundle(released())
    report = reports(objects)[released()[0].report_id]
    refs = [objects[r] for r in report["object_refs"]]  # type: ignore[attr-defined]
    kinds = sorted(str(o["type"]) for o in refs)
    assert kinds == ["identity", "location", "location", "location", "location", "note"]
    countries = sorted(str(o.get("country")) for o in refs if o["type"] == "location")
    assert countries == ["MM", "MY", "TH", "TH"]  # Sadao (TH side), origin, transit, destination
    note = next(o for o in refs if o["type"] == "note")
    assert note["content"] == "[SYNTHETIC] Six migrants concealed in a pickup truck bed."
    assert objects[str(report["created_by_ref"])]["name"] == "TH-IMM"


@pytest.mark.parametrize(
    ("reader", "expected"),
    [
        (ReaderFacts("p.my", "MY-IMI", "MYS", third_party=False), [1, 2, 4]),
        (ReaderFacts("p.th", "TH-IMM", "THA", third_party=False), [1, 2, 3, 4]),
        (ReaderFacts("p.x", "PARTNER", "MYS", third_party=True), [1, 4]),
        (ReaderFacts("p.id", "ID-IMI", "IDN", third_party=False), [4]),
    ],
)
def test_an_item_outside_the_readers_release_is_never_exported(
    reader: ReaderFacts, expected: list[int]
) -> None:
    items = readable_by(released(), reader)
    _, objects = bundle(items)
    exported = sorted(int(str(i)[-1]) for i in reports(objects))
    assert exported == expected


def test_export_is_stable() -> None:
    assert stix_export.bundle_json(released()) == stix_export.bundle_json(released())
