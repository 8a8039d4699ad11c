"""No link at all: approved work leaves a post in an offline bundle, a connected installation
of the same agency uploads it, and the post's next sync collects the receipts. Duplicates,
one altered byte and another portal's bundle are all handled with a clear message."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path
from typing import Any

import pytest
from support import PASSPHRASE
from support import run_cli as run
from sync_support import FOCAL, Post, approved_reports, connected_post

from portal.config import Limits
from services.portal import portal_client
from services.sync_session import sync_engine
from storage.outbox_repo import OutboxRepository
from sync.protocol import b64url_encode
from sync.transport import Problem as TransportProblem
from tests.portal_server import PortalServer, envelopes_on_portal, running_portal


def test_bundle_round_trip(
    tmp_path: Path,
    live_portal: PortalServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OUTPOST_PASSPHRASE", PASSPHRASE)
    dead_link = "http://127.0.0.1:9"  # nothing listens: the post has no link at all
    post = connected_post(tmp_path / "post", live_portal)
    ids = approved_reports(post, 3)
    with post.focal() as s:  # the post's portal URL leads nowhere from here on
        from storage.users_repo import MetaRepository

        MetaRepository(s.db).set("portal_url", dead_link)
        assert sync_engine(s, connect_timeout=1).run_pass().error is not None

    bundle = tmp_path / "usb" / "post.bundle"
    bundle.parent.mkdir()
    code, out, err = run(
        capsys, "--data-dir", str(post.paths.root), "--user", FOCAL, "bundle", "export", str(bundle)
    )
    assert code == 0, err
    assert "6 signed envelopes (3 reports)" in out
    register = run(
        capsys, "--data-dir", str(post.paths.root), "--user", FOCAL, "register", "list", "--json"
    )[1]
    assert '"method": "offline_bundle"' in register

    # A connected installation of the same agency carries it to the portal.
    town = connected_post(tmp_path / "town", live_portal, agency=post.agency)
    with town.focal() as s:
        assert sync_engine(s).run_pass().error is None  # learns the post's certificates
    town_args = ["--data-dir", str(town.paths.root), "--user", FOCAL]
    code, out, err = run(capsys, *town_args, "bundle", "import", str(bundle))
    assert code == 0, err
    assert "6 new, 0 already on the portal" in out
    assert envelopes_on_portal(live_portal, ids) == dict.fromkeys(ids, 2)

    code, out, _ = run(capsys, *town_args, "bundle", "import", str(bundle))
    assert code == 0 and "0 new, 6 already on the portal" in out  # a replay is harmless

    data = bundle.read_bytes()
    i = data.index(b'"ciphertext":"') + 30
    (tmp_path / "altered.bundle").write_bytes(data[:i] + bytes([data[i] ^ 1]) + data[i + 1 :])
    code, _, err = run(capsys, *town_args, "bundle", "import", str(tmp_path / "altered.bundle"))
    assert code == 1 and "altered" in err

    # The post gets its link back: the next sync collects the receipts.
    with post.focal() as s:
        from storage.users_repo import MetaRepository

        MetaRepository(s.db).set("portal_url", live_portal.url)
        summary = sync_engine(s).run_pass()
        assert summary.error is None, summary.error
        assert {o.state for o in OutboxRepository(s.db).items() if o.kind != "attachment"} == {
            "delivered"
        }
    assert envelopes_on_portal(live_portal, ids) == dict.fromkeys(ids, 2)


def test_bundle_for_another_portal_is_refused(
    tmp_path: Path,
    live_portal: PortalServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OUTPOST_PASSPHRASE", PASSPHRASE)
    with running_portal(tmp_path / "other-portal", portal_id="portal.other") as other:
        elsewhere = connected_post(tmp_path / "elsewhere", other)
        approved_reports(elsewhere, 1)
        bundle = tmp_path / "other.bundle"
        code, _, err = run(
            capsys,
            "--data-dir",
            str(elsewhere.paths.root),
            "--user",
            FOCAL,
            "bundle",
            "export",
            str(bundle),
        )
        assert code == 0, err
    here = connected_post(tmp_path / "here", live_portal)
    code, _, err = run(
        capsys, "--data-dir", str(here.paths.root), "--user", FOCAL, "bundle", "import", str(bundle)
    )
    assert code == 1 and "addressed to portal 'portal.other'" in err


def _offline_post(
    root: Path, portal: PortalServer, n: int, attachment: bytes | None
) -> tuple[Post, list[str]]:
    """A post with approved work and no link at all (its portal URL leads nowhere)."""
    post = connected_post(root, portal)
    ids = approved_reports(post, n, attachment=attachment)
    with post.focal() as s:
        from storage.users_repo import MetaRepository

        MetaRepository(s.db).set("portal_url", "http://127.0.0.1:9")
    return post, ids


def _connected_town(root: Path, portal: PortalServer, agency: str) -> list[str]:
    """A connected installation of the same agency; its CLI arguments."""
    town = connected_post(root, portal, agency=agency)
    with town.focal() as s:
        assert sync_engine(s).run_pass().error is None  # learns the post's certificates
    return ["--data-dir", str(town.paths.root), "--user", FOCAL]


def attachments_on_portal(portal: PortalServer, *photos: bytes) -> dict[str, int]:
    """sha256 -> size of each of these files the portal holds (rows are one per sha256), after
    checking that each stored file really has that hash and size."""
    import sqlalchemy as sa

    from portal.tables import attachments

    wanted = [hashlib.sha256(photo).hexdigest() for photo in photos]
    with portal.db.read() as conn:
        query = sa.select(attachments).where(attachments.c.sha256.in_(wanted))
        rows = {str(r.sha256): int(r.size) for r in conn.execute(query)}
    for sha256, size in rows.items():
        data = (portal.data_dir / "attachments" / sha256[:2] / sha256).read_bytes()
        assert (hashlib.sha256(data).hexdigest(), len(data)) == (sha256, size)
    return rows


def test_bundle_carries_the_attachments(
    tmp_path: Path,
    live_portal: PortalServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 11 finding 8: a post with no link at all delivers its photos too."""
    monkeypatch.setenv("OUTPOST_PASSPHRASE", PASSPHRASE)
    photo = random.Random(8).randbytes(300_000)
    digest = hashlib.sha256(photo).hexdigest()
    post, _ = _offline_post(tmp_path / "post", live_portal, 1, photo)
    bundle = tmp_path / "post.bundle"
    post_args = ["--data-dir", str(post.paths.root), "--user", FOCAL]
    code, out, err = run(capsys, *post_args, "bundle", "export", str(bundle))
    assert code == 0, err
    assert "2 signed envelopes (1 reports) and 1 attachments (300,000 bytes)" in out
    data = bundle.read_bytes()
    for clear in (photo[1000:1032], b64url_encode(photo[1002:1050]).encode()):
        assert clear not in data  # a courier cannot read the photo either

    town_args = _connected_town(tmp_path / "town", live_portal, post.agency)
    code, out, err = run(capsys, *town_args, "bundle", "import", str(bundle))
    assert code == 0, err
    assert "2 new, 0 already on the portal, 0 refused" in out
    assert "attachments: 1 new, 0 already on the portal" in out
    assert attachments_on_portal(live_portal, photo) == {digest: len(photo)}

    code, out, err = run(capsys, *town_args, "bundle", "import", str(bundle))
    assert code == 0, err
    assert "attachments: 0 new, 1 already on the portal" in out
    assert attachments_on_portal(live_portal, photo) == {digest: len(photo)}  # exactly once

    # The post's link comes back: its sync finishes the delivery without sending the photo
    # again over its poor link (the portal completes the upload at once), still one copy.
    with post.focal() as s:
        from storage.users_repo import MetaRepository

        MetaRepository(s.db).set("portal_url", live_portal.url)
        assert sync_engine(s).run_pass().error is None
        assert {o.state for o in OutboxRepository(s.db).items()} == {"delivered"}
    assert attachments_on_portal(live_portal, photo) == {digest: len(photo)}
    assert _audited(live_portal, digest) == ["attachment.store", "attachment.known"]


