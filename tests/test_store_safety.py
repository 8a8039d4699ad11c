"""The encrypted store's promises: failed opens change nothing, plaintext never leaks, crashes
lose nothing that was acknowledged, several users and the recovery key all work."""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sqlcipher3
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from support import AGENCY, FAST_KDF, PASSPHRASE, sample, snapshot

from app.domain import Role
from app.paths import DataPaths
from app.reports import AttachmentInput, ReportService
from app.session import NewUser, Session, initialise, recover_with_agency_key, unlock
from storage.errors import DatabaseCorrupt, DatabaseMissing, DatabaseTooNew
from storage.keyslots import (
    KeySlotFileCorrupt,
    KeySlotFileMissing,
    LastPassphraseSlot,
    UnknownUser,
    UnlockThrottle,
    WrongPassphrase,
)
from storage.migrations import LATEST_VERSION


def _no_wait_throttle() -> UnlockThrottle:
    return UnlockThrottle(sleep=lambda _s: None)


def _add_sample(session: Session, i: int = 0) -> str:
    service = ReportService(session.db, session.user, session.audit)
    return service.create_draft(sample(7, i)).report_id


def test_wrong_passphrase_changes_nothing(session: Session, paths: DataPaths) -> None:
    _add_sample(session)
    session.lock()
    before = snapshot(paths.root)
    with pytest.raises(WrongPassphrase, match="passphrase"):
        unlock(paths, "officer.one", "not the passphrase at all", throttle=_no_wait_throttle())
    assert snapshot(paths.root) == before


