"""Development wiring for `make run`: provision a fresh installation for the local portal and
enrol its demo users with the codes `cli/run_local.py` issued. Never used by a shipped front
end on its own: `make run` passes it in."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from app.identity import signing_key
from app.provisioning import portal_settings
from app.session import Session
from services.portal import portal_client

log = logging.getLogger(__name__)


def provision_and_enrol(session: Session, provisioning: Path, codes: Mapping[str, str]) -> None:
    """Connects an installation to a portal and enrols its local users with one-time codes
    (user name -> code). Used by `make run`'s local portal; a user already enrolled, or one
    whose code was already spent, is left as is."""
    from app.identity import install_portal_certificate, is_enrolled
    from app.provisioning import apply_provisioning, read_provisioning
    from storage.users_repo import UserRepository
    from sync.protocol import public_key_raw
    from sync.transport import Problem

    if portal_settings(session.db) is None:
        prov = read_provisioning(provisioning)
        apply_provisioning(session.db, session.audit, session.user.id, prov)
    with portal_client(session, signed=False) as client:
        for user in UserRepository(session.db).active():
            code = codes.get(user.name)
            if code is None or is_enrolled(session.db, user):
                continue
            key = signing_key(session.db, user)
            try:
                answer = client.enrol(code, user.id, public_key_raw(key))
            except Problem as exc:
                log.warning("enrolment of a local user failed: %s", exc.slug)
                continue
            install_portal_certificate(session.db, user, session.audit, answer.certificate)
