"""The home page, static assets and the language switch."""

from __future__ import annotations

from importlib import resources
from typing import Final

from starlette.requests import Request
from starlette.responses import Response

from portal.web import i18n
from portal.web.console import console_of, page, redirect, render

MEDIA_TYPES: Final = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
}


@page()
async def home(request: Request) -> Response:
    return render(request, "home.html")


async def static(request: Request) -> Response:
    """/static/<version>/<name>: a file of portal/web/static, cached for a year (its URL
    changes with its content)."""
    name = str(request.path_params["name"])
    version = str(request.path_params["version"])
    versions = console_of(request).asset_versions
    if versions.get(name) != version:
        return Response("not found\n", status_code=404, media_type="text/plain")
    suffix = name[name.rfind(".") :]
    data = resources.files("portal.web").joinpath("static", name).read_bytes()
    return Response(
        data,
        media_type=MEDIA_TYPES.get(suffix, "application/octet-stream"),
        headers={"Cache-Control": "public, max-age=31536000, immutable"},
    )


async def favicon(request: Request) -> Response:
    return Response(status_code=204)


async def choose_language(request: Request) -> Response:
    """GET /lang/<code>: remember the language (a preference, not a secret) and go back."""
    code = str(request.path_params["code"])
    back = request.query_params.get("next", "/")
    if not back.startswith("/") or back.startswith("//"):
        back = "/"  # only pages of this portal: never an open redirect
    response = redirect(back)
    if code in {lang.code for lang in i18n.languages()}:
        response.set_cookie(
            i18n.LANG_COOKIE,
            code,
            max_age=365 * 86400,
            path="/",
            secure=True,
            httponly=True,
            samesite="strict",
        )
    return response