def test_truncated_database_is_refused_and_left_alone(session: Session, paths: DataPaths) -> None:
    for i in range(30):
        _add_sample(session, i)
    session.lock()
    data = paths.database.read_bytes()
    for cut in (len(data) // 2, len(data) // 2 + 100):
        paths.database.write_bytes(data[:cut])
        before = snapshot(paths.root)
        with pytest.raises(DatabaseCorrupt, match="backup"):
            unlock(paths, None, PASSPHRASE, throttle=_no_wait_throttle())
        assert snapshot(paths.root) == before


def test_missing_database_is_not_recreated(session: Session, paths: DataPaths) -> None:
    session.lock()
    paths.database.unlink()
    before = snapshot(paths.root)
    with pytest.raises(DatabaseMissing):
        unlock(paths, None, PASSPHRASE)
    assert snapshot(paths.root) == before
    assert not paths.database.exists()


def test_edited_key_slot_is_refused_and_database_untouched(
    session: Session, paths: DataPaths
) -> None:
    session.lock()
    original = paths.keyslots.read_bytes()
    doc = json.loads(original)
    doc["slots"][0]["nonce"] = base64.b64encode(b"short").decode()
    paths.keyslots.write_text(json.dumps(doc))
    before = snapshot(paths.root)
    with pytest.raises(KeySlotFileCorrupt, match="not touched"):
        unlock(paths, None, PASSPHRASE)
    assert snapshot(paths.root) == before

    # A same-length change to the wrapped key is caught by AES-GCM, never yields a wrong key.
    doc = json.loads(original)
    wrapped = bytearray(base64.b64decode(doc["slots"][0]["wrapped_key"]))
    wrapped[3] ^= 0x01
    doc["slots"][0]["wrapped_key"] = base64.b64encode(bytes(wrapped)).decode()
    paths.keyslots.write_text(json.dumps(doc))
    before = snapshot(paths.root)
    with pytest.raises((WrongPassphrase, KeySlotFileCorrupt), match=r"altered|damaged"):
        unlock(paths, None, PASSPHRASE, throttle=_no_wait_throttle())
    assert snapshot(paths.root) == before


def test_missing_key_slot_file_never_touches_database(session: Session, paths: DataPaths) -> None:
    session.lock()
    paths.keyslots.unlink()
    before = snapshot(paths.root)
    with pytest.raises(KeySlotFileMissing):
        unlock(paths, None, PASSPHRASE)
    assert snapshot(paths.root) == before
    with pytest.raises(Exception, match="already set up"):
        initialise(paths, NewUser("x.y", Role.OFFICER, AGENCY), PASSPHRASE, kdf=FAST_KDF)
    assert snapshot(paths.root) == before


def test_newer_database_is_refused(session: Session, paths: DataPaths) -> None:
    key = session.db_key()
    session.lock()
    conn = sqlcipher3.connect(str(paths.database), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    before = snapshot(paths.root)
    with pytest.raises(DatabaseTooNew, match="newer version"):
        unlock(paths, None, PASSPHRASE)
    assert snapshot(paths.root) == before


def test_two_users_and_recovery(paths: DataPaths, tmp_path: Path) -> None:
    recovery = X25519PrivateKey.generate()
    first = initialise(
        paths,
        NewUser("officer.one", Role.OFFICER, AGENCY),
        PASSPHRASE,
        recovery_public_key=recovery.public_key(),
        kdf=FAST_KDF,
    )
    report_id = _add_sample(first)
    first.add_user(NewUser("focal.point", Role.OFP, AGENCY), "another long passphrase")
    first.lock()

    with unlock(paths, "focal.point", "another long passphrase") as s:
        assert s.user.role == "ofp"
        assert ReportService(s.db, s.user).get(report_id).report_id == report_id
        s.remove_user("officer.one")
    with pytest.raises(UnknownUser, match="no key slot"):
        unlock(paths, "officer.one", PASSPHRASE, throttle=_no_wait_throttle())
    with (
        unlock(paths, "focal.point", "another long passphrase") as s,
        pytest.raises(LastPassphraseSlot),
    ):
        s.keyslots.without_slot("focal.point")

    # Every passphrase forgotten: the agency's recovery key still opens everything.
    with recover_with_agency_key(paths, recovery, "focal.point", "a brand new passphrase") as s:
        assert ReportService(s.db, s.user).get(report_id).report_id == report_id
    with unlock(paths, "focal.point", "a brand new passphrase") as s:
        assert s.audit.verify().ok
    with pytest.raises(WrongPassphrase):
        unlock(paths, "focal.point", "another long passphrase", throttle=_no_wait_throttle())
    wrong = X25519PrivateKey.generate()
    with pytest.raises(Exception, match="recovery"):
        recover_with_agency_key(paths, wrong, "focal.point", "yet another passphrase")


CANARY = "CANARY-b1f4e9c2d7"


def _files_containing(folder: Path, needle: bytes) -> list[str]:
    hits = []
    for p in folder.rglob("*"):
        if p.is_file():
            try:
                if needle in p.read_bytes():
                    hits.append(str(p))
            except OSError:
                continue
    return hits


def test_canary_never_reaches_disk_logs_or_temp(tmp_path: Path) -> None:
    """Report text, attachment content and a user name stay inside the encrypted database:
    not in the data folder's files, not in log output, not in the temp folder, whether the
    store is open or closed."""
    data_dir, temp_dir = tmp_path / "data", tmp_path / "tmp"
    temp_dir.mkdir()
    script = textwrap.dedent(
        f"""
        import logging, sys
        from pathlib import Path
        logging.basicConfig(level=logging.DEBUG)
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from support import FAST_KDF
        from app.domain import Role
        from app.paths import DataPaths
        from app.reports import AttachmentInput, ReportService
        from support import sample
        from app.session import NewUser, initialise, unlock
        from app.audit import AuditTrail
        from storage.reports_repo import ReportFilter
        canary = {CANARY!r}
        paths = DataPaths(Path({str(data_dir)!r}))
        s = initialise(paths, NewUser("officer " + canary, Role.OFFICER, "AG"),
                       "passphrase " + canary, kdf=FAST_KDF)
        report = sample(1, 0)
        report["narrative"] += " " + canary
        report["source"]["description"] = "informant " + canary
        service = ReportService(s.db, s.user, s.audit)
        for i in range(50):
            r = sample(2, i)
            service.create_draft(r)
        service.create_draft(report, [AttachmentInput("photo.jpg", "image/jpeg",
                             b"\\xff\\xd8" + canary.encode() * 100)])
        assert service.search(canary)
        assert service.list_page(ReportFilter(kind=report["kind"]))
        print("OPEN", flush=True)
        sys.stdin.readline()  # the parent scans the files while the store is open
        s.lock()
        s = unlock(paths, None, "passphrase " + canary)
        assert AuditTrail(s.db).verify().ok
        s.lock()
        print("CLOSED", flush=True)
        """
    )
    env = {**os.environ, "TMPDIR": str(temp_dir), "TEMP": str(temp_dir), "TMP": str(temp_dir)}
    proc = subprocess.Popen(
        [sys.executable, "-c", script],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=Path(__file__).parent.parent,
    )
    assert proc.stdout is not None and proc.stdin is not None
    line = proc.stdout.readline()
    assert line.strip() == b"OPEN", proc.stderr.read() if proc.stderr else b""
    needle = CANARY.encode()
    assert _files_containing(data_dir, needle) == []
    assert _files_containing(temp_dir, needle) == []
    assert (data_dir / "outpost.db-wal").exists()  # the open-state scan did include the WAL
    out, err = proc.communicate(b"\n", timeout=60)
    assert proc.returncode == 0, err.decode()
    assert b"CLOSED" in out
    assert needle not in err and needle not in out
    assert _files_containing(data_dir, needle) == []
    assert _files_containing(temp_dir, needle) == []
    # utf-16 or other encodings would not hide it either: the files are ciphertext throughout.
    assert _files_containing(data_dir, CANARY.encode("utf-16-le")) == []


def test_sigkill_during_writes_loses_nothing_acknowledged(
    session: Session, paths: DataPaths
) -> None:
    session.lock()
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from app.paths import DataPaths
        from app.reports import AttachmentInput, ReportService
        from support import sample
        from app.session import unlock
        s = unlock(DataPaths(Path({str(paths.root)!r})), None, {PASSPHRASE!r})
        service = ReportService(s.db, s.user, s.audit)
        seed = 3
        i = 0
        while True:
            view = service.create_draft(sample(seed, i), [AttachmentInput(
                f"p{{i}}.bin", "application/octet-stream", bytes([i % 256]) * 20000)])
            print(view.report_id, flush=True)  # acknowledged: the write has returned
            i += 1
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).parent.parent,
    )
    assert proc.stdout is not None
    acknowledged = []
    while len(acknowledged) < 40:
        line = proc.stdout.readline()
        assert line, "writer died early"
        acknowledged.append(line.decode().strip())
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    acknowledged += [ln.decode().strip() for ln in proc.stdout.readlines() if ln.strip()]

    with unlock(paths, None, PASSPHRASE) as s:
        assert s.db.execute("PRAGMA integrity_check") == [("ok",)]
        service = ReportService(s.db, s.user)
        for report_id in acknowledged:
            assert service.get(report_id).status == "draft"
        assert s.audit.verify().ok


def test_attachment_round_trip(session: Session) -> None:
    service = ReportService(session.db, session.user, session.audit)
    blob = os.urandom(100_000)
    view = service.create_draft(sample(5, 1), [AttachmentInput("scan.png", "image/png", blob)])
    ref = view.report["attachments"][-1]
    assert ref["filename"] == "scan.png" and ref["size"] == len(blob)
    assert service.attachment_bytes(ref["sha256"]) == blob
