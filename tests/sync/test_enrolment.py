"""Enrolling from the client against the real portal: the code's role is checked before it
is spent, and a key certified with the wrong role is replaced with one command.

Finding: enrolling with a code of the wrong role spent the code and certified the key on
the portal while the client refused it locally; the right code then failed with
`key-already-enrolled` and nothing said how to recover.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from support import FAST_KDF, PASSPHRASE, ok_cli, run_cli
from sync_support import provisioning_doc

from app.domain import Role
from app.errors import NotAllowed
from app.identity import install_portal_certificate, signing_key
from app.paths import DataPaths
from app.provisioning import apply_provisioning, parse_provisioning
from app.roles import certified_role
from app.session import NewUser, initialise, unlock
from portal.registry import hash_code
from portal.tables import certificates, enrolment_codes, revocations
from services.portal import enrol_user, portal_client
from sync.protocol import public_key_raw
from sync.transport import Problem
from tests.portal_server import PortalServer


def _spent(portal: PortalServer, code: str) -> bool:
    with portal.db.read() as conn:
        used = conn.execute(
            sa.select(enrolment_codes.c.used_at).where(
                enrolment_codes.c.code_hash == hash_code(code)
            )
        ).scalar_one()
    return used is not None


def _certified_keys(portal: PortalServer, user_id: str) -> int:
    with portal.db.read() as conn:
        return int(
            conn.execute(
                sa.select(sa.func.count()).where(certificates.c.user_id == user_id)
            ).scalar_one()
        )


def _installation(root: Path, portal: PortalServer, agency: str) -> DataPaths:
    paths = DataPaths(root)
    prov = parse_provisioning(provisioning_doc(portal, agency))
    with initialise(paths, NewUser("ben", Role.OFP, agency), PASSPHRASE, kdf=FAST_KDF) as s:
        apply_provisioning(s.db, s.audit, s.user.id, prov)
    return paths


def test_a_code_of_the_wrong_role_is_refused_and_not_spent(
    tmp_path: Path, live_portal: PortalServer
) -> None:
    agency = live_portal.new_agency()
    paths = _installation(tmp_path / "post", live_portal, agency)
    officer_code = live_portal.code(agency, "officer")
    with unlock(paths, "ben", PASSPHRASE) as s:
        with pytest.raises(Problem) as refused:
            enrol_user(s, officer_code)
        assert refused.value.slug == "enrolment-code-mismatch"
        assert "not used" in refused.value.detail
        assert _certified_keys(live_portal, s.user.id) == 0
        assert not _spent(live_portal, officer_code)
        assert certified_role(s.db, s.user) is Role.OFFICER
        ofp_code = live_portal.code(agency, "ofp")
        assert "enrolled as ofp" in enrol_user(s, ofp_code)
        assert certified_role(s.db, s.user) is Role.OFP


def test_a_key_certified_with_the_wrong_role_is_replaced_with_one_command(
    tmp_path: Path,
    live_portal: PortalServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    agency = live_portal.new_agency()
    paths = _installation(tmp_path / "post", live_portal, agency)
    with unlock(paths, "ben", PASSPHRASE) as s:
        user_id = s.user.id
        old_key = signing_key(s.db, s.user)
        # What an older client did: enrol without saying which role it expects.
        with portal_client(s, signed=False) as client:
            answer = client.enrol(live_portal.code(agency, "officer"), user_id,
                                  public_key_raw(old_key))  # fmt: skip
        with pytest.raises(NotAllowed, match="enrolled you as officer"):
            install_portal_certificate(s.db, s.user, s.audit, answer.certificate)
        with pytest.raises(Problem) as again:
            enrol_user(s, live_portal.code(agency, "ofp"))
        assert again.value.slug == "key-already-enrolled"
        assert "outpost enrol --replace" in str(again.value)
    root = str(paths.root)
    pass_file = tmp_path / "pass"
    pass_file.write_text(PASSPHRASE)
    out = ok_cli(capsys, "--data-dir", root, "enrol", "--replace", live_portal.code(agency, "ofp"),
                 "--user", "ben", "--passphrase-file", str(pass_file))  # fmt: skip
    assert "revokes your current key" in out and "certified as ofp" in out
    with unlock(paths, "ben", PASSPHRASE) as s:
        assert certified_role(s.db, s.user) is Role.OFP
        new_key = signing_key(s.db, s.user)
        assert public_key_raw(new_key) != public_key_raw(old_key)
    with live_portal.db.read() as conn:
        revoked = conn.execute(sa.select(revocations.c.key_id)).scalars().all()
    from sync.protocol import key_id_of

    assert key_id_of(old_key) in revoked and key_id_of(new_key) not in revoked
    assert _certified_keys(live_portal, user_id) == 2
    code, _, err = run_cli(capsys, "--data-dir", root, "enrol", "--replace",
                           live_portal.code(agency, "ofp"), "--user", "ben",
                           "--passphrase-file", str(pass_file))  # fmt: skip
    assert code == 0, err  # a second replacement is signed by the new key
