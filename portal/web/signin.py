"""Signing in and out, and activating a new account.

With a security key (WebAuthn), the page carries the ceremony's options as a JSON data
block; a few lines of script (static/keys.js) hand them to the browser, put the browser's
answer into the form and submit it. The passphrase + TOTP sign-in is a plain form and
needs no script at all.
"""

from __future__ import annotations

from typing import Final

import segno
from starlette.requests import Request
from starlette.responses import Response

from portal import audit
from portal.clock import now_seconds
from portal.tables import web_passphrases
from portal.web import accounts, passphrase, security_keys, sessions, throttle
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
    set_cookie,
)

UNKNOWN: Final = "-"  # the account id recorded for a sign-in with no account named


def _source(request: Request) -> str:
    return request.client.host[:64] if request.client else "unknown"


def _signed_in(request: Request, account_id: str, method: str) -> Response:
    """Start a new session (a new token: nothing from before sign-in is reused) and go
    to the home page."""
    console = console_of(request)
    now = now_seconds()
    session = sessions.start(
        console.db, account_id, now=now, lifetime=console.config.session_seconds
    )
    with console.db.write() as conn:
        audit.append(
            conn,
            at=now,
            actor=account_id,
            action="console.login",
            subject=account_id,
            details={"method": method, "source": _source(request)},
        )
    response = redirect("/")
    set_cookie(response, sessions.SESSION_COOKIE, session.token, max_age=None)
    response.delete_cookie(
        sessions.PRESESSION_COOKIE, path="/", secure=True, httponly=True, samesite="strict"
    )
    return response


