"""Key-slot file: wrapping, unwrapping, damage detection, atomic saving and throttling."""

from __future__ import annotations

import base64
import json
import os
import stat
import unicodedata
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from storage.atomic import atomic_write_bytes
from storage.keyslots import (
    AmbiguousUser,
    DuplicateUser,
    KdfParams,
    KeySlotError,
    KeySlotFile,
    KeySlotFileCorrupt,
    KeySlotFileMissing,
    LastPassphraseSlot,
    NoRecoverySlot,
    RecoveryKeyMismatch,
    UnknownUser,
    UnlockThrottle,
    UnsupportedKeySlotVersion,
    WrongPassphrase,
    recovery_fingerprint,
)

CHEAP = KdfParams(iterations=1, lanes=1, memory_kib=8192)
TINY = KdfParams(iterations=1, lanes=1, memory_kib=64)  # for tests running hundreds of unwraps
CANARY = "Zebulon-Canary-Quixotic"
PW_A = "correct horse battery staple"
PW_B = "Tr0ub4dor&3 but longer"


def _key() -> bytes:
    return os.urandom(32)


def _two_users(db_key: bytes, params: KdfParams = CHEAP) -> KeySlotFile:
    return (
        KeySlotFile.create(uuid.uuid4().hex)
        .with_passphrase_slot("alice", PW_A, db_key, params)
        .with_passphrase_slot("bob", PW_B, db_key, params)
    )


def _doc(ks: KeySlotFile) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(ks.to_bytes())
    return doc


def _from_doc(doc: dict[str, Any]) -> KeySlotFile:
    return KeySlotFile.from_bytes(json.dumps(doc).encode())


def _flip(b64_text: str, index: int) -> str:
    raw = bytearray(base64.b64decode(b64_text))
    raw[index] ^= 0x01
    return base64.b64encode(bytes(raw)).decode()


# -- round trips -------------------------------------------------------------------------------


def test_round_trip_through_disk(tmp_path: Path) -> None:
    db_key = _key()
    path = tmp_path / "keyslots.json"
    ks = KeySlotFile.create(uuid.uuid4().hex).with_passphrase_slot("alice", PW_A, db_key, CHEAP)
    ks.save(path)
    loaded = KeySlotFile.load(path)
    assert loaded == ks
    assert loaded.db_id == ks.db_id
    assert loaded.unwrap("alice", PW_A) == db_key
    assert loaded.unwrap(None, PW_A) == db_key
    assert loaded.to_bytes() == path.read_bytes()  # deterministic serialisation
    assert loaded.has_user("alice")
    assert not loaded.has_user("bob")
    assert loaded.passphrase_slot_count() == 1


def test_default_params_work() -> None:
    db_key = _key()
    ks = KeySlotFile.create(uuid.uuid4().hex).with_passphrase_slot("alice", PW_A, db_key)
    assert _doc(ks)["slots"][0]["kdf"] == {
        "alg": "argon2id",
        "iterations": 3,
        "lanes": 4,
        "memory_kib": 65536,
        "salt": _doc(ks)["slots"][0]["kdf"]["salt"],
    }
    assert ks.unwrap("alice", PW_A) == db_key


def test_two_users_each_unwrap_with_their_own_passphrase() -> None:
    db_key = _key()
    ks = _two_users(db_key)
    assert ks.unwrap("alice", PW_A) == db_key
    assert ks.unwrap("bob", PW_B) == db_key
    with pytest.raises(WrongPassphrase):
        ks.unwrap("alice", PW_B)
    with pytest.raises(WrongPassphrase):
        ks.unwrap("bob", PW_A)
    with pytest.raises(AmbiguousUser):
        ks.unwrap(None, PW_A)
    with pytest.raises(UnknownUser):
        ks.unwrap("carol", PW_A)
    assert ks.passphrase_slot_count() == 2


def test_user_names_are_normalised() -> None:
    db_key = _key()
    composed = unicodedata.normalize("NFC", "José")
    decomposed = unicodedata.normalize("NFD", "JOSÉ")
    assert composed != decomposed
    ks = KeySlotFile.create(uuid.uuid4().hex).with_passphrase_slot(composed, PW_A, db_key, CHEAP)
    assert ks.has_user(decomposed)
    assert ks.unwrap(decomposed, PW_A) == db_key
    with pytest.raises(DuplicateUser):
        ks.with_passphrase_slot("josé", PW_B, db_key, CHEAP)


