"""Roles come from certificates: an officer cannot become a focal point by any local path.

Finding: in Settings an officer could add a local user with the focal-point role, unlock as
it and "approve" their own report; the list showed Approved until the portal refused it.
Each test is one way an officer with the installation (and even with its database key)
tries it; none may produce a decision, and every refusal says what to do.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from support import AGENCY, FAST_KDF, PASSPHRASE, certify, ok_cli, run_cli, sample

from app.domain import Role
from app.errors import NotAllowed
from app.paths import DataPaths
from app.reports import ReportService
from app.roles import certified_role, role_state
from app.session import NewUser, Session, initialise, unlock
from app.workflow import ReleaseSettings, Workflow
from storage.envelopes_repo import EnvelopeRepository
from storage.identity_repo import IdentityRepository
from storage.keyslots import WrongPassphrase
from sync.protocol import Certificate, generate_private_key, issue_certificate

RELEASE = ReleaseSettings("AMBER", False, "MOU-1", ("MYS",), tlp_reason="test")
OTHER_PASS = "second passphrase here"


def _submitted(s: Session) -> str:
    report_id = ReportService(s.db, s.user, s.audit).create_draft(sample(7, 0)).report_id
    Workflow(s.db, s.user, s.audit).submit(report_id)
    return report_id


def _decisions(s: Session) -> int:
    return sum(
        1
        for row in s.db.execute("SELECT hash FROM envelopes")
        if EnvelopeRepository(s.db).get(str(row[0])).type == "approval"
    )


@pytest.fixture
def officer_install(paths: DataPaths) -> DataPaths:
    with initialise(paths, NewUser("ana", Role.OFFICER, AGENCY), PASSPHRASE, kdf=FAST_KDF) as s:
        certify(s.db, s.audit)  # ana is a certified officer
    return paths


def test_a_focal_point_added_by_an_officer_is_only_requested(officer_install: DataPaths) -> None:
    with unlock(officer_install, "ana", PASSPHRASE) as s:
        report_id = _submitted(s)
        s.add_user(NewUser("ana.fp", Role.OFP, AGENCY), OTHER_PASS)
    with unlock(officer_install, "ana.fp", OTHER_PASS) as s:
        state = role_state(s.db, s.user)
        assert (state.requested, state.certified, state.pending) == (Role.OFP, Role.OFFICER, True)
        flow = Workflow(s.db, s.user, s.audit)
        with pytest.raises(NotAllowed, match="not certified that yet: enrol with a focal-point"):
            flow.approve(report_id, RELEASE)
        with pytest.raises(NotAllowed):
            flow.review_queue()
        allowed, why = flow.can_decide(ReportService(s.db, s.user, s.audit).get(report_id))
        assert not allowed and "enrol" in why
        assert _decisions(s) == 0
        assert ReportService(s.db, s.user, s.audit).get(report_id).status == "queued"


def test_the_command_line_says_the_role_waits_for_the_portal(
    officer_install: DataPaths, capsys: pytest.CaptureFixture[str], tmp_path: object
) -> None:
    from pathlib import Path

    new_pass = Path(str(tmp_path)) / "pass"
    new_pass.write_text(OTHER_PASS)
    root = str(officer_install.root)
    own = Path(str(tmp_path)) / "own"
    own.write_text(PASSPHRASE)
    out = ok_cli(capsys, "--data-dir", root, "user", "add", "ben", "--role", "ofp",
                 "--user", "ana", "--passphrase-file", str(own),
                 "--new-passphrase-file", str(new_pass))  # fmt: skip
    assert "takes effect when the portal certifies it" in out
    listing = json.loads(ok_cli(capsys, "--data-dir", root, "user", "list", "--json",
                                "--user", "ana", "--passphrase-file", str(own)))  # fmt: skip
    ben = next(u for u in listing if u["name"] == "ben")
    assert (ben["role"], ben["requested_role"]) == ("officer", "ofp")
    code, _, err = run_cli(capsys, "--data-dir", root, "review", "list", "--user", "ben",
                           "--passphrase-file", str(new_pass))  # fmt: skip
    assert code != 0 and "enrol with a focal-point code" in err


def _tamper(paths: DataPaths, db_key: bytes, sql: str, params: tuple[object, ...] = ()) -> None:
    """What someone holding the database key can do: any SQL at all."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(paths.database))
    conn.execute(f"PRAGMA key = \"x'{db_key.hex()}'\"")
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def test_editing_the_database_with_its_key_does_not_make_a_focal_point(
    officer_install: DataPaths,
) -> None:
    with unlock(officer_install, "ana", PASSPHRASE) as s:
        key = s.db_key()
        user_id = s.user.id
        (key_id,) = [r[0] for r in s.db.execute("SELECT key_id FROM user_keys")]
        cert_body = IdentityRepository(s.db).certificate(key_id).body  # type: ignore[union-attr]
    # 1. The stored role.
    _tamper(officer_install, key, "UPDATE users SET role='ofp' WHERE id=?", (user_id,))
    # 2. The certificate row's role column and its JSON (the portal's signature breaks).
    forged = json.loads(cert_body)
    forged["role"] = "ofp"
    _tamper(
        officer_install, key, "UPDATE certificates SET role='ofp', body=? WHERE key_id=?",
        (json.dumps(forged), key_id),
    )  # fmt: skip
    with unlock(officer_install, "ana", PASSPHRASE) as s:
        assert certified_role(s.db, s.user) is Role.OFFICER
        report_id = _submitted_by_colleague(s)
        with pytest.raises(NotAllowed):
            Workflow(s.db, s.user, s.audit).approve(report_id, RELEASE)
        assert _decisions(s) == 0
    # 3. A certificate signed by a key this installation does not trust.
    rogue = generate_private_key()
    now = datetime.now(UTC).replace(microsecond=0)
    public = Certificate.from_json(json.loads(cert_body)).public_key
    fake = issue_certificate(
        public_key=public, user_id=user_id, agency=AGENCY, role="ofp",
        not_before=now - timedelta(minutes=1), not_after=now + timedelta(days=30), serial=9,
        issuer_key=rogue,
    )  # fmt: skip
    _tamper(
        officer_install, key, "UPDATE certificates SET body=?, self_signed=0 WHERE key_id=?",
        (fake.to_bytes().decode(), key_id),
    )  # fmt: skip
    with unlock(officer_install, "ana", PASSPHRASE) as s:
        assert certified_role(s.db, s.user) is Role.OFFICER


