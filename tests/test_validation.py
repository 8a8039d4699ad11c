"""Validation of report payloads: paths, messages, drafts versus submission."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import codelists
from app.domain import Report, ReportKind
from app.samples import SyntheticReports
from app.validation import (
    FieldError,
    ReportValidationError,
    check_field,
    field_errors,
    normalise_report,
    report_errors,
    validate_report,
)

NOW = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)
SHA = "a" * 64


@pytest.fixture(autouse=True)
def _demo_crossing_points() -> Iterator[None]:
    codelists.reset_crossing_points()
    yield
    codelists.reset_crossing_points()


def full_report() -> dict[str, Any]:
    """A complete, normalised report as the spec shows it."""
    return {
        "kind": "people_smuggling",
        "observed_at": "2026-11-28T14:05:00Z",
        "crossing_point": "THA-MYS-SADAO",
        "coordinates": {"lat": 6.51, "lon": 100.42},
        "persons": [
            {
                "role": "migrant",
                "nationality": "MMR",
                "sex": "female",
                "age_band": "18-25",
                "count": 4,
            },
            {
                "role": "suspected_smuggler",
                "nationality": "THA",
                "sex": "male",
                "age_band": "36-49",
                "count": 1,
            },
        ],
        "documents": [
            {
                "type": "passport",
                "issuing_state": "MMR",
                "number": "SYN123456",
                "fraud_type": "forged",
                "features": ["photo_substitution", "laminate_tampering"],
            }
        ],
        "route": {
            "origin": "MMR",
            "transit": ["THA"],
            "destination": "MYS",
            "transport_mode": "road",
            "fees": {"amount": "1500.00", "currency": "USD"},
            "group_size": 5,
        },
        "modus_operandi": {"tags": ["concealment_in_vehicle"], "text": "Hidden under crates."},
        "narrative": "[SYNTHETIC] A pickup truck was stopped with five persons inside.",
        "source": {"description": "Own observation", "reliability": "B", "credibility": 2},
        "handling": {"tlp": "AMBER", "third_party": False, "legal_basis": "MOU-2019-04"},
        "attachments": [
            {"sha256": SHA, "filename": "photo 1.jpg", "media_type": "image/jpeg", "size": 2048}
        ],
    }


def errors_of(data: object, *, for_submit: bool = True, now: datetime = NOW) -> dict[str, str]:
    return field_errors(data, for_submit=for_submit, now=now)


def test_full_report_is_valid_and_round_trips() -> None:
    data = full_report()
    report = validate_report(data, now=NOW, for_submit=True)
    assert isinstance(report, Report)
    assert report.to_dict() == data
    assert normalise_report(data, now=NOW) == data
    assert report_errors(data, now=NOW, for_submit=True) == []


IDENTIFIERS = {
    "vehicles": ["B 1234 XYZ"],
    "vessels": ["KM Sinar Bangun"],
    "phones": [{"number": "(0812) 3456 7890", "country": "IDN"}, {"number": "+60 12-345 6789"}],
    "handles": [{"platform": "telegram", "handle": "@smuggler_joe"}],
    "transfers": ["MTCN 123-456-7890"],
    "aliases": ["Pak Budi"],
}


def test_the_identifiers_group_is_valid_and_round_trips() -> None:
    data = {**full_report(), "identifiers": IDENTIFIERS}
    normalised = normalise_report(data, now=NOW, for_submit=True)
    # Kept as typed (the keys are computed when indexing), missing parts in their empty form.
    assert normalised["identifiers"] == {
        **IDENTIFIERS,
        "phones": [
            {"number": "(0812) 3456 7890", "country": "IDN"},
            {"number": "+60 12-345 6789", "country": None},
        ],
    }
    assert Report.from_dict(normalised).to_dict() == normalised


@pytest.mark.parametrize("empty", [None, {}, {"vehicles": [], "phones": []}])
def test_a_report_without_identifiers_has_no_identifiers_group(empty: Any) -> None:
    # Optional: a report without any stays exactly as before the group existed, so its
    # payload (and signature) is the one an older client makes and accepts.
    data = full_report()
    if empty is not None:
        data["identifiers"] = empty
    assert "identifiers" not in normalise_report(data, now=NOW, for_submit=True)


@pytest.mark.parametrize(
    ("identifiers", "path"),
    [
        ({"emails": ["a@example.org"]}, "identifiers.emails"),
        ({"vehicles": ["B 1234\nXYZ"]}, "identifiers.vehicles[0]"),
        ({"vehicles": [""]}, "identifiers.vehicles[0]"),
        ({"vessels": ["x" * 121]}, "identifiers.vessels[0]"),
        ({"phones": ["+62 812 3456 7890"]}, "identifiers.phones[0]"),
        ({"phones": [{"number": "+62 812", "country": "XXX"}]}, "identifiers.phones[0].country"),
        ({"handles": [{"platform": "telegram"}]}, "identifiers.handles[0].handle"),
        ({"handles": [{"handle": "@joe"}]}, "identifiers.handles[0].platform"),
        ({"transfers": "123-456"}, "identifiers.transfers"),
        ({"aliases": ["a" * 201]}, "identifiers.aliases[0]"),
    ],
)
def test_malformed_identifiers_are_refused_at_their_path(
    identifiers: dict[str, Any], path: str
) -> None:
    errors = errors_of({**full_report(), "identifiers": identifiers}, for_submit=False)
    assert list(errors) == [path], errors


def test_many_samples_round_trip() -> None:
    gen = SyntheticReports(2026, now=NOW)
    for sample in gen.many(1500):
        report = validate_report(sample, now=NOW, for_submit=True)
        assert report.to_dict() == sample
        assert Report.from_dict(sample).to_dict() == sample


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32), index=st.integers(0, 10**9))
def test_any_sample_round_trips(seed: int, index: int) -> None:
    sample = SyntheticReports(seed, now=NOW).report(index)
    assert validate_report(sample, now=NOW, for_submit=True).to_dict() == sample


# ---------------------------------------------------------------- required for submit


def _delete(path: str) -> Callable[[dict[str, Any]], None]:
    def apply(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for part in parents:
            target = target[part]
        del target[last]

    return apply


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("kind", "Kind is required"),
        ("observed_at", "Observation time is required"),
        ("crossing_point", "Crossing point is required"),
        ("narrative", "Narrative is required"),
        ("source.reliability", "Source reliability is required"),
        ("source.credibility", "Information credibility is required"),
        ("handling.tlp", "TLP label is required"),
    ],
)
def test_missing_required_field_for_submit(path: str, message: str) -> None:
    data = full_report()
    _delete(path)(data)
    assert errors_of(data) == {path: message}


@pytest.mark.parametrize("field", ["role", "nationality", "sex", "age_band", "count"])
def test_person_fields_are_required_for_submit(field: str) -> None:
    data = full_report()
    data["persons"][1][field] = None
    assert list(errors_of(data)) == [f"persons[1].{field}"]
    assert errors_of(data, for_submit=False) == {}


@pytest.mark.parametrize("field", ["type", "issuing_state", "fraud_type"])
def test_document_fields_are_required_for_submit(field: str) -> None:
    data = full_report()
    del data["documents"][0][field]
    assert list(errors_of(data)) == [f"documents[0].{field}"]


@pytest.mark.parametrize("blank", ["", "   \n "])
def test_blank_narrative_counts_as_missing(blank: str) -> None:
    data = full_report() | {"narrative": blank}
    assert errors_of(data) == {"narrative": "Narrative is required"}


def test_submit_needs_a_person_unless_modus_operandi() -> None:
    data = full_report() | {"persons": []}
    assert list(errors_of(data)) == ["persons"]
    assert "at least one person" in errors_of(data)["persons"]
    data["kind"] = "modus_operandi"
    assert errors_of(data) == {}


def test_null_objects_report_their_required_leaves() -> None:
    data = full_report() | {"source": None, "handling": None}
    assert set(errors_of(data)) == {"source.reliability", "source.credibility", "handling.tlp"}


# ---------------------------------------------------------------- malformed values


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Set a value at a path like "persons[1].nationality"."""

    def apply(data: dict[str, Any]) -> None:
        target: Any = data
        parts = path.replace("[", ".").replace("]", "").split(".")
        for part in parts[:-1]:
            target = target[int(part)] if part.isdigit() else target[part]
        last = parts[-1]
        target[int(last) if last.isdigit() else last] = value

    return apply


