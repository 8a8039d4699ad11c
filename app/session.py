"""Creating an installation, unlocking it, and the unlocked session the GUI and CLI share."""

from __future__ import annotations

import contextlib
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from app.audit import AuditTrail
from app.clock import now_rfc3339
from app.domain import Role
from app.errors import InvalidInput, NotAllowed
from app.identity import ensure_identity
from app.paths import DataPaths
from app.reports import rebuild_search_index
from resources.i18n import _
from storage.database import Database, create_database, new_database_key, open_database
from storage.errors import DatabaseCorrupt, DatabaseMissing, InstallationExists
from storage.keyslots import (
    AmbiguousUser,
    KdfParams,
    KeySlotFile,
    KeySlotFileCorrupt,
    KeySlotFileMissing,
    UnknownUser,
    UnlockThrottle,
    WrongPassphrase,
)
from storage.users_repo import MetaRepository, UserRecord, UserRepository

MIN_PASSPHRASE_LENGTH = 10
SYSTEM_ACTOR = "system"


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise InvalidInput(
            f"The passphrase is too short ({len(passphrase)} characters); use at least "
            f"{MIN_PASSPHRASE_LENGTH}, for example four unrelated words."
        )


def check_user_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned or len(cleaned) > 64 or any(c in cleaned for c in "\r\n\t"):
        raise InvalidInput("A user name must be 1–64 characters on one line.")
    return cleaned


_AGENCY = re.compile(r"[A-Z0-9_-]{2,32}")


def check_agency(code: str) -> str:
    cleaned = code.strip().upper()
    if not _AGENCY.fullmatch(cleaned):
        raise InvalidInput(
            f"'{code}' is not an agency code: use 2–32 letters, digits, '-' or '_', starting "
            "with your member state's ISO code, e.g. THA-IMM (your focal point has it)."
        )
    return cleaned


def parse_role(text: str) -> Role:
    try:
        return Role(text)
    except ValueError:
        allowed = ", ".join(r.value for r in Role)
        raise InvalidInput(f"Unknown role '{text}'; use one of: {allowed}.") from None


@dataclass(frozen=True)
class NewUser:
    name: str
    role: Role
    agency: str


class Session:
    """An unlocked installation and the user who unlocked it.

    Holds the database key in memory only while unlocked: `lock()` closes the database and drops
    the key, after which every service raises StoreClosed until a new unlock.
    """

    def __init__(
        self,
        paths: DataPaths,
        db: Database,
        db_key: bytes,
        keyslots: KeySlotFile,
        user: UserRecord,
        kdf: KdfParams,
    ) -> None:
        self.paths = paths
        self.db = db
        self._db_key: bytearray | None = bytearray(db_key)
        self.keyslots = keyslots
        self.user = user
        self.kdf = kdf
        self.audit = AuditTrail(db)

    @property
    def is_locked(self) -> bool:
        return self._db_key is None or not self.db.is_open

    def db_key(self) -> bytes:
        if self._db_key is None:
            raise NotAllowed("The session is locked; unlock it again with your passphrase.")
        return bytes(self._db_key)

    @property
    def agency(self) -> str:
        return self.user.agency

    def lock(self) -> None:
        """Closes the store and overwrites the key copy we own (best effort in Python)."""
        try:
            if not self.is_locked:
                self.audit.flush()  # the closing entries of coalesced autosaves
        finally:
            if self._db_key is not None:
                for i in range(len(self._db_key)):
                    self._db_key[i] = 0
                self._db_key = None
            self.db.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *_: object) -> None:
        self.lock()

    # -- users of this installation ------------------------------------------------------------

    def users(self) -> list[UserRecord]:
        return UserRepository(self.db).active()

    def add_user(self, new: NewUser, passphrase: str) -> UserRecord:
        name = check_user_name(new.name)
        new = NewUser(name, new.role, check_agency(new.agency))
        check_passphrase(passphrase)
        repo = UserRepository(self.db)
        if repo.exists(name) or self.keyslots.has_user(name):
            raise InvalidInput(f"A local user named '{name}' already exists.")
        record = UserRecord(
            str(uuid.uuid4()), name, new.role.value, new.agency, now_rfc3339(), None
        )
        updated = self.keyslots.with_passphrase_slot(name, passphrase, self.db_key(), self.kdf)
        with self.db.transaction():
            repo.insert(record)
            self.audit.record(
                self.user.id, "user.added", record.id, {"role": record.role, "agency": new.agency}
            )
            ensure_identity(self.db, record, self.audit)
            # The slot file is saved inside the transaction: if saving fails, the user row
            # rolls back with it, so the two never disagree.
            updated.save(self.paths.keyslots)
        self.keyslots = updated
        return record

    def remove_user(self, name: str) -> None:
        repo = UserRepository(self.db)
        target = repo.by_name(name)
        if target.id == self.user.id:
            raise NotAllowed("You cannot remove yourself; unlock as another user to do it.")
        updated = self.keyslots.without_slot(target.name)
        with self.db.transaction():
            repo.mark_removed(target.id, now_rfc3339())
            self.audit.record(self.user.id, "user.removed", target.id, {})
            updated.save(self.paths.keyslots)
        self.keyslots = updated

    def change_passphrase(self, old: str, new: str) -> None:
        check_passphrase(new)
        updated = self.keyslots.with_changed_passphrase(self.user.name, old, new, self.kdf)
        with self.db.transaction():
            self.audit.record(self.user.id, "user.passphrase_changed", self.user.id, {})
            updated.save(self.paths.keyslots)
        self.keyslots = updated


