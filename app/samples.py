"""Synthetic reports for benchmarks, tests and the demo.

Every report is clearly fake: the narrative starts with "[SYNTHETIC]", document numbers
start with "SYN", attachments are small text files saying so. The content is varied and
plausible (kinds, regional nationalities, routes, fees, document fraud) so that search,
lists and statistics have something realistic to chew on.

`SyntheticReports(seed).report(i)` is deterministic for a given seed, index and `now`,
and valid for submission (`validate_report(..., for_submit=True, now=now)`), already in
normalised form. Generation is cheap: 100,000 reports take a few seconds.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from app import codelists
from app.domain import format_utc

PREFIX = "[SYNTHETIC]"
_T = TypeVar("_T")
_SPAN_DAYS = 2 * 365  # observations spread over the last two years


@dataclass(frozen=True, slots=True)
class _Weighted:
    """Items with weights, picked by one random() call and a bisect (faster than choices)."""

    items: tuple[Any, ...]
    cumulative: tuple[float, ...]

    @classmethod
    def of(cls, pairs: Sequence[tuple[Any, float]]) -> _Weighted:
        items = tuple(p[0] for p in pairs)
        cumulative = tuple(itertools.accumulate(p[1] for p in pairs))
        return cls(items, tuple(c / cumulative[-1] for c in cumulative))

    def pick(self, d: _Draw) -> Any:
        return self.items[bisect.bisect_right(self.cumulative, d.random())]


_KINDS = _Weighted.of(
    [
        ("irregular_crossing", 30),
        ("people_smuggling", 25),
        ("trafficking_in_persons", 10),
        ("document_fraud", 20),
        ("modus_operandi", 8),
        ("other", 7),
    ]
)
# Nationalities seen in the region, roughly by how often they would appear.
_NATIONALITIES = _Weighted.of(
    [
        ("MMR", 30),
        ("KHM", 10),
        ("LAO", 8),
        ("VNM", 8),
        ("BGD", 8),
        ("CHN", 5),
        ("IDN", 6),
        ("THA", 5),
        ("MYS", 3),
        ("PHL", 3),
        ("IND", 3),
        ("NPL", 3),
        ("LKA", 2),
        ("PAK", 2),
        ("AFG", 1),
        ("XXX", 3),
    ]
)
_SMUGGLER_NATIONALITIES = _Weighted.of([("THA", 5), ("MYS", 4), ("MMR", 4), ("KHM", 1), ("LAO", 1)])
_DESTINATIONS = ("THA", "MYS", "SGP", "IDN", "AUS", "KOR", "JPN")
_TRANSIT = ("THA", "MYS", "LAO", "KHM", "VNM", "MMR", "IDN")
_SEXES = _Weighted.of([("male", 55), ("female", 38), ("unknown", 6), ("other", 1)])
_ADULT_AGES = _Weighted.of(
    [("18-25", 35), ("26-35", 35), ("36-49", 18), ("50-64", 5), ("unknown", 7)]
)
_VICTIM_AGES = _Weighted.of(
    [("12-17", 30), ("18-25", 45), ("26-35", 15), ("0-11", 5), ("unknown", 5)]
)
_ANY_AGES = _Weighted.of(
    [
        ("0-11", 8),
        ("12-17", 10),
        ("18-25", 30),
        ("26-35", 28),
        ("36-49", 14),
        ("50-64", 5),
        ("65+", 1),
        ("unknown", 4),
    ]
)
_MODES = _Weighted.of(
    [("foot", 30), ("road", 35), ("boat", 15), ("rail", 4), ("mixed", 10), ("unknown", 6)]
)
_MODE_PHRASE = {
    "foot": "on foot",
    "road": "by road",
    "boat": "by boat",
    "rail": "by train",
    "air": "by air",
    "mixed": "partly on foot and partly by vehicle",
    "unknown": "by unknown means",
}
# Typical smuggling fees: (currency, lowest, highest) per person.
_FEES = (("THB", 3000, 25000), ("MYR", 500, 4000), ("USD", 100, 2500), ("MMK", 300000, 2000000))
_DOC_TYPES = _Weighted.of(
    [
        ("passport", 60),
        ("identity_card", 10),
        ("visa", 10),
        ("border_pass", 8),
        ("residence_permit", 5),
        ("seafarer_id", 2),
        ("emergency_travel_document", 2),
        ("other", 3),
    ]
)
_FRAUD = _Weighted.of(
    [
        ("counterfeit", 25),
        ("forged", 30),
        ("fraudulently_obtained_genuine", 10),
        ("impostor", 20),
        ("pseudo_fantasy", 5),
        ("stolen_blank", 10),
    ]
)
# Features that go with each fraud type (an impostor document is physically genuine).
_FEATURES_FOR = {
    "counterfeit": (
        "poor_printing_quality",
        "uv_reaction_wrong",
        "missing_security_thread",
        "hologram_wrong",
        "mrz_inconsistent",
    ),
    "forged": (
        "photo_substitution",
        "data_page_alteration",
        "page_substitution",
        "laminate_tampering",
        "binding_tampering",
        "fake_entry_stamp",
        "fake_visa",
    ),
    "fraudulently_obtained_genuine": (),
    "impostor": (),
    "pseudo_fantasy": ("poor_printing_quality", "mrz_inconsistent", "other"),
    "stolen_blank": ("mrz_inconsistent", "chip_unreadable", "poor_printing_quality"),
    "none_detected": (),
}
_TAGS_FOR = {
    "irregular_crossing": ("forest_or_hill_path", "river_crossing", "lookouts", "guided_group"),
    "people_smuggling": (
        "concealment_in_vehicle",
        "concealment_in_cargo",
        "relay_transport",
        "safe_house",
        "guided_group",
        "payment_on_arrival",
        "informal_value_transfer",
        "boat_landing",
    ),
    "trafficking_in_persons": (
        "fraudulent_job_offer",
        "debt_bondage",
        "document_withholding",
        "online_recruitment",
        "minors_escorted",
    ),
    "document_fraud": ("look_alike_document", "visa_misuse", "bribery_attempt"),
    "modus_operandi": (
        "concealment_in_vehicle",
        "relay_transport",
        "online_recruitment",
        "informal_value_transfer",
        "boat_landing",
        "visa_misuse",
        "overstay",
        "sham_marriage",
    ),
    "other": ("bribery_attempt", "overstay", "other"),
}
_SOURCES = (
    "Own observation during patrol",
    "Interview with the persons concerned",
    "Examination of documents at the counter",
    "Information from a community contact",
    "Report from a partner agency across the border",
    "Review of camera footage at the crossing point",
    "Statement of a vehicle driver",
)
_RELIABILITY = _Weighted.of([("A", 5), ("B", 35), ("C", 35), ("D", 8), ("E", 2), ("F", 15)])
_CREDIBILITY = _Weighted.of([(1, 10), (2, 35), (3, 35), (4, 8), (5, 2), (6, 10)])
_TLP = _Weighted.of([("CLEAR", 5), ("GREEN", 20), ("AMBER", 50), ("AMBER+STRICT", 18), ("RED", 7)])
_LEGAL_BASES = (None, None, "MOU-2019-04 bilateral exchange", "Regional forum arrangement 2021/7")
_HOURS = _Weighted.of([(h, 3 if h < 6 or h >= 20 else 1) for h in range(24)])
# Approximate positions of the demo crossing points, for plausible coordinates.
_DEMO_POSITIONS = {
    "THA-MYS-SADAO": (6.51, 100.42),
    "THA-MYS-PADANGBESAR": (6.66, 100.32),
    "THA-MYS-SUNGAIKOLOK": (6.03, 101.97),
    "THA-MMR-MAESOT": (16.70, 98.52),
    "THA-MMR-MAESAI": (20.43, 99.88),
    "THA-MMR-RANONG": (9.96, 98.60),
    "THA-KHM-ARANYAPRATHET": (13.66, 102.55),
    "THA-KHM-HATLEK": (11.67, 102.91),
    "THA-LAO-NONGKHAI": (17.88, 102.72),
    "THA-LAO-CHIANGKHONG": (20.23, 100.44),
    "KHM-VNM-BAVET": (11.07, 106.16),
    "LAO-CHN-BOTEN": (21.18, 101.67),
    "MYS-SGP-JOHORBAHRU": (1.46, 103.77),
    "IDN-MYS-ENTIKONG": (1.03, 110.36),
}

# ---------------------------------------------------------------- narrative phrases

_OPENINGS = {
    "irregular_crossing": (
        "At about {time} a patrol {dist} km from {cp} stopped {n} persons who had crossed "
        "away from the official lane.",
        "Around {time} officers watching the path near {cp} saw a group of {n} coming across "
        "{mode} and stopped them on the near side.",
        "Shortly after {time} a motion camera close to {cp} showed {n} persons crossing; "
        "the mobile team met them at the road.",
    ),
    "people_smuggling": (
        "At about {time} a {vehicle} was stopped {dist} km from {cp}; {n} persons "
        "{nat} were found inside.",
        "Around {time} officers at {cp} checked a {vehicle} whose driver gave inconsistent "
        "answers; {n} persons were hidden in the back.",
        "Following a tip, a team waited near {cp} and at {time} intercepted a {vehicle} "
        "carrying {n} persons without documents.",
    ),
    "trafficking_in_persons": (
        "At {cp} at about {time}, officers noticed {n} young persons {nat} travelling "
        "with an adult who answered every question for them.",
        "During a check at {cp} around {time}, {n} persons said they had been promised work "
        "in {dest}, but none knew the name of the employer.",
        "At about {time} a woman in a group of {n} at {cp} asked an officer for help in a "
        "low voice while the escort was at the counter.",
    ),
    "document_fraud": (
        "At about {time} a traveller presented a {doc} of {issuer} at {cp}; the document "
        "was found to be {fraud}.",
        "During primary control at {cp} around {time}, a {doc} issued by {issuer} was "
        "referred to second line and identified as {fraud}.",
        "Around {time} at {cp} the reader rejected a {doc} of {issuer}; examination showed "
        "it was {fraud}.",
    ),
    "modus_operandi": (
        "Over recent weeks officers at {cp} have noticed a recurring pattern on the route "
        "from {origin} towards {dest}.",
        "Several observations at {cp} point to a method now used by groups travelling "
        "{mode} towards {dest}.",
        "This note summarises what teams at {cp} have seen of a new way of moving people "
        "from {origin}.",
    ),
    "other": (
        "At about {time} officers at {cp} dealt with an incident involving {n} persons {nat}.",
        "Around {time} a matter at {cp} needed follow-up with the partner agency across "
        "the border.",
    ),
}
_DETAILS = {
    "irregular_crossing": (
        "The group said they had walked for two nights through the forest and rested in "
        "a plantation hut during the day.",
        "They carried little luggage, mostly plastic bags with clothes and water bottles.",
        "Footprints on the river bank suggest that other groups used the same place in the "
        "last few days.",
        "One person said the guide had turned back before the border and told them to "
        "follow the power line.",
    ),
    "people_smuggling": (
        "The driver said he had been paid to collect the group at a petrol station and did "
        "not know them.",
        "The persons said they had each paid {fee} to an organiser reached by phone.",
        "A second car drove ahead of the vehicle and turned away when the checkpoint came "
        "into view.",
        "The group had been kept in a house for three days before the journey continued.",
        "Payments were said to be made by relatives once the group reached {dest}.",
    ),
    "trafficking_in_persons": (
        "Their passports were held by the escort, who said he was keeping them safe.",
        "They said the recruitment fee would be deducted from their wages in {dest}.",
        "One of them appeared to be younger than the age given by the escort.",
        "The contact with the recruiter had been made through a messaging app; the account "
        "was deleted after the first meeting.",
        "The persons were referred to the social welfare officer in line with the "
        "national referral procedure.",
    ),
    "document_fraud": (
        "Under ultraviolet light the data page did not react as the specimen does.",
        "The features observed were: {feature}.",
        "The holder said the document had been bought through an agent for {fee}.",
        "The photograph resembled the traveller, but ear shape and age did not match.",
        "The document was retained and a copy was sent to the document examination unit.",
    ),
    "modus_operandi": (
        "Groups are now split into smaller parties of three or four to avoid attention.",
        "Drivers are changed several times along the way so that none knows the whole route.",
        "Payment is increasingly made in instalments through mobile money accounts.",
        "Crossings are timed to the shift change at the checkpoint.",
        "Recruiters advertise jobs in {dest} on social media and arrange travel for free, "
        "to be repaid later.",
    ),
    "other": (
        "The matter was handed over to the police post for follow-up.",
        "No further action was required at the crossing point.",
    ),
}
_GENERIC_DETAILS = (
    "The persons stated that they came from {origin} and intended to reach {dest}.",
    "The route was said to pass through {transit}.",
    "The weather was dry and visibility was good.",
    "Heavy rain during the night had raised the river level.",
    "Nobody in the group needed medical attention.",
    "An interpreter was called by phone to assist with the interviews.",
    "All persons were registered and fingerprinted in line with national procedure.",
    "The place is about {dist} km from the nearest village and has no mobile signal.",
    "Similar incidents were reported at the same place last month.",
    "The partner agency on the other side was informed by the liaison channel.",
    "The persons were calm and cooperative during the procedure.",
    "Local residents said that groups pass this way about once a week.",
)
_CLOSINGS = (
    "Follow-up is pending with the regional office.",
    "Photos of the scene are kept at the post.",
    "Further reports will follow if the pattern continues.",
    "The case file was handed to the investigation unit.",
    "No further information is available at this time.",
)
_FRAUD_PHRASE = {
    "counterfeit": "a counterfeit",
    "forged": "forged",
    "fraudulently_obtained_genuine": "a genuine document obtained by fraud",
    "impostor": "used by an impostor",
    "pseudo_fantasy": "a fantasy document",
    "stolen_blank": "a stolen blank",
    "none_detected": "without signs of fraud",
}
_FEE_CHANCE = {"people_smuggling": 0.8, "trafficking_in_persons": 0.5}
_VEHICLES = ("pickup truck", "minivan", "fruit lorry", "private car", "tour bus", "tuk-tuk")


# Countries that are mostly destinations of the movements in the demo region.
_RECEIVING = frozenset({"THA", "MYS", "SGP"})


class _Draw:
    """Fast draws from one random stream (random.Random's helpers cost a lot in bulk)."""

    __slots__ = ("random",)

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed).random

    def between(self, low: int, high: int) -> int:
        return low + int(self.random() * (high - low + 1))

    def choice(self, seq: Sequence[_T]) -> _T:
        return seq[int(self.random() * len(seq))]

    def chance(self, p: float) -> bool:
        return self.random() < p

    def sample(self, seq: Sequence[_T], k: int) -> list[_T]:
        pool = list(seq)
        for i in range(k):  # partial Fisher-Yates
            j = i + int(self.random() * (len(pool) - i))
            pool[i], pool[j] = pool[j], pool[i]
        return pool[:k]


