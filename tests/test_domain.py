"""Domain types, code lists and the synthetic report generator."""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any

import pytest
import rfc8785

from app import codelists
from app.domain import (
    TLP,
    AgeBand,
    Fees,
    FraudType,
    Handle,
    Handling,
    Identifiers,
    Person,
    PersonRole,
    PhoneNumber,
    Reliability,
    Report,
    ReportKind,
    ReportStatus,
    Role,
    Route,
    Sex,
    TransportMode,
    tlp_rank,
    tlp_stays_or_tightens,
)
from app.samples import PREFIX, SyntheticReports
from resources import resource_path

NOW = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)
TOP_KEYS = [
    "kind",
    "observed_at",
    "crossing_point",
    "coordinates",
    "persons",
    "documents",
    "route",
    "modus_operandi",
    "narrative",
    "source",
    "handling",
    "attachments",
]


@pytest.fixture(autouse=True)
def _demo_crossing_points() -> Iterator[None]:
    codelists.reset_crossing_points()
    yield
    codelists.reset_crossing_points()


# ---------------------------------------------------------------- domain


def test_tlp_rank_orders_labels() -> None:
    labels = ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"]
    assert [tlp_rank(label) for label in labels] == [0, 1, 2, 3, 4]
    assert tlp_rank(TLP.AMBER_STRICT) == 3
    with pytest.raises(ValueError):
        tlp_rank("WHITE")  # TLP 1.0 label, gone in 2.0


def test_tlp_may_stay_or_tighten_but_not_loosen() -> None:
    assert tlp_stays_or_tightens(TLP.AMBER, TLP.AMBER)
    assert tlp_stays_or_tightens("AMBER", "RED")
    assert not tlp_stays_or_tightens(TLP.AMBER_STRICT, TLP.GREEN)


def test_status_and_role_values() -> None:
    assert [s.value for s in ReportStatus] == [
        "draft",
        "queued",
        "approved",
        "returned",
        "sent",
        "acknowledged",
    ]
    assert [r.value for r in Role] == ["officer", "ofp", "nfp"]


def test_empty_draft_has_the_full_shape() -> None:
    data = Report(kind=ReportKind.OTHER).to_dict()
    assert list(data) == TOP_KEYS
    assert data["observed_at"] is None
    assert data["persons"] == [] and data["attachments"] == []
    assert data["route"] == {
        "origin": None,
        "transit": [],
        "destination": None,
        "transport_mode": None,
        "fees": None,
        "group_size": None,
    }
    assert data["modus_operandi"] == {"tags": [], "text": ""}
    assert data["source"] == {"description": "", "reliability": None, "credibility": None}
    assert data["handling"] == {"tlp": None, "third_party": False, "legal_basis": None}
    assert Report.from_dict(data) == Report(kind=ReportKind.OTHER)


def test_identifiers_are_in_the_payload_only_when_there_are_some() -> None:
    identifiers = Identifiers(
        vehicles=("B 1234 XYZ",),
        phones=(PhoneNumber("(0812) 3456 7890", "IDN"),),
        handles=(Handle("Telegram", "@joe"),),
    )
    data = Report(kind=ReportKind.OTHER, identifiers=identifiers).to_dict()
    assert list(data) == [*TOP_KEYS, "identifiers"]
    assert data["identifiers"] == {
        "vehicles": ["B 1234 XYZ"],
        "vessels": [],
        "phones": [{"number": "(0812) 3456 7890", "country": "IDN"}],
        "handles": [{"platform": "Telegram", "handle": "@joe"}],
        "transfers": [],
        "aliases": [],
    }
    assert Report.from_dict(data).identifiers == identifiers
    assert "identifiers" not in Report(kind=ReportKind.OTHER, identifiers=Identifiers()).to_dict()


