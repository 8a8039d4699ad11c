"""People and devices: the operator's NFP accounts, an NFP's OFP accounts, and a focal
point's officers and devices (enrolment codes, shown once and as a QR code; revoking a lost
laptop's key).

What a focal point may touch is decided from the signed-in person alone: their agency and
state come from the principal registry, never from a form or a URL, and anything outside
them is answered as if it did not exist (404), so ids cannot be probed either.
"""

from __future__ import annotations

from typing import Final

import segno
from starlette.requests import Request
from starlette.responses import Response

from portal import registry
from portal.clock import now_seconds
from portal.tables import agencies
from portal.web import people
from portal.web.accounts import METHODS
from portal.web.console import (
    Viewer,
    WebError,
    blocking,
    console_of,
    field,
    page,
    read_form,
    redirect,
    render,
)

CODE_HOURS: Final = (24, 72, 168)  # how long an enrolment code may stay valid
# Which roles a focal point may issue enrolment codes for in its own agency.
CODE_ROLES: Final = {"ofp": ("officer", "ofp"), "nfp": ("officer", "ofp", "nfp")}


def _agencies(request: Request, state: str | None) -> list[dict[str, str]]:
    import sqlalchemy as sa

    with console_of(request).db.read() as conn:
        query = sa.select(agencies.c.code, agencies.c.name, agencies.c.member_state)
        if state is not None:
            query = query.where(agencies.c.member_state == state)
        rows = conn.execute(query.order_by(agencies.c.code)).all()
    return [{"code": str(r.code), "name": str(r.name), "state": str(r.member_state)} for r in rows]


def _people(request: Request, **where: str | None) -> list[people.Person]:
    with console_of(request).db.read() as conn:
        return people.people_of(conn, **where)


async def _create_account(request: Request, role: str) -> Response:
    form = await read_form(request)
    viewer: Viewer = request.state.viewer
    principal_id = field(form, "principal_id", limit=128)
    display_name = field(form, "display_name", limit=200)
    agency = field(form, "agency", limit=32)
    method = field(form, "method", limit=32)
    console = console_of(request)
    code = await blocking(
        people.create_principal_account,
        console.db,
        principal_id=principal_id,
        display_name=display_name,
        agency=agency,
        role=role,
        method=method,
        creator=viewer,
        now=now_seconds(),
        ttl=console.config.activation_hours * 3600,
    )
    return render(
        request,
        "account_created.html",
        account_id=principal_id,
        display_name=display_name,
        role=role,
        agency=agency,
        code=code,
        hours=console.config.activation_hours,
        back="/operator/nfps" if viewer.is_operator else "/people",
    )


@page("operator")
async def nfp_list(request: Request) -> Response:
    return render(
        request,
        "people.html",
        heading="nfps_title",
        people=await blocking(_people, request, role="nfp"),
        agencies=await blocking(_agencies, request, None),
        action="/operator/nfps",
        new_role="nfp",
        methods=METHODS,
    )


@page("operator")
async def nfp_create(request: Request) -> Response:
    return await _create_account(request, "nfp")


@page("nfp")
async def state_people(request: Request) -> Response:
    viewer: Viewer = request.state.viewer
    return render(
        request,
        "people.html",
        heading="people_title",
        people=await blocking(_people, request, state=viewer.member_state),
        agencies=await blocking(_agencies, request, viewer.member_state),
        action="/people",
        new_role="ofp",
        methods=METHODS,
    )


@page("nfp")
async def ofp_create(request: Request) -> Response:
    return await _create_account(request, "ofp")


@page("nfp", "ofp")
async def devices(request: Request) -> Response:
    viewer: Viewer = request.state.viewer
    agency = viewer.agency or ""

    def load() -> tuple[list[people.Device], list[people.Person]]:
        with console_of(request).db.read() as conn:
            return people.devices_of(conn, agency), people.people_of(conn, agency=agency)

    found, persons = await blocking(load)
    return render(
        request,
        "devices.html",
        devices=found,
        people=persons,
        names={p.principal_id: p.display_name for p in persons},
        roles=CODE_ROLES[viewer.role],
        hours=CODE_HOURS,
    )


@page("nfp", "ofp")
async def code_issue(request: Request) -> Response:
    form = await read_form(request)
    viewer: Viewer = request.state.viewer
    role = field(form, "role", limit=16)
    principal = field(form, "principal_id", limit=128) or None
    display_name = field(form, "display_name", limit=200) or None
    hours_text = field(form, "hours", limit=4)
    hours = int(hours_text) if hours_text.isdigit() else 0
    if role not in CODE_ROLES[viewer.role] or hours not in CODE_HOURS:
        raise WebError(400, "error_code_choice")
    agency = viewer.agency or ""

    def issue() -> str:
        if principal is not None:
            with console_of(request).db.read() as conn:
                known = {p.principal_id for p in people.people_of(conn)}
                mine = {p.principal_id for p in people.people_of(conn, agency=agency)}
            # A code for a person of another agency would be refused at enrolment anyway;
            # say so now, without telling whether that id exists elsewhere.
            if principal in known and principal not in mine:
                raise WebError(404, "error_not_found")
        try:
            return registry.issue_code(
                console_of(request).db,
                agency=agency,
                role=role,
                ttl_seconds=hours * 3600,
                now=now_seconds(),
                principal=principal,
                display_name=display_name,
                actor=viewer.account_id,
            )
        except registry.AdminError as exc:
            raise WebError(400, "error_admin", detail=str(exc)) from None

    code = await blocking(issue)
    # The QR code holds just the code: the client's first run can read it from a phone's
    # camera photo or a scanner that types, and it carries nothing a photo could leak
    # beyond what the code itself already is.
    qr = segno.make(code, error="m").svg_data_uri(scale=6, border=2)
    return render(
        request,
        "code_issued.html",
        code=code,
        qr=qr,
        role=role,
        principal=principal,
        hours=hours,
    )


@page("nfp", "ofp")
async def device_revoke(request: Request) -> Response:
    form = await read_form(request)
    viewer: Viewer = request.state.viewer
    key_id = str(request.path_params["key_id"])
    reason = field(form, "reason", limit=200) or "revoked at the console"

    def revoke() -> None:
        db = console_of(request).db
        with db.read() as conn:
            owner = people.device_agency(conn, key_id)
        if owner is None or owner != viewer.agency:
            raise WebError(404, "error_not_found")
        try:
            registry.revoke(
                db, key=key_id, reason=reason, now=now_seconds(), actor=viewer.account_id
            )
        except registry.AdminError as exc:
            raise WebError(409, "error_admin", detail=str(exc)) from None

    await blocking(revoke)
    return redirect("/devices")
