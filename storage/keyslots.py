"""Key slots: the database key, wrapped once per local user plus an optional agency slot.

The SQLCipher database is opened with one random 32-byte raw key (the *database key*). This
module keeps that key in ``keyslots.json`` beside the database, wrapped once per local user
(*passphrase slots*) and optionally once to the agency's X25519 recovery public key (the
*recovery slot*, at most one). Changing a passphrase rewrites one slot; the database is never
re-encrypted. The recovery slot lives in the same file, so back the file up.

File format, version 1
======================

UTF-8 JSON, one object, no duplicate keys, no fields other than those listed. "b64" means
standard base64 with padding (RFC 4648 section 4), canonical encoding only; lengths are of the
decoded bytes. Integers are JSON integers (not booleans)::

    {
      "format": "outpost-keyslots",      constant
      "version": 1,                      file format version
      "db_id": "<32 lowercase hex>",     uuid4().hex of the installation's database
      "name_salt": "<b64, 16 bytes>",    random per file; key of the slot-id HMAC
      "key_check": "<b64, 32 bytes>" | null,
      "slots": [ <slot>, ... ]           in creation order
    }

``key_check`` = HMAC-SHA256(key=database key, msg=b"outpost/keyslot-check/v1" || db_id as
ASCII); it is null only while the file has no slots. Adding a slot with a different database
key is refused, and a slot that decrypts to another key is reported as damage, so two slots can
never silently hold different keys. (It reveals nothing: the database key is 256 random bits.)

Passphrase slot::

    {
      "v": 1,                            slot version
      "kind": "passphrase",
      "id": "<32 lowercase hex>",        see "Slot identity"
      "kdf": {"alg": "argon2id", "iterations": int, "lanes": int, "memory_kib": int,
              "salt": "<b64, 16 bytes>"},
      "nonce": "<b64, 12 bytes>",
      "wrapped_key": "<b64, 48 bytes>"   AES-256-GCM ciphertext (32) || tag (16)
    }

KEK = Argon2id(secret = UTF-8 of the NFC-normalised passphrase, salt, iterations, lanes,
memory_kib, length 32). wrapped_key = AES-256-GCM(KEK, nonce, database key, AAD).

Recovery slot::

    {
      "v": 1,
      "kind": "recovery",
      "id": "recovery",
      "recipient_public": "<b64, 32 bytes>",      agency X25519 public key, raw
      "recipient_fingerprint": "<64 lowercase hex>", SHA-256 of the raw public key
      "ephemeral_public": "<b64, 32 bytes>",      X25519, raw, fresh per wrap
      "nonce": "<b64, 12 bytes>",
      "wrapped_key": "<b64, 48 bytes>"
    }

shared = X25519(ephemeral private, recipient public); KEK = HKDF-SHA256(shared, length 32,
salt = ephemeral_public || recipient_public, info = b"outpost/keyslot-recovery/v1");
wrapped_key = AES-256-GCM(KEK, nonce, database key, AAD).

AAD, for both kinds, binds a slot to its file and place: the concatenation, for each of
``"outpost-keyslots"``, ``"1"`` (file version), db_id, ``"1"`` (slot "v"), slot id, slot kind,
of a 4-byte big-endian length followed by the UTF-8 bytes. A slot copied into another file
(other db_id) or re-labelled as another user's fails its tag.

Slot identity
-------------

A passphrase slot's id is the first 32 hex characters of HMAC-SHA256(key=name_salt,
msg=UTF-8 of the NFC-normalised, casefolded user name). The file never holds a user name in
plaintext, so it does not turn up in backups, greps or support bundles. This hides names from
casual reading only: whoever has the file can still test a guessed name.

Failed unlocks never write anything; see :class:`UnlockThrottle` for how repeated wrong
passphrases slow down.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import re
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, NoReturn

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from storage.atomic import atomic_write_bytes
from storage.errors import StorageError

FORMAT_NAME: Final = "outpost-keyslots"
FORMAT_VERSION: Final = 1
SLOT_VERSION: Final = 1
KEYSLOTS_FILENAME: Final = "keyslots.json"

KIND_PASSPHRASE: Final = "passphrase"
KIND_RECOVERY: Final = "recovery"
RECOVERY_SLOT_ID: Final = "recovery"

DB_KEY_BYTES: Final = 32
_SALT_BYTES: Final = 16
_NONCE_BYTES: Final = 12
_WRAPPED_BYTES: Final = DB_KEY_BYTES + 16  # ciphertext || GCM tag
_X25519_BYTES: Final = 32
_KEY_CHECK_BYTES: Final = 32
_SLOT_ID_HEX: Final = 32
_RECOVERY_INFO: Final = b"outpost/keyslot-recovery/v1"
_KEY_CHECK_INFO: Final = b"outpost/keyslot-check/v1"

_HEX32 = re.compile(r"[0-9a-f]{32}")
_HEX64 = re.compile(r"[0-9a-f]{64}")

# Bounds checked on load too: a tampered file must not make unlocking eat all memory or hang.
_MAX_ITERATIONS: Final = 100
_MAX_LANES: Final = 64
_MAX_MEMORY_KIB: Final = 1024 * 1024  # 1 GiB


# -- errors ------------------------------------------------------------------------------------


class KeySlotError(StorageError):
    """Base class for key-slot failures. Messages never contain names, passphrases or keys."""


class WrongPassphrase(KeySlotError):
    """The passphrase did not open the slot (or the slot was altered: AES-GCM cannot tell)."""


class UnknownUser(KeySlotError):
    """No passphrase slot for that user name."""


class AmbiguousUser(KeySlotError):
    """No user name was given, but there are several passphrase slots."""


class DuplicateUser(KeySlotError):
    """The user already has a passphrase slot."""


class LastPassphraseSlot(KeySlotError):
    """Refusing to remove the only passphrase slot."""


class NoRecoverySlot(KeySlotError):
    """Recovery was asked for, but the file has no recovery slot."""


class KeySlotFileMissing(KeySlotError):
    """The key-slot file does not exist."""


class KeySlotFileCorrupt(KeySlotError):
    """The key-slot file is structurally damaged or a slot fails its integrity checks."""


class UnsupportedKeySlotVersion(KeySlotError):
    """The file or a slot was written in a format version this program does not know."""


class RecoveryKeyMismatch(KeySlotError):
    """The recovery private key given is not the one the recovery slot was made for."""


# -- parameters and slots ----------------------------------------------------------------------


def _kdf_params_problem(iterations: int, lanes: int, memory_kib: int) -> str | None:
    if not 1 <= iterations <= _MAX_ITERATIONS:
        return f"iterations must be 1..{_MAX_ITERATIONS}, got {iterations}"
    if not 1 <= lanes <= _MAX_LANES:
        return f"lanes must be 1..{_MAX_LANES}, got {lanes}"
    if not 8 * lanes <= memory_kib <= _MAX_MEMORY_KIB:
        return f"memory_kib must be {8 * lanes}..{_MAX_MEMORY_KIB}, got {memory_kib}"
    return None


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The defaults took about 0.12 s on the reference machine."""

    iterations: int = 3
    lanes: int = 4
    memory_kib: int = 65536

    def __post_init__(self) -> None:
        problem = _kdf_params_problem(self.iterations, self.lanes, self.memory_kib)
        if problem is not None:
            raise ValueError(f"Invalid Argon2id parameters: {problem}.")


