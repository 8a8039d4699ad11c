"""Issue 16 benchmark (`make bench-scale`): the client from 10,000 to 1,000,000 reports.

Each store is a real encrypted installation filled through the real repository (reports,
payloads, nationality rows, full-text rows, kept counts), generated streaming from
app/samples.py so memory stays bounded however many reports there are. Stores are kept in
a cache folder (OUTPOST_BENCH_CACHE, default .bench-cache/ in the checkout) under a name
that includes the schema version and a digest of the code that shapes them, so a second run
reuses them and a change to that code builds them again.

Before the timed unlock the store's files are evicted from the page cache one by one
(posix_fadvise DONTNEED), so it starts cold without touching the machine's other caches.

Baselines measured in the same run: a plain indexed lookup of one row (for opening a
report) and the 10,000-report figures (for growth).
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench.table import percentile, print_table

PASSPHRASE = "benchmark passphrase"
USER = "bench"
OTHER = "bench.other"
ROOT = Path(__file__).resolve().parents[1]
SIZES = (10_000, 100_000, 1_000_000)
BATCH = 2_000
TERMS = [
    "lorry",
    "forged",
    "broker",
    "river",
    "Myanmar",
    "minibus",
    "night",
    "fees",
    "agent",
    "Malaysia",
    "checkpoint",
    "boat",
    "smuggl",
    "impostor",
    "Cambodia",
    "visa stamp",
]
# Files whose change changes what a cached store holds.
_SHAPING = [
    "app/samples.py",
    "app/reports.py",
    "app/validation.py",
    "storage/reports_repo.py",
    "storage/migrations.py",
]


def _cache_root() -> Path:
    return Path(os.environ.get("OUTPOST_BENCH_CACHE", ROOT / ".bench-cache"))


def _digest() -> str:
    h = hashlib.sha256()
    for name in _SHAPING:
        h.update((ROOT / name).read_bytes())
    h.update(inspect.getsource(_build).encode())
    return h.hexdigest()[:12]


def _store(n: int) -> tuple[Path, dict[str, float]]:
    """The cached store of `n` reports (built if missing) and what was measured building it."""
    from storage.migrations import LATEST_VERSION

    root = _cache_root()
    folder = root / f"reports-{n}-v{LATEST_VERSION}-{_digest()}"
    record = folder / "build.json"
    if record.exists():
        return folder / "data", json.loads(record.read_text())
    for stale in root.glob(f"reports-{n}-*"):
        shutil.rmtree(stale)  # built by other code: it would only fill the disk
    building = folder.with_name(folder.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    built = _build(building / "data", n)
    (building / "build.json").write_text(json.dumps(built))
    building.rename(folder)
    return folder / "data", built


def _build(data: Path, n: int) -> dict[str, float]:
    from app.domain import Role
    from app.paths import DataPaths
    from app.reports import search_index
    from app.samples import SyntheticReports
    from app.session import NewUser, initialise
    from app.validation import validate_report
    from storage.reports_repo import NewReport, ReportRepository

    session = initialise(DataPaths(data), NewUser(USER, Role.OFFICER, "THA-IMM"), PASSPHRASE)
    other = session.add_user(NewUser(OTHER, Role.OFFICER, "THA-IMM"), PASSPHRASE)
    repo = ReportRepository(session.db)
    rng = random.Random(16)
    statuses = ["draft", "queued", "approved", "sent", "acknowledged"]
    rates: list[float] = []
    started = time.perf_counter()
    stream = SyntheticReports(seed=2016).many(n)
    for start in range(0, n, BATCH):
        t = time.perf_counter()
        with session.db.transaction():
            for i in range(start, min(n, start + BATCH)):
                p = validate_report({**next(stream), "attachments": []}).to_dict()
                author = session.user.id if rng.random() < 0.7 else other.id
                repo.insert(
                    NewReport(
                        report_id=f"{i:08x}-0000-4000-8000-{i:012x}",
                        version=1,
                        status=rng.choice(statuses),
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
        rates.append(min(BATCH, n - start) / (time.perf_counter() - t))
        if start // BATCH % 50 == 0:
            print(f"  building {n:,}: {start:,} reports", file=sys.stderr, flush=True)
    seconds = time.perf_counter() - started
    session.lock()
    tenth = max(1, len(rates) // 10)
    return {
        "build_s": seconds,
        "insert_first_per_s": sum(rates[:tenth]) / tenth,
        "insert_last_per_s": sum(rates[-tenth:]) / tenth,
        "build_peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _evict(data: Path) -> None:
    """Drops the store's own pages from the page cache (no system-wide cache drop)."""
    for path in data.rglob("*"):
        if path.is_file():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd) if os.access(path, os.W_OK) else None
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def _gui(data: Path) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-m", "bench.scale_gui", str(data), USER, PASSPHRASE],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=900,
        check=False,
    )
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"GUI run failed: {out.stdout[-500:]} {out.stderr[-2000:]}")
    result: dict[str, float] = json.loads(lines[-1])
    return result


