"""Every console page a signed-in person can reach by following links, so the security
tests cover pages added later without anyone remembering to list them."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tests.console.http_client import ConsoleClient

_HREF = re.compile(r'href="([^"]+)"')
# Links that change state or leave the console's pages: a language switch, static files.
_SKIP = ("/lang/", "/static/", "/v1/")


def reachable_pages(client: ConsoleClient, start: str = "/", limit: int = 200) -> list[str]:
    seen: list[str] = []
    queue = [start]
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.append(path)
        page = client.get(path)
        if "text/html" not in page.headers.get("content-type", ""):
            continue
        for href in _HREF.findall(page.text):
            href = href.replace("&amp;", "&")
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            if parts.path.startswith(_SKIP) or href in seen or href in queue:
                continue
            queue.append(href)
    return seen
