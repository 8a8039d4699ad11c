"""The agency's attachment policy travels in its signed provisioning file (issue 12, item 6):
parsed and checked with the file, refused in plain words when a value is wrong."""

from __future__ import annotations

import json

import pytest

from app.attachments import MB
from app.errors import InvalidInput
from app.provisioning import parse_provisioning
from portal.keys import PortalKeys
from portal.provisioning import sign_provisioning
from sync.protocol import b64url_encode


def _file(keys: PortalKeys, attachments: object) -> bytes:
    document: dict[str, object] = {
        "v": 1,
        "portal_url": "http://127.0.0.1:9",
        "portal_id": keys.portal_id,
        "portal_key_id": keys.key_id,
        "portal_public_key": b64url_encode(keys.public_key),
        "portal_x25519_public_key": b64url_encode(keys.exchange_public_key),
        "portal_certificate": keys.certificate.to_json(),
        "agency": "KE-DIS",
        "member_state": "KEN",
        "attachments": attachments,
    }
    return json.dumps(sign_provisioning(document, keys)).encode()


def test_the_policy_comes_from_the_provisioning_file(portal_keys: PortalKeys) -> None:
    prov = parse_provisioning(
        _file(
            portal_keys,
            {
                "max_file_mb": 2,
                "max_report_mb": 5,
                "allowed_types": ["application/pdf"],
                "photo_max_px": 1024,
            },
        )
    )
    assert prov.attachments is not None
    assert prov.attachments.max_file_bytes == 2 * MB
    assert prov.attachments.max_report_bytes == 5 * MB
    assert prov.attachments.allowed_types == frozenset({"application/pdf"})
    assert prov.attachments.photo_max_px == 1024


@pytest.mark.parametrize("bad", [{"max_file_mb": -1}, {"size": 3}, ["application/pdf"], "10 MB"])
def test_a_bad_policy_refuses_the_file(portal_keys: PortalKeys, bad: object) -> None:
    with pytest.raises(InvalidInput, match="attachments"):
        parse_provisioning(_file(portal_keys, bad))
