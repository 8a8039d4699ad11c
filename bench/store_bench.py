"""Issue 2 benchmark: the encrypted store on 100,000 reports, against plain SQLite.

The baseline is the same SQLite build (the one inside sqlcipher3) opened without a key, with
the same schema, pragmas and queries, so the ratio isolates the cost of encryption.
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from pathlib import Path

import sqlcipher3

from app.domain import Role
from app.paths import DataPaths
from app.reports import ReportService, search_index
from app.samples import SyntheticReports
from app.session import NewUser, initialise, unlock
from app.validation import validate_report
from bench.table import percentile, print_table
from storage.database import Database, _apply_runtime_pragmas
from storage.migrations import apply_migrations
from storage.reports_repo import NewReport, ReportFilter, ReportRepository
from storage.users_repo import UserRecord, UserRepository

PASSPHRASE = "benchmark passphrase"
SEARCH_TERMS = [
    "lorry",
    "forged",
    "visa stamp",
    "broker",
    "river",
    "Myanmar",
    "Sadao",
    "minibus",
    "photo substitution",
    "night",
    "fees",
    "agent",
    "Malaysia",
    "checkpoint",
    "bus",
    "boat",
    "pass",
    "smuggl",
    "impostor",
    "Cambodia",
]


def _plain_database(path: Path) -> Database:
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    _apply_runtime_pragmas(conn)
    apply_migrations(conn)
    return Database(path, conn)


def _bulk_insert(db: Database, author: str, payloads: list[dict], batch: int = 1000) -> float:
    repo = ReportRepository(db)
    started = time.perf_counter()
    for start in range(0, len(payloads), batch):
        with db.transaction():
            for i, p in enumerate(payloads[start : start + batch], start):
                repo.insert(
                    NewReport(
                        report_id=f"{i:08x}-0000-4000-8000-000000000000",
                        version=1,
                        status=random.choice(["draft", "queued", "approved", "sent"]),
                        kind=p["kind"],
                        observed_at=p["observed_at"],
                        crossing_point=p["crossing_point"],
                        tlp=p["handling"]["tlp"],
                        author_id=author,
                        created_at=p["observed_at"],
                        payload=json.dumps(p, ensure_ascii=False, sort_keys=True),
                    ),
                    search_index(p),
                )
    return time.perf_counter() - started


def _queries(service: ReportService, payloads: list[dict], rounds: int) -> dict[str, float]:
    rng = random.Random(5)
    search_ms, list_ms = [], []
    kinds = sorted({p["kind"] for p in payloads})
    cps = sorted({p["crossing_point"] for p in payloads})
    nats = sorted({q["nationality"] for p in payloads for q in p["persons"]})
    for _ in range(rounds):
        term = rng.choice(SEARCH_TERMS)
        f = ReportFilter(kind=rng.choice(kinds)) if rng.random() < 0.3 else ReportFilter()
        t = time.perf_counter()
        service.search(term, f, limit=50)
        search_ms.append((time.perf_counter() - t) * 1000)
        choice = rng.randrange(5)
        if choice == 0:
            f = ReportFilter(kind=rng.choice(kinds))
        elif choice == 1:
            f = ReportFilter(status=rng.choice(["draft", "queued", "approved", "sent"]))
        elif choice == 2:
            f = ReportFilter(crossing_point=rng.choice(cps))
        elif choice == 3:
            f = ReportFilter(nationality=rng.choice(nats))
        else:
            f = ReportFilter(
                observed_from="2025-06-01T00:00:00Z", observed_to="2025-09-01T00:00:00Z"
            )
        t = time.perf_counter()
        service.list_page(f, limit=50)
        list_ms.append((time.perf_counter() - t) * 1000)
    return {
        "search_p50": percentile(search_ms, 50),
        "search_p95": percentile(search_ms, 95),
        "list_p50": percentile(list_ms, 50),
        "list_p95": percentile(list_ms, 95),
    }


def run(n: int = 100_000, rounds: int = 300) -> dict[str, float]:
    gen = SyntheticReports(seed=2024)
    started = time.perf_counter()
    payloads = [validate_report({**r, "attachments": []}).to_dict() for r in gen.many(n)]
    print(
        f"generated and validated {n:,} synthetic reports in {time.perf_counter() - started:.1f} s"
    )
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="outpost-bench-") as tmp:
        root = Path(tmp)
        # Encrypted: a real installation, unlocked the way a person unlocks it.
        paths = DataPaths(root / "enc")
        session = initialise(paths, NewUser("bench", Role.OFFICER, "AG"), PASSPHRASE)
        user = session.user
        seconds = _bulk_insert(session.db, user.id, payloads)
        single = _single_inserts(ReportService(session.db, user, session.audit), payloads[:300])
        session.lock()
        unlock_s = []
        for _ in range(5):
            t = time.perf_counter()
            session = unlock(paths, "bench", PASSPHRASE)
            unlock_s.append(time.perf_counter() - t)
            session.lock()
        session = unlock(paths, "bench", PASSPHRASE)
        results["SQLCipher"] = {
            "insert_per_s": n / seconds,
            "single_per_s": single,
            **_queries(ReportService(session.db, user, session.audit), payloads, rounds),
            "unlock_s": percentile(unlock_s, 50),
        }
        session.lock()

        plain = _plain_database(root / "plain.db")
        UserRepository(plain).insert(UserRecord(user.id, "bench", "officer", "AG", "x", None))
        seconds = _bulk_insert(plain, user.id, payloads)
        service = ReportService(plain, user)
        results["plain SQLite"] = {
            "insert_per_s": n / seconds,
            "single_per_s": _single_inserts(service, payloads[:300]),
            **_queries(service, payloads, rounds),
            "unlock_s": float("nan"),
        }
        plain.close()

    enc, base = results["SQLCipher"], results["plain SQLite"]
    rows = []
    for key, label, target in [
        ("insert_per_s", "bulk insert (reports/s, 1,000 per transaction)", ""),
        ("single_per_s", "single report, own transaction (reports/s)", ""),
        ("search_p50", "full-text search p50 (ms)", ""),
        ("search_p95", "full-text search p95 (ms)", "≤ 30"),
        ("list_p50", "filtered list page p50 (ms)", ""),
        ("list_p95", "filtered list page p95 (ms)", "≤ 50"),
        ("unlock_s", "unlock: Argon2id + open 100k store (s)", "≤ 0.8"),
    ]:
        ratio = enc[key] / base[key] if base[key] == base[key] and base[key] else float("nan")
        rows.append((label, enc[key], base[key], ratio, target))
    print_table(
        f"Encrypted store, {n:,} reports (ratio = SQLCipher / plain SQLite)",
        ["measure", "SQLCipher", "plain SQLite", "ratio", "target"],
        rows,
    )
    return {k: v for k, v in enc.items()}


def _single_inserts(service: ReportService, payloads: list[dict]) -> float:
    started = time.perf_counter()
    for p in payloads:
        service.create_draft(p)
    return len(payloads) / (time.perf_counter() - started)