class SyntheticReports:
    """Deterministic generator of synthetic, submit-valid report payloads."""

    def __init__(self, seed: int = 0, *, now: datetime | None = None) -> None:
        if now is None:
            now = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        elif now.tzinfo is None:
            raise ValueError("now must be timezone-aware")
        self.seed = seed
        self.now = now.astimezone(UTC).replace(microsecond=0)
        self._crossings = [
            (e.code, e.label, getattr(e, "countries", ())) for e in codelists.crossing_points()
        ]
        self._names = {e.code: e.label for e in codelists.nationalities()}
        self._doc_labels = {e.code: e.label.lower() for e in codelists.document_types()}
        self._feature_labels = {e.code: e.label.lower() for e in codelists.document_features()}

    def many(self, n: int, start: int = 0) -> Iterator[dict[str, Any]]:
        """Reports start, start+1, ..., start+n-1."""
        for i in range(start, start + n):
            yield self.report(i)

    def report(self, i: int) -> dict[str, Any]:
        # One independent stream per report, so report(i) needs no earlier reports.
        d = _Draw(self.seed * 2**48 + i)
        kind: str = _KINDS.pick(d)
        cp_code, cp_label, cp_countries = d.choice(self._crossings)
        nat, dest = self._nationality_and_destination(d, cp_countries)
        origin = None if nat == "XXX" else nat
        k = 0 if d.chance(0.6) else 1 if d.chance(0.75) else 2
        transit = d.sample([t for t in _TRANSIT if t != origin and t != dest], k)
        mode: str = _MODES.pick(d)
        observed = self._observed_at(d)

        persons = self._persons(d, kind, nat)
        n = sum(p["count"] for p in persons) or d.between(2, 12)
        documents = self._documents(d, kind, nat)
        fees = self._fees(d, kind)
        tags = self._tags(d, kind)
        first = documents[0] if documents else None
        slots = {
            "time": f"{observed.hour:02d}:{observed.minute:02d}",
            "cp": cp_label,
            "n": n,
            "nat": f"from {self._names[nat]}" if origin else "of unknown nationality",
            "origin": self._names[nat] if origin else "an unknown country",
            "dest": self._names[dest],
            "transit": " and ".join(self._names[t] for t in transit) or "no third country",
            "mode": _MODE_PHRASE[mode],
            "dist": d.between(2, 25),
            "vehicle": d.choice(_VEHICLES),
            "fee": f"{fees['amount']} {fees['currency']}" if fees else "an unknown sum",
            "doc": self._doc_labels[first["type"]] if first else "",
            "issuer": self._names[first["issuing_state"]] if first else "",
            "fraud": _FRAUD_PHRASE[first["fraud_type"]] if first else "",
            "feature": ", ".join(self._feature_labels[f] for f in first["features"])
            if first and first["features"]
            else "none beyond the points above",
        }
        coordinates = None
        position = _DEMO_POSITIONS.get(cp_code)
        if position is not None and d.chance(0.6):
            coordinates = {
                "lat": round(position[0] + (d.random() - 0.5) / 10, 5),
                "lon": round(position[1] + (d.random() - 0.5) / 10, 5),
            }
        mo_text = ""
        if tags and d.chance(0.7):
            mo_text = f"{PREFIX} " + d.choice(_DETAILS["modus_operandi"]).format(**slots)
        return {
            "kind": kind,
            "observed_at": format_utc(observed),
            "crossing_point": cp_code,
            "coordinates": coordinates,
            "persons": persons,
            "documents": documents,
            "route": {
                "origin": origin,
                "transit": transit,
                "destination": dest,
                "transport_mode": mode,
                "fees": fees,
                "group_size": n if kind in ("people_smuggling", "irregular_crossing") else None,
            },
            "modus_operandi": {"tags": tags, "text": mo_text},
            "narrative": self._narrative(d, kind, slots),
            "source": {
                "description": d.choice(_SOURCES),
                "reliability": _RELIABILITY.pick(d),
                "credibility": _CREDIBILITY.pick(d),
            },
            "handling": {
                "tlp": _TLP.pick(d),
                "third_party": d.chance(0.3),
                "legal_basis": d.choice(_LEGAL_BASES),
            },
            "attachments": self._attachments(d, i),
        }

    def attachment_content(self, i: int, j: int) -> bytes:
        """The bytes of attachment j of report i (matching its sha256 and size)."""
        size = self.report(i)["attachments"][j]["size"]
        return self._content(i, j, size)

    # ------------------------------------------------------------ parts

    def _nationality_and_destination(self, d: _Draw, crossing: Sequence[str]) -> tuple[str, str]:
        # Mostly people from the sending side of this crossing heading to the receiving side.
        sending = [c for c in crossing if c not in _RECEIVING]
        receiving = [c for c in crossing if c in _RECEIVING]
        nat: str = d.choice(sending) if sending and d.chance(0.6) else _NATIONALITIES.pick(d)
        if receiving and d.chance(0.6) and receiving[-1] != nat:
            return nat, receiving[-1]
        return nat, d.choice([c for c in _DESTINATIONS if c != nat])

    def _observed_at(self, d: _Draw) -> datetime:
        day = self.now - timedelta(days=1 + int(d.random() * _SPAN_DAYS))
        hour: int = _HOURS.pick(d)  # more crossings at night
        return day.replace(hour=hour, minute=d.between(0, 59), second=d.between(0, 59))

    def _persons(self, d: _Draw, kind: str, nat: str) -> list[dict[str, Any]]:
        def group(role: str, nationality: str, ages: _Weighted, count: int) -> dict[str, Any]:
            return {
                "role": role,
                "nationality": nationality,
                "sex": _SEXES.pick(d),
                "age_band": ages.pick(d),
                "count": count,
            }

        def migrants(k: int) -> list[dict[str, Any]]:
            return [
                group(
                    "migrant",
                    nat if d.chance(0.8) else _NATIONALITIES.pick(d),
                    _ANY_AGES,
                    d.between(1, 8),
                )
                for _ in range(k)
            ]

        if kind == "modus_operandi":
            return [] if d.chance(0.7) else migrants(1)
        if kind == "trafficking_in_persons":
            victims = [
                group("presumed_victim", nat, _VICTIM_AGES, d.between(1, 6))
                for _ in range(d.between(1, 2))
            ]
            escort = group("suspected_smuggler", _SMUGGLER_NATIONALITIES.pick(d), _ADULT_AGES, 1)
            return [*victims, escort]
        if kind == "people_smuggling":
            helpers = [
                group(
                    d.choice(("suspected_smuggler", "facilitator")),
                    _SMUGGLER_NATIONALITIES.pick(d),
                    _ADULT_AGES,
                    1,
                )
                for _ in range(d.between(1, 2))
            ]
            return migrants(d.between(1, 3)) + helpers
        if kind == "document_fraud":
            return [group("migrant", nat, _ADULT_AGES, 1)]
        if kind == "other":
            return [group(d.choice(("other", "migrant")), nat, _ANY_AGES, d.between(1, 3))]
        return migrants(d.between(1, 3))

    def _documents(self, d: _Draw, kind: str, nat: str) -> list[dict[str, Any]]:
        if kind == "document_fraud":
            count = 1 if d.chance(0.8) else 2
        elif kind in ("irregular_crossing", "people_smuggling", "trafficking_in_persons"):
            count = 1 if d.chance(0.15) else 0
        else:
            count = 0
        documents = []
        for _ in range(count):
            fraud: str = _FRAUD.pick(d) if kind == "document_fraud" else "none_detected"
            possible = _FEATURES_FOR[fraud]
            k = d.between(1, min(3, len(possible))) if possible else 0
            documents.append(
                {
                    "type": _DOC_TYPES.pick(d),
                    "issuing_state": nat if d.chance(0.7) else d.choice(_DESTINATIONS),
                    "number": f"SYN{d.between(0, 999_999):06d}" if d.chance(0.7) else None,
                    "fraud_type": fraud,
                    "features": d.sample(possible, k),
                }
            )
        return documents

    def _fees(self, d: _Draw, kind: str) -> dict[str, str] | None:
        if not d.chance(_FEE_CHANCE.get(kind, 0.2)):
            return None
        currency, low, high = d.choice(_FEES)
        amount = d.between(low, high) // 50 * 50 or low
        return {"amount": f"{amount}.00", "currency": currency}

    def _tags(self, d: _Draw, kind: str) -> list[str]:
        pool = _TAGS_FOR[kind]
        if kind != "modus_operandi" and d.chance(0.5):
            return []
        return d.sample(pool, d.between(1, min(3, len(pool))))

    def _narrative(self, d: _Draw, kind: str, slots: dict[str, Any]) -> str:
        specific = _DETAILS[kind]
        parts = [
            PREFIX,
            d.choice(_OPENINGS[kind]),
            *d.sample(specific, d.between(1, len(specific))),
            *d.sample(_GENERIC_DETAILS, d.between(1, 6)),
            d.choice(_CLOSINGS),
        ]
        text = " ".join(parts).format(**slots)
        while len(text) < 300:  # short kinds get more context
            text += " " + d.choice(_GENERIC_DETAILS).format(**slots)
        if len(text) > 1500:
            text = text[: text.rfind(". ", 0, 1499) + 1]
        return text

    def _attachments(self, d: _Draw, i: int) -> list[dict[str, Any]]:
        if not d.chance(0.15):
            return []
        refs = []
        for j in range(d.between(1, 3)):
            size = d.between(200, 4000)
            refs.append(
                {
                    "sha256": hashlib.sha256(self._content(i, j, size)).hexdigest(),
                    "filename": f"synthetic_note_{i}_{j + 1}.txt",
                    "media_type": "text/plain",
                    "size": size,
                }
            )
        return refs

    def _content(self, i: int, j: int, size: int) -> bytes:
        line = f"{PREFIX} attachment {j + 1} of synthetic report {i} (seed {self.seed})\n"
        data = line.encode() * (size // len(line) + 1)
        return data[:size]
