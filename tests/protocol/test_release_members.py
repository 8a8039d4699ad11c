"""The release's optional members (`agencies`, `recipients`): absent when empty, so every
approval signed before them keeps its bytes and hash; when present, non-empty and sorted."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from sync.protocol import Envelope, MalformedEnvelope

VECTORS: dict[str, Any] = json.loads(
    (Path(__file__).parent / "data" / "envelope_vectors.json").read_text(encoding="utf-8")
)
APPROVALS = [e for e in VECTORS["envelopes"] if e["envelope"]["type"] == "approval"]


@pytest.mark.parametrize("item", APPROVALS, ids=lambda i: i["hash"][:12])
def test_every_approval_round_trips_to_the_same_bytes_and_hash(item: dict[str, Any]) -> None:
    envelope = Envelope.from_json(item["envelope"])
    assert envelope.to_json() == item["envelope"]
    assert envelope.hash == item["hash"]
    assert Envelope.from_bytes(envelope.to_bytes()).hash == item["hash"]


def test_an_approval_from_before_the_members_has_neither() -> None:
    first = APPROVALS[0]["envelope"]["body"]["release"]
    assert "agencies" not in first and "recipients" not in first


@pytest.mark.parametrize(
    ("member", "value", "message"),
    [
        ("recipients", [], "must not be empty"),
        ("agencies", [], "must not be empty"),
        ("recipients", ["u-2", "u-1"], "sorted ascending"),
        ("agencies", ["KEN-DIS", "KEN-DIS"], "sorted ascending"),
        ("agencies", ["ken-dis"], "agencies"),
        ("recipients", ["no spaces"], "recipients"),
        ("recipients", "u-1", "expected an array"),
        ("audience", ["x"], "unknown field"),
    ],
)
def test_bad_members_are_refused(member: str, value: object, message: str) -> None:
    wire = copy.deepcopy(APPROVALS[0]["envelope"])
    wire["body"]["release"][member] = value
    with pytest.raises(MalformedEnvelope, match=message):
        Envelope.from_json(wire)
