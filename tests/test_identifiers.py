"""Identifiers worth matching (issue 18 item 1): one normaliser per type, and search by them."""

from __future__ import annotations

import pytest

from app.identifiers import normalise_document_number
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