BAD_VALUES: list[tuple[str, Any, str, str]] = [
    # (where to put the value, value, expected error path, expected message fragment)
    ("kind", "smuggling", "kind", "Kind 'smuggling' is not valid (use one of: irregular_crossing"),
    ("kind", 3, "kind", "Kind must be text, not a number"),
    ("observed_at", "28/11/2026 14:05", "observed_at", "is not a date and time like"),
    ("observed_at", "2026-11-28T14:05:00", "observed_at", "is not a date and time"),  # no zone
    ("observed_at", "2026-02-30T10:00:00Z", "observed_at", "is not a valid date and time"),
    ("observed_at", "2026-11-30T15:00:01Z", "observed_at", "is in the future"),
    ("observed_at", "1026-11-28T14:05:00Z", "observed_at", "too far in the past"),
    ("crossing_point", "THA-XXX-NOWHERE", "crossing_point", "not in the crossing-point list"),
    ("coordinates.lat", 91, "coordinates.lat", "Latitude 91 is out of range (-90 to 90)"),
    ("coordinates.lon", -180.5, "coordinates.lon", "Longitude -180.5 is out of range"),
    ("coordinates.lat", "6.5", "coordinates.lat", "Latitude must be a number, not text"),
    ("coordinates.lat", float("nan"), "coordinates.lat", "out of range"),
    ("coordinates", {"lat": 6.5}, "coordinates.lon", "Longitude is required"),
    ("coordinates.lat", float("inf"), "coordinates.lat", "out of range"),
    ("coordinates.lat", 10**400, "coordinates.lat", "out of range"),
    ("persons[1]", None, "persons[1]", "Persons: entry 2 is empty (null)"),
    ("route.transit[0]", None, "route.transit[0]", "entry 1 is empty"),
    ("persons", {}, "persons", "Persons must be a list, not an object"),
    ("persons[0]", "MMR", "persons[0]", "Person must be an object, not text"),
    (
        "persons[1].nationality",
        "XYZ",
        "persons[1].nationality",
        "Nationality 'XYZ' is not an ISO 3166 country code (use e.g. MMR, THA, or XXX if unknown)",
    ),
    ("persons[0].nationality", "mm", "persons[0].nationality", "not an ISO 3166 country code"),
    ("persons[0].role", "victim", "persons[0].role", "Role 'victim' is not valid"),
    ("persons[0].sex", "F", "persons[0].sex", "Sex 'F' is not valid"),
    ("persons[0].age_band", "18-24", "persons[0].age_band", "Age band '18-24' is not valid"),
    ("persons[0].count", -1, "persons[0].count", "Count -1 is out of range (use 1 to 10000)"),
    ("persons[0].count", 0, "persons[0].count", "out of range"),
    ("persons[0].count", 10_001, "persons[0].count", "out of range"),
    ("persons[0].count", 2.5, "persons[0].count", "must be a whole number (1 to 10000), not 2.5"),
    ("persons[0].count", True, "persons[0].count", "must be a whole number"),
    ("documents[0].type", "driving_licence", "documents[0].type", "document-type list"),
    ("documents[0].issuing_state", "ZZZ", "documents[0].issuing_state", "Issuing state 'ZZZ'"),
    ("documents[0].number", "X" * 65, "documents[0].number", "too long (65 characters"),
    ("documents[0].number", "AB\n12", "documents[0].number", "must be a single line"),
    ("documents[0].fraud_type", "fake", "documents[0].fraud_type", "Fraud type 'fake'"),
    ("documents[0].features", "fake_visa", "documents[0].features", "must be a list, not text"),
    ("documents[0].features[1]", "glitter", "documents[0].features[1]", "document-feature list"),
    (
        "documents[0].features[1]",
        "photo_substitution",
        "documents[0].features[1]",
        "listed twice",
    ),
    ("route", "MMR to MYS", "route", "Route must be an object, not text"),
    ("route.origin", "XXX", "route.origin", "(use e.g. MMR, THA)"),  # unknown origin is null
    ("route.transit[0]", "Thailand", "route.transit[0]", "Transit country 'Thailand'"),
    ("route.transport_mode", "car", "route.transport_mode", "Transport mode 'car'"),
    ("route.fees.amount", "1,500", "route.fees.amount", "not an amount like 1500.00"),
    ("route.fees.amount", 1500, "route.fees.amount", "must be text"),
    ("route.fees.amount", "-5", "route.fees.amount", "not an amount"),
    ("route.fees.currency", "ABC", "route.fees.currency", "not an ISO 4217 currency code"),
    ("route.fees.currency", "XAU", "route.fees.currency", "not an ISO 4217 currency code"),
    ("route.fees", {"amount": "10"}, "route.fees.currency", "Currency is required"),
    ("route.group_size", 0, "route.group_size", "Group size 0 is out of range"),
    ("modus_operandi.tags[0]", "magic", "modus_operandi.tags[0]", "modus-operandi tag list"),
    ("narrative", 5, "narrative", "Narrative must be text, not a number"),
    ("narrative", "x" * 20_001, "narrative", "too long (20001 characters, at most 20000)"),
    ("narrative", "bad\x00byte", "narrative", "control characters"),
    ("source.reliability", "G", "source.reliability", "Source reliability 'G' is not valid"),
    ("source.reliability", "b", "source.reliability", "from A (completely reliable) to F"),
    ("source.credibility", 7, "source.credibility", "Information credibility 7 is not valid"),
    ("source.credibility", "3", "source.credibility", "must be a whole number, not text"),
    ("handling.tlp", "amber", "handling.tlp", "TLP label 'amber' is not valid"),
    ("handling.tlp", "WHITE", "handling.tlp", "AMBER+STRICT"),
    ("handling.third_party", "yes", "handling.third_party", "must be true or false, not text"),
    ("attachments[0].sha256", SHA.upper(), "attachments[0].sha256", "64 lowercase hexadecimal"),
    ("attachments[0].sha256", "abc", "attachments[0].sha256", "64 lowercase hexadecimal"),
    ("attachments[0].filename", "../etc/x", "attachments[0].filename", "without folders"),
    ("attachments[0].media_type", "jpeg", "attachments[0].media_type", "like image/jpeg"),
    (
        "attachments[0].size",
        -1,
        "attachments[0].size",
        "File size -1 is out of range (use 0 or more)",
    ),
    ("attachments[0]", {"sha256": SHA}, "attachments[0].filename", "File name is required"),
    ("colour", "red", "colour", "Unknown field 'colour'"),
    ("persons[0].name", "Aung", "persons[0].name", "Unknown field 'name'"),
    ("route.fees.tip", "5", "route.fees.tip", "Unknown field 'tip'"),
]


