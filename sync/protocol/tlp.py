"""The TLP 2.0 release rule: who receives an approved report, for every label and audience.

One function for the portal (which enforces it) and the client (which refuses at approval
what the portal would refuse, and warns in the UI), so the two cannot drift apart. FIRST's
TLP 2.0 definitions, applied to the forum (docs/protocol.md §3.7):

- CLEAR: everyone on the portal, third-party organisations included; names no audience.
- GREEN: the community: every agency of the named member states, and the named agencies.
- AMBER: the recipient organisations: agencies of the named states and the named agencies
  (need-to-know inside them).
- AMBER+STRICT: the named agencies only, never a whole member state.
- RED: the named principals only.

A release that names no one (GREEN, AMBER, AMBER+STRICT) stays inside the originating agency.
`third_party` false keeps principals of third-party organisations (partners on the portal
that are not member-state agencies) out of every label but CLEAR.

Pure: no I/O. `release_audience` raises `ReleaseRefused` with a sentence that says what to
choose instead; `may_receive` is the rule for one reader (the portal expresses the same as
an indexed SQL filter over its audience rows).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Final

from sync.protocol.bodies import Release

CLEAR: Final = "CLEAR"
GREEN: Final = "GREEN"
AMBER: Final = "AMBER"
AMBER_STRICT: Final = "AMBER+STRICT"
RED: Final = "RED"


def N_(message: str) -> str:
    """Marks a message for the gettext catalogue (pybabel extracts `N_`); this package may
    import nothing of the project, so the client translates it where it shows it
    (app.workflow.check_release, from `template` and `params`)."""
    return message


class ReleaseRefused(ValueError):
    """A combination of label and audience that the portal cannot honour. The sentence is
    `template` filled with `params` by name (English here; the client translates it)."""

    def __init__(self, template: str, **params: str) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params


@dataclass(frozen=True, slots=True)
class Audience:
    """Who receives a release, beyond the originating agency (which has the report anyway)."""

    everyone: bool = False
    states: frozenset[str] = frozenset()
    agencies: frozenset[str] = frozenset()
    principals: frozenset[str] = frozenset()
    third_parties: bool = False  # may principals of third-party organisations receive it

    @property
    def empty(self) -> bool:
        return not (self.everyone or self.states or self.agencies or self.principals)


@dataclass(frozen=True, slots=True)
class ReaderFacts:
    """What the rule needs to know about one reader: their principal and its agency."""

    principal: str
    agency: str
    member_state: str
    third_party: bool  # the agency is a third-party organisation, not a member-state agency


def release_audience(
    tlp: str,
    *,
    states: Collection[str] = (),
    agencies: Collection[str] = (),
    recipients: Collection[str] = (),
    third_party: bool = False,
) -> Audience:
    """The audience of a release with this label, or ReleaseRefused saying what to choose."""
    named_states, named_agencies, named = (
        frozenset(states),
        frozenset(agencies),
        frozenset(recipients),
    )
    if tlp == CLEAR:
        if named_states or named_agencies or named:
            raise ReleaseRefused(
                N_(
                    "TLP:CLEAR goes to everyone on the portal, so it names no member states, "
                    "agencies or recipients: remove them, or choose GREEN or AMBER to release "
                    "to the ones named only."
                )
            )
        return Audience(everyone=True, third_parties=True)
    if tlp in (GREEN, AMBER):
        if named:
            raise ReleaseRefused(
                N_(
                    "TLP:{label} is released to member states and agencies, not to named "
                    "people: name member states or agencies instead, or choose RED to send it "
                    "to the named recipients only."
                ),
                label=tlp,
            )
        return Audience(states=named_states, agencies=named_agencies, third_parties=third_party)
    if tlp == AMBER_STRICT:
        if named_states:
            raise ReleaseRefused(
                N_(
                    "TLP:AMBER+STRICT is for the named organisations only, never a whole "
                    "member state ({states}): name the agencies instead, or choose AMBER to "
                    "release to every agency of those states."
                ),
                states=", ".join(sorted(named_states)),
            )
        if named:
            raise ReleaseRefused(
                N_(
                    "TLP:AMBER+STRICT is released to named agencies, not to named people: name "
                    "their agencies, or choose RED to send it to the named recipients only."
                )
            )
        return Audience(agencies=named_agencies, third_parties=third_party)
    if tlp == RED:
        if named_states or named_agencies:
            raise ReleaseRefused(
                N_(
                    "TLP:RED goes to named people only, never to a member state or a whole "
                    "agency: choose the recipients by name, or choose AMBER+STRICT (named "
                    "agencies) or AMBER (member states)."
                )
            )
        if not named:
            raise ReleaseRefused(
                N_(
                    "TLP:RED needs at least one named recipient: choose them by name from the "
                    "directory, or choose AMBER+STRICT to release to named agencies."
                )
            )
        return Audience(principals=named, third_parties=third_party)
    raise ReleaseRefused(
        N_("'{label}' is not a TLP 2.0 label (CLEAR, GREEN, AMBER, AMBER+STRICT, RED)."),
        label=tlp,
    )


def audience_of(release: Release) -> Audience:
    """The audience of a signed release (ReleaseRefused if it cannot be honoured)."""
    return release_audience(
        release.tlp,
        states=release.releasable_to,
        agencies=release.agencies,
        recipients=release.recipients,
        third_party=release.third_party,
    )


def may_receive(audience: Audience, reader: ReaderFacts) -> bool:
    """Whether `reader` receives a release with this audience."""
    if reader.third_party and not audience.third_parties:
        return False
    return (
        audience.everyone
        or reader.member_state in audience.states
        or reader.agency in audience.agencies
        or reader.principal in audience.principals
    )


# Strictness of the labels: a later decision may keep or tighten a label, never loosen it.
STRICTNESS: Final = {CLEAR: 0, GREEN: 1, AMBER: 2, AMBER_STRICT: 3, RED: 4}


def check_not_looser(earlier: Release, later: Release) -> None:
    """ReleaseRefused if `later` loosens `earlier`'s handling: a lower TLP label, or
    third parties allowed where the earlier decision kept them out."""
    if STRICTNESS[later.tlp] < STRICTNESS[earlier.tlp]:
        raise ReleaseRefused(
            f"TLP:{later.tlp} is looser than TLP:{earlier.tlp} chosen before: a label is never "
            "loosened downstream; keep it or choose a stricter one."
        )
    if later.third_party and not earlier.third_party:
        raise ReleaseRefused(
            "the earlier decision keeps third parties out: a later one may not let them in."
        )
