"""sync.http_signatures: the RFC 9421 / RFC 9530 profile both sides use (pure functions)."""

from __future__ import annotations

import pytest

from sync.http_signatures import (
    HttpSignatureError,
    check_content_digest,
    content_digest,
    normalise_target_uri,
    parse_signature,
    sign_request,
    verify_request,
)
from sync.protocol import generate_private_key, public_key_raw

KEY = generate_private_key()
URL = "http://127.0.0.1:8443/v1/feed?limit=5"


def signed(**overrides: object) -> dict[str, str]:
    args: dict[str, object] = {
        "method": "GET",
        "url": URL,
        "body": b"",
        "private_key": KEY,
        "created": 1_700_000_000,
        "nonce": "n" * 22,
    }
    args.update(overrides)
    return sign_request(**args)  # type: ignore[arg-type]


def verify(headers: dict[str, str], method: str = "GET", url: str = URL) -> None:
    params = parse_signature(headers["Signature-Input"], headers["Signature"])
    verify_request(
        params,
        method=method,
        target_uri=url,
        digest=headers["Content-Digest"],
        public_key=public_key_raw(KEY),
    )


def test_round_trip() -> None:
    headers = signed()
    verify(headers)
    params = parse_signature(headers["Signature-Input"], headers["Signature"])
    assert (params.created, params.nonce) == (1_700_000_000, "n" * 22)
    assert headers["Signature-Input"].startswith('sig1=("@method" "@target-uri" "content-digest")')


def test_known_content_digest() -> None:
    # RFC 9530 appendix: the sha-256 digest of {"hello": "world"}\n
    assert content_digest(b'{"hello": "world"}\n') == (
        "sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:"
    )
    with pytest.raises(HttpSignatureError) as err:
        check_content_digest(content_digest(b"a"), b"b")
    assert err.value.code == "digest-mismatch"


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("POST", URL),
        ("GET", "http://127.0.0.1:8443/v1/feed?limit=6"),
        ("GET", "http://127.0.0.1:9999/v1/feed?limit=5"),
    ],
)
def test_other_method_or_uri_does_not_verify(method: str, url: str) -> None:
    with pytest.raises(HttpSignatureError) as err:
        verify(signed(), method, url)
    assert err.value.code == "bad-signature"


def test_uri_spelling_is_normalised() -> None:
    assert (
        normalise_target_uri("HTTPS://Portal.Example:443/x?a=1#f") == "https://portal.example/x?a=1"
    )
    verify(signed(url="http://localhost:80/"), url="http://LOCALHOST")


@pytest.mark.parametrize(
    "signature_input",
    [
        'sig1=("@method" "@target-uri");created=1;nonce="nnnnnnnnnnnnnnnnnnnn";keyid="x"',
        'sig2=("@method" "@target-uri" "content-digest");created=1',
        'sig1=("@method" "@target-uri" "content-digest");nonce="nnnnnnnnnnnnnnnnnnnnnn"',
        'sig1=("@method" "@target-uri" "content-digest");created="1";nonce="nnnnnnnnnnnnnnnnnn";'
        'keyid="ed25519:00000000000000000000000000000000"',
        'sig1=("@method" "@target-uri" "content-digest");created=1;nonce="nnnnnnnnnnnnnnnnnn";'
        'keyid="ed25519:00000000000000000000000000000000";alg="rsa-pss-sha512"',
        'sig1=("@method" "@target-uri" "content-digest");created=1;nonce="nnnnnnnnnnnnnnnnnn";'
        'keyid="ed25519:00000000000000000000000000000000";expires=5',
    ],
)
def test_outside_the_profile_is_malformed(signature_input: str) -> None:
    with pytest.raises(HttpSignatureError) as err:
        parse_signature(signature_input, signed()["Signature"])
    assert err.value.code == "malformed-signature"


def test_missing_headers() -> None:
    with pytest.raises(HttpSignatureError) as err:
        parse_signature(None, None)
    assert err.value.code == "missing-signature"


def test_digest_of_a_streamed_body() -> None:
    import hashlib

    from sync.http_signatures import check_content_digest_of, content_digest_of

    body = b"chunk of an attachment" * 1000
    digest = hashlib.sha256(body).digest()
    assert content_digest_of(digest) == content_digest(body)
    check_content_digest_of(content_digest(body), digest)
    with pytest.raises(HttpSignatureError) as failure:
        check_content_digest_of(content_digest(b"other"), digest)
    assert failure.value.code == "digest-mismatch"
    with pytest.raises(HttpSignatureError) as failure:
        check_content_digest_of(None, digest)
    assert failure.value.code == "missing-digest"


def test_a_non_ascii_target_uri_is_malformed_not_a_crash() -> None:
    with pytest.raises(HttpSignatureError) as failure:
        signed(url="http://127.0.0.1:8443/v1/attachments/\u00e9")
    assert failure.value.code == "malformed-signature"
