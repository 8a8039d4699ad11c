"""Security headers on every console answer, and HTTPS unless the browser is on loopback.

The API under /v1/ is left as it is: its clients are programs, not browsers, and on a
64 kbit/s link every header is airtime.
"""

from __future__ import annotations

import ipaddress
from typing import Final

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# No inline script or style anywhere, no other origin for anything: a page that somehow
# contained injected markup could still not run it. `form-action 'self'` keeps a form from
# being pointed elsewhere; `frame-ancestors 'none'` stops click-jacking.
CONTENT_SECURITY_POLICY: Final = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HSTS: Final = "max-age=31536000; includeSubDomains"
API_PREFIX: Final = "/v1/"


def _is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class ConsoleHeaders:
    def __init__(self, app: ASGIApp, *, public_scheme: str | None = None) -> None:
        self.app = app
        # Behind a TLS-terminating proxy the scheme the browser used is the public URL's.
        self.public_scheme = public_scheme

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or str(scope["path"]).startswith(API_PREFIX):
            await self.app(scope, receive, send)
            return
        tls = (self.public_scheme or scope.get("scheme")) == "https"
        if not tls:
            client = scope.get("client")
            host = Headers(scope=scope).get("host", "").rsplit(":", 1)[0]
            if not (_is_loopback(client[0] if client else None) and _is_loopback(host)):
                # Cookies are Secure and keys are bound to an https origin: over plain http
                # the console would silently not work, so say why.
                refusal = PlainTextResponse(
                    "The portal console is served over HTTPS only.\n", status_code=403
                )
                await self._with_headers(refusal, scope, receive, send, tls=False)
                return
        await self._with_headers(self.app, scope, receive, send, tls=tls)

    async def _with_headers(
        self, app: ASGIApp, scope: Scope, receive: Receive, send: Send, *, tls: bool
    ) -> None:
        static = str(scope["path"]).startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
                headers["X-Content-Type-Options"] = "nosniff"
                headers["X-Frame-Options"] = "DENY"
                headers["Referrer-Policy"] = "no-referrer"
                headers["Cross-Origin-Opener-Policy"] = "same-origin"
                headers["Cross-Origin-Resource-Policy"] = "same-origin"
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
                if not static:
                    # Pages show restricted information: never kept by a browser or proxy.
                    headers["Cache-Control"] = "no-store"
                if tls:
                    headers["Strict-Transport-Security"] = HSTS
            await send(message)

        await app(scope, receive, send_with_headers)
