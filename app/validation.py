"""Validation of report payloads, with messages an officer can act on.

One declarative schema drives everything: `validate_report` (whole report, all errors
collected), `field_errors` (the same as a {path: message} map for the form) and
`check_field` (one value at one path, as the user types).

Paths look like "persons[1].nationality" or "source.reliability"; "" is the report itself.

Drafts may be incomplete: only `kind` is required, anything else may be missing or null,
but whatever is present must be well-formed. Submission additionally needs the fields
marked `_Need.SUBMIT` and at least one person (unless the kind is modus_operandi).
Small objects that only make sense whole (coordinates, fees, attachment references) need
all their fields whenever they are present.

Normalisation: observed_at becomes UTC "…Z" with whole seconds; blank optional text becomes
null; null objects/lists become their empty form. Everything else is kept as given, so a
normalised payload survives validate -> to_dict unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any

from app import codelists
from app.clock import utc_now
from app.domain import (
    CREDIBILITY_MAX,
    CREDIBILITY_MIN,
    TLP,
    AgeBand,
    FraudType,
    PersonRole,
    Reliability,
    Report,
    ReportKind,
    Sex,
    TransportMode,
    format_utc,
)
from resources.i18n import N_, _

MAX_FUTURE = timedelta(days=1)  # clocks at border posts drift; a day of slack, no more
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)  # anything older is a mistyped year
MAX_NARRATIVE = 20_000
MAX_JSON_INT = 2**53 - 1  # signed payloads are RFC 8785 JSON: integers must fit a double


@dataclass(frozen=True, slots=True)
class FieldError:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path or 'report'}: {self.message}"


class ReportValidationError(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        shown = "; ".join(str(e) for e in errors[:5])
        more = _(" (and {n} more)").format(n=len(errors) - 5) if len(errors) > 5 else ""
        super().__init__(
            _("{n} problem(s) in the report: {shown}{more}").format(
                n=len(errors), shown=shown, more=more
            )
        )


class _Invalid(Exception):
    """Raised by a leaf parser with the officer-readable message."""


class _Need(Enum):
    NO = 0
    SUBMIT = 1  # required to submit, optional in a draft
    ALWAYS = 2  # required even in a draft (or whenever the enclosing object is present)


@dataclass(slots=True)
class _Ctx:
    now: datetime
    for_submit: bool
    errors: list[FieldError]
    check_future: bool = True  # False while the device clock is not known to be right

    def add(self, path: str, message: str) -> None:
        self.errors.append(FieldError(path, message))


_Parser = Callable[[Any, _Ctx], Any]


@dataclass(frozen=True, slots=True)
class _Leaf:
    label: str
    parse: _Parser
    need: _Need = _Need.NO
    empty: Any = None  # normalised value when missing, null or blank


@dataclass(frozen=True, slots=True)
class _Obj:
    label: str
    fields: Mapping[str, _Node]
    nullable: bool = False  # null stays null; otherwise null means "all fields empty"


@dataclass(frozen=True, slots=True)
class _List:
    label: str
    item: _Node
    max_items: int
    unique: bool = False  # for lists of codes: each code once


_Node = _Leaf | _Obj | _List


# ---------------------------------------------------------------- leaf parsers


def _show(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, int | float):
        return _("a number")
    if isinstance(value, str):
        return _("text")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("an object")
    return type(value).__name__


def _need_str(value: Any, label: str, expected: str = N_("text")) -> str:
    if not isinstance(value, str):
        raise _Invalid(
            _("{label} must be {expected}, not {given}").format(
                label=_(label), expected=_(expected), given=_type_name(value)
            )
        )
    return value


def _choice(label: str, values: list[str]) -> _Parser:
    allowed = frozenset(values)
    hint = ", ".join(values)

    def parse(value: Any, ctx: _Ctx) -> str:
        text = _need_str(value, label)
        if text not in allowed:
            raise _Invalid(
                _("{label} {value} is not valid (use one of: {hint})").format(
                    label=_(label), value=_show(text), hint=hint
                )
            )
        return text

    return parse


def _enum(label: str, cls: type[Enum]) -> _Parser:
    return _choice(label, [str(m.value) for m in cls])


def _code(label: str, list_name: str, list_title: str) -> _Parser:
    def parse(value: Any, ctx: _Ctx) -> str:
        text = _need_str(value, label, N_("a code"))
        if not codelists.is_code(list_name, text):
            raise _Invalid(
                _("{label} {value} is not in the {list} list").format(
                    label=_(label), value=_show(text), list=_(list_title)
                )
            )
        return text

    return parse


def _country(label: str, *, unknown_ok: bool) -> _Parser:
    hint = N_("use e.g. MMR, THA, or XXX if unknown") if unknown_ok else N_("use e.g. MMR, THA")
    known = codelists.is_nationality if unknown_ok else codelists.is_country

    def parse(value: Any, ctx: _Ctx) -> str:
        text = _need_str(value, label, N_("a 3-letter country code"))
        if not known(text):
            raise _Invalid(
                _("{label} {value} is not an ISO 3166 country code ({hint})").format(
                    label=_(label), value=_show(text), hint=_(hint)
                )
            )
        return text

    return parse


def _currency(value: Any, ctx: _Ctx) -> str:
    text = _need_str(value, N_("Currency"), N_("a 3-letter currency code"))
    if not codelists.is_currency(text):
        raise _Invalid(
            _("Currency {value} is not an ISO 4217 currency code (use e.g. THB, MYR, USD)").format(
                value=_show(text)
            )
        )
    return text


_AMOUNT = re.compile(r"(0|[1-9][0-9]{0,11})(\.[0-9]{1,4})?")


def _amount(value: Any, ctx: _Ctx) -> str:
    # Text, not a number: money must stay exact through JSON and signing.
    text = _need_str(value, N_("Amount"), N_('text such as "1500.00"'))
    if not _AMOUNT.fullmatch(text):
        raise _Invalid(
            _(
                "Amount {value} is not an amount like 1500.00 "
                "(digits, optional decimal point, no thousands separators)"
            ).format(value=_show(text))
        )
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAK = re.compile(r"[\r\n]")


def _text(label: str, max_len: int, *, single_line: bool = False) -> _Parser:
    def parse(value: Any, ctx: _Ctx) -> str:
        text = _need_str(value, label)
        if len(text) > max_len:
            raise _Invalid(
                _("{label} is too long ({length} characters, at most {limit})").format(
                    label=_(label), length=len(text), limit=max_len
                )
            )
        if _CONTROL.search(text):
            raise _Invalid(_("{label} contains control characters").format(label=_(label)))
        if single_line and _LINE_BREAK.search(text):
            raise _Invalid(_("{label} must be a single line").format(label=_(label)))
        return text

    return parse


def _int(label: str, low: int, high: int) -> _Parser:
    def span() -> str:
        if high == MAX_JSON_INT:
            return _("{low} or more").format(low=low)
        return _("{low} to {high}").format(low=low, high=high)

    def parse(value: Any, ctx: _Ctx) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            given = value if isinstance(value, float) else _type_name(value)
            raise _Invalid(
                _("{label} must be a whole number ({span}), not {given}").format(
                    label=_(label), span=span(), given=given
                )
            )
        if not low <= value <= high:
            raise _Invalid(
                _("{label} {value} is out of range (use {span})").format(
                    label=_(label), value=value, span=span()
                )
            )
        return value

    return parse


def _float(label: str, low: float, high: float) -> _Parser:
    def parse(value: Any, ctx: _Ctx) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _Invalid(
                _("{label} must be a number, not {given}").format(
                    label=_(label), given=_type_name(value)
                )
            )
        if not low <= value <= high:  # also false for NaN and infinities
            raise _Invalid(
                _("{label} {value} is out of range ({low} to {high})").format(
                    label=_(label), value=value, low=f"{low:g}", high=f"{high:g}"
                )
            )
        return value

    return parse


def _bool(label: str) -> _Parser:
    def parse(value: Any, ctx: _Ctx) -> bool:
        if not isinstance(value, bool):
            raise _Invalid(
                _("{label} must be true or false, not {given}").format(
                    label=_(label), given=_type_name(value)
                )
            )
        return value

    return parse


# RFC 3339 date-time: full date, time, optional fraction, mandatory offset.
_RFC3339 = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})"
)


def _observed_at(value: Any, ctx: _Ctx) -> str:
    label = N_("Observation time")
    text = _need_str(value, label, N_("a date and time"))
    if not _RFC3339.fullmatch(text):
        raise _Invalid(
            _(
                "Observation time {value} is not a date and time like 2026-11-28T14:05:00Z "
                "(date, time and time zone)"
            ).format(value=_show(text))
        )
    try:
        # fromisoformat takes at most 6 fraction digits; the fraction is dropped anyway.
        moment = datetime.fromisoformat(re.sub(r"\.[0-9]+", "", text.upper()))
        moment = moment.astimezone(UTC)
    except (ValueError, OverflowError):
        raise _Invalid(
            _("Observation time {value} is not a valid date and time").format(value=_show(text))
        ) from None
    if moment < EARLIEST:
        raise _Invalid(
            _("Observation time {value} is too far in the past; check the year").format(
                value=format_utc(moment)
            )
        )
    if ctx.check_future and moment > ctx.now + MAX_FUTURE:
        raise _Invalid(
            _(
                "Observation time {value} is in the future (device time is {now}); "
                "check the date and the device clock"
            ).format(value=format_utc(moment), now=format_utc(ctx.now))
        )
    return format_utc(moment)


def _reliability(value: Any, ctx: _Ctx) -> str:
    text = _need_str(value, N_("Source reliability"), N_("a letter A to F"))
    if text not in Reliability.__members__:
        raise _Invalid(
            _(
                "Source reliability {value} is not valid: use a letter from A (completely "
                "reliable) to F (reliability cannot be judged)"
            ).format(value=_show(text))
        )
    return text


def _credibility(value: Any, ctx: _Ctx) -> int:
    hint = _(
        "use a number from {low} (confirmed by other sources) to {high} (truth cannot be judged)"
    ).format(low=CREDIBILITY_MIN, high=CREDIBILITY_MAX)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Invalid(
            _("Information credibility must be a whole number, not {given}: {hint}").format(
                given=_type_name(value), hint=hint
            )
        )
    if not CREDIBILITY_MIN <= value <= CREDIBILITY_MAX:
        raise _Invalid(
            _("Information credibility {value} is not valid: {hint}").format(value=value, hint=hint)
        )
    return value


_SHA256 = re.compile(r"[0-9a-f]{64}")


def _sha256(value: Any, ctx: _Ctx) -> str:
    text = _need_str(value, "SHA-256")
    if not _SHA256.fullmatch(text):
        raise _Invalid(_("SHA-256 must be 64 lowercase hexadecimal characters"))
    return text


_TOKEN = r"[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}"
_MEDIA_TYPE = re.compile(f"{_TOKEN}/{_TOKEN}")


def _media_type(value: Any, ctx: _Ctx) -> str:
    text = _need_str(value, N_("Media type"))
    if not _MEDIA_TYPE.fullmatch(text):
        raise _Invalid(
            _("Media type {value} is not a media type like image/jpeg").format(value=_show(text))
        )
    return text


_filename_text = _text(N_("File name"), 255, single_line=True)


def _filename(value: Any, ctx: _Ctx) -> str:
    text: str = _filename_text(value, ctx)
    # A bare name: it may be used when the file is exported again.
    if "/" in text or "\\" in text or text in (".", ".."):
        raise _Invalid(
            _("File name {value} must be a plain name without folders").format(value=_show(text))
        )
    return text


# ---------------------------------------------------------------- schema

_ALWAYS, _SUBMIT = _Need.ALWAYS, _Need.SUBMIT

_PERSON = _Obj(
    N_("Person"),
    {
        "role": _Leaf(N_("Role"), _enum(N_("Role"), PersonRole), _SUBMIT),
        "nationality": _Leaf(
            N_("Nationality"), _country(N_("Nationality"), unknown_ok=True), _SUBMIT
        ),
        "sex": _Leaf(N_("Sex"), _enum(N_("Sex"), Sex), _SUBMIT),
        "age_band": _Leaf(N_("Age band"), _enum(N_("Age band"), AgeBand), _SUBMIT),
        "count": _Leaf(N_("Count"), _int(N_("Count"), 1, 10_000), _SUBMIT),
    },
)

_DOCUMENT = _Obj(
    N_("Document"),
    {
        "type": _Leaf(
            N_("Document type"),
            _code(N_("Document type"), "document_types", N_("document-type")),
            _SUBMIT,
        ),
        # XXX allowed: fantasy documents claim states that do not exist.
        "issuing_state": _Leaf(
            N_("Issuing state"), _country(N_("Issuing state"), unknown_ok=True), _SUBMIT
        ),
        "number": _Leaf(N_("Document number"), _text(N_("Document number"), 64, single_line=True)),
        "fraud_type": _Leaf(N_("Fraud type"), _enum(N_("Fraud type"), FraudType), _SUBMIT),
        "features": _List(
            N_("Features"),
            _Leaf(
                N_("Document feature"),
                _code(N_("Document feature"), "document_features", N_("document-feature")),
                _ALWAYS,
            ),
            max_items=30,
            unique=True,
        ),
    },
)

_ROUTE = _Obj(
    N_("Route"),
    {
        "origin": _Leaf(N_("Origin"), _country(N_("Origin"), unknown_ok=False)),
        "transit": _List(
            N_("Transit countries"),
            _Leaf(
                N_("Transit country"), _country(N_("Transit country"), unknown_ok=False), _ALWAYS
            ),
            max_items=30,
        ),
        "destination": _Leaf(N_("Destination"), _country(N_("Destination"), unknown_ok=False)),
        "transport_mode": _Leaf(N_("Transport mode"), _enum(N_("Transport mode"), TransportMode)),
        "fees": _Obj(
            N_("Fees"),
            {
                "amount": _Leaf(N_("Amount"), _amount, _ALWAYS),
                "currency": _Leaf(N_("Currency"), _currency, _ALWAYS),
            },
            nullable=True,
        ),
        "group_size": _Leaf(N_("Group size"), _int(N_("Group size"), 1, 10_000)),
    },
)

_ATTACHMENT = _Obj(
    N_("Attachment"),
    {
        "sha256": _Leaf(N_("SHA-256"), _sha256, _ALWAYS),
        "filename": _Leaf(N_("File name"), _filename, _ALWAYS),
        "media_type": _Leaf(N_("Media type"), _media_type, _ALWAYS),
        "size": _Leaf(N_("File size"), _int(N_("File size"), 0, MAX_JSON_INT), _ALWAYS),
    },
)

_IDENTIFIERS = _Obj(
    N_("Identifiers"),
    {
        "vehicles": _List(
            N_("Vehicle registrations"),
            _Leaf(
                N_("Vehicle registration"),
                _text(N_("Vehicle registration"), 32, single_line=True),
                _ALWAYS,
            ),
            max_items=50,
        ),
        "vessels": _List(
            N_("Vessel names"),
            _Leaf(N_("Vessel name"), _text(N_("Vessel name"), 120, single_line=True), _ALWAYS),
            max_items=50,
        ),
        "phones": _List(
            N_("Phone numbers"),
            _Obj(
                N_("Phone number"),
                {
                    "number": _Leaf(
                        N_("Phone number"),
                        _text(N_("Phone number"), 40, single_line=True),
                        _ALWAYS,
                    ),
                    # Where a number written without its country code was noted.
                    "country": _Leaf(
                        N_("Country of the phone number"),
                        _country(N_("Country of the phone number"), unknown_ok=False),
                    ),
                },
            ),
            max_items=50,
        ),
        "handles": _List(
            N_("Handles"),
            _Obj(
                N_("Handle"),
                {
                    "platform": _Leaf(
                        N_("Platform"), _text(N_("Platform"), 40, single_line=True), _ALWAYS
                    ),
                    "handle": _Leaf(
                        N_("Handle"), _text(N_("Handle"), 200, single_line=True), _ALWAYS
                    ),
                },
            ),
            max_items=50,
        ),
        "transfers": _List(
            N_("Money-transfer references"),
            _Leaf(
                N_("Money-transfer reference"),
                _text(N_("Money-transfer reference"), 64, single_line=True),
                _ALWAYS,
            ),
            max_items=50,
        ),
        "aliases": _List(
            N_("Aliases"),
            _Leaf(N_("Alias"), _text(N_("Alias"), 200, single_line=True), _ALWAYS),
            max_items=50,
        ),
    },
)

_REPORT = _Obj(
    N_("Report"),
    {
        "kind": _Leaf(N_("Kind"), _enum(N_("Kind"), ReportKind), _ALWAYS),
        "observed_at": _Leaf(N_("Observation time"), _observed_at, _SUBMIT),
        "crossing_point": _Leaf(
            N_("Crossing point"),
            _code(N_("Crossing point"), "crossing_points", N_("crossing-point")),
            _SUBMIT,
        ),
        "coordinates": _Obj(
            N_("Coordinates"),
            {
                "lat": _Leaf(N_("Latitude"), _float(N_("Latitude"), -90, 90), _ALWAYS),
                "lon": _Leaf(N_("Longitude"), _float(N_("Longitude"), -180, 180), _ALWAYS),
            },
            nullable=True,
        ),
        "persons": _List(N_("Persons"), _PERSON, max_items=500),
        "documents": _List(N_("Documents"), _DOCUMENT, max_items=500),
        "route": _ROUTE,
        "modus_operandi": _Obj(
            N_("Modus operandi"),
            {
                "tags": _List(
                    N_("Modus operandi tags"),
                    _Leaf(
                        N_("Modus operandi tag"),
                        _code(
                            N_("Modus operandi tag"),
                            "modus_operandi_tags",
                            N_("modus-operandi tag"),
                        ),
                        _ALWAYS,
                    ),
                    max_items=50,
                    unique=True,
                ),
                "text": _Leaf(
                    N_("Modus operandi text"), _text(N_("Modus operandi text"), 5000), empty=""
                ),
            },
        ),
        "narrative": _Leaf(
            N_("Narrative"), _text(N_("Narrative"), MAX_NARRATIVE), _SUBMIT, empty=""
        ),
        "source": _Obj(
            N_("Source"),
            {
                "description": _Leaf(
                    N_("Source description"), _text(N_("Source description"), 2000), empty=""
                ),
                "reliability": _Leaf(N_("Source reliability"), _reliability, _SUBMIT),
                "credibility": _Leaf(N_("Information credibility"), _credibility, _SUBMIT),
            },
        ),
        "handling": _Obj(
            N_("Handling"),
            {
                "tlp": _Leaf(N_("TLP label"), _enum(N_("TLP label"), TLP), _SUBMIT),
                "third_party": _Leaf(
                    N_("Third-party sharing"), _bool(N_("Third-party sharing")), empty=False
                ),
                "legal_basis": _Leaf(
                    N_("Legal basis"), _text(N_("Legal basis"), 500, single_line=True)
                ),
            },
        ),
        "attachments": _List(N_("Attachments"), _ATTACHMENT, max_items=200),
        "identifiers": _IDENTIFIERS,
    },
)


# ---------------------------------------------------------------- walker


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _walk_field(node: _Node, value: Any, path: str, ctx: _Ctx) -> Any:
    """Validate one field; `value` None means missing or null."""
    if isinstance(node, _Leaf):
        if isinstance(value, str) and not value.strip():
            value = None  # blank text counts as not filled in
        if value is None:
            if node.need is _ALWAYS or (node.need is _SUBMIT and ctx.for_submit):
                ctx.add(path, _("{label} is required").format(label=_(node.label)))
            return node.empty
        try:
            return node.parse(value, ctx)
        except _Invalid as exc:
            ctx.add(path, str(exc))
            return None
    if isinstance(node, _Obj):
        if value is None:
            return None if node.nullable else _walk_obj(node, {}, path, ctx)
        return _walk_obj(node, value, path, ctx)
    return [] if value is None else _walk_list(node, value, path, ctx)


def _walk_obj(node: _Obj, value: Any, path: str, ctx: _Ctx) -> dict[str, Any] | None:
    if not isinstance(value, dict):
        ctx.add(
            path,
            _("{label} must be an object, not {given}").format(
                label=_(node.label), given=_type_name(value)
            ),
        )
        return None
    for key in value:
        if key not in node.fields:
            ctx.add(_join(path, str(key)), _("Unknown field {name}").format(name=_show(key)))
    return {
        key: _walk_field(child, value.get(key), _join(path, key), ctx)
        for key, child in node.fields.items()
    }


def _walk_list(node: _List, value: Any, path: str, ctx: _Ctx) -> list[Any]:
    if not isinstance(value, list):
        ctx.add(
            path,
            _("{label} must be a list, not {given}").format(
                label=_(node.label), given=_type_name(value)
            ),
        )
        return []
    if len(value) > node.max_items:
        ctx.add(
            path,
            _("{label}: too many entries ({count}, at most {limit})").format(
                label=_(node.label), count=len(value), limit=node.max_items
            ),
        )
        return []
    out: list[Any] = []
    for i, item in enumerate(value):
        if item is None:  # a hole in a list is a mistake, not "not filled in yet"
            ctx.add(
                f"{path}[{i}]",
                _("{label}: entry {number} is empty (null)").format(
                    label=_(node.label), number=i + 1
                ),
            )
            out.append(None)
        else:
            out.append(_walk_field(node.item, item, f"{path}[{i}]", ctx))
    if node.unique:
        seen: set[Any] = set()
        for i, item in enumerate(out):
            if isinstance(item, str):
                if item in seen:
                    ctx.add(f"{path}[{i}]", _("{value} is listed twice").format(value=_show(item)))
                seen.add(item)
    return out


def _cross_checks(out: dict[str, Any], ctx: _Ctx) -> None:
    """Rules that span several fields."""
    if (
        ctx.for_submit
        and not out["persons"]
        and out["kind"] not in (None, ReportKind.MODUS_OPERANDI.value)
    ):
        ctx.add(
            "persons", _("Add at least one person (only a modus operandi report may have none)")
        )
    seen: dict[str, int] = {}
    for i, ref in enumerate(out["attachments"]):
        digest = ref.get("sha256") if isinstance(ref, dict) else None
        if digest is None:
            continue
        if digest in seen:
            ctx.add(
                f"attachments[{i}]",
                _("Same file as attachments[{index}]").format(index=seen[digest]),
            )
        seen.setdefault(digest, i)


def _context(now: datetime | None, for_submit: bool, check_future: bool = True) -> _Ctx:
    if now is None:
        now = utc_now()
    elif now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return _Ctx(now.astimezone(UTC), for_submit, [], check_future)


def _run(data: object, ctx: _Ctx) -> dict[str, Any] | None:
    out = _walk_obj(_REPORT, data, "", ctx)
    if out is not None:
        _cross_checks(out, ctx)
    return out


# ---------------------------------------------------------------- public API


def validate_report(
    data: object,
    *,
    now: datetime | None = None,
    for_submit: bool = False,
    check_future: bool = True,
) -> Report:
    """Check a report payload and return it as a Report.

    `now` (timezone-aware, default: current time) bounds observed_at to at most one day
    ahead, unless `check_future` is False (no portal-corrected time yet: the portal judges,
    app/portal_clock.py). Raises ReportValidationError listing every problem found.
    """
    ctx = _context(now, for_submit, check_future)
    out = _run(data, ctx)
    if ctx.errors or out is None:
        raise ReportValidationError(ctx.errors)
    return Report.from_dict(out)


def normalise_report(
    data: object, *, now: datetime | None = None, for_submit: bool = False
) -> dict[str, Any]:
    """Validate and return the normalised payload dict (same as validate_report(...).to_dict())."""
    return validate_report(data, now=now, for_submit=for_submit).to_dict()


def report_errors(
    data: object, *, now: datetime | None = None, for_submit: bool = False
) -> list[FieldError]:
    """All problems of a payload, in document order; [] if it is valid."""
    ctx = _context(now, for_submit)
    _run(data, ctx)
    return ctx.errors


def field_errors(
    data: object, *, for_submit: bool = False, now: datetime | None = None
) -> dict[str, str]:
    """{path: message} for a form: the first problem of each field."""
    result: dict[str, str] = {}
    for error in report_errors(data, now=now, for_submit=for_submit):
        result.setdefault(error.path, error.message)
    return result


_INDEX = re.compile(r"\[\d+\]")


def _node_at(path: str) -> _Node | None:
    node: _Node = _REPORT
    for part in _INDEX.sub("[]", path).split(".") if path else ():
        name, brackets = part.split("[", 1) if "[" in part else (part, "")
        if not isinstance(node, _Obj) or name not in node.fields:
            return None
        node = node.fields[name]
        for _bracket in range(brackets.count("]")):
            if not isinstance(node, _List):
                return None
            node = node.item
    return node


def field_label(path: str) -> str | None:
    """The English label of the field at `path` (e.g. "persons[0].count" -> "Count"), to be
    translated where it is shown; None for a path that is not part of the report."""
    node = _node_at(path)
    return None if node is None else node.label


def check_field(
    path: str, value: object, *, for_submit: bool = False, now: datetime | None = None
) -> str | None:
    """Message for one value at `path` (e.g. "persons[0].count"), or None if it is fine.

    Checks the value on its own; rules spanning fields are left to field_errors.
    Raises KeyError for a path that is not part of the report.
    """
    node = _node_at(path)
    if node is None:
        raise KeyError(f"no such report field: {path!r}")
    ctx = _context(now, for_submit)
    _walk_field(node, value, path, ctx)
    return ctx.errors[0].message if ctx.errors else None
