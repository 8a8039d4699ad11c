"""The `outpost` command line: exit codes, one-line errors, JSON output, the same services."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import run_cli as run
from support import sample

from cli.main import main

PASS = "a long enough passphrase"


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv("OUTPOST_DATA_DIR", str(data))
    monkeypatch.setenv("OUTPOST_PASSPHRASE", PASS)
    monkeypatch.setenv("OUTPOST_NEW_PASSPHRASE", PASS)
    return data


def test_whole_headless_day(env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "init", "--user", "ana", "--agency", "THA-IMM")[0] == 0
    code, _, err = run(capsys, "user", "add", "ben", "--role", "ofp", "--user", "ana")
    assert code == 0, err
    code, out, _ = run(capsys, "user", "list", "--json", "--user", "ben")
    assert [u["name"] for u in json.loads(out)] == ["ana", "ben"]

    report = sample(2, 0)
    report["narrative"] += " Quetzalpass forgery ring."
    (tmp_path / "r.json").write_text(json.dumps(report))
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00jpegbytes")
    code, out, err = run(
        capsys,
        "report",
        "add",
        "--json",
        str(tmp_path / "r.json"),
        "--attach",
        str(tmp_path / "photo.jpg"),
        "--user",
        "ana",
    )
    assert code == 0, err
    report_id = out.strip()

    code, out, _ = run(capsys, "report", "show", report_id[:8], "--json", "--user", "ana")
    shown = json.loads(out)
    assert shown["id"] == report_id and shown["report"]["narrative"] == report["narrative"]
    assert shown["report"]["attachments"][0]["filename"] == "photo.jpg"

    code, out, _ = run(capsys, "report", "list", "--json", "--user", "ana")
    assert [r["id"] for r in json.loads(out)] == [report_id]
    code, out, _ = run(capsys, "report", "search", "quetzalpass", "--json", "--user", "ana")
    assert [r["id"] for r in json.loads(out)] == [report_id]
    code, out, _ = run(capsys, "report", "search", "nothingmatches", "--user", "ana")
    assert code == 0 and "No reports match" in out
    code, out, _ = run(capsys, "audit", "verify", "--user", "ana")
    assert code == 0 and "intact" in out


def test_user_errors_are_one_line_exit_1(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, "report", "list")
    assert code == 1 and "outpost init" in err and err.count("\n") == 1
    assert run(capsys, "init", "--user", "ana", "--agency", "THA-IMM")[0] == 0

    (tmp_path / "bad.json").write_text("{not json")
    code, _, err = run(capsys, "report", "add", "--json", str(tmp_path / "bad.json"))
    assert code == 1 and "not valid JSON" in err and err.count("\n") == 1

    (tmp_path / "invalid.json").write_text(
        json.dumps({"kind": "document_fraud", "source": {"reliability": "Q"}})
    )
    code, _, err = run(capsys, "report", "add", "--json", str(tmp_path / "invalid.json"))
    assert code == 1 and "source.reliability" in err and err.count("\n") == 1

    monkeypatch.setenv("OUTPOST_PASSPHRASE", "wrong wrong wrong")
    code, _, err = run(capsys, "report", "list")
    assert code == 1 and "passphrase" in err.lower() and err.count("\n") == 1


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["report", "frobnicate"])
    assert info.value.code == 2


def test_passphrase_file_and_console_script(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(PASS + "\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("OUTPOST_")}
    base = [sys.executable, "-m", "cli.main", "--data-dir", str(tmp_path / "d")]
    root = Path(__file__).parent.parent

    def outpost(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*base, *argv],
            env=env,
            cwd=root,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
        )

    done = outpost("init", "--user", "ana", "--agency", "X", "--new-passphrase-file", str(secret))
    assert done.returncode == 1 and "agency code" in done.stderr
    done = outpost(
        "init", "--user", "ana", "--agency", "MYS-IMM", "--new-passphrase-file", str(secret)
    )
    assert done.returncode == 0, done.stderr
    done = outpost("report", "list", "--json", "--passphrase-file", str(secret))
    assert done.returncode == 0 and json.loads(done.stdout) == []
    done = outpost("report", "list")
    assert done.returncode == 1 and "--passphrase-file" in done.stderr


def test_self_test_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "self-test", "--data-dir", str(tmp_path / "d"))
    assert code == 0, out
    assert out.count("PASS") == 8 and "0 failed" in out


def test_audit_list_filters_and_refuses_bad_dates(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "init", "--user", "ana", "--agency", "THA-IMM")[0] == 0
    assert run(capsys, "user", "add", "ben", "--role", "ofp", "--user", "ana")[0] == 0
    ids = []
    for i in range(3):
        (tmp_path / f"r{i}.json").write_text(json.dumps(sample(4, i)))
        code, out, err = run(
            capsys, "report", "add", "--json", str(tmp_path / f"r{i}.json"), "--user", "ana"
        )
        assert code == 0, err
        ids.append(out.strip())

    def listed(*extra: str) -> list[dict[str, object]]:
        code, out, err = run(capsys, "audit", "list", "--json", "--user", "ana", *extra)
        assert code == 0, err
        rows: list[dict[str, object]] = json.loads(out)
        return rows

    everything = listed("--limit", "1000")
    created = listed("--action", "report.created")
    assert sorted(r["object"] for r in created) == sorted(i[:8] for i in ids)
    assert {r["action"] for r in listed("--action", "user.added")} == {"user.added"}
    about = listed("--report", ids[1][:8])
    assert about and {r["object"] for r in about} == {ids[1][:8]}
    assert listed("--action", "user.added", "--report", ids[1][:8]) == []
    # ben only made his signing key; ana made the rest.
    bens = listed("--actor", "ben", "--limit", "1000")
    anas = listed("--actor", "ana", "--limit", "1000")
    assert {r["action"] for r in bens} == {"user.key_created"}
    assert [r for r in anas if r["action"] == "report.created"] == created
    assert len({r["actor"] for r in anas}) == 1 and anas[0]["actor"] != bens[0]["actor"]
    assert listed("--actor", "ben", "--action", "report.created") == []
    today = str(everything[0]["at"])[:10]
    assert len(listed("--from", today, "--to", today, "--limit", "1000")) == len(everything)
    assert listed("--to", "2000-01-01") == []

    code, out, err = run(capsys, "audit", "list", "--from", "2026-13-01", "--user", "ana")
    assert code == 1 and "YYYY-MM-DD" in err and "2026-13-01" in err
    assert len(err.strip().splitlines()) == 1
    code, _, err = run(
        capsys, "audit", "list", "--from", "2026-12-03", "--to", "2026-12-01", "--user", "ana"
    )
    assert code == 1 and "before the start date" in err
    code, _, err = run(capsys, "audit", "list", "--action", "report.eaten", "--user", "ana")
    assert code == 1 and "report.created" in err
