"""Property-based fuzzing of the served OpenAPI description (schemathesis) against the live
portal: schema-conforming and schema-violating requests, signed with an enrolled key so they
get past authentication and reach the parsers. No request may make the portal fail (5xx)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation.modes import GenerationMode

from sync.http_signatures import sign_request
from tests.portal.conftest import RunningPortal, Team
from tests.portal.portal_client import User

# Per operation and generation mode; 9 operations x 2 modes x this, twice (both backends),
# stays well under the 40 s budget on the 2-core CI machine.
EXAMPLES = 15

# A tus PATCH body is raw bytes like application/octet-stream.
schemathesis.serializer.alias("application/offset+octet-stream", "application/octet-stream")


class SignWith(requests.auth.AuthBase):
    """Signs the request exactly as it goes out (final URL and body bytes)."""

    def __init__(self, user: User) -> None:
        self.user = user

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode("utf-8")
        assert isinstance(body, bytes), type(body)
        request.headers.update(
            sign_request(
                method=str(request.method),
                url=str(request.url),
                body=body,
                private_key=self.user.key,
                created=int(time.time()),
            )
        )
        return request


@dataclass
class Run:
    base_url: str
    session: requests.Session
    auth: SignWith
    calls: int = 0
    failures: list[str] = field(default_factory=list)
    no_negative_cases: list[str] = field(default_factory=list)


def fuzz(run: Run, operation: Any, mode: GenerationMode) -> None:
    # A documented 5xx (501 of the reserved bundle endpoint) is an answer, not a crash.
    documented = set(operation.definition.raw.get("responses", {}))

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,  # the same cases on every run: CI does not flap
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Any) -> None:
        run.calls += 1
        response = case.call(base_url=run.base_url, session=run.session, auth=run.auth, timeout=30)
        if response.status_code >= 500 and str(response.status_code) not in documented:
            run.failures.append(
                f"{case.method} {case.formatted_path} ({mode}) -> {response.status_code}:"
                f" {response.text[:300]}\n  {case.as_curl_command()}"
            )

    try:
        check()
    except Unsatisfiable:
        # Nothing to get wrong (no parameters, no body): no negative cases exist.
        assert mode is GenerationMode.NEGATIVE, operation.label
        run.no_negative_cases.append(operation.label)


def test_fuzzing_finds_no_server_error(portal: RunningPortal, team: Team) -> None:
    started = time.monotonic()
    schema = schemathesis.openapi.from_url(portal.url + "/v1/openapi.json", timeout=10)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 12
    with requests.Session() as session:
        run = Run(portal.url, session, SignWith(team.officer))
        for operation in operations:
            for mode in GenerationMode:
                fuzz(run, operation, mode)
    elapsed = time.monotonic() - started
    print(f"{run.calls} requests in {elapsed:.1f} s; no negative cases: {run.no_negative_cases}")
    assert not run.failures, "\n".join(run.failures)
    assert run.calls >= len(operations) * 2 * 5  # it really ran
