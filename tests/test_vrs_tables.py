"""VRS-MSRC-style tables (issue 17 item 2) against figures computed by hand from the fixed
synthetic data set tests/data/products/vrs_released.json (the comments there say what each
item is for). The expected rows below were worked out on paper, not by the code under test."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app import vrs_tables
from app.released import ReleasedReport
from app.vrs_tables import BadPeriod, Period, aggregate, for_reader, parse_period
from sync.protocol.tlp import ReaderFacts

DATA = Path(__file__).parent / "data" / "products" / "vrs_released.json"
YEAR = Period(date(2026, 1, 1), date(2026, 12, 31))
MYS_READER = ReaderFacts("p.my", "MY-IMI", "MYS", third_party=False)
THA_POLICE = ReaderFacts("p.rtp", "TH-RTP", "THA", third_party=False)
CANARIES = ("Somchai", "Canarywong", "CANARY0001", "informant", "pickup", "SYNTHETIC")

# A reader of MY-IMI (MYS) over 2026. Counted: 1 (GREEN to MYS, THA), 2 in version 2 only
# (AMBER to MYS), 3 (their own agency's), 7 (CLEAR, 23:59 on 31 December), 8 (GREEN to MYS).
# Not counted: 4 (AMBER+STRICT to TH-RTP: outside the reader's release), 5 (trafficking in
# persons), 6 (observed on 31 December 2025), 2 version 1 (superseded).
EXPECTED_MYS: dict[str, list[list[object]]] = {
    "incidents": [
        ["MYS", "2026-03", "document_fraud", 1, 1, 0],
        ["MYS", "2026-12", "people_smuggling", 1, 5, 3],  # 2 smugglers + 1 facilitator
        ["THA", "2026-03", "people_smuggling", 1, 6, 1],  # 4 + 2 migrants
        ["THA", "2026-04", "people_smuggling", 1, 3, 1],  # version 2: 3, not version 1's 10
        ["THA", "2026-06", "modus_operandi", 1, 0, 0],
    ],
    "smuggled_migrants": [
        ["MYS", "BGD", "male", "26-35", 1],
        ["MYS", "IDN", "male", "18-25", 5],
        ["THA", "MMR", "female", "18-25", 2],
        ["THA", "MMR", "male", "18-25", 4],
        ["THA", "MMR", "male", "26-35", 3],
    ],
    "routes": [
        ["MYS", "BGD", "", "MYS", 1, 1],
        ["MYS", "IDN", "", "MYS", 1, 5],
        ["THA", "MMR", "", "MYS", 1, 3],
        ["THA", "MMR", "THA", "MYS", 1, 6],
    ],
    "transport_modes": [
        ["MYS", "air", 1, 1],
        ["MYS", "boat", 1, 5],
        ["THA", "boat", 1, 3],
        ["THA", "road", 1, 6],
        ["THA", "unknown", 1, 0],  # report 8 gives no route at all
    ],
    "fees": [
        ["MYS", "USD", 1, "600", "600", "600"],
        ["THA", "USD", 2, "2400.5", "900.5", "1500"],  # 1500 + 900.50 (version 1's 9000 not)
    ],
    "modus_operandi": [
        ["MYS", "boat_landing", "Boat landing", 1],
        ["MYS", "guided_group", "Guided group", 1],
        ["THA", "boat_landing", "Boat landing", 1],
        ["THA", "concealment_in_vehicle", "Concealment in vehicle", 1],
        ["THA", "online_recruitment", "Online recruitment", 1],
        ["THA", "payment_on_arrival", "Payment on arrival", 1],
    ],
    "smugglers": [
        ["MYS", "facilitator", "IDN", "male", "50-64", 1],
        ["MYS", "suspected_smuggler", "MYS", "female", "36-49", 2],
        ["THA", "facilitator", "MMR", "male", "36-49", 1],
        ["THA", "suspected_smuggler", "THA", "male", "26-35", 1],
    ],
}


def released() -> list[ReleasedReport]:
    return [ReleasedReport.from_dict(d) for d in json.loads(DATA.read_text())["released"]]


def rows(result: vrs_tables.VrsTables) -> dict[str, list[list[object]]]:
    return {t.name: t.values() for t in result.tables}


def test_tables_match_the_hand_computed_figures() -> None:
    result = aggregate(for_reader(released(), MYS_READER), YEAR)
    assert rows(result) == EXPECTED_MYS
    assert result.reports == 5
    assert result.states == ("MYS", "THA")


def test_an_item_outside_the_readers_release_is_never_counted() -> None:
    mine = rows(aggregate(for_reader(released(), MYS_READER), YEAR))
    text = json.dumps(mine)
    # Report 4 (AMBER+STRICT to TH-RTP) is the only one with Cambodians, THB, a foot crossing
    # and May 2026: none of them may show for a reader in Malaysia.
    for value in ("KHM", "THB", "foot", "2026-05", "forest_or_hill_path"):
        assert value not in text
    # The Thai police, whom it was released to, count it; they do not get 2 and 8 (to MYS).
    police = rows(aggregate(for_reader(released(), THA_POLICE), YEAR))
    assert ["THA", "2026-05", "irregular_crossing", 1, 3, 0] in police["incidents"]
    assert ["THA", "KHM", "unknown", "unknown", 1] in police["smuggled_migrants"]
    assert [r[1] for r in police["incidents"] if r[0] == "THA"] == ["2026-03", "2026-05"]


def test_period_ends_are_included_and_whole_days() -> None:
    december = aggregate(released(), parse_period("2026-12-31", "2026-12-31"))
    assert rows(december)["incidents"] == [["MYS", "2026-12", "people_smuggling", 1, 5, 3]]
    new_year = aggregate(released(), parse_period("2025-12-31", "2025-12-31"))
    assert rows(new_year)["incidents"] == [["MYS", "2025-12", "people_smuggling", 1, 7, 0]]


@pytest.mark.parametrize(
    ("start", "end", "says"),
    [
        ("2026-12-31", "2026-01-01", "ends (2026-01-01) before it starts (2026-12-31)"),
        ("2026-13-01", "2026-12-31", "'2026-13-01' is not a date"),
        ("yesterday", "2026-12-31", "write it as YYYY-MM-DD"),
        ("", "2026-12-31", "--from and --to"),
        ("2020-01-01", "2026-12-31", "at most five years"),
    ],
)
def test_bad_periods_say_what_to_give(start: str, end: str, says: str) -> None:
    with pytest.raises(BadPeriod) as caught:
        parse_period(start, end)
    assert says in str(caught.value)


def test_csv_zip_reads_back_to_the_same_figures() -> None:
    result = aggregate(for_reader(released(), MYS_READER), YEAR)
    archive = zipfile.ZipFile(io.BytesIO(vrs_tables.csv_zip(result)))
    assert archive.namelist() == [f"{name}.csv" for name in EXPECTED_MYS]
    for name, expected in EXPECTED_MYS.items():
        text = archive.read(f"{name}.csv").decode("utf-8")
        header, *body = list(csv.reader(io.StringIO(text, newline="")))
        assert header == result.table(name).columns
        assert body == [[str(v) for v in row] for row in expected], name


def test_xlsx_reads_back_with_openpyxl() -> None:
    result = aggregate(for_reader(released(), MYS_READER), YEAR)
    book = load_workbook(io.BytesIO(vrs_tables.xlsx(result)))
    assert book.sheetnames == list(EXPECTED_MYS)
    for name, expected in EXPECTED_MYS.items():
        sheet = book[name]
        header, *body = [list(r) for r in sheet.iter_rows(values_only=True)]
        assert header == result.table(name).columns
        # counts stay numbers, amounts exact strings; an empty text is an empty cell
        assert body == [[None if v == "" else v for v in row] for row in expected], name
        assert sheet["A1"].font.bold
        assert sheet.freeze_panes == "A2"
        for index, column in enumerate(header):
            letter = sheet.cell(row=1, column=index + 1).column_letter
            assert sheet.column_dimensions[letter].width >= len(str(column)) + 2


def test_no_person_name_or_free_text_reaches_any_output() -> None:
    items = released()
    assert any("Somchai Canarywong" in i.report.narrative for i in items)  # the canary is there
    result = aggregate(items, YEAR)
    outputs = [json.dumps(result.to_json()), vrs_tables.csv_zip(result).decode("latin-1")]
    archive = zipfile.ZipFile(io.BytesIO(vrs_tables.csv_zip(result)))
    outputs += [archive.read(n).decode() for n in archive.namelist()]
    book = load_workbook(io.BytesIO(vrs_tables.xlsx(result)))
    outputs += [
        json.dumps([list(r) for r in book[s].iter_rows(values_only=True)]) for s in book.sheetnames
    ]
    for text in outputs:
        for canary in CANARIES:
            assert canary not in text


def test_docs_list_every_column_with_its_source() -> None:
    docs = (Path(__file__).parents[1] / "docs" / "products.md").read_text()
    for table, columns in vrs_tables.column_sources().items():
        assert f"`{table}`" in docs, table
        for column, source in columns:
            assert f"| `{column}` | {source} |" in docs, (table, column)


def test_unknown_format_is_refused() -> None:
    with pytest.raises(vrs_tables.VrsInputError, match="csv or xlsx"):
        vrs_tables.encode(aggregate([], YEAR), "pdf")
