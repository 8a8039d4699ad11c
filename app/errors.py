"""Errors of the application layer. Each message tells a person what failed and what to do."""


class OutpostError(Exception):
    """A failure the user can act on (shown as one line by the CLI, a dialog by the GUI)."""


class NotAllowed(OutpostError):
    """The action breaks a rule (role, four eyes, life cycle)."""


class InvalidInput(OutpostError):
    """Input that cannot be used as given."""
