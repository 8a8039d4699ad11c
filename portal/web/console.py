"""What every console handler shares: the console's state, the signed-in person, forms with
their CSRF check, and pages rendered from templates.

Handlers decide nothing about releases, audiences or keys themselves: they call the
portal's services (registry, feed visibility, audit) and show the result.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from functools import wraps
from typing import Any, Final, TypeVar

import jinja2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from portal.clock import as_datetime, now_seconds
from portal.config import Settings
from portal.database import Database
from portal.keys import PortalKeys
from portal.web import i18n, sessions
from portal.web.config import ConsoleSettings
from sync.protocol import private_key_raw

T = TypeVar("T")
MAX_FORM_BYTES: Final = 256 * 1024  # a form without files
ROLES: Final = ("operator", "nfp", "ofp")


class WebError(Exception):
    """A request the console refuses: shown as a page with this status and message key."""

    def __init__(self, status: int, message: str, **values: object) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.values = values


@dataclass(frozen=True, slots=True)
class Viewer:
    """The signed-in person, as the portal knows them (never as a form says)."""

    account_id: str
    kind: str  # "operator" or "principal"
    role: str  # "operator", "nfp" or "ofp"
    display_name: str
    agency: str | None  # None for an operator
    member_state: str | None
    session: sessions.Session

    @property
    def is_operator(self) -> bool:
        return self.role == "operator"


@dataclass
class Console:
    settings: Settings
    db: Database
    keys: PortalKeys
    config: ConsoleSettings
    templates: jinja2.Environment
    secret: bytes  # CSRF MAC key
    asset_versions: Mapping[str, str]

    @staticmethod
    def create(
        settings: Settings, db: Database, keys: PortalKeys, config: ConsoleSettings
    ) -> Console:
        env = jinja2.Environment(
            loader=jinja2.PackageLoader("portal.web", "templates"),
            autoescape=True,  # every {{ value }} is HTML-escaped; nothing is marked safe
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        # Derived, not stored: every process with the portal's key file has the same one.
        secret = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=b"outpost/console-csrf-key/v1"
        ).derive(private_key_raw(keys.signing_key))
        return Console(settings, db, keys, config, env, secret, _asset_versions())


def _asset_versions() -> dict[str, str]:
    """A short content hash per static file, put into its URL, so assets can be cached for
    a year and still change the moment a new portal version ships."""
    from importlib import resources

    folder = resources.files("portal.web").joinpath("static")
    return {
        item.name: hashlib.sha256(item.read_bytes()).hexdigest()[:12]
        for item in folder.iterdir()
        if item.is_file()
    }


def console_of(request: Request) -> Console:
    console: Console = request.app.state.console
    return console


async def blocking(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run SQL or a key derivation off the event loop."""
    return await run_in_threadpool(function, *args, **kwargs)


def request_origin(request: Request) -> str:
    console = console_of(request)
    if console.config.origin:
        return console.config.origin.rstrip("/")
    if console.settings.public_url:
        return console.settings.public_url.rstrip("/")
    return f"{request.url.scheme}://{request.url.netloc}"


def language(request: Request) -> str:
    return i18n.negotiate(
        request.cookies.get(i18n.LANG_COOKIE), request.headers.get("accept-language")
    )


def csrf_binding(request: Request) -> str | None:
    """What this request's CSRF token is bound to: the session, else the pre-session."""
    token = request.cookies.get(sessions.SESSION_COOKIE)
    if token and getattr(request.state, "viewer", None) is not None:
        return "session:" + token
    pre = request.cookies.get(sessions.PRESESSION_COOKIE)
    return "pre:" + pre if pre else None


def csrf_for(request: Request) -> str:
    binding = csrf_binding(request)
    if binding is None:
        pre: str | None = getattr(request.state, "new_presession", None)
        binding = "pre:" + pre if pre else None
    return sessions.csrf_token(console_of(request).secret, binding) if binding else ""


def check_csrf(request: Request, given: str | None) -> None:
    if not sessions.csrf_ok(console_of(request).secret, csrf_binding(request), given):
        raise WebError(403, "error_csrf")