def test_passphrase_is_nfc_normalised() -> None:
    db_key = _key()
    pw = unicodedata.normalize("NFD", "crème brûlée sur la plage")
    ks = KeySlotFile.create(uuid.uuid4().hex).with_passphrase_slot("a", pw, db_key, CHEAP)
    assert ks.unwrap("a", unicodedata.normalize("NFC", pw)) == db_key


def test_adding_a_slot_with_another_key_is_refused() -> None:
    ks = _two_users(_key())
    with pytest.raises(ValueError, match="not the key"):
        ks.with_passphrase_slot("carol", PW_A, _key(), CHEAP)
    with pytest.raises(ValueError, match="not the key"):
        ks.with_recovery_slot(X25519PrivateKey.generate().public_key(), _key())
    empty = KeySlotFile.create(uuid.uuid4().hex)
    with pytest.raises(ValueError, match="32 bytes"):
        empty.with_passphrase_slot("carol", PW_A, b"short", CHEAP)
    with pytest.raises(ValueError, match="passphrase is empty"):
        empty.with_passphrase_slot("carol", "", _key(), CHEAP)
    with pytest.raises(ValueError, match="user name is empty"):
        empty.with_passphrase_slot(" ", PW_A, _key(), CHEAP)
    with pytest.raises(ValueError, match="db_id"):
        KeySlotFile.create("not-a-uuid")


def test_slot_holding_another_key_is_damage() -> None:
    db_id = uuid.uuid4().hex
    agency = X25519PrivateKey.generate()
    mine = KeySlotFile.create(db_id).with_passphrase_slot("alice", PW_A, _key(), CHEAP)
    mine = mine.with_recovery_slot(agency.public_key(), mine.unwrap("alice", PW_A))
    theirs = KeySlotFile.create(db_id).with_passphrase_slot("bob", PW_B, _key(), CHEAP)
    doc = _doc(mine)
    doc["key_check"] = _doc(theirs)["key_check"]
    mixed = _from_doc(doc)
    with pytest.raises(KeySlotFileCorrupt, match="key_check"):
        mixed.unwrap("alice", PW_A)
    with pytest.raises(KeySlotFileCorrupt, match="key_check"):
        mixed.unwrap_recovery(agency)


# -- failures leave files alone ----------------------------------------------------------------


def test_wrong_passphrase_fails_and_leaves_the_file_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "keyslots.json"
    _two_users(_key()).save(path)
    before = path.read_bytes()
    before_stat = path.stat()
    ks = KeySlotFile.load(path)
    with pytest.raises(WrongPassphrase) as info:
        ks.unwrap("alice", "not the passphrase")
    message = str(info.value)
    assert "wrong passphrase (or the key-slot file was altered)" in message
    assert "not the passphrase" not in message
    assert "alice" not in message
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == before_stat.st_mtime_ns
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keyslots.json"]


# -- removing and changing slots ---------------------------------------------------------------


def test_removing_one_users_slot_keeps_the_other_working() -> None:
    db_key = _key()
    ks = _two_users(db_key).without_slot("alice")
    assert ks.unwrap("bob", PW_B) == db_key
    assert ks.unwrap(None, PW_B) == db_key
    assert not ks.has_user("alice")
    with pytest.raises(UnknownUser):
        ks.unwrap("alice", PW_A)
    with pytest.raises(UnknownUser):
        ks.without_slot("alice")


def test_refuses_to_remove_the_last_passphrase_slot() -> None:
    db_key = _key()
    agency = X25519PrivateKey.generate()
    ks = (
        KeySlotFile.create(uuid.uuid4().hex)
        .with_passphrase_slot("alice", PW_A, db_key, CHEAP)
        .with_recovery_slot(agency.public_key(), db_key)
    )
    with pytest.raises(LastPassphraseSlot, match="only passphrase slot"):
        ks.without_slot("alice")
    assert ks.unwrap("alice", PW_A) == db_key


