"""Period aggregates in the shape of UNODC's Voluntary Reporting System on Migrant Smuggling and
Related Conduct (VRS-MSRC): incidents, smuggled migrants, routes, transport modes, fees,
modus operandi and profiles of smugglers (docs/products.md lists every column and its source
field).

Pure: built from ReleasedReport values only, so the caller decides first which items the
reader's release reaches (app.released.readable_by on the client, the feed's visible_clause on
the portal). No free text of a report ever reaches a table (narrative, source description,
modus-operandi text, document numbers): only codes, counts and amounts, so no person can be
named in the output. Persons are counted by role, nationality, sex and age band.

Each report counts once, in its latest released version, and only when it was observed in the
period (UTC dates, both ends included) and is of a kind the VRS-MSRC covers (VRS_KINDS).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from typing import Any, Final

from app import codelists
from app.domain import Person, PersonRole, ReportKind
from app.released import ReleasedReport, readable_by
from resources.i18n import _
from sync.protocol.tlp import ReaderFacts

# Migrant smuggling and its related conduct (the Protocol's Art. 6: document fraud, enabling
# irregular stay): trafficking in persons is reported to UNODC elsewhere, "other" is not in scope.
VRS_KINDS: Final = (
    ReportKind.PEOPLE_SMUGGLING,
    ReportKind.IRREGULAR_CROSSING,
    ReportKind.DOCUMENT_FRAUD,
    ReportKind.MODUS_OPERANDI,
)
SMUGGLER_ROLES: Final = (PersonRole.SUSPECTED_SMUGGLER, PersonRole.FACILITATOR)
UNKNOWN: Final = "unknown"
TRANSIT_SEPARATOR: Final = ";"
LONGEST_PERIOD_DAYS: Final = 366 * 5  # a longer request is a typo more often than a wish


class VrsInputError(ValueError):
    """A request the tables cannot be made for; the message says what to give instead."""


class BadPeriod(VrsInputError):
    """A period that cannot be aggregated over."""


@dataclass(frozen=True, slots=True)
class Period:
    start: date  # first day counted (UTC)
    end: date  # last day counted (UTC), included

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def to_json(self) -> dict[str, str]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}


def parse_period(start: str | None, end: str | None) -> Period:
    """The period from two ISO dates (YYYY-MM-DD, both included), or BadPeriod saying why not."""
    if not start or not end:
        raise BadPeriod(_("Give the period with --from and --to (dates as YYYY-MM-DD)."))
    days = []
    for name, text in (("from", start), ("to", end)):
        try:
            days.append(date.fromisoformat(text.strip()))
        except ValueError:
            raise BadPeriod(
                _("The {name} date '{text}' is not a date: write it as YYYY-MM-DD.").format(
                    name=name, text=text
                )
            ) from None
    first, last = days
    if last < first:
        raise BadPeriod(
            _("The period ends ({end}) before it starts ({start}): swap the dates.").format(
                start=first.isoformat(), end=last.isoformat()
            )
        )
    if (last - first).days >= LONGEST_PERIOD_DAYS:
        raise BadPeriod(
            _("The period is longer than five years: give at most five years at a time.")
        )
    return Period(first, last)


def _source(text: str) -> Any:
    return field(metadata={"source": text})


@dataclass(frozen=True, slots=True)
class IncidentRow:
    reporting_state: str = _source("member state of the originating agency")
    month: str = _source("report.observed_at (YYYY-MM, UTC)")
    kind: str = _source("report.kind")
    incidents: int = _source("number of reports")
    smuggled_migrants: int = _source("sum of persons[].count where persons[].role = migrant")
    smugglers: int = _source(
        "sum of persons[].count where persons[].role = suspected_smuggler or facilitator"
    )


@dataclass(frozen=True, slots=True)
class MigrantRow:
    reporting_state: str = _source("member state of the originating agency")
    nationality: str = _source("persons[].nationality (ISO 3166-1 alpha-3, XXX unknown)")
    sex: str = _source("persons[].sex")
    age_band: str = _source("persons[].age_band")
    smuggled_migrants: int = _source("sum of persons[].count where persons[].role = migrant")


@dataclass(frozen=True, slots=True)
class RouteRow:
    reporting_state: str = _source("member state of the originating agency")
    origin: str = _source("route.origin (alpha-3; unknown if not given)")
    transit: str = _source("route.transit, in order, joined by ';' (empty: none)")
    destination: str = _source("route.destination (alpha-3; unknown if not given)")
    incidents: int = _source("number of reports")
    smuggled_migrants: int = _source("sum of persons[].count where persons[].role = migrant")


@dataclass(frozen=True, slots=True)
class TransportRow:
    reporting_state: str = _source("member state of the originating agency")
    transport_mode: str = _source("route.transport_mode (unknown if not given)")
    incidents: int = _source("number of reports")
    smuggled_migrants: int = _source("sum of persons[].count where persons[].role = migrant")


@dataclass(frozen=True, slots=True)
class FeeRow:
    reporting_state: str = _source("member state of the originating agency")
    currency: str = _source("route.fees.currency (ISO 4217)")
    incidents: int = _source("number of reports with a fee in this currency")
    total_amount: str = _source("sum of route.fees.amount (exact decimal)")
    min_amount: str = _source("smallest route.fees.amount")
    max_amount: str = _source("largest route.fees.amount")


@dataclass(frozen=True, slots=True)
class ModusRow:
    reporting_state: str = _source("member state of the originating agency")
    tag: str = _source("modus_operandi.tags[] (code)")
    label: str = _source("the tag's label in resources/codelists/modus_operandi_tags.json")
    incidents: int = _source("number of reports with this tag")


@dataclass(frozen=True, slots=True)
class SmugglerRow:
    reporting_state: str = _source("member state of the originating agency")
    role: str = _source("persons[].role (suspected_smuggler or facilitator)")
    nationality: str = _source("persons[].nationality (ISO 3166-1 alpha-3, XXX unknown)")
    sex: str = _source("persons[].sex")
    age_band: str = _source("persons[].age_band")
    persons: int = _source("sum of persons[].count")


@dataclass(frozen=True, slots=True)
class Table:
    name: str  # file name (name.csv) and sheet name
    title: str
    row_type: type[Any]
    rows: tuple[Any, ...]

    @property
    def columns(self) -> list[str]:
        return [f.name for f in fields(self.row_type)]

    def values(self) -> list[list[str | int]]:
        return [[getattr(row, c) for c in self.columns] for row in self.rows]

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "columns": self.columns, "rows": self.values()}


# name, title, row type: the order of the files and sheets.
TABLES: Final = (
    ("incidents", "Incidents", IncidentRow),
    ("smuggled_migrants", "Smuggled migrants by nationality, sex and age band", MigrantRow),
    ("routes", "Routes: origin, transit, destination", RouteRow),
    ("transport_modes", "Transport modes", TransportRow),
    ("fees", "Fees paid, by currency", FeeRow),
    ("modus_operandi", "Modus operandi", ModusRow),
    ("smugglers", "Profiles of smugglers and facilitators (no names)", SmugglerRow),
)


def column_sources() -> dict[str, list[tuple[str, str]]]:
    """For the documentation: each table's columns with their source field."""
    return {
        name: [(f.name, str(f.metadata["source"])) for f in fields(row_type)]
        for name, _title, row_type in TABLES
    }


