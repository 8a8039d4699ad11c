"""Domain types of Outpost: the report (one observation) and the small vocabularies around it.

This module imports nothing from the project, so every layer (storage, sync, ui, portal)
can depend on it without cycles.

`Report.to_dict()` produces the exact JSON payload that is signed and sent; every key is
always present (null / [] / "" when empty). `Report.from_dict()` is its inverse and assumes
input that went through `app.validation` (or was produced by `to_dict`).

Values that come from replaceable code lists (document types, features, modus-operandi tags,
crossing points, countries, currencies) stay plain `str`; closed vocabularies are enums.
Fields are optional (None) where a draft may still be incomplete; `app.validation` enforces
what a submission needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

_E = TypeVar("_E", bound=StrEnum)


class ReportKind(StrEnum):
    IRREGULAR_CROSSING = "irregular_crossing"
    PEOPLE_SMUGGLING = "people_smuggling"
    TRAFFICKING_IN_PERSONS = "trafficking_in_persons"
    DOCUMENT_FRAUD = "document_fraud"
    MODUS_OPERANDI = "modus_operandi"
    OTHER = "other"


class PersonRole(StrEnum):
    MIGRANT = "migrant"
    PRESUMED_VICTIM = "presumed_victim"
    SUSPECTED_SMUGGLER = "suspected_smuggler"
    FACILITATOR = "facilitator"
    OTHER = "other"


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class AgeBand(StrEnum):
    AGE_0_11 = "0-11"
    AGE_12_17 = "12-17"
    AGE_18_25 = "18-25"
    AGE_26_35 = "26-35"
    AGE_36_49 = "36-49"
    AGE_50_64 = "50-64"
    AGE_65_PLUS = "65+"
    UNKNOWN = "unknown"


class FraudType(StrEnum):
    COUNTERFEIT = "counterfeit"
    FORGED = "forged"
    FRAUDULENTLY_OBTAINED_GENUINE = "fraudulently_obtained_genuine"
    IMPOSTOR = "impostor"
    PSEUDO_FANTASY = "pseudo_fantasy"
    STOLEN_BLANK = "stolen_blank"
    NONE_DETECTED = "none_detected"


class TransportMode(StrEnum):
    FOOT = "foot"
    ROAD = "road"
    RAIL = "rail"
    BOAT = "boat"
    AIR = "air"
    MIXED = "mixed"
    UNKNOWN = "unknown"


class TLP(StrEnum):
    """Traffic Light Protocol 2.0 labels, in order from least to most restrictive."""

    CLEAR = "CLEAR"
    GREEN = "GREEN"
    AMBER = "AMBER"
    AMBER_STRICT = "AMBER+STRICT"
    RED = "RED"


class Reliability(StrEnum):
    """Admiralty code: reliability of the source (A best, F cannot be judged)."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"


CREDIBILITY_MIN = 1  # Admiralty code: 1 = confirmed by other sources
CREDIBILITY_MAX = 6  # 6 = truth cannot be judged


class ReportStatus(StrEnum):
    """Life cycle: draft -> queued -> approved | returned -> sent -> acknowledged."""

    DRAFT = "draft"
    QUEUED = "queued"
    APPROVED = "approved"
    RETURNED = "returned"
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"


class Role(StrEnum):
    """Role of a local user: border officer, organisational or national focal point."""

    OFFICER = "officer"
    OFP = "ofp"
    NFP = "nfp"


_TLP_ORDER: dict[str, int] = {label.value: rank for rank, label in enumerate(TLP)}


def tlp_rank(label: TLP | str) -> int:
    """Restrictiveness of a TLP label: CLEAR 0 < GREEN 1 < AMBER 2 < AMBER+STRICT 3 < RED 4.

    Raises ValueError for anything that is not a TLP 2.0 label.
    """
    try:
        return _TLP_ORDER[str(label)]
    except KeyError:
        raise ValueError(f"not a TLP 2.0 label: {label!r}") from None


def tlp_stays_or_tightens(old: TLP | str, new: TLP | str) -> bool:
    """True if `new` is as restrictive as `old` or more (a reviewer may never loosen TLP)."""
    return tlp_rank(new) >= tlp_rank(old)