# -- creating and unlocking ------------------------------------------------------------------


def initialise(
    paths: DataPaths,
    first_user: NewUser,
    passphrase: str,
    *,
    recovery_public_key: X25519PublicKey | None = None,
    kdf: KdfParams | None = None,
) -> Session:
    """Creates a new installation with its first user and returns it unlocked.

    The database is built under a temporary name and only renamed into place after its key
    slot is saved, so an interrupted setup never leaves a database nobody can open.
    """
    kdf = kdf or KdfParams()
    name = check_user_name(first_user.name)
    first_user = NewUser(name, first_user.role, check_agency(first_user.agency))
    check_passphrase(passphrase)
    if paths.is_installed():
        raise InstallationExists(
            f"Outpost is already set up in {paths.root}. Unlock it, or choose another data "
            "directory with --data-dir."
        )
    paths.root.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(paths.root, 0o700)
    for leftover in (paths.database_in_setup, *_sidecars(paths.database_in_setup)):
        # No key slot was ever saved for it, so nobody can open it: it is safe to discard.
        leftover.unlink(missing_ok=True)

    db_key = new_database_key()
    keyslots = KeySlotFile.create(uuid.uuid4().hex)
    keyslots = keyslots.with_passphrase_slot(name, passphrase, db_key, kdf)
    if recovery_public_key is not None:
        keyslots = keyslots.with_recovery_slot(recovery_public_key, db_key)

    db = create_database(paths.database_in_setup, db_key)
    try:
        user = UserRecord(
            str(uuid.uuid4()), name, first_user.role.value, first_user.agency, now_rfc3339(), None
        )
        with db.transaction():
            meta = MetaRepository(db)
            meta.set("installation_id", keyslots.db_id)
            meta.set("agency", first_user.agency)
            meta.set("created_at", now_rfc3339())
            UserRepository(db).insert(user)
            trail = AuditTrail(db)
            trail.record(SYSTEM_ACTOR, "installation.created", keyslots.db_id, {})
            trail.record(SYSTEM_ACTOR, "user.added", user.id, {"role": user.role})
            if recovery_public_key is not None:
                trail.record(SYSTEM_ACTOR, "recovery_slot.added", keyslots.db_id, {})
            ensure_identity(db, user, trail)
    finally:
        db.close()
    keyslots.save(paths.keyslots)
    os.replace(paths.database_in_setup, paths.database)
    return _open(paths, db_key, keyslots, name, kdf)


def _sidecars(db_path: Path) -> tuple[Path, Path]:
    return (Path(f"{db_path}-wal"), Path(f"{db_path}-shm"))


def _finish_interrupted_setup(paths: DataPaths) -> None:
    if not paths.database.exists() and paths.database_in_setup.exists():
        os.replace(paths.database_in_setup, paths.database)