@dataclass(frozen=True, slots=True)
class VrsTables:
    period: Period
    reports: int  # reports counted (each once, latest released version)
    states: tuple[str, ...]  # reporting states present
    tables: tuple[Table, ...]

    def table(self, name: str) -> Table:
        return next(t for t in self.tables if t.name == name)

    def to_json(self) -> dict[str, Any]:
        return {
            "period": self.period.to_json(),
            "reports": self.reports,
            "reporting_states": list(self.states),
            "tables": {t.name: t.to_json() for t in self.tables},
        }


def for_reader(items: Iterable[ReleasedReport], reader: ReaderFacts) -> list[ReleasedReport]:
    """What a reader's tables may count: their own agency's reports (which it holds anyway)
    and the others' that their release reaches (app.released.readable_by, the portal's rule)."""
    listed = list(items)
    own = [i for i in listed if i.agency == reader.agency]
    return own + readable_by([i for i in listed if i.agency != reader.agency], reader)


def in_scope(items: Iterable[ReleasedReport], period: Period) -> list[ReleasedReport]:
    """The latest released version of each report of a VRS kind observed in the period."""
    latest: dict[str, ReleasedReport] = {}
    for item in items:
        held = latest.get(item.report_id)
        if held is None or item.report_version > held.report_version:
            latest[item.report_id] = item
    kept = []
    for item in latest.values():
        observed = item.report.observed_at
        if observed is None or item.report.kind not in VRS_KINDS:
            continue
        if period.contains(observed.date()):
            kept.append(item)
    return sorted(kept, key=lambda i: (i.member_state, i.report_id))


def _count(person: Person) -> int:
    return person.count or 0  # as Report.person_count: a submitted person always has a count


def _of_roles(persons: Sequence[Person], roles: Iterable[PersonRole]) -> int:
    wanted = set(roles)
    return sum(_count(p) for p in persons if p.role in wanted)


def _profile(person: Person) -> tuple[str, str, str]:
    return (
        person.nationality or codelists.UNKNOWN_NATIONALITY,
        person.sex.value if person.sex else UNKNOWN,
        person.age_band.value if person.age_band else UNKNOWN,
    )


def _amount(value: Decimal) -> str:
    return format(value.normalize(), "f")  # 1500.00 -> 1500, 900.50 -> 900.5: no exponent


