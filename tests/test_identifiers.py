"""Identifiers worth matching (issue 18 item 1): one normaliser per type, and search by them."""

from __future__ import annotations

from typing import Any

import pytest

from app.identifiers import (
    ALIAS,
    DOCUMENT,
    HANDLE,
    KINDS,
    PHONE,
    TRANSFER,
    VEHICLE,
    VESSEL,
    normalise_alias,
    normalise_document_number,
    normalise_handle,
    normalise_phone_number,
    normalise_transfer_reference,
    normalise_vehicle_registration,
    normalise_vessel_name,
    report_identifiers,
)
from app.reports import ReportService
from app.session import Session

# A passport number as officers write it down: from the data page, from the MRZ (where the
# letter O and the digit 0 are easily confused), with spaces, dashes or filler characters.
DOCUMENT_NUMBERS = [
    ("AB 123-456", "AB123456"),
    ("ab123456", "AB123456"),
    ("AB-123456", "AB123456"),
    ("  AB.123.456 ", "AB123456"),
    ("AB123456<<<", "AB123456"),
    ("AB/123456", "AB123456"),
    ("A0 1234O5", "A0123405"),
    ("AO 12345O", "A0123450"),
    ("ＡＢ１２３４５６", "AB123456"),  # full-width, as some input methods type them
    ("K 0 1 2", "K012"),
]


@pytest.mark.parametrize(("typed", "key"), DOCUMENT_NUMBERS)
def test_document_numbers_normalise_to_one_key(typed: str, key: str) -> None:
    assert normalise_document_number(typed) == key


@pytest.mark.parametrize("typed", ["", "   ", "--", "<<<"])
def test_a_document_number_without_letters_or_digits_has_no_key(typed: str) -> None:
    assert normalise_document_number(typed) is None


def test_every_kind_has_its_own_one_letter_code() -> None:
    codes = [DOCUMENT, VEHICLE, VESSEL, PHONE, HANDLE, TRANSFER, ALIAS]
    assert all(len(code) == 1 for code in codes)
    assert len(set(codes)) == len(codes)
    assert set(KINDS) == set(codes)


# Registration plates as written on a form or read off a car: Indonesian (area letter,
# number, suffix), Malaysian, Thai (Thai letters, sometimes Thai digits), Philippine.
VEHICLE_REGISTRATIONS = [
    ("B 1234 XYZ", "B1234XYZ"),
    ("b-1234-xyz", "B1234XYZ"),
    ("B1234XYZ", "B1234XYZ"),
    (" B.1234.XYZ ", "B1234XYZ"),
    ("WXY 1234", "WXY1234"),
    ("wxy1234", "WXY1234"),
    ("ＷＸＹ １２３４", "WXY1234"),  # full-width
    ("กข 1234", "กข1234"),
    ("กข-๑๒๓๔", "กข1234"),  # Thai digits are the same plate
    ("NBC 1234", "NBC1234"),
    ("ABC·123", "ABC123"),
]


@pytest.mark.parametrize(("typed", "key"), VEHICLE_REGISTRATIONS)
def test_vehicle_registrations_normalise_to_one_key(typed: str, key: str) -> None:
    assert normalise_vehicle_registration(typed) == key


# Vessel names: with or without the type prefix (Motor Vessel, Kapal Motor, Fishing Boat),
# in any case, spacing and punctuation.
VESSEL_NAMES = [
    ("MV Sea Star", "seastar"),
    ("M/V SEA STAR", "seastar"),
    ("M.V. Sea-Star", "seastar"),
    ("sea star", "seastar"),
    ("SeaStar", "seastar"),
    ("  Sea   Star ", "seastar"),
    ("KM Sinar Bangun", "sinarbangun"),
    ("K.M. SINAR BANGUN", "sinarbangun"),
    ("KMP Sinar Bangun", "sinarbangun"),
    ("KLM Sinar Bangun", "sinarbangun"),
    ("F/B Lucky 7", "lucky7"),
    ("M/B Lucky-7", "lucky7"),
    ("MT Ocean Pride", "oceanpride"),
    ("MS Ocean Pride", "oceanpride"),
    ("“Ocean Pride”", "oceanpride"),
    ("Kmart", "kmart"),  # a prefix only counts as one when a separator follows it
    ("MV", "mv"),  # a name that is nothing but a prefix is kept whole
]


@pytest.mark.parametrize(("typed", "key"), VESSEL_NAMES)
def test_vessel_names_normalise_to_one_key(typed: str, key: str) -> None:
    assert normalise_vessel_name(typed) == key