def _plain(value: Any) -> bool:
    """Only JSON builtins, no enum or Decimal subclasses (canonical JSON needs exact types)."""
    if isinstance(value, dict):
        return all(type(k) is str and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return value is None or type(value) in (str, int, float, bool)


def test_to_dict_is_plain_json_and_canonicalisable() -> None:
    report = Report(
        kind=ReportKind.PEOPLE_SMUGGLING,
        observed_at=datetime(2026, 11, 28, 14, 5, tzinfo=UTC),
        persons=(Person(PersonRole.MIGRANT, "MMR", Sex.FEMALE, AgeBand.AGE_18_25, 3),),
        route=Route(
            origin="MMR",
            transport_mode=TransportMode.FOOT,
            fees=Fees(Decimal("1500.00"), "THB"),
        ),
        handling=Handling(tlp=TLP.AMBER_STRICT),
    )
    data = report.to_dict()
    assert _plain(data)
    assert data["observed_at"] == "2026-11-28T14:05:00Z"
    assert data["route"]["fees"] == {"amount": "1500.00", "currency": "THB"}
    assert data["handling"]["tlp"] == "AMBER+STRICT"
    assert rfc8785.dumps(data) == rfc8785.dumps(json.loads(json.dumps(data)))
    assert Report.from_dict(data) == report


def test_observed_at_is_normalised_to_utc() -> None:
    data = Report(kind=ReportKind.OTHER).to_dict() | {"observed_at": "2026-11-28T21:05:09+07:00"}
    report = Report.from_dict(data)
    assert report.observed_at == datetime(2026, 11, 28, 14, 5, 9, tzinfo=UTC)
    assert report.to_dict()["observed_at"] == "2026-11-28T14:05:09Z"


def test_samples_round_trip_through_from_dict() -> None:
    gen = SyntheticReports(3, now=NOW)
    for sample in gen.many(500):
        report = Report.from_dict(sample)
        assert report.to_dict() == sample
        assert list(report.to_dict()) == list(sample) == TOP_KEYS


# ---------------------------------------------------------------- code lists

# Closed vocabularies in the domain and their label lists must never drift apart.
ENUM_LISTS: list[tuple[type[StrEnum], str]] = [
    (ReportKind, "report_kinds"),
    (PersonRole, "person_roles"),
    (Sex, "sexes"),
    (AgeBand, "age_bands"),
    (FraudType, "fraud_types"),
    (TransportMode, "transport_modes"),
    (TLP, "tlp"),
    (Reliability, "reliability"),
]


@pytest.mark.parametrize(("enum", "list_name"), ENUM_LISTS)
def test_enum_matches_code_list(enum: type[StrEnum], list_name: str) -> None:
    assert [e.code for e in codelists.entries(list_name)] == [m.value for m in enum]


@pytest.mark.parametrize("list_name", (*codelists.STATIC_LISTS, "crossing_points"))
def test_code_list_files_are_well_formed(list_name: str) -> None:
    raw = json.loads(resource_path(f"codelists/{list_name}.json").read_text(encoding="utf-8"))
    assert raw["list"] == list_name
    codes = [e["code"] for e in raw["entries"]]
    assert len(codes) == len(set(codes)) > 0
    for entry in raw["entries"]:
        assert entry["label"].strip()
        assert set(entry) <= {"code", "label", "description", "countries"}


def test_document_types_are_the_icao_categories() -> None:
    assert [e.code for e in codelists.document_types()] == [
        "passport",
        "diplomatic_passport",
        "service_passport",
        "emergency_travel_document",
        "refugee_travel_document",
        "identity_card",
        "visa",
        "residence_permit",
        "border_pass",
        "seafarer_id",
        "laissez_passer",
        "other",
    ]


def test_features_include_the_common_ones() -> None:
    codes = {e.code for e in codelists.document_features()}
    assert {
        "photo_substitution",
        "data_page_alteration",
        "fake_visa",
        "fake_entry_stamp",
        "laminate_tampering",
        "missing_security_thread",
        "poor_printing_quality",
        "uv_reaction_wrong",
        "mrz_inconsistent",
        "other",
    } <= codes


def test_admiralty_and_tlp_wording() -> None:
    assert codelists.label("reliability", "A") == "Completely reliable"
    assert codelists.label("reliability", "F") == "Reliability cannot be judged"
    assert codelists.label("credibility", 1) == "Confirmed by other sources"
    assert codelists.label("credibility", "6") == "Truth cannot be judged"
    assert [e.code for e in codelists.credibilities()] == ["1", "2", "3", "4", "5", "6"]
    assert all(e.description for e in codelists.tlp_labels())
    assert codelists.label("tlp", "AMBER+STRICT") == "TLP:AMBER+STRICT"


def test_countries_and_currencies_come_from_pycountry() -> None:
    assert len(codelists.countries()) >= 249
    assert codelists.is_country("MMR") and codelists.is_country("THA")
    assert not codelists.is_country("XXX") and not codelists.is_country("mmr")
    assert codelists.is_nationality("XXX") and codelists.nationalities()[0].code == "XXX"
    assert codelists.label("countries", "LAO") == "Laos"
    assert codelists.is_currency("THB") and codelists.is_currency("XOF")
    assert not codelists.is_currency("XAU") and not codelists.is_currency("XTS")
    assert codelists.label("currencies", "MYR") == "Malaysian Ringgit"


def test_label_of_unknown_code_is_the_code() -> None:
    assert codelists.label("document_types", "nope") == "nope"
    with pytest.raises(KeyError):
        codelists.label("no_such_list", "x")


def test_crossing_points_start_as_demo_and_can_be_replaced() -> None:
    assert codelists.crossing_points_are_demo()
    first = codelists.crossing_points()[0]
    assert isinstance(first, codelists.CrossingPoint) and len(first.countries) == 2
    assert codelists.is_code("crossing_points", "THA-MYS-SADAO")

    codelists.set_crossing_points(
        [
            {"code": "AAA-BBB-ONE", "label": "One", "countries": ["AAA", "BBB"]},
            codelists.CodeEntry("AAA-BBB-TWO", "Two"),
        ]
    )
    assert not codelists.crossing_points_are_demo()
    assert [e.code for e in codelists.crossing_points()] == ["AAA-BBB-ONE", "AAA-BBB-TWO"]
    assert not codelists.is_code("crossing_points", "THA-MYS-SADAO")
    assert codelists.label("crossing_points", "AAA-BBB-ONE") == "One"


@pytest.mark.parametrize(
    "entries",
    [
        [],
        [{"code": "lower-case", "label": "x"}],
        [{"code": "A", "label": " "}],
        [{"code": "A", "label": "x"}, {"code": "A", "label": "y"}],
    ],
)
def test_bad_crossing_point_lists_are_refused(entries: list[dict[str, Any]]) -> None:
    with pytest.raises(ValueError):
        codelists.set_crossing_points(entries)
    assert codelists.crossing_points_are_demo()  # the old list stays in force


# ---------------------------------------------------------------- synthetic reports


def test_samples_are_deterministic() -> None:
    a, b = SyntheticReports(11, now=NOW), SyntheticReports(11, now=NOW)
    assert a.report(42) == b.report(42) == list(a.many(3, start=40))[2]
    assert a.report(1) != a.report(2)
    assert a.report(1) != SyntheticReports(12, now=NOW).report(1)


def test_samples_are_clearly_synthetic_and_varied() -> None:
    samples = list(SyntheticReports(5, now=NOW).many(3000))
    kinds = Counter(s["kind"] for s in samples)
    assert set(kinds) == {k.value for k in ReportKind}
    assert len({p["nationality"] for s in samples for p in s["persons"]}) >= 10
    assert len({s["crossing_point"] for s in samples}) == len(codelists.crossing_points())
    earliest = NOW - timedelta(days=2 * 366)
    for s in samples:
        assert s["narrative"].startswith(PREFIX + " ")
        assert 300 <= len(s["narrative"]) <= 1500
        observed = datetime.fromisoformat(s["observed_at"])
        assert earliest <= observed <= NOW
        for doc in s["documents"]:
            assert doc["number"] is None or doc["number"].startswith("SYN")
    assert len({s["narrative"] for s in samples}) == len(samples)
    assert any(s["documents"] for s in samples) and any(s["attachments"] for s in samples)
    assert any(s["route"]["fees"] for s in samples) and any(s["coordinates"] for s in samples)


def test_sample_attachments_match_their_content() -> None:
    gen = SyntheticReports(9, now=NOW)
    checked = 0
    for i, sample in enumerate(gen.many(100)):
        for j, ref in enumerate(sample["attachments"]):
            content = gen.attachment_content(i, j)
            assert PREFIX.encode() in content
            assert len(content) == ref["size"]
            assert hashlib.sha256(content).hexdigest() == ref["sha256"]
            checked += 1
    assert checked > 0


def test_samples_are_fast() -> None:
    gen = SyntheticReports(1, now=NOW)
    start = time.perf_counter()
    for _ in gen.many(10_000):
        pass
    # About 0.3 s on a laptop; the bound only catches an accidental slowdown by 10x.
    assert time.perf_counter() - start < 3.0