def test_change_passphrase_rewrites_only_that_slot(tmp_path: Path) -> None:
    db_key = _key()
    path = tmp_path / "keyslots.json"
    ks = _two_users(db_key)
    ks.save(path)
    before = path.read_bytes()

    changed = KeySlotFile.load(path).with_changed_passphrase("alice", PW_A, "new pass", CHEAP)
    changed.save(path)
    after = path.read_bytes()

    old_doc, new_doc = json.loads(before), json.loads(after)
    assert new_doc["slots"][1] == old_doc["slots"][1]  # bob's slot, same position
    assert new_doc["slots"][0]["id"] == old_doc["slots"][0]["id"]
    assert new_doc["slots"][0]["wrapped_key"] != old_doc["slots"][0]["wrapped_key"]
    assert new_doc["slots"][0]["kdf"]["salt"] != old_doc["slots"][0]["kdf"]["salt"]
    # Bob's slot is byte-identical in the file, not only equal after parsing.
    bob_text = json.dumps(old_doc["slots"][1], indent=2).replace("\n", "\n    ").encode()
    assert bob_text in before and bob_text in after
    assert {k: v for k, v in new_doc.items() if k != "slots"} == {
        k: v for k, v in old_doc.items() if k != "slots"
    }

    reloaded = KeySlotFile.load(path)
    assert reloaded.unwrap("alice", "new pass") == db_key
    assert reloaded.unwrap("bob", PW_B) == db_key
    with pytest.raises(WrongPassphrase):
        reloaded.unwrap("alice", PW_A)


def test_change_passphrase_needs_the_old_one() -> None:
    ks = _two_users(_key())
    with pytest.raises(WrongPassphrase):
        ks.with_changed_passphrase("alice", PW_B, "new pass", CHEAP)
    with pytest.raises(UnknownUser):
        ks.with_changed_passphrase("carol", PW_A, "new pass", CHEAP)


# -- recovery slot -----------------------------------------------------------------------------


def test_recovery_unwrap_and_wrong_recovery_key(tmp_path: Path) -> None:
    db_key = _key()
    agency = X25519PrivateKey.generate()
    path = tmp_path / "keyslots.json"
    _two_users(db_key).with_recovery_slot(agency.public_key(), db_key).save(path)
    ks = KeySlotFile.load(path)
    assert ks.unwrap_recovery(agency) == db_key
    assert ks.recovery_fingerprint == recovery_fingerprint(agency.public_key())
    assert ks.unwrap("alice", PW_A) == db_key  # recovery slot does not disturb user lookup

    impostor = X25519PrivateKey.generate()
    with pytest.raises(RecoveryKeyMismatch) as info:
        ks.unwrap_recovery(impostor)
    assert recovery_fingerprint(impostor.public_key()) in str(info.value)
    assert ks.recovery_fingerprint in str(info.value)


def test_recovery_slot_is_unique_and_can_be_rotated() -> None:
    db_key = _key()
    old, new = X25519PrivateKey.generate(), X25519PrivateKey.generate()
    ks = _two_users(db_key)
    with pytest.raises(NoRecoverySlot):
        ks.unwrap_recovery(old)
    ks = ks.with_recovery_slot(old.public_key(), db_key)
    with pytest.raises(KeySlotError, match="already has a recovery slot"):
        ks.with_recovery_slot(new.public_key(), db_key)
    rotated = ks.with_recovery_slot(new.public_key(), db_key, replace=True)
    assert len(rotated.slots) == 3
    assert rotated.unwrap_recovery(new) == db_key
    with pytest.raises(RecoveryKeyMismatch):
        rotated.unwrap_recovery(old)


def test_altered_recovery_slot_is_reported_as_damage() -> None:
    db_key = _key()
    agency = X25519PrivateKey.generate()
    doc = _doc(_two_users(db_key).with_recovery_slot(agency.public_key(), db_key))
    for name, length in (("nonce", 12), ("wrapped_key", 48), ("ephemeral_public", 32)):
        for index in range(length):
            edited = json.loads(json.dumps(doc))
            edited["slots"][2][name] = _flip(doc["slots"][2][name], index)
            with pytest.raises(KeySlotFileCorrupt, match="recovery slot"):
                _from_doc(edited).unwrap_recovery(agency)


# -- binding to file and user ------------------------------------------------------------------