# One Indonesian mobile number as officers write it: international, with the 00 dialling
# prefix, national with the trunk 0 (needs the region), and with the country code but no +.
INDONESIAN_MOBILE = "+6281234567890"
PHONE_NUMBERS = [
    ("+62 812-3456-7890", None, INDONESIAN_MOBILE),
    ("+62 812-3456-7890", "MY", INDONESIAN_MOBILE),  # a + number ignores the region
    ("0062 812 3456 7890", "ID", INDONESIAN_MOBILE),
    ("0062 812 3456 7890", "IDN", INDONESIAN_MOBILE),  # alpha-3, as reports code countries
    ("(0812) 3456 7890", "ID", INDONESIAN_MOBILE),
    ("0812.3456.7890", "ID", INDONESIAN_MOBILE),
    ("＋６２ ８１２ ３４５６ ７８９０", None, INDONESIAN_MOBILE),
    ("+60 12-345 6789", None, "+60123456789"),
    ("012-345 6789", "MY", "+60123456789"),
    ("+66 81 234 5678", None, "+66812345678"),
    ("081 234 5678", "TH", "+66812345678"),
    ("+63 917 123 4567", None, "+639171234567"),
]


@pytest.mark.parametrize(("typed", "region", "key"), PHONE_NUMBERS)
def test_phone_numbers_normalise_to_e164(typed: str, region: str | None, key: str) -> None:
    assert normalise_phone_number(typed, region) == key


@pytest.mark.parametrize(
    ("typed", "region"),
    [
        ("", "ID"),
        ("call me", "ID"),
        ("+62 1", None),  # too short for any Indonesian number
        ("+62 812 3456 7890 1234 5678", None),  # too long
        ("0812 3456 7890", None),  # national, and no region to read it in
        ("+999 1234 5678", None),  # no such country code
    ],
)
def test_an_impossible_phone_number_has_no_key(typed: str, region: str | None) -> None:
    assert normalise_phone_number(typed, region) is None


def test_an_unknown_region_is_refused_with_a_message() -> None:
    with pytest.raises(ValueError, match="XX"):
        normalise_phone_number("0812 3456 7890", "XX")


HANDLES = [
    ("Telegram", "@Smuggler_Joe", "telegram:smuggler_joe"),
    ("telegram", "smuggler_joe", "telegram:smuggler_joe"),
    (" TELEGRAM ", " @SMUGGLER_JOE ", "telegram:smuggler_joe"),
    ("telegram", "https://t.me/smuggler_joe", "telegram:smuggler_joe"),
    ("telegram", "t.me/Smuggler_Joe/", "telegram:smuggler_joe"),
    ("Instagram", "https://www.instagram.com/travel.easy.my/?hl=en", "instagram:travel.easy.my"),
    ("Facebook", "facebook.com/Travel.Easy.MY", "facebook:travel.easy.my"),
    ("TikTok", "@JalanPintas", "tiktok:jalanpintas"),
    ("X", "@jalanpintas", "x:jalanpintas"),
    ("Twitter", "@JalanPintas", "x:jalanpintas"),  # the same platform renamed
    ("ＴＥＬＥＧＲＡＭ", "＠ｓｍｕｇｇｌｅｒ", "telegram:smuggler"),
]


@pytest.mark.parametrize(("platform", "typed", "key"), HANDLES)
def test_handles_normalise_to_platform_and_handle(platform: str, typed: str, key: str) -> None:
    assert normalise_handle(platform, typed) == key


def test_one_handle_on_two_platforms_is_two_keys() -> None:
    assert normalise_handle("telegram", "@joe") != normalise_handle("instagram", "@joe")


@pytest.mark.parametrize(("platform", "typed"), [("telegram", ""), ("telegram", "@"), ("", "@joe")])
def test_a_handle_without_a_platform_or_a_name_has_no_key(platform: str, typed: str) -> None:
    assert normalise_handle(platform, typed) is None


# Money-transfer references: Western Union MTCNs, MoneyGram reference numbers, bank and
# e-wallet transaction ids, as written on receipts and screenshots.
TRANSFER_REFERENCES = [
    ("123-456-7890", "1234567890"),
    ("123 456 7890", "1234567890"),
    ("1234567890", "1234567890"),
    ("MTCN: 123-456-7890", "MTCN1234567890"),
    ("ref 8821 77aa", "REF882177AA"),
    ("TRX-2026/11/ABC123", "TRX202611ABC123"),
    ("１２３４５６７８９０", "1234567890"),
]


@pytest.mark.parametrize(("typed", "key"), TRANSFER_REFERENCES)
def test_transfer_references_normalise_to_one_key(typed: str, key: str) -> None:
    assert normalise_transfer_reference(typed) == key


# Aliases: the name a facilitator goes by, as different officers write it down.
ALIASES = [
    ("Pak Budi", "pak budi"),
    ("PAK  BUDI", "pak budi"),
    (" pak\tbudi\n", "pak budi"),
    ("Ｐａｋ Ｂｕｄｉ", "pak budi"),  # full-width
    ("Pak\u00a0Budi", "pak budi"),  # a no-break space from a pasted message
    ("STRASSE", "strasse"),
    ("Straße", "strasse"),  # casefold, not lower: ß is ss
    ("Ông Tư", "ông tư"),
]


@pytest.mark.parametrize(("typed", "key"), ALIASES)
def test_aliases_normalise_to_one_key(typed: str, key: str) -> None:
    assert normalise_alias(typed) == key