async def read_form(
    request: Request, *, files: bool = False, max_bytes: int = MAX_FORM_BYTES
) -> FormData:
    """The posted form, after its CSRF token checked out (403 otherwise)."""
    declared = request.headers.get("content-length")
    if declared is None or not declared.isascii() or not declared.isdigit():
        raise WebError(411, "error_length_required")
    if int(declared) > max_bytes:
        raise WebError(413, "error_too_large")
    form = await request.form(
        max_files=20 if files else 0, max_fields=200, max_part_size=MAX_FORM_BYTES
    )
    given = form.get("csrf")
    check_csrf(request, given if isinstance(given, str) else None)
    return form


def field(form: FormData, name: str, *, limit: int = 2000) -> str:
    value = form.get(name)
    if not isinstance(value, str):
        return ""
    if len(value) > limit:
        raise WebError(400, "error_field_too_long", field=name, limit=limit)
    return value.strip()


def fields(form: FormData, name: str, *, limit: int = 200) -> list[str]:
    values = [v.strip() for v in form.getlist(name) if isinstance(v, str) and v.strip()]
    if len(values) > limit:
        raise WebError(400, "error_field_too_long", field=name, limit=limit)
    return values


def format_time(seconds: int | None) -> str:
    if seconds is None:
        return "—"
    return as_datetime(int(seconds)).strftime("%Y-%m-%d %H:%M UTC")


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    console = console_of(request)
    lang = language(request)
    viewer: Viewer | None = getattr(request.state, "viewer", None)

    def t(key: str, /, **values: object) -> str:
        return i18n.translate(lang, key, **values)

    def asset(name: str) -> str:
        return f"/static/{console.asset_versions[name]}/{name}"

    page = console.templates.get_template(template).render(
        t=t,
        asset=asset,
        lang=lang,
        languages=i18n.languages(),
        viewer=viewer,
        csrf=csrf_for(request),
        path=request.url.path,
        when=format_time,
        **context,
    )
    response = HTMLResponse(page, status_code=status)
    new_pre: str | None = getattr(request.state, "new_presession", None)
    if new_pre:
        set_cookie(response, sessions.PRESESSION_COOKIE, new_pre, max_age=None)
    return response


def set_cookie(response: Response, name: str, value: str, *, max_age: int | None) -> None:
    # __Host- cookies must be Secure with Path=/ and no Domain. Browsers accept Secure
    # cookies from http://localhost and 127.0.0.1 (loopback is a secure context), which is
    # how the local demo works without TLS; anywhere else the console needs HTTPS.
    response.set_cookie(
        name, value, max_age=max_age, path="/", secure=True, httponly=True, samesite="strict"
    )


def redirect(location: str) -> RedirectResponse:
    return RedirectResponse(location, status_code=303)


def error_page(request: Request, exc: WebError) -> HTMLResponse:
    return render(request, "error.html", status=exc.status, message=exc.message, values=exc.values)


Handler = Callable[[Request], Awaitable[Response]]


def page(*roles: str, signed_in: bool = True) -> Callable[[Handler], Handler]:
    """A console handler: resolves the signed-in person (redirects to sign-in if there is
    none and one is needed), refuses a person whose role is not in `roles` (403), and
    turns a WebError into its page."""

    def wrap(handler: Handler) -> Handler:
        @wraps(handler)
        async def run(request: Request) -> Response:
            from portal.web.accounts import viewer_of

            try:
                viewer = await blocking(viewer_of, request, now_seconds())
                request.state.viewer = viewer
                if viewer is None:
                    if signed_in:
                        return redirect("/login")
                    if request.cookies.get(sessions.PRESESSION_COOKIE) is None:
                        import secrets

                        request.state.new_presession = secrets.token_urlsafe(32)
                elif roles and viewer.role not in roles:
                    raise WebError(403, "error_forbidden")
                return await handler(request)
            except WebError as exc:
                return error_page(request, exc)

        return run

    return wrap


def console_http_error(request: Request, status: int) -> HTMLResponse:
    """A 404 or 405 on a console path, as a page rather than problem+json."""
    message = "error_not_found" if status == 404 else "error_forbidden"
    request.state.viewer = None
    return render(request, "error.html", status=status, message=message, values={})