def test_slot_copied_into_another_file_fails() -> None:
    db_key = _key()
    agency = X25519PrivateKey.generate()
    doc = _doc(_two_users(db_key).with_recovery_slot(agency.public_key(), db_key))
    other = json.loads(json.dumps(doc))
    other["db_id"] = uuid.uuid4().hex
    moved = _from_doc(other)
    with pytest.raises(WrongPassphrase):
        moved.unwrap("alice", PW_A)
    with pytest.raises(KeySlotFileCorrupt):
        moved.unwrap_recovery(agency)

    # A slot pasted into a separate installation's file with its own key and users.
    target = _doc(
        KeySlotFile.create(uuid.uuid4().hex).with_passphrase_slot("eve", "eve pass", _key(), CHEAP)
    )
    target["slots"] = [doc["slots"][0]]
    with pytest.raises(WrongPassphrase):
        _from_doc(target).unwrap(None, PW_A)


def test_slot_relabelled_as_another_user_fails() -> None:
    doc = _doc(_two_users(_key()))
    alice, bob = doc["slots"][0]["id"], doc["slots"][1]["id"]
    doc["slots"][0]["id"], doc["slots"][1]["id"] = bob, alice
    swapped = _from_doc(doc)
    with pytest.raises(WrongPassphrase):
        swapped.unwrap("bob", PW_A)
    with pytest.raises(WrongPassphrase):
        swapped.unwrap("alice", PW_B)


# -- tampering ---------------------------------------------------------------------------------


def test_editing_any_byte_of_nonce_salt_or_ciphertext_fails() -> None:
    db_key = _key()
    doc = _doc(_two_users(db_key, TINY))
    targets: list[tuple[Callable[[dict[str, Any]], dict[str, Any]], str, int]] = [
        (lambda s: s, "nonce", 12),
        (lambda s: s, "wrapped_key", 48),
        (lambda s: s["kdf"], "salt", 16),
    ]
    for pick, name, length in targets:
        for index in range(length):
            edited = json.loads(json.dumps(doc))
            holder = pick(edited["slots"][0])
            holder[name] = _flip(holder[name], index)
            with pytest.raises((WrongPassphrase, KeySlotFileCorrupt)):
                _from_doc(edited).unwrap("alice", PW_A)
    assert _from_doc(doc).unwrap("alice", PW_A) == db_key  # the untouched copy still works


def test_no_single_character_edit_yields_a_wrong_key() -> None:
    db_key = _key()
    data = _two_users(db_key, TINY).to_bytes()
    outcomes = {"error": 0, "same key": 0}
    for index in range(len(data)):
        edited = bytearray(data)
        edited[index] = ord("A") if data[index] != ord("A") else ord("B")
        try:
            key = KeySlotFile.from_bytes(bytes(edited)).unwrap("alice", PW_A)
        except KeySlotError:
            outcomes["error"] += 1
        else:
            assert key == db_key
            outcomes["same key"] += 1
    assert outcomes["error"] > len(data) // 2  # most edits must be caught


# -- malformed files ---------------------------------------------------------------------------


def _valid_doc() -> dict[str, Any]:
    return _doc(_two_users(_key(), TINY))


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def apply(doc: dict[str, Any]) -> None:
        target: Any = doc
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return apply


def _delete(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def apply(doc: dict[str, Any]) -> None:
        target: Any = doc
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]

    return apply


B64_11 = base64.b64encode(b"x" * 11).decode()
B64_47 = base64.b64encode(b"x" * 47).decode()