def format_utc(moment: datetime) -> str:
    """RFC 3339 in UTC with a Z and seconds precision, the one form stored and signed."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _opt_enum(cls: type[_E], value: Any) -> _E | None:
    return None if value is None else cls(value)


@dataclass(frozen=True, slots=True)
class Coordinates:
    lat: float
    lon: float

    def to_dict(self) -> dict[str, Any]:
        return {"lat": self.lat, "lon": self.lon}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Coordinates:
        return cls(lat=float(data["lat"]), lon=float(data["lon"]))


@dataclass(frozen=True, slots=True)
class Person:
    """One person, or a group of alike persons (`count`)."""

    role: PersonRole | None = None
    nationality: str | None = None  # ISO 3166-1 alpha-3, or "XXX" (unknown / stateless)
    sex: Sex | None = None
    age_band: AgeBand | None = None
    count: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": _value(self.role),
            "nationality": self.nationality,
            "sex": _value(self.sex),
            "age_band": _value(self.age_band),
            "count": self.count,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Person:
        return cls(
            role=_opt_enum(PersonRole, data.get("role")),
            nationality=data.get("nationality"),
            sex=_opt_enum(Sex, data.get("sex")),
            age_band=_opt_enum(AgeBand, data.get("age_band")),
            count=data.get("count"),
        )


@dataclass(frozen=True, slots=True)
class TravelDocument:
    type: str | None = None  # code from the document-types list
    issuing_state: str | None = None
    number: str | None = None
    fraud_type: FraudType | None = None
    features: tuple[str, ...] = ()  # codes from the document-features list

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "issuing_state": self.issuing_state,
            "number": self.number,
            "fraud_type": _value(self.fraud_type),
            "features": list(self.features),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TravelDocument:
        return cls(
            type=data.get("type"),
            issuing_state=data.get("issuing_state"),
            number=data.get("number"),
            fraud_type=_opt_enum(FraudType, data.get("fraud_type")),
            features=tuple(data.get("features") or ()),
        )


@dataclass(frozen=True, slots=True)
class Fees:
    amount: Decimal  # exact: money is never a float
    currency: str  # ISO 4217

    def to_dict(self) -> dict[str, Any]:
        return {"amount": str(self.amount), "currency": self.currency}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Fees:
        return cls(amount=Decimal(data["amount"]), currency=data["currency"])


@dataclass(frozen=True, slots=True)
class Route:
    origin: str | None = None
    transit: tuple[str, ...] = ()
    destination: str | None = None
    transport_mode: TransportMode | None = None
    fees: Fees | None = None
    group_size: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "origin": self.origin,
            "transit": list(self.transit),
            "destination": self.destination,
            "transport_mode": _value(self.transport_mode),
            "fees": None if self.fees is None else self.fees.to_dict(),
            "group_size": self.group_size,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Route:
        if data is None:
            return cls()
        fees = data.get("fees")
        return cls(
            origin=data.get("origin"),
            transit=tuple(data.get("transit") or ()),
            destination=data.get("destination"),
            transport_mode=_opt_enum(TransportMode, data.get("transport_mode")),
            fees=None if fees is None else Fees.from_dict(fees),
            group_size=data.get("group_size"),
        )


@dataclass(frozen=True, slots=True)
class ModusOperandi:
    tags: tuple[str, ...] = ()  # codes from the modus-operandi tag list
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"tags": list(self.tags), "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> ModusOperandi:
        if data is None:
            return cls()
        return cls(tags=tuple(data.get("tags") or ()), text=data.get("text") or "")


@dataclass(frozen=True, slots=True)
class Source:
    description: str = ""
    reliability: Reliability | None = None
    credibility: int | None = None  # 1..6

    def to_dict(self) -> dict[str, Any]:
        return {
            "description": self.description,
            "reliability": _value(self.reliability),
            "credibility": self.credibility,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Source:
        if data is None:
            return cls()
        return cls(
            description=data.get("description") or "",
            reliability=_opt_enum(Reliability, data.get("reliability")),
            credibility=data.get("credibility"),
        )


@dataclass(frozen=True, slots=True)
class Handling:
    tlp: TLP | None = None
    third_party: bool = False  # may it be passed on to third parties; the safe default is no
    legal_basis: str | None = None  # MOU or arrangement reference

    def to_dict(self) -> dict[str, Any]:
        return {
            "tlp": _value(self.tlp),
            "third_party": self.third_party,
            "legal_basis": self.legal_basis,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Handling:
        if data is None:
            return cls()
        return cls(
            tlp=_opt_enum(TLP, data.get("tlp")),
            third_party=bool(data.get("third_party")),
            legal_basis=data.get("legal_basis"),
        )


@dataclass(frozen=True, slots=True)
class AttachmentRef:
    """An attachment named by the SHA-256 of its content (the bytes live in storage)."""

    sha256: str
    filename: str
    media_type: str
    size: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "sha256": self.sha256,
            "filename": self.filename,
            "media_type": self.media_type,
            "size": self.size,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AttachmentRef:
        return cls(
            sha256=data["sha256"],
            filename=data["filename"],
            media_type=data["media_type"],
            size=data["size"],
        )


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    number: str  # as typed
    country: str | None = None  # ISO 3166 alpha-3 where a number without +country was noted

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "country": self.country}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PhoneNumber:
        return cls(number=data["number"], country=data.get("country"))


@dataclass(frozen=True, slots=True)
class Handle:
    platform: str  # as typed: "Telegram", "instagram"...
    handle: str

    def to_dict(self) -> dict[str, Any]:
        return {"platform": self.platform, "handle": self.handle}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Handle:
        return cls(platform=data["platform"], handle=data["handle"])


@dataclass(frozen=True, slots=True)
class Identifiers:
    """Identifiers worth matching (issue 18), each as typed; app/identifiers.py normalises
    them when a report is indexed. Travel-document numbers stay in `documents`."""

    vehicles: tuple[str, ...] = ()  # registration plates
    vessels: tuple[str, ...] = ()  # ship or boat names
    phones: tuple[PhoneNumber, ...] = ()
    handles: tuple[Handle, ...] = ()  # messaging and social-media handles
    transfers: tuple[str, ...] = ()  # money-transfer references (MTCN, transaction id)
    aliases: tuple[str, ...] = ()  # names facilitators go by

    def __bool__(self) -> bool:
        return any(
            (self.vehicles, self.vessels, self.phones, self.handles, self.transfers, self.aliases)
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "vehicles": list(self.vehicles),
            "vessels": list(self.vessels),
            "phones": [p.to_dict() for p in self.phones],
            "handles": [h.to_dict() for h in self.handles],
            "transfers": list(self.transfers),
            "aliases": list(self.aliases),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Identifiers:
        if data is None:
            return cls()
        return cls(
            vehicles=tuple(data.get("vehicles") or ()),
            vessels=tuple(data.get("vessels") or ()),
            phones=tuple(PhoneNumber.from_dict(p) for p in data.get("phones") or ()),
            handles=tuple(Handle.from_dict(h) for h in data.get("handles") or ()),
            transfers=tuple(data.get("transfers") or ()),
            aliases=tuple(data.get("aliases") or ()),
        )


@dataclass(frozen=True, slots=True)
class Report:
    """One observation. `observed_at` is timezone-aware UTC with whole seconds."""

    kind: ReportKind
    observed_at: datetime | None = None
    crossing_point: str | None = None
    coordinates: Coordinates | None = None
    persons: tuple[Person, ...] = ()
    documents: tuple[TravelDocument, ...] = ()
    route: Route = field(default_factory=Route)
    modus_operandi: ModusOperandi = field(default_factory=ModusOperandi)
    narrative: str = ""
    source: Source = field(default_factory=Source)
    handling: Handling = field(default_factory=Handling)
    attachments: tuple[AttachmentRef, ...] = ()
    identifiers: Identifiers = field(default_factory=Identifiers)

    @property
    def person_count(self) -> int:
        """Total number of persons (sum of the group counts)."""
        return sum(p.count or 0 for p in self.persons)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "observed_at": None if self.observed_at is None else format_utc(self.observed_at),
            "crossing_point": self.crossing_point,
            "coordinates": None if self.coordinates is None else self.coordinates.to_dict(),
            "persons": [p.to_dict() for p in self.persons],
            "documents": [d.to_dict() for d in self.documents],
            "route": self.route.to_dict(),
            "modus_operandi": self.modus_operandi.to_dict(),
            "narrative": self.narrative,
            "source": self.source.to_dict(),
            "handling": self.handling.to_dict(),
            "attachments": [a.to_dict() for a in self.attachments],
            # Optional: only when there are some, so a report without identifiers is the
            # payload (and signature) it was before the group existed, which older clients
            # still accept.
            **({"identifiers": self.identifiers.to_dict()} if self.identifiers else {}),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        observed = data.get("observed_at")
        coordinates = data.get("coordinates")
        return cls(
            kind=ReportKind(data["kind"]),
            observed_at=None if observed is None else _parse_utc(observed),
            crossing_point=data.get("crossing_point"),
            coordinates=None if coordinates is None else Coordinates.from_dict(coordinates),
            persons=tuple(Person.from_dict(p) for p in data.get("persons") or ()),
            documents=tuple(TravelDocument.from_dict(d) for d in data.get("documents") or ()),
            route=Route.from_dict(data.get("route")),
            modus_operandi=ModusOperandi.from_dict(data.get("modus_operandi")),
            narrative=data.get("narrative") or "",
            source=Source.from_dict(data.get("source")),
            handling=Handling.from_dict(data.get("handling")),
            attachments=tuple(AttachmentRef.from_dict(a) for a in data.get("attachments") or ()),
            identifiers=Identifiers.from_dict(data.get("identifiers")),
        )


def _value(member: StrEnum | None) -> str | None:
    # Plain str in payloads: canonical-JSON encoders should never see enum subclasses.
    return None if member is None else member.value


def _parse_utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC).replace(microsecond=0)