@pytest.mark.parametrize(
    ("where", "value", "path", "fragment"),
    BAD_VALUES,
    ids=[f"{b[0]}={b[1]!r:.20}" for b in BAD_VALUES],
)
@pytest.mark.parametrize("for_submit", [False, True], ids=["draft", "submit"])
def test_malformed_value(
    where: str, value: Any, path: str, fragment: str, for_submit: bool
) -> None:
    data = full_report()
    _set(where, value)(data)
    errors = errors_of(data, for_submit=for_submit)
    assert path in errors, errors
    assert fragment in errors[path]
    with pytest.raises(ReportValidationError) as info:
        validate_report(data, now=NOW, for_submit=for_submit)
    assert FieldError(path, errors[path]) in info.value.errors


def test_not_an_object() -> None:
    assert errors_of(["kind", "other"]) == {"": "Report must be an object, not a list"}


def test_all_errors_are_collected() -> None:
    data = full_report()
    data["source"]["reliability"] = "G"
    data["source"]["credibility"] = 7
    data["persons"][1]["nationality"] = "XYZ"
    data["persons"][0]["count"] = -3
    data["attachments"][0]["sha256"] = "nope"
    del data["handling"]["tlp"]
    data["extra"] = 1
    with pytest.raises(ReportValidationError) as info:
        validate_report(data, now=NOW, for_submit=True)
    assert [e.path for e in info.value.errors] == [
        "extra",
        "persons[0].count",
        "persons[1].nationality",
        "source.reliability",
        "source.credibility",
        "handling.tlp",
        "attachments[0].sha256",
    ]
    assert str(info.value).startswith("7 problem(s) in the report: extra: Unknown field")