def _check_throttle(request: Request, account_id: str) -> None:
    console = console_of(request)
    with console.db.read() as conn:
        wait = throttle.wait_seconds(
            conn, console.config, account_id=account_id, source=_source(request), now=now_seconds()
        )
    if wait:
        raise WebError(429, "error_throttled", minutes=max(1, (wait + 59) // 60))


def _failed(request: Request, account_id: str, reason: str) -> None:
    console = console_of(request)
    throttle.record_failure(
        console.db,
        console.config,
        account_id=account_id or UNKNOWN,
        source=_source(request),
        reason=reason,
        now=now_seconds(),
    )


@page(signed_in=False)
async def login_form(request: Request) -> Response:
    if request.state.viewer is not None:
        return redirect("/")
    return render(request, "login.html")


@page(signed_in=False)
async def login_key_start(request: Request) -> Response:
    form = await read_form(request)
    account_id = field(form, "account_id", limit=128)
    return await blocking(_login_key_start, request, account_id)


def _login_key_start(request: Request, account_id: str) -> Response:
    console = console_of(request)
    _check_throttle(request, account_id or UNKNOWN)
    now = now_seconds()
    origin = request_origin(request)
    with console.db.write() as conn:
        # An unknown account gets a ceremony too (with no keys listed), so this page does
        # not tell which account ids exist; its answer then fails like a wrong key.
        ceremony = security_keys.begin_login(
            conn,
            account_id=account_id or UNKNOWN,
            rp_id=console.config.rp_id(origin),
            expires_at=now + console.config.ceremony_seconds,
        )
    return render(request, "login_key.html", ceremony=ceremony, account_id=account_id)


@page(signed_in=False)
async def login_key_finish(request: Request) -> Response:
    form = await read_form(request)
    return await blocking(
        _login_key_finish,
        request,
        field(form, "ceremony", limit=64),
        field(form, "credential", limit=20000),
    )


def _login_key_finish(request: Request, ceremony_id: str, credential: str) -> Response:
    console = console_of(request)
    now = now_seconds()
    origin = request_origin(request)
    with console.db.write() as conn:
        account_id, challenge = security_keys.take_challenge(
            conn, ceremony_id, purpose="login", now=now
        )
    _check_throttle(request, account_id)
    with console.db.write() as conn:
        account = accounts.load(conn, account_id)
        ok = (
            account is not None
            and account.activated
            and not account.disabled
            and security_keys.finish_login(
                conn,
                account_id=account_id,
                challenge=challenge,
                credential_json=credential,
                rp_id=console.config.rp_id(origin),
                origin=origin,
                now=now,
            )
        )
    if not ok:
        _failed(request, account_id, "security key")
        raise WebError(401, "error_login_failed")
    return _signed_in(request, account_id, "security-key")


@page(signed_in=False)
async def login_passphrase(request: Request) -> Response:
    form = await read_form(request)
    return await blocking(
        _login_passphrase,
        request,
        field(form, "account_id", limit=128),
        # not stripped of spaces: they are part of a passphrase
        str(form.get("passphrase") or "")[:1024],
        field(form, "totp", limit=16),
    )


def _login_passphrase(request: Request, account_id: str, secret: str, code: str) -> Response:
    console = console_of(request)
    _check_throttle(request, account_id or UNKNOWN)
    now = now_seconds()
    with console.db.read() as conn:
        account = accounts.load(conn, account_id) if account_id else None
        stored = accounts.passphrase_of(conn, account_id) if account_id else None
    usable = (
        account is not None and account.activated and not account.disabled and stored is not None
    )
    verifier = (
        str(stored.verifier)
        if stored is not None
        else passphrase.dummy_verifier(console.config.kdf)
    )
    good_passphrase = passphrase.check_passphrase(secret, verifier)
    step = None
    if usable and good_passphrase and stored is not None:
        step = passphrase.totp_step(
            str(stored.totp_secret), code, now, int(str(stored.totp_last_step))
        )
    if step is None:
        _failed(request, account_id, "passphrase or code")
        raise WebError(401, "error_login_failed")
    with console.db.write() as conn:
        # Guarded: two requests with the same code cannot both count it.
        used = conn.execute(
            web_passphrases.update()
            .where(web_passphrases.c.account_id == account_id)
            .where(web_passphrases.c.totp_last_step < step)
            .values(totp_last_step=step)
        )
    if used.rowcount != 1:
        _failed(request, account_id, "code used twice")
        raise WebError(401, "error_login_failed")
    return _signed_in(request, account_id, "passphrase-totp")


@page()
async def logout(request: Request) -> Response:
    await read_form(request)
    viewer = request.state.viewer
    console = console_of(request)

    def end() -> None:
        sessions.end(console.db, viewer.session.token)
        with console.db.write() as conn:
            audit.append(
                conn,
                at=now_seconds(),
                actor=viewer.account_id,
                action="console.logout",
                subject=viewer.account_id,
                details={},
            )

    await blocking(end)
    response = redirect("/login")
    response.delete_cookie(
        sessions.SESSION_COOKIE, path="/", secure=True, httponly=True, samesite="strict"
    )
    return response


# -- activation ----------------------------------------------------------------------------


@page(signed_in=False)
async def activate_form(request: Request) -> Response:
    return render(request, "activate.html")


@page(signed_in=False)
async def activate_start(request: Request) -> Response:
    form = await read_form(request)
    return await blocking(
        _activate_start,
        request,
        field(form, "account_id", limit=128),
        field(form, "code", limit=64),
    )


def _pending_account(request: Request, account_id: str, code: str) -> accounts.Account:
    console = console_of(request)
    _check_throttle(request, account_id or UNKNOWN)
    with console.db.read() as conn:
        account = accounts.load(conn, account_id) if account_id else None
        pending = account is not None and accounts.pending_activation(
            conn, account_id, code, now_seconds()
        )
    if account is None or not pending or account.disabled:
        _failed(request, account_id, "activation code")
        raise WebError(403, "error_activation_code")
    return account


def _activate_start(request: Request, account_id: str, code: str) -> Response:
    console = console_of(request)
    account = _pending_account(request, account_id, code)
    if account.method == "passphrase-totp":
        secret = passphrase.new_totp_secret()
        return _passphrase_setup(request, account, code, secret)
    now = now_seconds()
    origin = request_origin(request)
    with console.db.write() as conn:
        ceremony = security_keys.begin_registration(
            conn,
            account_id=account.account_id,
            display_name=account.display_name,
            rp_id=console.config.rp_id(origin),
            purpose="activate",
            expires_at=now + console.config.ceremony_seconds,
        )
    return render(request, "activate_key.html", ceremony=ceremony, account=account, code=code)


def _passphrase_setup(
    request: Request, account: accounts.Account, code: str, secret: str, error: str | None = None
) -> Response:
    uri = passphrase.provisioning_uri(secret, account.account_id, security_keys.RP_NAME)
    qr = segno.make(uri, error="m").svg_data_uri(scale=4, border=2)
    return render(
        request,
        "activate_passphrase.html",
        status=400 if error else 200,
        account=account,
        code=code,
        secret=secret,
        qr=qr,
        error=error,
    )


@page(signed_in=False)
async def activate_key(request: Request) -> Response:
    form = await read_form(request)
    return await blocking(
        _activate_key,
        request,
        field(form, "ceremony", limit=64),
        field(form, "code", limit=64),
        field(form, "credential", limit=20000),
        field(form, "label", limit=100),
    )


def _activate_key(
    request: Request, ceremony_id: str, code: str, credential: str, label: str
) -> Response:
    console = console_of(request)
    now = now_seconds()
    origin = request_origin(request)
    with console.db.write() as conn:
        account_id, challenge = security_keys.take_challenge(
            conn, ceremony_id, purpose="activate", now=now
        )
    _pending_account(request, account_id, code)
    with console.db.write() as conn:
        credential_id = security_keys.finish_registration(
            conn,
            account_id=account_id,
            challenge=challenge,
            credential_json=credential,
            rp_id=console.config.rp_id(origin),
            origin=origin,
            label=label,
            now=now,
        )
        if not accounts.spend_activation(conn, account_id, code, now):
            raise WebError(403, "error_activation_code")
        audit.append(
            conn,
            at=now,
            actor=account_id,
            action="console.activate",
            subject=account_id,
            details={"method": "security-key", "credential": credential_id[:32]},
        )
    return _signed_in(request, account_id, "security-key")


@page(signed_in=False)
async def activate_passphrase(request: Request) -> Response:
    form = await read_form(request)
    return await blocking(
        _activate_passphrase,
        request,
        field(form, "account_id", limit=128),
        field(form, "code", limit=64),
        field(form, "secret", limit=64),
        str(form.get("passphrase") or "")[:1024],
        str(form.get("repeat") or "")[:1024],
        field(form, "totp", limit=16),
    )


def _activate_passphrase(
    request: Request,
    account_id: str,
    code: str,
    secret: str,
    new: str,
    repeat: str,
    totp: str,
) -> Response:
    console = console_of(request)
    account = _pending_account(request, account_id, code)
    if account.method != "passphrase-totp" or not secret.isalnum() or len(secret) < 26:
        raise WebError(400, "error_method")
    try:
        passphrase.check_new_passphrase(new, repeat)
    except passphrase.PassphraseRejected as exc:
        return _passphrase_setup(request, account, code, secret, error=str(exc))
    now = now_seconds()
    step = passphrase.totp_step(secret, totp, now, -1)
    if step is None:
        return _passphrase_setup(request, account, code, secret, error="totp_wrong")
    verifier = passphrase.make_verifier(new, console.config.kdf)
    with console.db.write() as conn:
        conn.execute(web_passphrases.delete().where(web_passphrases.c.account_id == account_id))
        conn.execute(
            web_passphrases.insert().values(
                account_id=account_id,
                verifier=verifier,
                totp_secret=secret,
                totp_last_step=step,
                created_at=now,
            )
        )
        if not accounts.spend_activation(conn, account_id, code, now):
            raise WebError(403, "error_activation_code")
        audit.append(
            conn,
            at=now,
            actor=account_id,
            action="console.activate",
            subject=account_id,
            details={"method": "passphrase-totp"},
        )
    return _signed_in(request, account_id, "passphrase-totp")
