"""A real portal in its own process, started with the operator's commands (`outpost-portal
admin init`, `serve --port 0`), for what a portal in a thread cannot show: the memory of the
server process, the modes of the files it writes under a given umask, raw-socket framing.
"""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from portal.clock import now_seconds
from portal.config import default_db_url
from portal.database import Database
from portal.registry import create_agency, issue_code

_LISTENING = re.compile(rb"Uvicorn running on https?://127\.0\.0\.1:(\d+)")


def portal_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "portal.cli", *args]


def run_admin(*args: str, umask: int = 0o022) -> str:
    done = subprocess.run(
        portal_command("admin", *args), capture_output=True, umask=umask, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode()


@dataclass
class PortalProcess:
    process: subprocess.Popen[bytes]
    data_dir: Path
    port: int
    db: Database
    log: bytearray  # everything the server wrote to stderr so far

    @property
    def log_text(self) -> str:
        return self.log.decode("utf-8", "replace")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def rss_bytes(self, field: str = "VmRSS") -> int:
        """The server process's resident memory now (VmRSS) or at its peak (VmHWM)."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        match = re.search(rf"^{field}:\s+(\d+) kB", status, re.MULTILINE)
        assert match is not None, status
        return int(match[1]) * 1024

    def new_agency(self, code: str, member_state: str = "KEN") -> str:
        create_agency(self.db, code=code, member_state=member_state, name=code, now=now_seconds())
        return code

    def code(self, agency: str, role: str) -> str:
        return issue_code(self.db, agency=agency, role=role, ttl_seconds=3600, now=now_seconds())


@contextlib.contextmanager
def portal_process(data_dir: Path, *, umask: int = 0o022) -> Iterator[PortalProcess]:
    """`admin init` then `serve --port 0` under `umask`; yields once the server listens."""
    run_admin("init", "--data", str(data_dir), umask=umask)
    process = subprocess.Popen(
        portal_command("serve", "--data", str(data_dir), "--port", "0"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        umask=umask,
    )
    db: Database | None = None
    try:
        assert process.stderr is not None
        port = None
        deadline = time.monotonic() + 60
        seen = b""
        while port is None:
            line = process.stderr.readline()
            seen += line
            if (not line and process.poll() is not None) or time.monotonic() > deadline:
                raise RuntimeError(f"the portal did not start: {seen.decode()}")
            match = _LISTENING.search(line)
            if match is not None:
                port = int(match[1])
        log = bytearray(seen)
        # Keep draining stderr, so a chatty server never blocks on a full pipe.
        pump = threading.Thread(target=_drain, args=(process, log), daemon=True)
        pump.start()
        db = Database(default_db_url(data_dir))
        yield PortalProcess(process, data_dir, port, db, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if db is not None:
            db.dispose()


def _drain(process: subprocess.Popen[bytes], into: bytearray) -> None:
    assert process.stderr is not None
    for line in iter(process.stderr.readline, b""):
        into += line
