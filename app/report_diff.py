"""What changed between two versions of a report, field by field: what the review queue
shows for a corrected version (issue 12: "a diff between versions in the review queue"),
and what refuses a resubmission that changes nothing.

Pure: two report dicts in, a list of changes out. Each change has the field's path, its
label in the user's language ("Person 2: Nationality"), the values before and after as
stored, and the code list that names them, so a front end shows names, not codes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.validation import field_label
from resources.i18n import _

# Which code list names the values of a field ("[]": any entry of a list).
CODE_LISTS: Mapping[str, str] = {
    "kind": "report_kinds",
    "crossing_point": "crossing_points",
    "persons[].role": "person_roles",
    "persons[].nationality": "nationalities",
    "persons[].sex": "sexes",
    "persons[].age_band": "age_bands",
    "documents[].type": "document_types",
    "documents[].issuing_state": "nationalities",
    "documents[].fraud_type": "fraud_types",
    "documents[].features": "document_features",
    "route.origin": "countries",
    "route.transit": "countries",
    "route.destination": "countries",
    "route.transport_mode": "transport_modes",
    "modus_operandi.tags": "modus_operandi_tags",
    "source.reliability": "reliability",
    "source.credibility": "credibility",
    "handling.tlp": "tlp",
}


# Lists that are sets (each code once, order meaningless): reordering them changes nothing.
_SETS = {"documents[].features", "modus_operandi.tags"}


def _generic(path: str) -> str:
    """persons[3].role -> persons[].role"""
    if "[" not in path:
        return path
    head, rest = path.split("]", 1)
    return head.split("[")[0] + "[]" + rest


@dataclass(frozen=True)
class Change:
    path: str  # e.g. "persons[1].nationality", "attachments"
    label: str  # in the user's language, e.g. "Person 2: Nationality"
    old: Any  # None when the field was empty (or the entry did not exist)
    new: Any
    code_list: str | None = None  # names the values (a list of codes: each one)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _leaves(value: Any, path: str, out: dict[str, Any]) -> None:
    """Flattens a report into path -> value; records in persons/documents by index,
    attachments as one value (the files), other lists as one value."""
    if isinstance(value, Mapping):
        for key, child in value.items():
            _leaves(child, f"{path}.{key}" if path else str(key), out)
        return
    if path in ("persons", "documents") and isinstance(value, list):
        for i, entry in enumerate(value):
            _leaves(entry, f"{path}[{i}]", out)
        return
    if path == "attachments" and isinstance(value, list):
        files = sorted(
            f"{a.get('filename')} ({str(a.get('sha256'))[:8]})"
            for a in value
            if isinstance(a, Mapping)
        )
        out[path] = files or None
        return
    if isinstance(value, list) and _generic(path) in _SETS:
        value = sorted(value, key=str)
    out[path] = None if _empty(value) else value


def _label(path: str) -> str:
    if path.startswith(("persons[", "documents[")):
        head, rest = path.split("]", 1)
        name, index = head.split("[")
        inner = _(field_label(path) or rest.lstrip("."))
        entry = (
            _("Person {number}: {field}") if name == "persons" else _("Document {number}: {field}")
        )
        return entry.format(number=int(index) + 1, field=inner)
    label = field_label(path)
    return _(label) if label else path


def report_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """Every field whose value differs between `old` and `new`, in the report's order."""
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    _leaves(old, "", before)
    _leaves(new, "", after)
    paths = list(after) + [p for p in before if p not in after]
    changes = []
    for path in paths:
        was, now = before.get(path), after.get(path)
        if was == now:
            continue
        changes.append(Change(path, _label(path), was, now, CODE_LISTS.get(_generic(path))))
    return changes