def _service_figures(data: Path, rounds: int) -> dict[str, float]:
    from app.dashboard import DashboardService
    from app.paths import DataPaths
    from app.reports import ReportService
    from app.session import unlock
    from storage.reports_repo import ReportFilter

    session = unlock(DataPaths(data), USER, PASSPHRASE)
    try:
        db, user = session.db, session.user
        service = ReportService(db, user, session.audit)
        dash = []
        for _ in range(5):
            t = time.perf_counter()
            DashboardService(db).figures()
            dash.append((time.perf_counter() - t) * 1000)
        kinds = [
            "irregular_crossing",
            "people_smuggling",
            "trafficking_in_persons",
            "document_fraud",
            "modus_operandi",
            "other",
        ]
        cps = [
            str(r[0])
            for r in db.execute(
                "SELECT DISTINCT crossing_point FROM report_counts WHERE crossing_point != ''"
            )
        ]
        nats = [str(r[0]) for r in db.execute("SELECT DISTINCT country FROM nationality_counts")]
        rng = random.Random(5)

        def a_filter() -> ReportFilter:
            choice = rng.randrange(5)
            if choice == 0:
                return ReportFilter(kind=rng.choice(kinds))
            if choice == 1:
                return ReportFilter(crossing_point=rng.choice(cps))
            if choice == 2:
                return ReportFilter(nationality=rng.choice(nats))
            if choice == 3:
                return ReportFilter(author_id=user.id, kind=rng.choice(kinds))
            return ReportFilter(statuses=(rng.choice(["queued", "draft"]),))

        search_ms, list_ms, count_ms = [], [], []
        for _ in range(rounds):
            f = a_filter()
            t = time.perf_counter()
            service.search(rng.choice(TERMS), f, limit=50)
            search_ms.append((time.perf_counter() - t) * 1000)
            f = a_filter()
            t = time.perf_counter()
            service.list_page(f, 51)
            service.count_if_kept(f)  # what the list does on every reload
            list_ms.append((time.perf_counter() - t) * 1000)
        # Opening reports while the dashboard and lists run on another thread (as the GUI's
        # sync and list work do): opens must not queue behind them.
        total = int(db.execute("SELECT count(*) FROM report_payloads")[0][0])
        ids = [f"{i:08x}-0000-4000-8000-{i:012x}" for i in rng.sample(range(total), 50)]
        stop = threading.Event()

        def busy() -> None:
            while not stop.is_set():
                DashboardService(db).figures()
                service.list_page(ReportFilter(kind=rng.choice(kinds)), 51)

        other = threading.Thread(target=busy)
        other.start()
        open_ms, lookup_ms = [], []
        try:
            for report_id in ids:
                t = time.perf_counter()
                service.get(report_id)
                open_ms.append((time.perf_counter() - t) * 1000)
        finally:
            stop.set()
            other.join()
        for report_id in ids:
            t = time.perf_counter()
            db.execute_one("SELECT rowid FROM reports WHERE report_id = ?", (report_id,))
            lookup_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        exact = service.count(ReportFilter(author_id=user.id))
        count_ms.append((time.perf_counter() - t) * 1000)
        assert exact > 0
    finally:
        session.lock()
    return {
        "dashboard_ms": percentile(dash, 50),
        "dashboard_first_ms": dash[0],
        "search_p95_ms": percentile(search_ms, 95),
        "search_max_ms": max(search_ms),
        "list_p95_ms": percentile(list_ms, 95),
        "open_p95_ms": percentile(open_ms, 95),
        "lookup_p95_ms": percentile(lookup_ms, 95),
        "count_author_ms": count_ms[0],
    }


def run(sizes: tuple[int, ...] = SIZES, rounds: int = 200) -> dict[int, dict[str, float]]:
    results: dict[int, dict[str, float]] = {}
    for n in sizes:
        data, built = _store(n)
        _evict(data)
        gui = _gui(data)
        results[n] = {**built, **gui, **_service_figures(data, rounds)}
        print(f"  {n:,} reports: {json.dumps(results[n])}", file=sys.stderr, flush=True)
    base = results[sizes[0]]
    largest = sizes[-1]
    rows = []
    for key, label, target in [
        ("unlock_to_main_s", "unlock (Argon2id) to main window with dashboard, cold (s)", "≤ 1.5"),
        ("dashboard_ms", "dashboard figures (ms, median of 5)", "≤ 500"),
        ("search_p95_ms", "filtered full-text search p95 (ms)", "≤ 30"),
        ("search_max_ms", "filtered full-text search, slowest (ms)", ""),
        ("list_p95_ms", "list page + its total p95 (ms)", "≤ 10"),
        ("open_p95_ms", "open a report beside dashboard work, p95 (ms)", ""),
        ("lookup_p95_ms", "baseline: plain indexed lookup p95 (ms)", ""),
        ("count_author_ms", "exact count of 'my reports' (ms)", ""),
        ("max_ui_stall_ms", "longest UI-thread stall, unlock to dashboard (ms)", "≤ 50"),
        ("window_build_ms", "  of which building the main window (no statements) (ms)", ""),
        ("max_other_stall_ms", "  longest other stall (ms)", "≤ 50"),
        ("ui_thread_statements", "statements run on the UI thread", "0"),
        ("insert_first_per_s", "insert rate, first tenth of the build (reports/s)", ""),
        ("insert_last_per_s", "insert rate, last tenth of the build (reports/s)", ""),
        ("peak_rss_mib", "GUI peak RSS (MiB)", ""),
        ("build_peak_rss_mib", "build peak RSS, streaming (MiB)", ""),
    ]:
        row: list[object] = [label]
        row += [results[n][key] for n in sizes]
        row.append(results[largest][key] / base[key] if base[key] else float("nan"))
        row.append(target)
        rows.append(tuple(row))
    print_table(
        f"Client growth {' → '.join(f'{n:,}' for n in sizes)} reports "
        f"(ratio = {largest:,} / {sizes[0]:,}; targets at {largest:,})",
        ["measure", *[f"{n:,}" for n in sizes], "ratio", "target"],
        rows,
    )
    opens = results[largest]
    print(
        f"open a report at {largest:,}: {opens['open_p95_ms'] / opens['lookup_p95_ms']:.1f} × "
        "the plain indexed lookup (p95)"
    )
    return results


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="bench.scale_bench")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    run(tuple(int(s) for s in args.sizes.split(",")), args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
