"""Issue 3 benchmark: signing and verifying realistic submissions on one core.

Baseline: bare Ed25519 sign + verify of the same canonical bytes, i.e. the cryptographic
floor; the ratio shows what envelope building, canonical JSON, parsing and the certificate
checks add on top. Verify alone is set against bare Ed25519 verify of the same signed
messages (issue 16: ≥ 0.6).
"""

from __future__ import annotations

import statistics
import time
import uuid
from datetime import UTC, datetime, timedelta

from app.samples import SyntheticReports
from bench.table import print_table
from sync.protocol import (
    Attachment,
    MemoryKeyResolver,
    SubmissionBody,
    canonical_bytes,
    generate_private_key,
    self_signed_certificate,
    sign_submission,
    verify,
)


def run(n: int = 10_000) -> dict[str, float]:
    gen = SyntheticReports(seed=77)
    reports = [gen.report(i) for i in range(n)]
    key = generate_private_key()
    now = datetime.now(UTC).replace(microsecond=0)
    cert = self_signed_certificate(
        key,
        user_id="bench-user",
        agency="THA-IMM",
        role="officer",
        not_before=now - timedelta(days=1),
        not_after=now + timedelta(days=365),
    )
    keys = MemoryKeyResolver.of([cert])
    bodies = [
        SubmissionBody(
            report_id=uuid.uuid4(),
            report_version=1,
            supersedes=None,
            report=r,
            attachments=tuple(
                Attachment(a["sha256"], a["size"], a["media_type"]) for a in r["attachments"]
            ),
            author="bench-user",
            agency="THA-IMM",
            created_at=now,
        )
        for r in reports
    ]

    started = time.perf_counter()
    canon = [canonical_bytes(r) for r in reports]
    canonical_s = time.perf_counter() - started

    started = time.perf_counter()
    envelopes = [sign_submission(b, key) for b in bodies]
    sign_s = time.perf_counter() - started
    wire = [e.to_bytes() for e in envelopes]

    started = time.perf_counter()
    for data in wire:
        verify(data, keys=keys, now=now, expected_type="submission", allow_self_signed=True)
    verify_s = time.perf_counter() - started

    public = key.public_key()
    started = time.perf_counter()
    for message in canon:
        public.verify(key.sign(message), message)
    floor_s = time.perf_counter() - started

    # Verify alone against bare Ed25519 verify of the same signed messages, interleaved in
    # chunks so that a busy neighbour on a shared machine slows both sides alike.
    signed = [(e.sig, e.signed_message) for e in envelopes]
    ratios: list[float] = []
    bare_verify_s = 0.0
    for start in range(0, n, 500):
        chunk = slice(start, start + 500)
        started = time.perf_counter()
        for data in wire[chunk]:
            verify(data, keys=keys, now=now, expected_type="submission", allow_self_signed=True)
        ours_s = time.perf_counter() - started
        started = time.perf_counter()
        for sig, message in signed[chunk]:
            public.verify(sig, message)
        bare_s = time.perf_counter() - started
        bare_verify_s += bare_s
        ratios.append(bare_s / ours_s)
    verify_ratio = statistics.median(ratios)

    sizes = [len(w) for w in wire]
    ours = n / (sign_s + verify_s)
    floor = n / floor_s
    rows = [
        ("envelopes", f"{n:,}", "", ""),
        ("median envelope size (bytes)", f"{statistics.median(sizes):,.0f}", "", ""),
        ("canonicalise one report (µs)", canonical_s / n * 1e6, "", ""),
        ("sign (envelopes/s)", n / sign_s, "", ""),
        (
            "verify from wire bytes (envelopes/s)",
            n / verify_s,
            n / bare_verify_s,
            verify_ratio,
        ),
        ("sign + verify (reports/s)", ours, floor, ours / floor),
    ]
    print_table(
        "Signed submissions on one core (baseline = bare Ed25519 over the same bytes)",
        ["measure", "Outpost envelope", "bare Ed25519", "ratio"],
        [(*r[:3], r[3]) for r in rows],
    )
    print("targets: sign + verify ≥ 2,000 reports/s; verify ≥ 0.6 × bare Ed25519 verify")
    return {"sign_verify_per_s": ours, "verify_ratio": verify_ratio}
