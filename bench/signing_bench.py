"""Issue 3 benchmark: signing and verifying realistic submissions on one core.

Baseline: bare Ed25519 sign + verify of the same canonical bytes, i.e. the cryptographic
floor; the ratio shows what envelope building, canonical JSON, parsing and the certificate
checks add on top.
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

    sizes = [len(w) for w in wire]
    ours = n / (sign_s + verify_s)
    floor = n / floor_s
    rows = [
        ("envelopes", f"{n:,}", "", ""),
        ("median envelope size (bytes)", f"{statistics.median(sizes):,.0f}", "", ""),
        ("canonicalise one report (µs)", canonical_s / n * 1e6, "", ""),
        ("sign (envelopes/s)", n / sign_s, "", ""),
        ("verify from wire bytes (envelopes/s)", n / verify_s, "", ""),
        ("sign + verify (reports/s)", ours, floor, ours / floor),
    ]
    print_table(
        "Signed submissions on one core (baseline = bare Ed25519 over the same bytes)",
        ["measure", "Outpost envelope", "bare Ed25519", "ratio"],
        [(*r[:3], r[3]) for r in rows],
    )
    print("target: sign + verify ≥ 2,000 reports/s")
    return {"sign_verify_per_s": ours}
