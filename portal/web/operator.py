"""The operator's pages: member states, agencies, portal keys and TLS pins, provisioning
files, and the portal audit log with its verification."""

from __future__ import annotations

import json
from typing import Any, Final

import pycountry
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from starlette.requests import Request
from starlette.responses import Response

from portal import audit, registry
from portal.clock import now_seconds
from portal.provisioning import fingerprint, provisioning_document
from portal.tables import agencies, audit_log, member_states
from portal.web.console import (
    WebError,
    blocking,
    console_of,
    field,
    page,
    read_form,
    redirect,
    render,
    request_origin,
)
from sync.protocol import b64url_encode
from sync.protocol.errors import MalformedEnvelope
from sync.protocol.fields import check_country

AUDIT_PAGE: Final = 50


def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_3=code)
    return str(country.name) if country is not None else code


def _states(request: Request) -> list[dict[str, object]]:
    with console_of(request).db.read() as conn:
        rows = conn.execute(sa.select(member_states).order_by(member_states.c.code)).all()
        counts: dict[str, int] = dict(
            conn.execute(
                sa.select(agencies.c.member_state, sa.func.count()).group_by(
                    agencies.c.member_state
                )
            ).all()
        )
    return [
        {
            "code": r.code,
            "name": r.name,
            "created_at": r.created_at,
            "agencies": counts.get(r.code, 0),
        }
        for r in rows
    ]


@page("operator")
async def states(request: Request) -> Response:
    return render(request, "operator/states.html", states=await blocking(_states, request))


@page("operator")
async def state_create(request: Request) -> Response:
    form = await read_form(request)
    code = field(form, "code", limit=3).upper()
    name = field(form, "name", limit=200)

    def create() -> None:
        try:
            check_country(code, "code", MalformedEnvelope)
        except MalformedEnvelope:
            raise WebError(400, "error_state_code") from None
        if pycountry.countries.get(alpha_3=code) is None:
            raise WebError(400, "error_state_code")
        now = now_seconds()
        viewer = request.state.viewer
        try:
            with console_of(request).db.write() as conn:
                conn.execute(
                    member_states.insert().values(
                        code=code, name=name or country_name(code), created_at=now
                    )
                )
                audit.append(
                    conn,
                    at=now,
                    actor=viewer.account_id,
                    action="state.create",
                    subject=code,
                    details={"name": name or country_name(code)},
                )
        except IntegrityError:
            raise WebError(409, "error_state_exists", code=code) from None

    await blocking(create)
    return redirect("/operator/states")


def _agencies(request: Request) -> list[sa.Row[tuple[object, ...]]]:
    with console_of(request).db.read() as conn:
        return list(
            conn.execute(
                sa.select(agencies).order_by(agencies.c.member_state, agencies.c.code)
            ).all()
        )


@page("operator")
async def agency_list(request: Request) -> Response:
    return render(
        request,
        "operator/agencies.html",
        agencies=await blocking(_agencies, request),
        states=await blocking(_states, request),
    )


@page("operator")
async def agency_create(request: Request) -> Response:
    form = await read_form(request)
    code = field(form, "code", limit=32).upper()
    state = field(form, "member_state", limit=3).upper()
    name = field(form, "name", limit=200)

    def create() -> None:
        db = console_of(request).db
        with db.read() as conn:
            known = conn.execute(
                sa.select(member_states.c.code).where(member_states.c.code == state)
            ).first()
        if known is None:
            raise WebError(400, "error_state_unknown", code=state)
        try:
            # The registry's own rule and audit entry, as for `admin agency-create`.
            registry.create_agency(
                db, code=code, member_state=state, name=name or code, now=now_seconds()
            )
        except registry.AdminError as exc:
            raise WebError(400, "error_admin", detail=str(exc)) from None

    await blocking(create)
    return redirect("/operator/agencies")


@page("operator")
async def keys(request: Request) -> Response:
    console = console_of(request)
    portal_keys = console.keys
    return render(
        request,
        "operator/keys.html",
        portal_id=portal_keys.portal_id,
        key_id=portal_keys.key_id,
        fingerprint=fingerprint(portal_keys.key_id),
        public_key=b64url_encode(portal_keys.public_key),
        x25519=b64url_encode(portal_keys.exchange_public_key),
        certificate=portal_keys.certificate,
        pins=console.config.tls_pins,
        agencies=await blocking(_agencies, request),
        origin=request_origin(request),
    )


@page("operator")
async def provisioning(request: Request) -> Response:
    form = await read_form(request)
    agency = field(form, "agency", limit=32)
    url = field(form, "url", limit=500) or request_origin(request)
    if not url.lower().startswith(("https://", "http://")):
        raise WebError(400, "error_url")
    console = console_of(request)

    def build() -> dict[str, object]:
        with console.db.read() as conn:
            try:
                document = provisioning_document(
                    conn, console.keys, agency=agency, url=url, pins=console.config.tls_pins
                )
            except registry.AdminError as exc:
                raise WebError(400, "error_admin", detail=str(exc)) from None
        with console.db.write() as conn:
            audit.append(
                conn,
                at=now_seconds(),
                actor=request.state.viewer.account_id,
                action="provisioning.download",
                subject=agency,
                details={"url": url},
            )
        return document

    document = await blocking(build)
    return Response(
        json.dumps(document, indent=2) + "\n",
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{agency}-provisioning.json"'},
    )


def _audit_page(
    request: Request, before: int | None, action: str, actor: str, verify: bool
) -> dict[str, Any]:
    with console_of(request).db.read() as conn:
        query = sa.select(audit_log).order_by(audit_log.c.seq.desc()).limit(AUDIT_PAGE + 1)
        if before is not None:
            query = query.where(audit_log.c.seq < before)
        if action:
            query = query.where(audit_log.c.action.startswith(action, autoescape=True))
        if actor:
            query = query.where(audit_log.c.actor == actor)
        rows = list(conn.execute(query).all())
        total = conn.execute(sa.select(sa.func.count()).select_from(audit_log)).scalar_one()
        broken = audit.verify_chain(conn) if verify else None
    more = len(rows) > AUDIT_PAGE
    rows = rows[:AUDIT_PAGE]
    return {
        "rows": rows,
        "next_before": int(rows[-1].seq) if more and rows else None,
        "total": int(total),
        "verified": verify,
        "broken": broken,
    }


@page("operator")
async def audit_view(request: Request) -> Response:
    params = request.query_params
    before_text = params.get("before", "")
    before = int(before_text) if before_text.isascii() and before_text.isdigit() else None
    action = params.get("action", "")[:64]
    actor = params.get("actor", "")[:128]
    data = await blocking(_audit_page, request, before, action, actor, params.get("verify") == "1")
    return render(request, "operator/audit.html", action=action, actor=actor, **data)