def _open(
    paths: DataPaths, db_key: bytes, keyslots: KeySlotFile, user_name: str | None, kdf: KdfParams
) -> Session:
    db = open_database(paths.database, db_key)
    try:
        users = UserRepository(db)
        if user_name is not None:
            user = users.by_name(user_name)
        else:
            matches = [u for u in users.active() if keyslots.has_user(u.name)]
            if len(matches) != 1:
                raise InvalidInput("Several users share this installation; choose one with --user.")
            user = matches[0]
        # Users from before signed submissions existed get their key pair on first unlock.
        ensure_identity(db, user, AuditTrail(db))
        rebuild_search_index(db)  # once, after the upgrade to schema v4
    except BaseException:
        db.close()
        raise
    return Session(paths, db, db_key, keyslots, user, kdf)


_THROTTLE = UnlockThrottle()


def unlock(
    paths: DataPaths,
    user_name: str | None,
    passphrase: str,
    *,
    kdf: KdfParams | None = None,
    throttle: UnlockThrottle | None = None,
) -> Session:
    """Unwraps the database key with the user's passphrase and opens the store.

    A failed attempt changes no file; repeated failures wait longer each time (in-process).
    """
    throttle = throttle or _THROTTLE
    keyslots = KeySlotFile.load(paths.keyslots)
    slot_key = keyslots.resolve_slot_id(user_name)  # a hash: no user name kept in memory
    throttle.before_attempt(slot_key)
    try:
        db_key = keyslots.unwrap(user_name, passphrase)
    except Exception:
        throttle.record_failure(slot_key)
        raise
    throttle.record_success(slot_key)
    _finish_interrupted_setup(paths)
    return _open(paths, db_key, keyslots, user_name, kdf or KdfParams())


def recover_with_agency_key(
    paths: DataPaths,
    recovery_private_key: X25519PrivateKey,
    user_name: str,
    new_passphrase: str,
    *,
    kdf: KdfParams | None = None,
) -> Session:
    """Sets a new passphrase for `user_name` using the agency recovery key; nothing is lost."""
    kdf = kdf or KdfParams()
    check_passphrase(new_passphrase)
    keyslots = KeySlotFile.load(paths.keyslots)
    db_key = keyslots.unwrap_recovery(recovery_private_key)
    session = _open(paths, db_key, keyslots, user_name, kdf)
    try:
        name = session.user.name
        updated = keyslots.with_reset_passphrase(name, new_passphrase, db_key, kdf)
        with session.db.transaction():
            session.audit.record(SYSTEM_ACTOR, "user.passphrase_recovered", session.user.id, {})
            updated.save(paths.keyslots)
        session.keyslots = updated
    except BaseException:
        session.lock()
        raise
    return session


def unlock_wait(paths: DataPaths, user_name: str | None) -> float:
    """Seconds before the next unlock attempt for this user may start (after wrong
    passphrases the wait grows); 0 when an attempt may start now."""
    try:
        keyslots = KeySlotFile.load(paths.keyslots)
        return _THROTTLE.remaining(keyslots.resolve_slot_id(user_name))
    except Exception:  # no file, unknown user: the attempt itself says what is wrong
        return 0.0


def describe_unlock_failure(exc: BaseException, user_name: str | None) -> str:
    """What went wrong with an unlock, in the user's language and in plain words: no file
    paths (they help support, not the person at the keyboard; they are in the log)."""
    if isinstance(exc, WrongPassphrase):
        return _(
            "Wrong passphrase. Nothing was changed. Check the keyboard layout and Caps Lock, "
            "then try again."
        )
    if isinstance(exc, UnknownUser):
        return _(
            "There is no user named “{name}” on this computer. Check the spelling, or ask "
            "someone who can unlock it to add you in Settings."
        ).format(name=user_name or "")
    if isinstance(exc, AmbiguousUser):
        return _("Several people use this computer: enter your user name.")
    if isinstance(exc, KeySlotFileMissing | DatabaseMissing):
        return _(
            "The installation's files are missing from this computer. Restore them from a "
            "backup, or ask your focal point for help."
        )
    if isinstance(exc, KeySlotFileCorrupt | DatabaseCorrupt):
        return _(
            "The installation's files are damaged. Nothing was changed. Restore them from a "
            "backup, or ask your focal point for help."
        )
    if isinstance(exc, InvalidInput | NotAllowed):
        return str(exc)
    return _("Unlocking failed ({kind}). Try again; if it keeps failing, see the log.").format(
        kind=type(exc).__name__
    )
