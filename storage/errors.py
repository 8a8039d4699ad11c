"""Errors raised by the storage layer.

Every message says what failed, why, and what to do next; none ever contains report content,
keys or passphrases.
"""


class StorageError(Exception):
    """Base class for storage failures a person can act on."""


class InstallationExists(StorageError):
    """Refusing to create a store where one already exists."""


class DatabaseMissing(StorageError):
    """The database file is not where the key-slot file says it should be."""


class DatabaseCorrupt(StorageError):
    """The database file is damaged (truncated, unreadable or failing its checks)."""


class DatabaseTooNew(StorageError):
    """The database was written by a newer program than this one."""


class StoreClosed(StorageError):
    """The store was locked or closed; unlock again to continue."""


class NotFound(StorageError):
    """A requested row does not exist."""
