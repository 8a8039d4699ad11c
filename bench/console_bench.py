"""Issue 15 benchmark: weight on the wire and time to first byte of the console's five main
pages, against the budget (the heaviest page at most 100 KB with gzip, usable at 64 kbit/s).

The portal runs as `outpost-portal serve` in its own process over SQLite, filled the way a
busy agency's would be: 300 enrolled devices, 300 people in the state, a long audit log.
Each page is fetched signed in as the role that uses it (operator, NFP, OFP) with gzip, as a
browser asks; its weight is the compressed bytes of the page plus its style sheet and
script (a first visit, nothing cached). Time to first byte is the median and 95th
percentile of 40 fetches; the baseline, measured in the same run against the same process,
is `GET /v1/hello`, the API's cheapest answer.

`python -m bench console` (or `python -m bench.console_bench`).
"""

from __future__ import annotations

import re
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import pyotp
import requests

from bench.portal_bench import portal_process
from bench.table import median, percentile, print_table
from portal.clock import now_seconds
from portal.config import default_db_url
from portal.database import Database
from portal.keys import create_keys
from portal.registry import create_agency, issue_code
from portal.web import accounts
from sync.protocol import generate_private_key
from sync.transport import PortalClient
from tests.console.http_client import ConsoleClient

DEVICES = 300
PEOPLE = 300
FETCHES = 40
BUDGET_BYTES = 100 * 1024
LINK_BITS_PER_SECOND = 64_000
PASSPHRASE = "benchmark passphrase words"
_ASSET = re.compile(r'(?:href|src)="(/static/[^"]+)"')


@dataclass
class Row:
    page: str
    role: str
    raw: int
    gzip: int
    with_assets: int
    ttfb_ms: list[float]


def _account(db: Database, kind: str, method_owner: str, **principal: str) -> str:
    """An activation code for a new passphrase account (operator, or a principal)."""
    if kind == "operator":
        return accounts.create_operator(
            db,
            operator_id=method_owner,
            display_name="Bench Operator",
            method="passphrase-totp",
            created_by="bench",
            now=now_seconds(),
            ttl=3600,
        )
    from portal.web import people
    from portal.web.console import Viewer
    from portal.web.sessions import Session

    creator = Viewer(
        account_id="bench",
        kind="operator" if principal["role"] == "nfp" else "principal",
        role="operator" if principal["role"] == "nfp" else "nfp",
        display_name="bench",
        agency=None,
        member_state=principal["state"],
        session=Session("", "bench", 0),
    )
    return people.create_principal_account(
        db,
        principal_id=method_owner,
        display_name=method_owner,
        agency=principal["agency"],
        role=principal["role"],
        method="passphrase-totp",
        creator=creator,
        now=now_seconds(),
        ttl=3600,
    )


def _signed_in(url: str, account_id: str, code: str) -> ConsoleClient:
    client = ConsoleClient(url)
    client.get("/activate")
    page = client.post("/activate", {"account_id": account_id, "code": code})
    match = re.search(r'id="totp-secret">([A-Z2-7]+)<', page.text)
    if match is None:
        raise RuntimeError(f"activation of {account_id} failed: {page.status_code}")
    done = client.post(
        "/activate/passphrase",
        {
            "account_id": account_id,
            "code": code,
            "secret": match.group(1),
            "passphrase": PASSPHRASE,
            "repeat": PASSPHRASE,
            "totp": pyotp.TOTP(match.group(1)).now(),
        },
    )
    if "/logout" not in done.text:
        raise RuntimeError(f"sign-in of {account_id} failed: {done.status_code}")
    return client


def _wire_bytes(client: ConsoleClient, path: str) -> tuple[int, int, str]:
    """(uncompressed, gzip bytes on the wire, text) of one answer."""
    headers = client._headers({"Accept-Encoding": "gzip"})
    answer = requests.get(client.base + path, headers=headers, stream=True, timeout=60)
    wire = answer.raw.read(decode_content=False)
    answer.raise_for_status()
    text = requests.get(client.base + path, headers=client._headers(), timeout=60).text
    return len(text.encode("utf-8")), len(wire), text