def test_duplicate_attachment() -> None:
    data = full_report()
    data["attachments"].append(dict(data["attachments"][0], filename="copy.jpg"))
    assert errors_of(data) == {"attachments[1]": "Same file as attachments[0]"}


# ---------------------------------------------------------------- observed_at


def test_observed_at_is_normalised() -> None:
    data = full_report() | {"observed_at": "2026-11-28t21:05:09.123456789+07:00"}
    report = validate_report(data, now=NOW, for_submit=True)
    assert report.observed_at == datetime(2026, 11, 28, 14, 5, 9, tzinfo=UTC)
    assert report.to_dict()["observed_at"] == "2026-11-28T14:05:09Z"


def test_one_day_of_clock_slack() -> None:
    data = full_report()
    data["observed_at"] = "2026-11-29T15:00:00Z"  # exactly one day ahead
    assert errors_of(data) == {}
    data["observed_at"] = "2026-11-29T15:00:01Z"
    assert "in the future" in errors_of(data)["observed_at"]
    # the same report is fine once the device clock has moved on
    assert errors_of(data, now=NOW + timedelta(hours=1)) == {}


def test_default_now_is_the_current_time() -> None:
    data = full_report() | {"observed_at": "2999-01-01T00:00:00Z"}
    assert "in the future" in field_errors(data)["observed_at"]
    assert validate_report(full_report(), for_submit=True).kind is ReportKind.PEOPLE_SMUGGLING


def test_naive_now_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        validate_report(full_report(), now=datetime(2026, 11, 28))


