"""Who receives a signed act, in words: what the signing confirmation says before a report
is submitted, approved or returned.

Pure (no store, no network): the audience comes from the portal's own release rule
(`sync.protocol.tlp.release_audience`), so the words cannot promise what the portal would do
differently; names come from the directory the caller has read.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from app import codelists
from app.i18n import country_name
from resources.i18n import _
from sync.protocol.tlp import release_audience


def _country(code: str) -> str:
    english = codelists.label("countries", code)
    return code if english == code else f"{country_name(english)} ({code})"


def release_lines(
    tlp: str,
    *,
    states: Collection[str] = (),
    agencies: Collection[str] = (),
    recipients: Collection[str] = (),
    third_party: bool = False,
    own_agency: str,
    names: Mapping[str, str] | None = None,
    origin: bool = False,
) -> list[str]:
    """The audience of an approval, one sentence a line. `names` gives a display name for a
    principal id or an agency code (from the directory); unnamed ones are shown as codes.
    Raises sync.protocol.tlp.ReleaseRefused when the portal could not honour it. `origin`:
    the reader is not of `own_agency` (an NFP releasing another agency's report)."""
    audience = release_audience(
        tlp, states=states, agencies=agencies, recipients=recipients, third_party=third_party
    )
    known = names or {}

    def named(code: str) -> str:
        name = known.get(code)
        return f"{name} ({code})" if name and name != code else code

    if audience.everyone:
        return [_("Everyone on the portal, partner organisations included (TLP:CLEAR).")]
    lines: list[str] = []
    if audience.empty:
        only = (
            _("Only the agency it comes from ({agency}): no member state or agency is named.")
            if origin
            else _("Only your own agency ({agency}): no member state or agency is named.")
        )
        lines.append(only.format(agency=own_agency))
    else:
        own = (
            _("The agency it comes from ({agency}).")
            if origin
            else _("Your own agency ({agency}).")
        )
        lines.append(own.format(agency=own_agency))
    if audience.states:
        lines.append(
            _("Every agency of these member states: {states}.").format(
                states=", ".join(_country(s) for s in sorted(audience.states))
            )
        )
    if audience.agencies:
        lines.append(
            _("These agencies: {agencies}.").format(
                agencies=", ".join(named(a) for a in sorted(audience.agencies))
            )
        )
    if audience.principals:
        lines.append(
            _("Only these people: {people}.").format(
                people=", ".join(sorted(named(p) for p in audience.principals))
            )
        )
    if not audience.empty:
        lines.append(
            _("Partner organisations (third parties) may receive it.")
            if audience.third_parties
            else _("Partner organisations (third parties) are kept out.")
        )
    return lines


def submission_lines(own_agency: str) -> list[str]:
    """Where a submission goes: to review, inside the author's agency."""
    return [
        _("The focal points of your agency ({agency}), for review.").format(agency=own_agency),
        _("Nothing is shared beyond your agency until a focal point approves it."),
    ]


def return_lines(author: str) -> list[str]:
    """Where a return goes: back to its author, released to no one."""
    return [
        _("Back to its author ({author}) with your comment.").format(author=author),
        _("Nothing is released: the report is not shared."),
    ]


def decline_lines(state: str, agency: str) -> list[str]:
    """Where a national decline goes: the report stays inside its member state."""
    return [
        _("Nobody beyond {state}: the report stays in the country.").format(state=_country(state)),
        _(
            "The OFP's release inside the country holds; {agency} learns your decision and "
            "your comment."
        ).format(agency=agency),
    ]