def _audited(portal: PortalServer, sha256: str) -> list[str]:
    """The portal's audit actions about one file, in order."""
    import sqlalchemy as sa

    from portal.tables import audit_log

    with portal.db.read() as conn:
        query = sa.select(audit_log.c.action).where(audit_log.c.subject == sha256)
        return [str(a) for a in conn.execute(query.order_by(audit_log.c.seq)).scalars()]


def _export_parts(
    capsys: pytest.CaptureFixture[str], post: Post, folder: Path, size: str
) -> list[Path]:
    folder.mkdir()
    post_args = ["--data-dir", str(post.paths.root), "--user", FOCAL]
    code, out, err = run(
        capsys, *post_args, "bundle", "export", str(folder / "post.bundle"), "--max-part-size", size
    )
    assert code == 0, err
    parts = sorted(folder.iterdir())
    assert f"in {len(parts)} parts" in out
    return parts


def test_bundle_split_into_64_kb_parts_is_reassembled_in_any_order(
    tmp_path: Path,
    live_portal: PortalServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 11 finding 8: a small medium carries the bundle in parts, each checked alone."""
    monkeypatch.setenv("OUTPOST_PASSPHRASE", PASSPHRASE)
    photo = random.Random(64).randbytes(300_000)
    digest = hashlib.sha256(photo).hexdigest()
    post, _ = _offline_post(tmp_path / "post", live_portal, 1, photo)
    parts = _export_parts(capsys, post, tmp_path / "usb", "64K")
    assert len(parts) >= 8  # 300 KB of photo, base64 twice, in 64 KiB files
    assert [p.name for p in parts[:2]] == [
        f"post.bundle.part-01-of-{len(parts):02d}",
        f"post.bundle.part-02-of-{len(parts):02d}",
    ]
    for part in parts:
        data = part.read_bytes()
        assert len(data) <= 64 * 1024
        assert photo[5000:5032] not in data and b64url_encode(photo[5001:5049]).encode() not in data

    town_args = _connected_town(tmp_path / "town", live_portal, post.agency)
    shuffled = [str(p) for p in random.Random(3).sample(parts, len(parts))]
    assert shuffled != [str(p) for p in parts]
    code, out, err = run(capsys, *town_args, "bundle", "import", *shuffled)
    assert code == 0, err
    assert "2 new, 0 already on the portal, 0 refused" in out
    assert "attachments: 1 new, 0 already on the portal" in out
    assert attachments_on_portal(live_portal, photo) == {digest: len(photo)}

    again = [str(p) for p in random.Random(4).sample(parts, len(parts))]
    code, out, err = run(capsys, *town_args, "bundle", "import", *again, shuffled[0])
    assert code == 0, err  # every part twice over: nothing more is stored
    assert "0 new, 2 already on the portal" in out
    assert "attachments: 0 new, 1 already on the portal" in out
    assert attachments_on_portal(live_portal, photo) == {digest: len(photo)}


def test_a_tampered_or_missing_part_is_refused_by_name_and_nothing_is_stored(
    tmp_path: Path,
    live_portal: PortalServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OUTPOST_PASSPHRASE", PASSPHRASE)
    photo = random.Random(65).randbytes(200_000)
    post, ids = _offline_post(tmp_path / "post", live_portal, 1, photo)
    parts = _export_parts(capsys, post, tmp_path / "usb", "64K")
    m = len(parts)
    town_args = _connected_town(tmp_path / "town", live_portal, post.agency)

    def nothing_stored() -> None:
        assert envelopes_on_portal(live_portal, ids) == {}
        assert attachments_on_portal(live_portal, photo) == {}

    # One byte of part 3's payload altered.
    data = parts[2].read_bytes()
    i = len(data) - 100
    tampered = tmp_path / "tampered"
    tampered.mkdir()
    (tampered / parts[2].name).write_bytes(data[:i] + bytes([data[i] ^ 1]) + data[i + 1 :])
    files = [str(p) for p in parts if p != parts[2]] + [str(tampered / parts[2].name)]
    code, _, err = run(capsys, *town_args, "bundle", "import", *files)
    assert code == 1
    assert parts[2].name in err and f"part 3 of {m}" in err and "altered" in err
    nothing_stored()

    # Part 2's header claims to be part 4: its signature no longer verifies.
    data = parts[1].read_bytes()
    assert data.count(b'"part":2,') == 1
    (tampered / parts[1].name).write_bytes(data.replace(b'"part":2,', b'"part":4,'))
    files = [str(p) for p in parts if p != parts[1]] + [str(tampered / parts[1].name)]
    code, _, err = run(capsys, *town_args, "bundle", "import", *files)
    assert code == 1 and parts[1].name in err and "altered" in err
    nothing_stored()

    # Part 2 left behind.
    files = [str(p) for p in parts[::-1] if p != parts[1]]
    code, _, err = run(capsys, *town_args, "bundle", "import", *files)
    assert code == 1 and f"part 2 of {m} is missing" in err
    nothing_stored()

    # Everything there: delivered, so the refusals above were about the parts alone.
    code, _, err = run(capsys, *town_args, "bundle", "import", *[str(p) for p in parts])
    assert code == 0, err
    assert envelopes_on_portal(live_portal, ids) == dict.fromkeys(ids, 2)
    digest = hashlib.sha256(photo).hexdigest()
    assert attachments_on_portal(live_portal, photo) == {digest: len(photo)}


def test_parts_reach_a_portal_that_takes_less_than_the_whole_bundle_in_one_request(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The importing installation uploads part by part: a bundle larger than the portal's
    request limit still arrives, and the portal checks every part again itself."""
    monkeypatch.setenv("OUTPOST_PASSPHRASE", PASSPHRASE)
    small = Limits(
        max_body_bytes=128 * 1024, enrol_failures_burst=100_000, signature_failures_burst=100_000
    )
    photo = random.Random(128).randbytes(300_000)
    digest = hashlib.sha256(photo).hexdigest()
    with running_portal(tmp_path / "portal", limits=small) as portal:
        post, ids = _offline_post(tmp_path / "post", portal, 1, photo)
        parts = _export_parts(capsys, post, tmp_path / "usb", "64K")
        assert sum(p.stat().st_size for p in parts) > 4 * 128 * 1024  # no single request
        town = connected_post(tmp_path / "town", portal, agency=post.agency)
        with town.focal() as s:
            assert sync_engine(s).run_pass().error is None
            with portal_client(s) as client:

                def post_part(data: bytes) -> Any:
                    return client.request(
                        "POST",
                        "/v1/bundles/parts",
                        data,
                        {"Content-Type": "application/octet-stream"},
                    )

                # The portal refuses an altered part itself, naming it; nothing is kept.
                data = parts[1].read_bytes()
                altered = data[:-50] + bytes([data[-50] ^ 1]) + data[-49:]
                with pytest.raises(TransportProblem) as refused:
                    post_part(altered)
                assert refused.value.slug == "invalid-bundle"
                assert f"part 2 of {len(parts)}" in refused.value.detail
                # All parts but one: the portal waits for the last, storing nothing yet.
                for part in parts[1:]:
                    answer = post_part(part.read_bytes())
                    assert answer.status == 202
                assert answer.json()["missing"] == [1]
                assert envelopes_on_portal(portal, ids) == {}
                assert attachments_on_portal(portal, photo) == {}

        town_args = ["--data-dir", str(town.paths.root), "--user", FOCAL]
        shuffled = [str(p) for p in random.Random(5).sample(parts, len(parts))]
        code, out, err = run(capsys, *town_args, "bundle", "import", *shuffled)
        assert code == 0, err
        assert "2 new, 0 already on the portal, 0 refused" in out
        assert "attachments: 1 new, 0 already on the portal" in out
        assert attachments_on_portal(portal, photo) == {digest: len(photo)}
        assert envelopes_on_portal(portal, ids) == dict.fromkeys(ids, 2)
        assert not any((portal.data_dir / "bundle-parts").iterdir())  # nothing left behind

        code, out, err = run(capsys, *town_args, "bundle", "import", *shuffled)
        assert code == 0 and "attachments: 0 new, 1 already on the portal" in out, err
        assert attachments_on_portal(portal, photo) == {digest: len(photo)}
