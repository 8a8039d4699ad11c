"""The ASGI application: routes, problem+json error handling, start-up."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Match, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from portal import api, taxii, tus
from portal.config import Settings
from portal.database import Database
from portal.files import private_dir
from portal.keys import PortalKeys, load_keys
from portal.problems import MEDIA_TYPE, Problem
from portal.web.config import ConsoleSettings
from portal.web.console import Console, console_http_error
from portal.web.headers import API_PREFIX, ConsoleHeaders
from portal.web.routes import routes as console_routes

log = logging.getLogger("portal")


def problem_response(problem: Problem) -> Response:
    return JSONResponse(
        problem.to_json(),
        status_code=problem.status,
        media_type=MEDIA_TYPE,
        headers=problem.headers,
    )


async def _on_problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Problem)
    return problem_response(exc)


async def _on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if not request.url.path.startswith(API_PREFIX):
        return console_http_error(request, exc.status_code)
    slug = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "invalid-request")
    problem = Problem(slug, str(exc.detail))
    if exc.status_code == 405:
        # RFC 9110 §15.5.6: a 405 names the methods the resource has, from every route of
        # the path (Starlette's own header names only the first route's).
        problem.headers["Allow"] = ", ".join(sorted(_methods_of(request)))
    return problem_response(problem)


def _methods_of(request: Request) -> set[str]:
    methods: set[str] = set()
    for route in request.app.routes:
        if isinstance(route, Route) and route.matches(request.scope)[0] != Match.NONE:
            methods |= route.methods or set()
    return methods


class RefuseAmbiguousFraming:
    """A request with both Content-Length and Transfer-Encoding is refused (RFC 9112 §6.1:
    a server ought to treat it as an error; h11 lets Transfer-Encoding win). Two framings
    are how requests are smuggled past a proxy that picks the other one, so no request
    that has both reaches a handler, and the connection is closed after the answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            names = {name.lower() for name, _ in scope["headers"]}
            if b"content-length" in names and b"transfer-encoding" in names:
                problem = Problem(
                    "invalid-request",
                    "a request may not have both Content-Length and Transfer-Encoding",
                )
                problem.headers["Connection"] = "close"
                await problem_response(problem)(scope, receive, send)
                return
        await self.app(scope, receive, send)


async def _on_client_gone(request: Request, exc: Exception) -> Response:
    # A link cut while a body streams in is routine at a border post, not a portal fault: no
    # traceback (it would page an operator), and nothing was stored, as no handler got the
    # whole body. The answer goes nowhere; the client retries what it did not hear back.
    log.info(
        "client went away during %s %s before its body arrived; nothing stored",
        request.method,
        request.url.path,
    )
    return Response(status_code=400)


async def _on_crash(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return problem_response(Problem("internal-error", "the portal failed; see its log"))


ROUTES = [
    Route("/v1/hello", api.hello, methods=["GET"]),
    Route("/v1/openapi.json", api.openapi, methods=["GET"]),
    Route("/v1/enrol", api.enrol, methods=["POST"]),
    Route("/v1/envelopes", api.push_envelopes, methods=["POST"]),
    Route("/v1/feed", api.feed, methods=["GET"]),
    Route("/v1/bundles", api.bundles, methods=["POST"]),
    Route("/v1/bundles/parts", api.bundle_parts, methods=["POST"]),
    Route("/v1/directory", api.directory, methods=["GET"]),
    Route("/v1/register", api.register, methods=["GET"]),
    Route("/v1/attachments", tus.options, methods=["OPTIONS"]),
    Route("/v1/attachments", tus.create, methods=["POST"]),
    Route("/v1/attachments/{upload_id}", tus.head, methods=["HEAD"]),
    Route("/v1/attachments/{upload_id}", tus.patch, methods=["PATCH"]),
]

# TAXII 2.1, read-only: OASIS's API with its own media type, described by the TAXII 2.1
# specification and docs/products.md rather than by API v1's OpenAPI document.
TAXII_ROUTES = [
    Route("/taxii2/", taxii.discovery, methods=["GET"]),
    Route("/taxii2/api/", taxii.api_root, methods=["GET"]),
    Route("/taxii2/api/collections/", taxii.collections, methods=["GET"]),
    Route("/taxii2/api/collections/{collection_id}/", taxii.collection, methods=["GET"]),
    Route("/taxii2/api/collections/{collection_id}/objects/", taxii.objects, methods=["GET"]),
    Route("/taxii2/api/collections/{collection_id}/manifest/", taxii.manifest, methods=["GET"]),
]


def create_app(
    settings: Settings,
    *,
    db: Database | None = None,
    keys: PortalKeys | None = None,
    console: ConsoleSettings | None = None,
) -> Starlette:
    private_dir(settings.data_dir)
    database = db if db is not None else Database(settings.db_url)
    database.upgrade()
    portal_keys = keys if keys is not None else load_keys(settings.data_dir)
    app = Starlette(
        # The API under /v1/, the web console (portal/web/) at the root.
        routes=[*ROUTES, *TAXII_ROUTES, *console_routes()],
        # Receipts and feed pages compress about 4:1; on a 64 kbit/s link the answers are
        # most of the time a sync takes. Clients advertise gzip (requests does by default).
        middleware=[
            Middleware(RefuseAmbiguousFraming),
            Middleware(GZipMiddleware, minimum_size=1024, compresslevel=6),
            Middleware(ConsoleHeaders, public_scheme=_scheme(settings.public_url)),
        ],
        exception_handlers={
            Problem: _on_problem,
            HTTPException: _on_http_error,
            ClientDisconnect: _on_client_gone,
            Exception: _on_crash,
        },
    )
    app.state.portal = api.Portal.of(settings, database, portal_keys)
    app.state.console = Console.create(
        settings, database, portal_keys, console if console is not None else ConsoleSettings()
    )
    return app


# `serve --workers N`: each worker process builds its app from these.
WORKER_DATA_ENV = "OUTPOST_PORTAL_DATA"
WORKER_DB_ENV = "OUTPOST_PORTAL_DB"
WORKER_PUBLIC_URL_ENV = "OUTPOST_PORTAL_PUBLIC_URL"


def app_from_environment() -> Starlette:
    """The app of one worker of `outpost-portal serve --workers N` (a uvicorn factory)."""
    settings = Settings(
        db_url=os.environ[WORKER_DB_ENV],
        data_dir=Path(os.environ[WORKER_DATA_ENV]),
        public_url=os.environ.get(WORKER_PUBLIC_URL_ENV) or None,
    )
    return create_app(settings)


def _scheme(url: str | None) -> str | None:
    return url.split(":", 1)[0].lower() if url else None
