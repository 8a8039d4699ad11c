"""The three descriptions of the API agree: the endpoint table of docs/protocol.md section 5,
the served OpenAPI document and the routes the application really has."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import requests
from starlette.routing import Route

from portal.app import ROUTES
from tests.portal.conftest import RunningPortal

DOC = Path(__file__).resolve().parents[2] / "docs" / "protocol.md"
_ROW = re.compile(r"\| `([A-Z]+)` \| `(/v1/[^`]*)` \| (none|signed) \|")
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def section_5() -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index("\n## 5. HTTP API")
    end = text.find("\n## 6.", start)
    return text[start : end if end != -1 else len(text)]


def documented() -> dict[tuple[str, str], str]:
    rows = {(m, p): auth for m, p, auth in _ROW.findall(section_5())}
    assert len(rows) >= 9, "the endpoint table of section 5 was not found"
    return rows


def described(document: dict[str, Any]) -> dict[tuple[str, str], str]:
    out = {}
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                out[(method.upper(), path)] = "signed" if operation.get("security") else "none"
    return out


def test_the_doc_table_and_the_served_openapi_list_the_same_operations(
    portal: RunningPortal,
) -> None:
    served = requests.get(portal.url + "/v1/openapi.json", timeout=10).json()
    packaged = json.loads(resources.files("portal").joinpath("openapi.json").read_text())
    assert served == packaged
    assert described(served) == documented()


def test_every_route_is_described_and_every_description_routed() -> None:
    routed = set()
    for route in ROUTES:
        assert isinstance(route, Route)
        for method in route.methods or ():
            if not (method == "HEAD" and "GET" in (route.methods or ())):  # Starlette adds HEAD
                routed.add((method, route.path))
    packaged = json.loads(resources.files("portal").joinpath("openapi.json").read_text())
    assert routed == set(described(packaged))


def test_hello_limits_and_feed_parameters_are_described(portal: RunningPortal) -> None:
    """What hello advertises and what GET /v1/feed takes are in the OpenAPI document
    (max_feed_bytes and max_bytes: issue 11 finding 4; max_local_keys and local_keys: finding
    5)."""
    packaged = json.loads(resources.files("portal").joinpath("openapi.json").read_text())
    hello = requests.get(portal.url + "/v1/hello", timeout=10).json()
    limits = packaged["components"]["schemas"]["Hello"]["properties"]["limits"]["properties"]
    assert set(limits) == set(hello["limits"])
    parameters = {p["name"]: p for p in packaged["paths"]["/v1/feed"]["get"]["parameters"]}
    assert set(parameters) == {"cursor", "limit", "max_bytes", "local_keys"}
    assert parameters["max_bytes"]["schema"]["minimum"] == 1