def aggregate(items: Iterable[ReleasedReport], period: Period) -> VrsTables:
    """The VRS-MSRC tables of `items` over `period` (the caller has applied the release rule)."""
    counted = in_scope(items, period)
    incidents: Counter[tuple[str, str, str]] = Counter()
    inc_migrants: Counter[tuple[str, str, str]] = Counter()
    inc_smugglers: Counter[tuple[str, str, str]] = Counter()
    migrants: Counter[tuple[str, str, str, str]] = Counter()
    routes: Counter[tuple[str, str, str, str]] = Counter()
    route_migrants: Counter[tuple[str, str, str, str]] = Counter()
    modes: Counter[tuple[str, str]] = Counter()
    mode_migrants: Counter[tuple[str, str]] = Counter()
    fees: dict[tuple[str, str], list[Decimal]] = defaultdict(list)
    modus: Counter[tuple[str, str]] = Counter()
    smugglers: Counter[tuple[str, str, str, str, str]] = Counter()
    for item in counted:
        state, report = item.member_state, item.report
        assert report.observed_at is not None  # in_scope keeps observed reports only
        moved = _of_roles(report.persons, [PersonRole.MIGRANT])
        key = (state, report.observed_at.strftime("%Y-%m"), report.kind.value)
        incidents[key] += 1
        inc_migrants[key] += moved
        inc_smugglers[key] += _of_roles(report.persons, SMUGGLER_ROLES)
        for person in report.persons:
            if person.role is PersonRole.MIGRANT:
                migrants[(state, *_profile(person))] += _count(person)
            elif person.role in SMUGGLER_ROLES:
                assert person.role is not None
                smugglers[(state, person.role.value, *_profile(person))] += _count(person)
        route = report.route
        if route.origin or route.transit or route.destination:
            path = (
                state,
                route.origin or UNKNOWN,
                TRANSIT_SEPARATOR.join(route.transit),
                route.destination or UNKNOWN,
            )
            routes[path] += 1
            route_migrants[path] += moved
        mode = (state, route.transport_mode.value if route.transport_mode else UNKNOWN)
        modes[mode] += 1
        mode_migrants[mode] += moved
        if route.fees is not None:
            fees[(state, route.fees.currency)].append(route.fees.amount)
        for tag in sorted(set(report.modus_operandi.tags)):
            modus[(state, tag)] += 1
    rows: dict[str, tuple[Any, ...]] = {
        "incidents": tuple(
            IncidentRow(*k, incidents[k], inc_migrants[k], inc_smugglers[k])
            for k in sorted(incidents)
        ),
        "smuggled_migrants": tuple(MigrantRow(*k, migrants[k]) for k in sorted(migrants)),
        "routes": tuple(RouteRow(*k, routes[k], route_migrants[k]) for k in sorted(routes)),
        "transport_modes": tuple(
            TransportRow(*k, modes[k], mode_migrants[k]) for k in sorted(modes)
        ),
        "fees": tuple(
            FeeRow(*k, len(v), _amount(sum(v, Decimal(0))), _amount(min(v)), _amount(max(v)))
            for k, v in sorted(fees.items())
        ),
        "modus_operandi": tuple(
            ModusRow(*k, codelists.label("modus_operandi_tags", k[1]), modus[k])
            for k in sorted(modus)
        ),
        "smugglers": tuple(SmugglerRow(*k, smugglers[k]) for k in sorted(smugglers)),
    }
    return VrsTables(
        period=period,
        reports=len(counted),
        states=tuple(sorted({i.member_state for i in counted})),
        tables=tuple(Table(name, title, t, rows[name]) for name, title, t in TABLES),
    )


# -- Writers: bytes only; app/products.py writes the file and the register entry. -----------


def table_csv(table: Table) -> bytes:
    """One table as CSV (RFC 4180, CRLF, UTF-8 with no BOM), header row first."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    writer.writerows(table.values())
    return out.getvalue().encode("utf-8")


_ZIP_TIME: Final = (2020, 1, 1, 0, 0, 0)  # fixed: the same tables give the same bytes


def csv_zip(result: VrsTables) -> bytes:
    """Every table as <name>.csv in one zip (the files in TABLES order)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in result.tables:
            info = zipfile.ZipInfo(f"{table.name}.csv", date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, table_csv(table))
    return out.getvalue()


def xlsx(result: VrsTables) -> bytes:
    """One sheet per table: a bold, frozen header row, columns as wide as their widest value."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for table in result.tables:
        sheet = book.create_sheet(title=table.name[:31])  # Excel's limit on sheet names
        sheet.append(table.columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for values in table.values():
            sheet.append(values)
        sheet.freeze_panes = "A2"
        for index, column in enumerate(table.columns, start=1):
            widest = max([len(column), *(len(str(v[index - 1])) for v in table.values())])
            sheet.column_dimensions[get_column_letter(index)].width = min(widest + 2, 60)
    book.properties.title = (
        f"VRS-MSRC tables {result.period.start.isoformat()} to {result.period.end.isoformat()}"
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


FORMATS: Final = ("csv", "xlsx")


def encode(result: VrsTables, fmt: str) -> bytes:
    if fmt == "csv":
        return csv_zip(result)
    if fmt == "xlsx":
        return xlsx(result)
    raise VrsInputError(_("Choose the format csv or xlsx, not '{fmt}'.").format(fmt=fmt))
