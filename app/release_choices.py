"""Whom a focal point may release to, from the portal directory kept on this device
(GET /v1/directory, app/directory.py): member states (those with an agency on the portal)
and agencies. A code typed that the directory does not know is refused before signing; with
no directory on the device yet, typed codes are taken as they are, with a warning."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from app import codelists
from app.errors import InvalidInput
from app.i18n import country_name
from resources.i18n import _
from storage.database import Database
from storage.directory_repo import DirectoryRepository


@dataclass(frozen=True)
class ReleaseChoices:
    states: tuple[tuple[str, str], ...]  # (code, name in the user's language)
    agencies: tuple[tuple[str, str], ...]  # (code, name)
    known: bool  # a directory has been fetched onto this device

    def unknown(self, states: Collection[str], agencies: Collection[str]) -> list[str]:
        """The typed codes the directory does not know (none when there is no directory)."""
        if not self.known:
            return []
        have_states = {code for code, _name in self.states}
        have_agencies = {code for code, _name in self.agencies}
        return [s for s in states if s not in have_states] + [
            a for a in agencies if a not in have_agencies
        ]

    def check(self, states: Collection[str], agencies: Collection[str]) -> tuple[str, ...]:
        """Raises InvalidInput for codes outside the directory; returns the warnings to show
        (typed codes not checked, for want of a directory)."""
        unknown = self.unknown(states, agencies)
        if unknown:
            raise InvalidInput(
                _(
                    "Not in the portal directory: {codes}. Choose member states and agencies "
                    "from the directory, or refresh it when online."
                ).format(codes=", ".join(unknown))
            )
        if not self.known and (states or agencies):
            return (
                _(
                    "There is no copy of the portal directory on this device yet: the member "
                    "states and agencies typed are not checked against it."
                ),
            )
        return ()


def release_choices(db: Database) -> ReleaseChoices:
    repo = DirectoryRepository(db)
    agencies = repo.agencies()
    # Member states are those of the member-state agencies (partners are no state).
    states = sorted({a.member_state for a in agencies if not a.third_party})

    def state_name(code: str) -> str:
        english = codelists.label("countries", code)
        return code if english == code else country_name(english)

    return ReleaseChoices(
        states=tuple((code, state_name(code)) for code in states),
        agencies=tuple((a.code, a.name) for a in agencies),
        known=repo.fetched_at() is not None,
    )