DEFAULT_KDF_PARAMS: Final = KdfParams()


@dataclass(frozen=True)
class PassphraseSlot:
    id: str
    salt: bytes
    params: KdfParams
    nonce: bytes
    wrapped_key: bytes


@dataclass(frozen=True)
class RecoverySlot:
    recipient_public: bytes
    ephemeral_public: bytes
    nonce: bytes
    wrapped_key: bytes

    @property
    def id(self) -> str:
        return RECOVERY_SLOT_ID

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.recipient_public).hexdigest()


Slot = PassphraseSlot | RecoverySlot


def recovery_fingerprint(public: X25519PublicKey) -> str:
    """SHA-256 of the raw public key, lowercase hex: what the agency compares out of band."""
    return hashlib.sha256(_raw_public(public)).hexdigest()


# -- the file ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeySlotFile:
    """An immutable key-slot file. Every change returns a new object; call :meth:`save`.

    Build with :meth:`create`, :meth:`load` or :meth:`from_bytes`, not the constructor.
    """

    db_id: str
    name_salt: bytes
    key_check: bytes | None
    slots: tuple[Slot, ...]
    # Where the file came from, only to make messages point at it.
    source: Path | None = field(default=None, compare=False, repr=False)

    # -- construction and persistence --------------------------------------------------------

    @classmethod
    def create(cls, db_id: str) -> KeySlotFile:
        """A new file without slots for the database ``db_id`` (``uuid.uuid4().hex``)."""
        if not isinstance(db_id, str) or not _HEX32.fullmatch(db_id):
            raise ValueError("db_id must be 32 lowercase hex characters (uuid.uuid4().hex).")
        return cls(db_id, os.urandom(_SALT_BYTES), None, ())

    @classmethod
    def load(cls, path: Path) -> KeySlotFile:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise KeySlotFileMissing(
                f"The key-slot file {path} does not exist, so the database cannot be unlocked. "
                f"The database was not touched. Restore {path.name} from a backup into "
                f"{path.parent}."
            ) from None
        except OSError as exc:
            raise KeySlotError(
                f"The key-slot file {path} could not be read ({exc.strerror or exc}). "
                "Check that it is a file and that this account may read it, then try again."
            ) from exc
        return cls.from_bytes(data, source=path)

    @classmethod
    def from_bytes(cls, data: bytes, source: Path | None = None) -> KeySlotFile:
        return _Parser(source).parse(data)

    def to_bytes(self) -> bytes:
        """The file content. Deterministic: unchanged slots serialise to identical bytes."""
        doc = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "db_id": self.db_id,
            "name_salt": _b64(self.name_salt),
            "key_check": None if self.key_check is None else _b64(self.key_check),
            "slots": [_slot_to_json(slot) for slot in self.slots],
        }
        return (json.dumps(doc, indent=2, ensure_ascii=True) + "\n").encode("utf-8")

    def save(self, path: Path) -> None:
        """Write atomically (temp file, fsync, rename, fsync directory), mode 0o600."""
        try:
            atomic_write_bytes(path, self.to_bytes(), mode=0o600)
        except OSError as exc:
            raise KeySlotError(
                f"The key-slot file {path} could not be written ({exc.strerror or exc}). "
                "The previous file, if any, is unchanged. Free disk space or fix the folder's "
                "permissions, then try again."
            ) from exc

    # -- queries -----------------------------------------------------------------------------

    def slot_id_for(self, user_name: str) -> str:
        """The slot id for ``user_name`` in this file (whether or not such a slot exists)."""
        normalised = unicodedata.normalize("NFC", user_name).casefold()
        if not normalised.strip():
            raise ValueError("The user name is empty.")
        digest = hmac.new(self.name_salt, normalised.encode("utf-8"), hashlib.sha256)
        return digest.hexdigest()[:_SLOT_ID_HEX]

    def resolve_slot_id(self, user_name: str | None) -> str:
        """The id of the slot :meth:`unwrap` would use; a good key for :class:`UnlockThrottle`."""
        return self._passphrase_slot(user_name)[1].id

    def has_user(self, user_name: str) -> bool:
        slot_id = self.slot_id_for(user_name)
        return any(isinstance(s, PassphraseSlot) and s.id == slot_id for s in self.slots)

    def passphrase_slot_count(self) -> int:
        return sum(isinstance(s, PassphraseSlot) for s in self.slots)

    @property
    def recovery_fingerprint(self) -> str | None:
        slot = self._recovery_slot()
        return None if slot is None else slot.fingerprint

    # -- changes -----------------------------------------------------------------------------

    def with_passphrase_slot(
        self,
        user_name: str,
        passphrase: str,
        db_key: bytes,
        params: KdfParams = DEFAULT_KDF_PARAMS,
    ) -> KeySlotFile:
        key_check = self._checked_new_key(db_key)
        slot_id = self.slot_id_for(user_name)
        if any(s.id == slot_id for s in self.slots):
            raise DuplicateUser(
                "This user already has a key slot, so none was added. Change the passphrase "
                "instead, or remove the user's slot first."
            )
        slot = self._wrap_passphrase(slot_id, passphrase, db_key, params)
        return self._replace(key_check, (*self.slots, slot))

    def without_slot(self, user_name: str) -> KeySlotFile:
        index, _ = self._passphrase_slot(user_name)
        if self.passphrase_slot_count() == 1:
            raise LastPassphraseSlot(
                "This is the only passphrase slot, so it was not removed: without it nobody "
                "could unlock the database with a passphrase. Add another user's slot first."
            )
        return self._replace(self.key_check, self.slots[:index] + self.slots[index + 1 :])

    def with_changed_passphrase(
        self,
        user_name: str,
        old_passphrase: str,
        new_passphrase: str,
        params: KdfParams = DEFAULT_KDF_PARAMS,
    ) -> KeySlotFile:
        """Verify ``old_passphrase`` and rewrap this user's slot alone, in the same position."""
        index, slot = self._passphrase_slot(user_name)
        db_key = self._unwrap_passphrase(index, slot, old_passphrase)
        new_slot = self._wrap_passphrase(slot.id, new_passphrase, db_key, params)
        slots = (*self.slots[:index], new_slot, *self.slots[index + 1 :])
        return self._replace(self.key_check, slots)

    def with_reset_passphrase(
        self,
        user_name: str,
        new_passphrase: str,
        db_key: bytes,
        params: KdfParams = DEFAULT_KDF_PARAMS,
    ) -> KeySlotFile:
        """Rewrap (or create) this user's slot with a new passphrase, given the database key.

        Used after unlocking with the agency recovery key, when the old passphrase is lost.
        """
        key_check = self._checked_new_key(db_key)
        slot_id = self.slot_id_for(user_name)
        new_slot = self._wrap_passphrase(slot_id, new_passphrase, db_key, params)
        if not any(s.id == slot_id for s in self.slots):
            return self._replace(key_check, (*self.slots, new_slot))
        slots = tuple(new_slot if s.id == slot_id else s for s in self.slots)
        return self._replace(key_check, slots)

    def with_recovery_slot(
        self, recipient_public: X25519PublicKey, db_key: bytes, *, replace: bool = False
    ) -> KeySlotFile:
        """Add the agency recovery slot; ``replace=True`` swaps an existing one (key rotation)."""
        key_check = self._checked_new_key(db_key)
        existing = self._recovery_slot()
        if existing is not None and not replace:
            raise KeySlotError(
                f"The file already has a recovery slot (agency key {existing.fingerprint}), so "
                "none was added. Pass replace=True to rotate to the new agency key."
            )
        slot = _wrap_recovery(self.db_id, _raw_public(recipient_public), db_key)
        if existing is None:
            return self._replace(key_check, (*self.slots, slot))
        slots = tuple(slot if s is existing else s for s in self.slots)
        return self._replace(key_check, slots)

    # -- unwrapping --------------------------------------------------------------------------

    def unwrap(self, user_name: str | None, passphrase: str) -> bytes:
        """The database key. ``user_name=None`` selects the only passphrase slot."""
        index, slot = self._passphrase_slot(user_name)
        return self._unwrap_passphrase(index, slot, passphrase)

    def unwrap_recovery(self, private: X25519PrivateKey) -> bytes:
        slot = self._recovery_slot()
        if slot is None:
            raise NoRecoverySlot(
                f"{self._where()} has no agency recovery slot, so the recovery key cannot "
                "unlock it. Unlock with a user's passphrase, or restore a key-slot file that "
                "has a recovery slot from a backup."
            )
        if _raw_public(private.public_key()) != slot.recipient_public:
            given = recovery_fingerprint(private.public_key())
            raise RecoveryKeyMismatch(
                f"The recovery key given (fingerprint {given}) is not the agency key this "
                f"installation's recovery slot was made for (fingerprint {slot.fingerprint}). "
                "Nothing was changed. Use the agency recovery key with that fingerprint."
            )
        try:
            ephemeral = X25519PublicKey.from_public_bytes(slot.ephemeral_public)
            shared = private.exchange(ephemeral)
        except ValueError:  # e.g. a low-order point put in by an editor of the file
            self._corrupt("recovery slot: 'ephemeral_public' is not a usable X25519 key")
        kek = _recovery_kek(shared, slot.ephemeral_public, slot.recipient_public)
        aad = _aad(self.db_id, slot.id, KIND_RECOVERY)
        try:
            db_key = AESGCM(kek).decrypt(slot.nonce, slot.wrapped_key, aad)
        except InvalidTag:
            self._corrupt(
                "the recovery slot does not decrypt with its own agency key, so it was altered "
                "or copied from another installation",
                advice="Restore it from a backup, or unlock with a user's passphrase.",
            )
        self._verify_key(db_key, "recovery slot")
        return db_key

    # -- internals ---------------------------------------------------------------------------

    def _replace(self, key_check: bytes | None, slots: tuple[Slot, ...]) -> KeySlotFile:
        return KeySlotFile(self.db_id, self.name_salt, key_check, slots, self.source)

    def _where(self) -> str:
        return "The key-slot file" + ("" if self.source is None else f" {self.source}")

    def _corrupt(self, detail: str, advice: str | None = None) -> NoReturn:
        raise KeySlotFileCorrupt(_damaged(self.source, detail, advice))

    def _recovery_slot(self) -> RecoverySlot | None:
        return next((s for s in self.slots if isinstance(s, RecoverySlot)), None)

    def _passphrase_slot(self, user_name: str | None) -> tuple[int, PassphraseSlot]:
        found = [(i, s) for i, s in enumerate(self.slots) if isinstance(s, PassphraseSlot)]
        if user_name is None:
            if len(found) == 1:
                return found[0]
            if not found:
                raise UnknownUser(
                    f"{self._where()} has no passphrase slots. Unlock with the agency recovery "
                    "key, or restore the file from a backup."
                )
            raise AmbiguousUser(
                f"{self._where()} has {len(found)} passphrase slots, so a user name is needed "
                "to pick one. Enter your user name and try again."
            )
        slot_id = self.slot_id_for(user_name)
        for index, slot in found:
            if slot.id == slot_id:
                return index, slot
        raise UnknownUser(
            f"{self._where()} has no key slot for this user name. Check the spelling, or ask a "
            "user who has a slot to add one for you."
        )

    def _checked_new_key(self, db_key: bytes) -> bytes:
        """The key_check after adding a slot for ``db_key``; refuses a different key."""
        if len(db_key) != DB_KEY_BYTES:
            raise ValueError(f"The database key must be {DB_KEY_BYTES} bytes.")
        check = _key_check(db_key, self.db_id)
        if self.key_check is not None and not hmac.compare_digest(check, self.key_check):
            raise ValueError(
                "This is not the key the existing slots wrap; no slot was added. Add slots only "
                "with the key unwrapped from this file."
            )
        return check

    def _verify_key(self, db_key: bytes, what: str) -> None:
        if self.key_check is None or not hmac.compare_digest(
            _key_check(db_key, self.db_id), self.key_check
        ):
            self._corrupt(f"{what} holds a key that does not match 'key_check'")

    def _wrap_passphrase(
        self, slot_id: str, passphrase: str, db_key: bytes, params: KdfParams
    ) -> PassphraseSlot:
        if not passphrase:
            raise ValueError("The passphrase is empty.")
        salt = os.urandom(_SALT_BYTES)
        nonce = os.urandom(_NONCE_BYTES)
        kek = _passphrase_kek(passphrase, salt, params)
        wrapped = AESGCM(kek).encrypt(nonce, db_key, _aad(self.db_id, slot_id, KIND_PASSPHRASE))
        return PassphraseSlot(slot_id, salt, params, nonce, wrapped)

    def _unwrap_passphrase(self, index: int, slot: PassphraseSlot, passphrase: str) -> bytes:
        kek = _passphrase_kek(passphrase, slot.salt, slot.params)
        aad = _aad(self.db_id, slot.id, KIND_PASSPHRASE)
        try:
            db_key = AESGCM(kek).decrypt(slot.nonce, slot.wrapped_key, aad)
        except InvalidTag:
            raise WrongPassphrase(
                "Unlock failed: wrong passphrase (or the key-slot file was altered). Nothing "
                "was changed. Check the passphrase (keyboard layout, Caps Lock) and try again, "
                "or unlock with the agency recovery key."
            ) from None
        self._verify_key(db_key, f"slot {index + 1}")
        return db_key


