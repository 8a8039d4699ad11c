"""The agency provisioning file is signed by the portal operator; the client refuses an
unsigned or altered file, one signed by another key, and (given a fingerprint or a release
that pins portal keys) a whole file forged with another portal key."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from app.errors import InvalidInput
from app.provisioning import (
    PROVISIONING_DOMAIN,
    TRUSTED_PORTALS_FILE,
    check_trust,
    fingerprint,
    normalise_fingerprint,
    parse_provisioning,
    read_provisioning,
    signed_message,
    trusted_portal_keys,
)
from portal import provisioning as portal_provisioning
from portal.keys import PortalKeys
from sync.protocol import b64url_encode

SignDocument = Callable[..., dict[str, object]]
POINTS = [{"code": "KE-NAM", "label": "Namanga"}]


def as_bytes(document: dict[str, object]) -> bytes:
    return json.dumps(document, indent=2).encode()


def test_portal_and_client_agree_on_the_signed_message() -> None:
    assert (
        portal_provisioning.PROVISIONING_DOMAIN
        == PROVISIONING_DOMAIN
        == b"outpost/provisioning/v1\n"
    )


def test_a_signed_file_parses(sign_document: SignDocument, portal_keys: PortalKeys) -> None:
    prov = parse_provisioning(as_bytes(sign_document(portal_keys, crossing_points=POINTS)))
    assert prov.portal_key_id == portal_keys.key_id
    assert prov.crossing_points == POINTS
    assert prov.fingerprint == fingerprint(portal_keys.key_id)
    assert len(prov.fingerprint.split()) == 8


def test_every_single_byte_change_is_refused_or_changes_nothing(
    sign_document: SignDocument, portal_keys: PortalKeys
) -> None:
    """Whatever byte is changed, the file is refused, unless the change is whitespace between
    JSON tokens, which leaves the signed content (its canonical form) exactly as it was."""
    document = sign_document(portal_keys, crossing_points=POINTS)
    data = as_bytes(document)
    original = parse_provisioning(data)
    accepted = 0
    for i in range(len(data)):
        for new in {data[i] ^ 0x01, data[i] ^ 0x20}:
            changed = data[:i] + bytes([new]) + data[i + 1 :]
            try:
                prov = parse_provisioning(changed)
            except InvalidInput:
                continue
            accepted += 1
            assert prov == original and data[i] in b" \n\t\r", (i, data[i : i + 1])
    assert accepted < len(data) // 10  # only the whitespace cases


def test_a_changed_value_names_the_reason(
    sign_document: SignDocument, portal_keys: PortalKeys
) -> None:
    data = as_bytes(sign_document(portal_keys)).replace(b"127.0.0.1:9", b"127.0.0.1:8")
    with pytest.raises(InvalidInput, match="changed after the portal operator signed it"):
        parse_provisioning(data, "agency.json")


def test_an_unsigned_file_is_refused(sign_document: SignDocument, portal_keys: PortalKeys) -> None:
    document = sign_document(portal_keys)
    del document["signature"]
    with pytest.raises(InvalidInput, match="it is not signed"):
        parse_provisioning(as_bytes(document))


def test_a_file_signed_by_another_key_is_refused(
    sign_document: SignDocument, portal_keys: PortalKeys, other_keys: PortalKeys
) -> None:
    # The agency's content, signed by someone else's key (named as such, or posing as the
    # portal's key id): refused either way.
    document = sign_document(portal_keys)
    foreign = other_keys.signing_key.sign(signed_message(document))
    document["signature"] = {
        "alg": "ed25519",
        "key_id": other_keys.key_id,
        "value": b64url_encode(foreign),
    }
    with pytest.raises(InvalidInput, match="signed by another key"):
        parse_provisioning(as_bytes(document))
    document["signature"] = {
        "alg": "ed25519",
        "key_id": portal_keys.key_id,
        "value": b64url_encode(foreign),
    }
    with pytest.raises(InvalidInput, match="changed after the portal operator signed it"):
        parse_provisioning(as_bytes(document))


def test_a_forged_file_is_refused_by_fingerprint_and_by_shipped_keys(
    sign_document: SignDocument, tmp_path: Path, portal_keys: PortalKeys, other_keys: PortalKeys
) -> None:
    # Someone with their own portal key writes a complete, self-consistent file. Its
    # signature checks out against the key inside it: only an outside anchor can tell.
    forged = tmp_path / "forged.json"
    forged.write_bytes(as_bytes(sign_document(other_keys)))
    genuine = fingerprint(portal_keys.key_id)
    with pytest.raises(InvalidInput, match="not by the one you expected"):
        read_provisioning(forged, expected_fingerprint=genuine)
    with pytest.raises(InvalidInput, match="does not trust"):
        read_provisioning(forged, pinned={portal_keys.key_id})
    # Without an anchor the file is accepted as unconfirmed, and its fingerprint (the one the
    # person must compare) is the forger's, not the agency's.
    prov = read_provisioning(forged, pinned=())
    assert prov.trust == "unconfirmed" and prov.fingerprint != genuine


def test_the_genuine_file_is_trusted_by_fingerprint_or_shipped_key(
    good_file: Path, portal_keys: PortalKeys
) -> None:
    typed = fingerprint(portal_keys.key_id).lower().replace(" ", ":")
    assert read_provisioning(good_file, expected_fingerprint=typed).trust == "fingerprint"
    assert read_provisioning(good_file, pinned={portal_keys.key_id}).trust == "pinned"


def test_fingerprints_are_read_as_people_type_them(portal_keys: PortalKeys) -> None:
    key_id = portal_keys.key_id
    for typed in (key_id, fingerprint(key_id), fingerprint(key_id).lower().replace(" ", "-")):
        assert normalise_fingerprint(typed) == key_id
    with pytest.raises(InvalidInput, match="32 hexadecimal digits"):
        normalise_fingerprint("8B79 90D9")


def test_this_checkout_ships_no_portal_key_and_a_damaged_list_is_an_error(tmp_path: Path) -> None:
    assert trusted_portal_keys(TRUSTED_PORTALS_FILE) == frozenset()
    assert trusted_portal_keys(tmp_path / "absent.json") == frozenset()
    damaged = tmp_path / "trusted.json"
    damaged.write_text("{not json")
    with pytest.raises(InvalidInput, match="reinstall"):
        trusted_portal_keys(damaged)


def test_check_trust_with_a_pinned_list_refuses_other_keys(
    sign_document: SignDocument, portal_keys: PortalKeys
) -> None:
    prov = parse_provisioning(as_bytes(sign_document(portal_keys)))
    with pytest.raises(InvalidInput, match="does not trust"):
        check_trust(prov, pinned={"ed25519:" + "0" * 32})