EDITS: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "no format": (_delete(("format",)), "field 'format'"),
    "other format": (_set(("format",), "something-else"), "field 'format'"),
    "no db_id": (_delete(("db_id",)), "field 'db_id' is missing"),
    "bad db_id": (_set(("db_id",), "not-hex"), "field 'db_id'"),
    "no slots": (_delete(("slots",)), "field 'slots' is missing"),
    "slots not list": (_set(("slots",), {}), "field 'slots' is not a list"),
    "extra field": (_set(("extra",), 1), "unexpected field 'extra'"),
    "bad name_salt": (_set(("name_salt",), "%%%"), "field 'name_salt' is not valid base64"),
    "null key_check": (_set(("key_check",), None), "'key_check' is null"),
    "slot not object": (_set(("slots", 0), 7), "slot 1: not a JSON object"),
    "slot no nonce": (_delete(("slots", 1, "nonce")), "slot 2: field 'nonce' is missing"),
    "slot bad nonce": (_set(("slots", 1, "nonce"), "@@@@"), "slot 2: field 'nonce' is not valid"),
    "short nonce": (_set(("slots", 0, "nonce"), B64_11), "is 11 bytes, expected 12"),
    "short wrapped": (_set(("slots", 0, "wrapped_key"), B64_47), "is 47 bytes, expected 48"),
    "unknown kind": (_set(("slots", 0, "kind"), "fingerprint"), "field 'kind'"),
    "bad id": (_set(("slots", 0, "id"), "alice"), "field 'id'"),
    "bool lanes": (_set(("slots", 0, "kdf", "lanes"), True), "'lanes' is not an integer"),
    "zero iterations": (_set(("slots", 0, "kdf", "iterations"), 0), "iterations must be"),
    "huge memory": (_set(("slots", 0, "kdf", "memory_kib"), 2**40), "memory_kib must be"),
    "other alg": (_set(("slots", 0, "kdf", "alg"), "scrypt"), "field 'alg'"),
    "no kdf": (_delete(("slots", 0, "kdf")), "field 'kdf' is missing"),
    "duplicate id": (lambda d: d["slots"].append(d["slots"][0]), "same id"),
    "string version": (_set(("version",), "1"), "field 'version' is not an integer"),
}


@pytest.mark.parametrize("case", sorted(EDITS))
def test_malformed_file_is_corrupt(case: str, tmp_path: Path) -> None:
    edit, expected = EDITS[case]
    doc = _valid_doc()
    edit(doc)
    path = tmp_path / "keyslots.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(KeySlotFileCorrupt) as info:
        KeySlotFile.load(path)
    message = str(info.value)
    assert expected in message
    assert str(path) in message
    assert "The database was not touched" in message


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"{not json",
        b"[]",
        b"\xff\xfe{}",
        b'{"format": "outpost-keyslots", "format": "outpost-keyslots", "version": 1}',
        b'{"format": "outpost-keyslots", "version": NaN}',
    ],
)
def test_unparseable_file_is_corrupt(data: bytes) -> None:
    with pytest.raises(KeySlotFileCorrupt):
        KeySlotFile.from_bytes(data)


def test_non_canonical_base64_is_corrupt() -> None:
    doc = _valid_doc()
    salt = doc["slots"][0]["kdf"]["salt"]
    assert salt.endswith("==")
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    last = salt[-3]
    # Same decoded bytes, different text: the unused low bits of the last character differ.
    twin = alphabet[alphabet.index(last) ^ 0x01]
    doc["slots"][0]["kdf"]["salt"] = salt[:-3] + twin + "=="
    assert base64.b64decode(doc["slots"][0]["kdf"]["salt"]) == base64.b64decode(salt)
    with pytest.raises(KeySlotFileCorrupt, match="'salt' is not valid base64"):
        _from_doc(doc)


def test_unsupported_versions() -> None:
    doc = _valid_doc()
    doc["version"] = 2
    with pytest.raises(UnsupportedKeySlotVersion, match="file format version 2"):
        _from_doc(doc)
    doc = _valid_doc()
    doc["slots"][1]["v"] = 2
    doc["slots"][1]["anything"] = "new in v2"  # a newer slot layout is not reported as damage
    with pytest.raises(UnsupportedKeySlotVersion, match="slot 2"):
        _from_doc(doc)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "keyslots.json"
    with pytest.raises(KeySlotFileMissing) as info:
        KeySlotFile.load(path)
    assert str(path) in str(info.value)
    assert not path.exists()


# -- privacy -----------------------------------------------------------------------------------