@pytest.mark.parametrize(
    "normalise",
    [
        normalise_vehicle_registration,
        normalise_vessel_name,
        normalise_transfer_reference,
        normalise_alias,
    ],
)
@pytest.mark.parametrize("typed", ["", "   ", "--", "/."])
def test_an_identifier_with_nothing_in_it_has_no_key(normalise: Any, typed: str) -> None:
    assert normalise(typed) is None


def _draft(service: ReportService, number: str, narrative: str) -> str:
    data = {
        "kind": "document_fraud",
        "narrative": narrative,
        "documents": [
            {"type": "passport", "issuing_state": "MYS", "number": number, "fraud_type": "forged"}
        ],
    }
    return service.create_draft(data).report_id


def test_a_document_number_typed_in_three_spellings_finds_its_report(session: Session) -> None:
    service = ReportService(session.db, session.user)
    wanted = _draft(service, "AB 123-456", "Forged data page at the counter")
    _draft(service, "CD 777-888", "Another passport entirely")
    for typed in ("AB 123-456", "ab123456", "AB-123456"):
        assert [v.report_id for v in service.search(typed)] == [wanted], typed


def test_o_and_zero_in_an_mrz_style_number_find_the_same_report(session: Session) -> None:
    service = ReportService(session.db, session.user)
    wanted = _draft(service, "A0123405", "Number read from the MRZ")
    assert [v.report_id for v in service.search("AO 1234O5")] == [wanted]
    assert [v.report_id for v in service.search("a0-123405")] == [wanted]


def test_an_edited_document_number_is_found_by_the_new_number_only(session: Session) -> None:
    service = ReportService(session.db, session.user)
    report_id = _draft(service, "AB 123-456", "Draft")
    report = service.get(report_id).report
    report["documents"][0]["number"] = "ZZ 999 000"
    service.update_draft(report_id, report)
    assert [v.report_id for v in service.search("zz999000")] == [report_id]
    assert service.search("AB123456") == []


def test_words_of_the_narrative_are_still_found(session: Session) -> None:
    service = ReportService(session.db, session.user)
    wanted = _draft(service, "AB 123-456", "Forged data page at the counter")
    assert [v.report_id for v in service.search("forged counter")] == [wanted]


IDENTIFIERS = {
    "vehicles": ["B 1234 XYZ"],
    "vessels": ["KM Sinar Bangun"],
    "phones": [{"number": "(0812) 3456 7890", "country": "IDN"}, {"number": "+60 12-345 6789"}],
    "handles": [{"platform": "Telegram", "handle": "@Smuggler_Joe"}],
    "transfers": ["MTCN 123-456-7890"],
    "aliases": ["Pak  Budi"],
}


def test_report_identifiers_covers_every_kind() -> None:
    report = {
        "kind": "people_smuggling",
        "documents": [{"number": "AB 123-456"}],
        "identifiers": IDENTIFIERS,
    }
    assert report_identifiers(report) == {
        (DOCUMENT, "AB123456"),
        (VEHICLE, "B1234XYZ"),
        (VESSEL, "sinarbangun"),
        (PHONE, "+6281234567890"),
        (PHONE, "+60123456789"),
        (HANDLE, "telegram:smuggler_joe"),
        (TRANSFER, "MTCN1234567890"),
        (ALIAS, "pak budi"),
    }
    assert {kind for kind, _ in report_identifiers(report)} == set(KINDS)


def test_identifiers_without_a_key_are_left_out_and_do_not_break_indexing() -> None:
    report = {
        "kind": "other",
        "identifiers": {
            "phones": [{"number": "call me"}, {"number": "0812 3456 7890", "country": "ATA"}],
            "handles": [{"platform": "", "handle": "@joe"}],
            "vehicles": ["--"],
        },
    }
    assert report_identifiers(report) == set()


def _draft_with(service: ReportService, identifiers: dict[str, Any], narrative: str) -> str:
    data = {"kind": "people_smuggling", "narrative": narrative, "identifiers": identifiers}
    return service.create_draft(data).report_id


@pytest.mark.parametrize(
    "typed",
    [
        "b1234xyz",
        "B-1234-XYZ",
        "K.M. SINAR BANGUN",
        "+62 812 3456 7890",
        "0062 812-3456-7890",
        "+6281234567890",
        "telegram:@smuggler_joe",
        "Telegram @SMUGGLER_JOE",
        "mtcn1234567890",
        "pak budi",
    ],
)
def test_a_report_is_found_by_any_of_its_identifiers(session: Session, typed: str) -> None:
    service = ReportService(session.db, session.user)
    wanted = _draft_with(service, IDENTIFIERS, "Pickup stopped at the checkpoint")
    _draft_with(
        service,
        {"vehicles": ["B 9999 ZZZ"], "phones": [{"number": "+66 81 234 5678"}]},
        "Another vehicle entirely",
    )
    assert [v.report_id for v in service.search(typed)] == [wanted]