# -- crypto helpers ----------------------------------------------------------------------------


def _aad(db_id: str, slot_id: str, kind: str) -> bytes:
    parts = (FORMAT_NAME, str(FORMAT_VERSION), db_id, str(SLOT_VERSION), slot_id, kind)
    encoded = [p.encode("utf-8") for p in parts]
    # Length prefixes keep the encoding unambiguous whatever the fields contain.
    return b"".join(len(p).to_bytes(4, "big") + p for p in encoded)


def _passphrase_kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    # NFC so the same passphrase typed on systems that compose accents differently still works.
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret)


def _recovery_kek(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=ephemeral_public + recipient_public,
        info=_RECOVERY_INFO,
    )
    return hkdf.derive(shared)


def _wrap_recovery(db_id: str, recipient_public: bytes, db_key: bytes) -> RecoverySlot:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _raw_public(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    kek = _recovery_kek(shared, ephemeral_public, recipient_public)
    nonce = os.urandom(_NONCE_BYTES)
    wrapped = AESGCM(kek).encrypt(nonce, db_key, _aad(db_id, RECOVERY_SLOT_ID, KIND_RECOVERY))
    return RecoverySlot(recipient_public, ephemeral_public, nonce, wrapped)


def _key_check(db_key: bytes, db_id: str) -> bytes:
    return hmac.new(db_key, _KEY_CHECK_INFO + db_id.encode("ascii"), hashlib.sha256).digest()


def _raw_public(public: X25519PublicKey) -> bytes:
    return public.public_bytes(Encoding.Raw, PublicFormat.Raw)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# -- serialisation -----------------------------------------------------------------------------


def _slot_to_json(slot: Slot) -> dict[str, Any]:
    if isinstance(slot, PassphraseSlot):
        return {
            "v": SLOT_VERSION,
            "kind": KIND_PASSPHRASE,
            "id": slot.id,
            "kdf": {
                "alg": "argon2id",
                "iterations": slot.params.iterations,
                "lanes": slot.params.lanes,
                "memory_kib": slot.params.memory_kib,
                "salt": _b64(slot.salt),
            },
            "nonce": _b64(slot.nonce),
            "wrapped_key": _b64(slot.wrapped_key),
        }
    return {
        "v": SLOT_VERSION,
        "kind": KIND_RECOVERY,
        "id": slot.id,
        "recipient_public": _b64(slot.recipient_public),
        "recipient_fingerprint": slot.fingerprint,
        "ephemeral_public": _b64(slot.ephemeral_public),
        "nonce": _b64(slot.nonce),
        "wrapped_key": _b64(slot.wrapped_key),
    }


def _damaged(source: Path | None, detail: str, advice: str | None = None) -> str:
    name = KEYSLOTS_FILENAME if source is None else source.name
    where = "The key-slot file" + ("" if source is None else f" {source}")
    if advice is None:
        advice = (
            f"Restore {name} from a backup, or ask the agency administrator to unlock the "
            "database with the agency recovery key."
        )
    return f"{where} is damaged ({detail}). The database was not touched. {advice}"


class _DuplicateKey(ValueError):
    pass


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not allowed")


class _Parser:
    """Strict reader for format version 1; every problem names the field it is about."""

    _TOP = frozenset({"format", "version", "db_id", "name_salt", "key_check", "slots"})
    _PASSPHRASE = frozenset({"v", "kind", "id", "kdf", "nonce", "wrapped_key"})
    _KDF = frozenset({"alg", "iterations", "lanes", "memory_kib", "salt"})
    _RECOVERY = frozenset(
        {
            "v",
            "kind",
            "id",
            "recipient_public",
            "recipient_fingerprint",
            "ephemeral_public",
            "nonce",
            "wrapped_key",
        }
    )

    def __init__(self, source: Path | None) -> None:
        self.source = source

    def fail(self, detail: str) -> NoReturn:
        raise KeySlotFileCorrupt(_damaged(self.source, detail))

    def unsupported(self, what: str, version: int) -> NoReturn:
        where = "The key-slot file" + ("" if self.source is None else f" {self.source}")
        raise UnsupportedKeySlotVersion(
            f"{where} {what} version {version}, but this Outpost reads only version 1. It was "
            "probably written by a newer Outpost. Nothing was changed. Update Outpost to a "
            "release that reads it."
        )

    def parse(self, data: bytes) -> KeySlotFile:
        try:
            doc = json.loads(
                data.decode("utf-8"),
                object_pairs_hook=_reject_duplicates,
                parse_constant=_reject_constant,
            )
        except UnicodeDecodeError:
            self.fail("not valid UTF-8")
        except _DuplicateKey as exc:
            self.fail(f"field '{exc}' appears twice")
        except ValueError as exc:
            self.fail(f"not valid JSON: {exc}")
        if not isinstance(doc, dict):
            self.fail("the top level is not a JSON object")
        if doc.get("format") != FORMAT_NAME:
            self.fail(f"field 'format' is not \"{FORMAT_NAME}\"")
        version = self.integer(doc, "version", "")
        if version != FORMAT_VERSION:
            self.unsupported("has file format", version)
        self.exact_fields(doc, self._TOP, "")
        db_id = self.text(doc, "db_id", "")
        if not _HEX32.fullmatch(db_id):
            self.fail("field 'db_id' is not 32 lowercase hex characters")
        name_salt = self.b64(doc, "name_salt", "", _SALT_BYTES)
        key_check = None
        if doc["key_check"] is not None:
            key_check = self.b64(doc, "key_check", "", _KEY_CHECK_BYTES)
        raw_slots = doc["slots"]
        if not isinstance(raw_slots, list):
            self.fail("field 'slots' is not a list")
        slots = tuple(self.slot(raw, f"slot {n}: ") for n, raw in enumerate(raw_slots, 1))
        ids = [slot.id for slot in slots]
        if len(set(ids)) != len(ids):
            self.fail("two slots have the same id")
        if slots and key_check is None:
            self.fail("field 'key_check' is null although there are slots")
        return KeySlotFile(db_id, name_salt, key_check, slots, self.source)

    def slot(self, raw: object, where: str) -> Slot:
        if not isinstance(raw, dict):
            self.fail(f"{where}not a JSON object")
        version = self.integer(raw, "v", where)
        if version != SLOT_VERSION:
            self.unsupported(f"has a slot ({where.rstrip(': ')}) in slot format", version)
        kind = self.text(raw, "kind", where)
        if kind == KIND_PASSPHRASE:
            return self.passphrase_slot(raw, where)
        if kind == KIND_RECOVERY:
            return self.recovery_slot(raw, where)
        self.fail(f'{where}field \'kind\' is neither "passphrase" nor "recovery"')

    def passphrase_slot(self, raw: dict[str, Any], where: str) -> PassphraseSlot:
        self.exact_fields(raw, self._PASSPHRASE, where)
        slot_id = self.text(raw, "id", where)
        if not _HEX32.fullmatch(slot_id):
            self.fail(f"{where}field 'id' is not 32 lowercase hex characters")
        kdf = raw["kdf"]
        if not isinstance(kdf, dict):
            self.fail(f"{where}field 'kdf' is not a JSON object")
        kdf_where = f"{where}kdf: "
        self.exact_fields(kdf, self._KDF, kdf_where)
        if kdf["alg"] != "argon2id":
            self.fail(f"{kdf_where}field 'alg' is not \"argon2id\"")
        iterations = self.integer(kdf, "iterations", kdf_where)
        lanes = self.integer(kdf, "lanes", kdf_where)
        memory_kib = self.integer(kdf, "memory_kib", kdf_where)
        problem = _kdf_params_problem(iterations, lanes, memory_kib)
        if problem is not None:
            self.fail(f"{kdf_where}{problem}")
        return PassphraseSlot(
            id=slot_id,
            salt=self.b64(kdf, "salt", kdf_where, _SALT_BYTES),
            params=KdfParams(iterations, lanes, memory_kib),
            nonce=self.b64(raw, "nonce", where, _NONCE_BYTES),
            wrapped_key=self.b64(raw, "wrapped_key", where, _WRAPPED_BYTES),
        )

    def recovery_slot(self, raw: dict[str, Any], where: str) -> RecoverySlot:
        self.exact_fields(raw, self._RECOVERY, where)
        if raw["id"] != RECOVERY_SLOT_ID:
            self.fail(f"{where}field 'id' of the recovery slot is not \"{RECOVERY_SLOT_ID}\"")
        slot = RecoverySlot(
            recipient_public=self.b64(raw, "recipient_public", where, _X25519_BYTES),
            ephemeral_public=self.b64(raw, "ephemeral_public", where, _X25519_BYTES),
            nonce=self.b64(raw, "nonce", where, _NONCE_BYTES),
            wrapped_key=self.b64(raw, "wrapped_key", where, _WRAPPED_BYTES),
        )
        fingerprint = self.text(raw, "recipient_fingerprint", where)
        if not _HEX64.fullmatch(fingerprint) or fingerprint != slot.fingerprint:
            self.fail(f"{where}field 'recipient_fingerprint' does not match 'recipient_public'")
        return slot

    def exact_fields(self, obj: dict[str, Any], expected: frozenset[str], where: str) -> None:
        missing = sorted(expected - obj.keys())
        if missing:
            self.fail(f"{where}field '{missing[0]}' is missing")
        extra = sorted(obj.keys() - expected)
        if extra:
            self.fail(f"{where}unexpected field '{extra[0]}'")

    def text(self, obj: dict[str, Any], key: str, where: str) -> str:
        if key not in obj:
            self.fail(f"{where}field '{key}' is missing")
        value = obj[key]
        if not isinstance(value, str):
            self.fail(f"{where}field '{key}' is not a string")
        return value

    def integer(self, obj: dict[str, Any], key: str, where: str) -> int:
        if key not in obj:
            self.fail(f"{where}field '{key}' is missing")
        value = obj[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(f"{where}field '{key}' is not an integer")
        return value

    def b64(self, obj: dict[str, Any], key: str, where: str, length: int) -> bytes:
        text = self.text(obj, key, where)
        try:
            value = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            self.fail(f"{where}field '{key}' is not valid base64")
        # Canonical only, so that no edit of the text can leave the decoded bytes unchanged.
        if _b64(value) != text:
            self.fail(f"{where}field '{key}' is not valid base64")
        if len(value) != length:
            self.fail(f"{where}field '{key}' is {len(value)} bytes, expected {length}")
        return value


# -- throttling --------------------------------------------------------------------------------


class UnlockThrottle:
    """Slows repeated wrong passphrases down, per slot, in this process only.

    Deliberately in memory: a persistent counter would have to write a file on every failed
    unlock, yet a failed unlock must leave every file byte-identical. And an attacker with a
    copy of the files guesses offline, where no counter can reach; the Argon2id cost per guess
    is the real brake. This only stops someone at the keyboard from trying quickly.

    The wait before the next attempt after n consecutive failures is 0, 0, 1, 2, 4, 8, 16, then
    ``cap`` seconds, counted from the last failure. Key it with :meth:`KeySlotFile.resolve_slot_id`
    (a hash, so no user name is held here either).
    """

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        cap: float = 30.0,
    ) -> None:
        self._clock = clock
        self._sleep = sleep
        self._cap = cap
        self._lock = threading.Lock()
        self._failures: dict[str, tuple[int, float]] = {}  # slot key -> (count, time of last)

    def delay_after(self, failures: int) -> float:
        """The required pause after ``failures`` consecutive failures."""
        if failures < 3:
            return 0.0
        return float(min(self._cap, 2.0 ** (failures - 3)))

    def remaining(self, slot_key: str) -> float:
        """Seconds still to wait before the next attempt may start (for a countdown in the UI)."""
        with self._lock:
            count, last = self._failures.get(slot_key, (0, 0.0))
        if count == 0:
            return 0.0
        return max(0.0, last + self.delay_after(count) - self._clock())

    def before_attempt(self, slot_key: str) -> None:
        wait = self.remaining(slot_key)
        if wait > 0:
            self._sleep(wait)

    def record_failure(self, slot_key: str) -> None:
        with self._lock:
            count, _ = self._failures.get(slot_key, (0, 0.0))
            self._failures[slot_key] = (count + 1, self._clock())

    def record_success(self, slot_key: str) -> None:
        with self._lock:
            self._failures.pop(slot_key, None)
