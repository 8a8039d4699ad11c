"""A plain HTTP client for the console's security tests: keeps cookies the way a browser
on loopback does (the console's cookies are Secure, which `requests` would only send over
https) and reads the CSRF token of the last page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import requests

_CSRF = re.compile(r'name="csrf" value="([^"]*)"')


@dataclass
class ConsoleClient:
    base: str  # e.g. http://localhost:PORT
    cookies: dict[str, str] = field(default_factory=dict)
    last: requests.Response | None = None

    def _keep(self, response: requests.Response) -> requests.Response:
        for header in response.raw.headers.getlist("set-cookie"):
            name, _, rest = header.partition("=")
            value = rest.split(";")[0]
            if "Max-Age=0" in header or value in ("", '""'):
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        self.last = response
        return response

    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        return {**headers, **(extra or {})}

    def get(self, path: str, *, follow: bool = True) -> requests.Response:
        response = self._keep(
            requests.get(
                self.base + path, headers=self._headers(), allow_redirects=False, timeout=30
            )
        )
        while follow and response.status_code in (302, 303):
            response = self._keep(
                requests.get(
                    self.base + response.headers["location"],
                    headers=self._headers(),
                    allow_redirects=False,
                    timeout=30,
                )
            )
        return response

    def post(
        self,
        path: str,
        data: dict[str, str] | list[tuple[str, str]] | None = None,
        *,
        csrf: str | None = "",
        files: dict[str, tuple[str, bytes, str]] | None = None,
        follow: bool = True,
    ) -> requests.Response:
        """POST a form; `csrf=""` sends the token of the last page, None sends none."""
        items = list(data.items()) if isinstance(data, dict) else list(data or [])
        if csrf == "":
            csrf = self.csrf()
        if csrf is not None:
            items.append(("csrf", csrf))
        response = self._keep(
            requests.post(
                self.base + path,
                data=items,
                files=files,
                headers=self._headers(),
                allow_redirects=False,
                timeout=30,
            )
        )
        if follow and response.status_code == 303:
            return self.get(response.headers["location"])
        return response

    def csrf(self) -> str:
        assert self.last is not None, "open a page first"
        match = _CSRF.search(self.last.text)
        assert match is not None, "the last page has no form"
        return match.group(1)