def _ttfb(client: ConsoleClient, path: str) -> list[float]:
    """Milliseconds from sending the request to the answer's headers, FETCHES times."""
    session = requests.Session()
    samples = []
    for _ in range(FETCHES):
        headers = client._headers({"Accept-Encoding": "gzip"})
        answer = session.get(client.base + path, headers=headers, stream=True, timeout=60)
        samples.append(answer.elapsed.total_seconds() * 1000)
        answer.close()
    return samples


def _measure(client: ConsoleClient, page: str, role: str) -> Row:
    raw, wire, text = _wire_bytes(client, page)
    assets = sum(_wire_bytes(client, asset)[1] for asset in sorted(set(_ASSET.findall(text))))
    return Row(page, role, raw, wire, wire + assets, _ttfb(client, page))


def _fill(db: Database, url: str, agency: str, state: str) -> None:
    with PortalClient(url) as api:
        for _ in range(DEVICES):
            code = issue_code(db, agency=agency, role="officer", ttl_seconds=600, now=now_seconds())
            api.enrol(code, str(uuid.uuid4()), generate_private_key())
    for number in range(PEOPLE):
        _account(db, "principal", f"ofp.bench.{number:04d}", agency=agency, state=state, role="ofp")


def run() -> None:
    with tempfile.TemporaryDirectory(prefix="console-bench-") as folder:
        data_dir = Path(folder)
        create_keys(data_dir, portal_id="portal.bench", agency="FORUM")
        db_url = default_db_url(data_dir)
        db = Database(db_url)
        db.upgrade()
        create_agency(db, code="KEN-IMM", member_state="KEN", name="Immigration", now=now_seconds())
        operator_code = _account(db, "operator", "ops.bench")
        nfp_code = _account(db, "principal", "nfp.bench", agency="KEN-IMM", state="KEN", role="nfp")
        ofp_code = _account(db, "principal", "ofp.bench", agency="KEN-IMM", state="KEN", role="ofp")
        with portal_process(db_url, data_dir) as api_url:
            url = api_url.replace("127.0.0.1", "localhost")
            _fill(db, api_url, "KEN-IMM", "KEN")
            operator = _signed_in(url, "ops.bench", operator_code)
            nfp = _signed_in(url, "nfp.bench", nfp_code)
            ofp = _signed_in(url, "ofp.bench", ofp_code)
            anonymous = ConsoleClient(url)
            rows = [
                _measure(anonymous, "/login", "anyone"),
                _measure(ofp, "/", "OFP"),
                _measure(ofp, "/devices", "OFP"),
                _measure(nfp, "/people", "NFP"),
                _measure(operator, "/operator/audit", "operator"),
            ]
            baseline = _ttfb(anonymous, "/v1/hello")
        db.dispose()
    base = median(baseline)
    print_table(
        f"Console pages: weight and time to first byte ({DEVICES} devices, {PEOPLE} people;"
        f" baseline GET /v1/hello TTFB median {base:.2f} ms)",
        [
            "page",
            "as",
            "HTML KB",
            "gzip KB",
            "+ CSS/JS KB",
            "of budget",
            "s at 64 kbit/s",
            "TTFB median ms",
            "TTFB p95 ms",
            "x /v1/hello",
        ],
        [
            (
                r.page,
                r.role,
                r.raw / 1024,
                r.gzip / 1024,
                r.with_assets / 1024,
                f"{r.with_assets / BUDGET_BYTES:.0%}",
                r.with_assets * 8 / LINK_BITS_PER_SECOND,
                median(r.ttfb_ms),
                percentile(r.ttfb_ms, 95),
                median(r.ttfb_ms) / base,
            )
            for r in rows
        ],
    )


if __name__ == "__main__":
    run()