# ---------------------------------------------------------------- drafts


def test_draft_needs_only_kind() -> None:
    report = validate_report({"kind": "other"}, now=NOW)
    assert report == Report(kind=ReportKind.OTHER)
    assert errors_of({}, for_submit=False) == {"kind": "Kind is required"}


def test_draft_accepts_partial_data_and_nulls() -> None:
    draft = {
        "kind": "trafficking_in_persons",
        "observed_at": None,
        "persons": [{"nationality": "MMR"}, {"role": "presumed_victim", "count": 2}],
        "documents": [{"features": ["fake_visa"]}],
        "route": None,
        "modus_operandi": None,
        "narrative": None,
        "source": {"credibility": 3},
        "handling": None,
        "attachments": None,
    }
    report = validate_report(draft, now=NOW)
    assert report.persons[0].nationality == "MMR" and report.persons[0].role is None
    assert report.documents[0].features == ("fake_visa",)
    assert report.source.credibility == 3
    data = report.to_dict()
    assert data["persons"][1] == {
        "role": "presumed_victim",
        "nationality": None,
        "sex": None,
        "age_band": None,
        "count": 2,
    }
    assert data["narrative"] == "" and data["handling"]["third_party"] is False
    assert validate_report(data, now=NOW).to_dict() == data  # normalised drafts are stable
    assert set(errors_of(draft)) == {
        "observed_at",
        "crossing_point",
        "persons[0].role",
        "persons[0].sex",
        "persons[0].age_band",
        "persons[0].count",
        "persons[1].nationality",
        "persons[1].sex",
        "persons[1].age_band",
        "documents[0].type",
        "documents[0].issuing_state",
        "documents[0].fraud_type",
        "narrative",
        "source.reliability",
        "handling.tlp",
    }


def test_draft_still_rejects_malformed_values() -> None:
    draft = {"kind": "other", "persons": [{"nationality": "Myanmar"}], "bogus": True}
    assert set(errors_of(draft, for_submit=False)) == {"persons[0].nationality", "bogus"}


def test_blank_optional_text_becomes_null() -> None:
    data = full_report()
    data["documents"][0]["number"] = "  "
    data["handling"]["legal_basis"] = ""
    out = validate_report(data, now=NOW, for_submit=True).to_dict()
    assert out["documents"][0]["number"] is None
    assert out["handling"]["legal_basis"] is None


def test_replaced_crossing_points_are_used() -> None:
    codelists.set_crossing_points([{"code": "XX-NEW", "label": "New post"}])
    assert "crossing_point" in errors_of(full_report())
    assert errors_of(full_report() | {"crossing_point": "XX-NEW"}) == {}


# ---------------------------------------------------------------- as-you-type helpers


def test_field_errors_gives_one_message_per_path() -> None:
    data = full_report()
    data["persons"][0]["count"] = "many"
    assert errors_of(data) == {
        "persons[0].count": "Count must be a whole number (1 to 10000), not text"
    }


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("persons[3].nationality", "MMR", None),
        ("persons[3].nationality", "XXX", None),
        ("persons[3].nationality", "XYZ", "Nationality 'XYZ' is not an ISO 3166 country code"),
        ("persons[0].count", 0, "Count 0 is out of range (use 1 to 10000)"),
        ("documents[2].features[0]", "fake_visa", None),
        ("route.fees.currency", "THB", None),
        ("route.fees", {"amount": "5"}, "Currency is required"),
        ("source.reliability", "G", "Source reliability 'G' is not valid"),
        ("handling.tlp", "AMBER+STRICT", None),
        ("observed_at", "2026-12-01T00:00:00Z", "Observation time 2026-12-01T00:00:00Z is in"),
        ("narrative", None, None),
        ("persons[0]", {"nationality": "THA", "age": 3}, "Unknown field 'age'"),
    ],
)
def test_check_field(path: str, value: Any, expected: str | None) -> None:
    message = check_field(path, value, now=NOW)
    if expected is None:
        assert message is None
    else:
        assert message is not None and message.startswith(expected)


def test_check_field_for_submit_and_unknown_paths() -> None:
    assert check_field("narrative", " ", for_submit=True) == "Narrative is required"
    assert check_field("kind", None) == "Kind is required"
    for path in ("colour", "persons.role", "route[0]", "persons[0].role.x"):
        with pytest.raises(KeyError):
            check_field(path, "x")


def test_validation_does_not_modify_input() -> None:
    data = full_report() | {"observed_at": "2026-11-28T21:05:00+07:00"}
    before = copy.deepcopy(data)
    validate_report(data, now=NOW, for_submit=True)
    assert data == before