def _submitted_by_colleague(s: Session) -> str:
    """A colleague's queued report on the same installation (the officer is not its author)."""
    s.add_user(NewUser(f"colleague{len(s.users())}", Role.OFFICER, AGENCY), OTHER_PASS)
    name = f"colleague{len(s.users()) - 1}"
    with unlock(s.paths, name, OTHER_PASS) as colleague:
        return _submitted(colleague)


def test_another_users_portal_certificate_does_not_lend_its_role(paths: DataPaths) -> None:
    with initialise(paths, NewUser("ana", Role.OFFICER, AGENCY), PASSPHRASE, kdf=FAST_KDF) as s:
        s.add_user(NewUser("ben", Role.OFP, AGENCY), OTHER_PASS)
        certify(s.db, s.audit)
        key = s.db_key()
        query = "SELECT u.name, k.key_id FROM users u JOIN user_keys k ON k.user_id = u.id"
        rows = dict(s.db.execute(query))
    # Point ana's key row at ben's certified key id: the certificate is for another user.
    swap = "UPDATE user_keys SET key_id=? WHERE key_id=?"
    _tamper(paths, key, swap, (rows["ben"] + "x", rows["ben"]))
    _tamper(paths, key, swap, (rows["ben"], rows["ana"]))
    with unlock(paths, "ana", PASSPHRASE) as s:
        assert certified_role(s.db, s.user) is Role.OFFICER


def test_a_relabelled_key_slot_does_not_open_as_the_focal_point(paths: DataPaths) -> None:
    from storage.keyslots import KeySlotFile

    with initialise(paths, NewUser("ana", Role.OFFICER, AGENCY), PASSPHRASE, kdf=FAST_KDF) as s:
        s.add_user(NewUser("ben", Role.OFP, AGENCY), OTHER_PASS)
        certify(s.db, s.audit)
    document = json.loads(paths.keyslots.read_text())
    slots = KeySlotFile.load(paths.keyslots)
    ana_slot, ben_slot = slots.resolve_slot_id("ana"), slots.resolve_slot_id("ben")
    # Give ana's slot (which ana's passphrase opens) ben's slot id.
    for slot in document["slots"]:
        if slot["id"] == ben_slot:
            slot["id"] = "0" * 32
    for slot in document["slots"]:
        if slot["id"] == ana_slot:
            slot["id"] = ben_slot
    paths.keyslots.write_text(json.dumps(document))
    with pytest.raises(WrongPassphrase):
        unlock(paths, "ben", PASSPHRASE).lock()
