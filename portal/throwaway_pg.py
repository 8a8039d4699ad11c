"""A throwaway PostgreSQL cluster in a temporary directory, for tests and benchmarks.

Uses the server binaries of the Debian `postgresql` package (/usr/lib/postgresql/N/bin) or
whatever `initdb`/`pg_ctl` is on PATH. initdb refuses to run as root, so as root the cluster
belongs to the `postgres` system user (runuser). The cluster listens only on a Unix socket
in its own directory under /tmp, on a random port number, and is removed when stopped.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

SUPERUSER: Final = "postgres"
_VERSION_DIR = re.compile(r"/usr/lib/postgresql/(\d+)/bin")


def find_bin_dir() -> Path | None:
    """The directory holding initdb and pg_ctl, newest Debian version first."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(m[1]) if (m := _VERSION_DIR.fullmatch(str(p))) else -1,
        reverse=True,
    )
    for directory in candidates:
        if (directory / "initdb").is_file() and (directory / "pg_ctl").is_file():
            return directory
    initdb = shutil.which("initdb")
    if initdb is not None and shutil.which("pg_ctl") is not None:
        return Path(initdb).parent
    return None


def unavailable_reason() -> str | None:
    """Why no cluster can be started here, or None when one can."""
    if find_bin_dir() is None:
        return (
            "PostgreSQL server binaries (initdb, pg_ctl) not found; on Debian:"
            " apt-get install postgresql"
        )
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "the psycopg driver is not installed (pip install 'psycopg[binary]')"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SUPERUSER)
        except KeyError:
            return f"running as root and there is no {SUPERUSER!r} user to run initdb as"
        if shutil.which("runuser") is None:
            return "running as root and runuser (util-linux) is missing"
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Cluster:
    bin_dir: Path
    root: Path  # temporary directory: data/, the socket and the log
    port: int
    as_user: str | None  # system user the server runs as (when we are root)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        return self.root / "server.log"

    def url(self, database: str = "postgres") -> str:
        """SQLAlchemy URL (psycopg 3 driver) over the Unix socket."""
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.root}&port={self.port}"

    def create_database(self, name: str) -> str:
        if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
            raise ValueError(f"not a plain database name: {name!r}")
        import psycopg

        with psycopg.connect(
            host=str(self.root), port=self.port, user=SUPERUSER, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_user is not None:
            command = ["runuser", "-u", self.as_user, "--", *command]
        result = subprocess.run(
            command, cwd=self.root, capture_output=True, text=True, timeout=120, check=False
        )
        if result.returncode != 0:
            log = self.log_file.read_text() if self.log_file.exists() else ""
            raise RuntimeError(
                f"{args[0]} failed ({result.returncode}): {result.stderr.strip()}\n{log}"
            )

    def stop(self) -> None:
        try:
            if (self.data_dir / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def start(*, durable: bool = False) -> Cluster:
    """initdb + pg_ctl start. `durable=False` (tests) turns off fsync: much faster, and a
    crash only loses a cluster that is thrown away anyway."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise RuntimeError(unavailable_reason() or "PostgreSQL not found")
    # /tmp, not $TMPDIR: a Unix socket path must stay under ~100 bytes.
    root = Path(tempfile.mkdtemp(prefix="outpost-pg-", dir="/tmp"))
    as_user = None
    if os.geteuid() == 0:
        as_user = SUPERUSER
        entry = pwd.getpwnam(SUPERUSER)
        os.chown(root, entry.pw_uid, entry.pw_gid)
    cluster = Cluster(bin_dir, root, _free_port(), as_user)
    options = [
        f"-p {cluster.port}",
        f"-k {root}",
        "-c listen_addresses=''",
        "-c max_connections=100",
    ]
    if not durable:
        options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
    try:
        cluster._run(
            "initdb",
            "-D",
            str(cluster.data_dir),
            "-U",
            SUPERUSER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        cluster._run(
            "pg_ctl",
            "-D",
            str(cluster.data_dir),
            "-l",
            str(cluster.log_file),
            "-o",
            " ".join(options),
            "-w",
            "-t",
            "60",
            "start",
        )
    except BaseException:
        cluster.stop()
        raise
    return cluster