def test_user_name_never_appears_in_the_file_or_messages(tmp_path: Path) -> None:
    db_key = _key()
    path = tmp_path / "keyslots.json"
    ks = (
        KeySlotFile.create(uuid.uuid4().hex)
        .with_passphrase_slot(CANARY, PW_A, db_key, CHEAP)
        .with_passphrase_slot("bob", PW_B, db_key, CHEAP)
        .with_recovery_slot(X25519PrivateKey.generate().public_key(), db_key)
    )
    ks.save(path)
    data = path.read_bytes().lower()
    for form in (CANARY, CANARY.casefold(), CANARY.upper()):
        assert form.lower().encode() not in data
        assert base64.b64encode(form.encode()).lower() not in data
    assert PW_A.encode() not in data
    assert db_key.hex().encode() not in data

    messages = []
    for attempt in (
        lambda: ks.unwrap(CANARY, "wrong"),
        lambda: ks.unwrap(CANARY + "x", PW_A),
        lambda: ks.with_passphrase_slot(CANARY, PW_A, db_key, CHEAP),
    ):
        with pytest.raises(KeySlotError) as info:
            attempt()
        messages.append(str(info.value))
    for message in messages:
        assert CANARY.casefold() not in message.casefold()
        assert db_key.hex() not in message


# -- atomic write ------------------------------------------------------------------------------


def test_atomic_write_leaves_no_temp_files_and_sets_mode(tmp_path: Path) -> None:
    path = tmp_path / "keyslots.json"
    path.write_bytes(b"old")
    path.chmod(0o644)
    old_umask = os.umask(0)
    try:
        atomic_write_bytes(path, b"new content")
        _two_users(_key()).save(tmp_path / "other.json")
    finally:
        os.umask(old_umask)
    assert path.read_bytes() == b"new content"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "other.json").stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keyslots.json", "other.json"]


def test_atomic_write_applies_the_requested_mode(tmp_path: Path) -> None:
    path = tmp_path / "shared.bin"
    old_umask = os.umask(0o077)
    try:
        atomic_write_bytes(path, b"x", mode=0o640)
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_atomic_write_failure_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "occupied"
    target.mkdir()
    (target / "child").write_bytes(b"keep")
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"data")  # cannot replace a non-empty directory
    assert sorted(p.name for p in tmp_path.iterdir()) == ["occupied"]
    assert (target / "child").read_bytes() == b"keep"


def test_save_failure_is_reported_and_previous_file_kept(tmp_path: Path) -> None:
    path = tmp_path / "keyslots.json"
    ks = _two_users(_key())
    ks.save(path)
    before = path.read_bytes()
    with pytest.raises(KeySlotError, match="could not be written"):
        ks.save(tmp_path / "missing-dir" / "keyslots.json")
    assert path.read_bytes() == before


# -- throttle ----------------------------------------------------------------------------------


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_throttle_delays_grow_cap_and_reset() -> None:
    fake = FakeTime()
    throttle = UnlockThrottle(clock=fake.clock, sleep=fake.sleep)
    waits = []
    for _ in range(10):
        before = len(fake.slept)
        throttle.before_attempt("slot-a")
        waits.append(fake.slept[-1] if len(fake.slept) > before else 0.0)
        throttle.record_failure("slot-a")
    assert waits == [0.0, 0.0, 0.0, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0]

    # Other slots are independent; success resets.
    assert throttle.remaining("slot-b") == 0.0
    throttle.before_attempt("slot-a")
    throttle.record_success("slot-a")
    assert throttle.remaining("slot-a") == 0.0
    slept = len(fake.slept)
    throttle.before_attempt("slot-a")
    assert len(fake.slept) == slept


def test_throttle_counts_time_already_passed() -> None:
    fake = FakeTime()
    throttle = UnlockThrottle(clock=fake.clock, sleep=fake.sleep)
    for _ in range(5):
        throttle.record_failure("s")
    assert throttle.remaining("s") == 4.0
    fake.now += 3.0
    assert throttle.remaining("s") == 1.0
    throttle.before_attempt("s")
    assert fake.slept == [1.0]
    fake.now += 10.0
    throttle.before_attempt("s")
    assert fake.slept == [1.0]


def test_throttle_with_real_unwrap() -> None:
    fake = FakeTime()
    throttle = UnlockThrottle(clock=fake.clock, sleep=fake.sleep)
    db_key = _key()
    ks = _two_users(db_key)
    slot = ks.resolve_slot_id("alice")
    assert slot != ks.resolve_slot_id("bob")
    for attempt in ("x", "y", "z", PW_A):
        throttle.before_attempt(slot)
        try:
            assert ks.unwrap("alice", attempt) == db_key
        except WrongPassphrase:
            throttle.record_failure(slot)
        else:
            throttle.record_success(slot)
    assert fake.slept == [1.0]
    assert throttle.remaining(slot) == 0.0
