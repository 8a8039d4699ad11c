"""The signed workflow from the command line: submit, review, approve/return, history,
export with its register entry, and offline verification of the exported file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import certify, sample
from support import ok_cli as ok
from support import run_cli as run

from app.paths import DataPaths
from app.reports import ReportService
from app.session import unlock

PASS = "a long enough passphrase"


@pytest.fixture(autouse=True)
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OUTPOST_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("OUTPOST_PASSPHRASE", PASS)
    monkeypatch.setenv("OUTPOST_NEW_PASSPHRASE", PASS)
    return tmp_path


def _setup(capsys: pytest.CaptureFixture[str], tmp: Path) -> str:
    ok(capsys, "init", "--user", "ana", "--agency", "THA-IMM")
    ok(capsys, "user", "add", "ben", "--role", "ofp", "--user", "ana")
    # ben's role counts once a portal certifies it (tests/test_roles.py; enrolment over the
    # real portal: tests/sync).
    with unlock(DataPaths(tmp / "data"), "ana", PASS) as s:
        certify(s.db, s.audit)
    (tmp / "r.json").write_text(json.dumps(sample(41, 0)))
    report_id = ok(capsys, "report", "add", "--json", str(tmp / "r.json"), "--user", "ana").strip()
    ok(capsys, "report", "submit", report_id[:8], "--user", "ana")
    return report_id


def test_approve_export_verify(capsys: pytest.CaptureFixture[str], env: Path) -> None:
    report_id = _setup(capsys, env)
    queue = json.loads(ok(capsys, "review", "list", "--json", "--user", "ben"))
    assert [(r["id"], r["you_may_decide"]) for r in queue] == [(report_id, True)]
    shown = ok(capsys, "review", "show", report_id[:8], "--user", "ben")
    assert "Source grading" in shown and "You may approve" in shown

    code, _, err = run(
        capsys,
        "review",
        "approve",
        report_id[:8],
        "--tlp",
        "AMBER",
        "--no-third-party",
        "--legal-basis",
        "MOU-1",
        "--user",
        "ana",
    )
    assert code == 1 and "focal points" in err and err.count("\n") == 1

    ok(
        capsys,
        "review",
        "approve",
        report_id[:8],
        "--tlp",
        "AMBER",
        "--no-third-party",
        "--legal-basis",
        "MOU-THA-MYS-2019",
        "--release-to",
        "mys,khm",
        "--user",
        "ben",
    )
    history = json.loads(ok(capsys, "report", "history", report_id[:8], "--json", "--user", "ana"))
    assert [h["action"] for h in history] == ["submitted", "approved"]
    assert all(h["signature"].startswith("valid") for h in history)
    assert [h["actor"] for h in history] == ["ana", "ben"]

    out_file = env / "export.json"
    ok(
        capsys,
        "report",
        "export",
        report_id[:8],
        "--out",
        str(out_file),
        "--recipient",
        "MYS-IMM liaison officer",
        "--purpose",
        "joint investigation",
        "--user",
        "ben",
    )
    register = json.loads(ok(capsys, "register", "list", "--json", "--user", "ben"))
    assert register[0]["recipient"] == "MYS-IMM liaison officer"
    assert (register[0]["method"], register[0]["tlp"]) == ("export_file", "AMBER")
    audit = json.loads(ok(capsys, "audit", "list", "--json", "--user", "ben"))
    assert audit[0]["action"] == "dissemination.recorded"
    assert "intact" in ok(capsys, "audit", "verify", "--user", "ben")

    # The signers are portal-certified (roles come from certificates), so the file verifies
    # where the portal key is known: on this installation. Tampered copies fail anywhere.
    code, out, _ = run(capsys, "verify", str(out_file), "--user", "ana")
    assert code == 0 and "verified (export)" in out and "by another person" in out
    monkey_free = ["--data-dir", str(env / "nowhere")]

    data = out_file.read_bytes()
    for needle in (b"MOU-THA-MYS-2019", b"[SYNTHETIC]"):
        i = data.index(needle)
        tampered = data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1 :]
        (env / "tampered.json").write_bytes(tampered)
        code, out, _ = run(capsys, "verify", str(env / "tampered.json"), *monkey_free)
        assert code == 1 and "bad_signature" in out and "NOT verified" in out


def test_return_and_resubmit(capsys: pytest.CaptureFixture[str], env: Path) -> None:
    report_id = _setup(capsys, env)
    ok(capsys, "review", "return", report_id[:8], "--comment", "Grade the source.", "--user", "ben")
    code, _, err = run(
        capsys,
        "report",
        "export",
        report_id[:8],
        "--out",
        str(env / "x"),
        "--recipient",
        "x",
        "--purpose",
        "y",
        "--user",
        "ben",
    )
    assert code == 1 and "only approved reports" in err
    ok(capsys, "report", "revise", report_id[:8], "--user", "ana")
    # The corrected version must correct something (issue 12 item 10).
    code, _, err = run(capsys, "report", "submit", report_id[:8], "--user", "ana")
    assert code != 0 and "Nothing has changed since this report was returned" in err
    with unlock(DataPaths(env / "data"), "ana", PASS) as s:
        service = ReportService(s.db, s.user, s.audit)
        corrected = dict(service.get(report_id).report)
        corrected["source"] = dict(corrected["source"], description="Graded again.")
        service.update_draft(report_id, corrected)
    ok(capsys, "report", "submit", report_id[:8], "--user", "ana")
    history = json.loads(ok(capsys, "report", "history", report_id[:8], "--json", "--user", "ana"))
    assert [(h["version"], h["action"]) for h in history] == [
        (1, "submitted"),
        (1, "returned"),
        (2, "submitted"),
    ]
    assert history[1]["comment"] == "Grade the source."


def test_products_vrs_writes_the_tables_and_registers_the_export(
    capsys: pytest.CaptureFixture[str], env: Path
) -> None:
    from openpyxl import load_workbook

    ok(capsys, "init", "--user", "ana", "--agency", "THA-IMM")
    ok(capsys, "user", "add", "ben", "--role", "ofp", "--user", "ana")
    with unlock(DataPaths(env / "data"), "ana", PASS) as s:
        certify(s.db, s.audit)
    report = sample(41, 0)
    report.update(
        kind="people_smuggling",
        observed_at="2026-03-02T22:10:00Z",
        persons=[
            {"role": "migrant", "nationality": "MMR", "sex": "male", "age_band": "18-25",
             "count": 4},
            {"role": "suspected_smuggler", "nationality": "THA", "sex": "male",
             "age_band": "26-35", "count": 1},
        ],
    )  # fmt: skip
    (env / "r.json").write_text(json.dumps(report))
    report_id = ok(capsys, "report", "add", "--json", str(env / "r.json"), "--user", "ana").strip()
    ok(capsys, "report", "submit", report_id[:8], "--user", "ana")
    out = env / "vrs.xlsx"
    args = ("products", "vrs", "--from", "2026-01-01", "--to", "2026-12-31")
    # Not approved yet: nothing is released, so nothing is counted.
    said = ok(capsys, *args, "--format", "xlsx", "--out", str(out), "--user", "ben")
    assert "0 reports counted" in said
    ok(capsys, "review", "approve", report_id[:8], "--tlp", "AMBER", "--no-third-party",
       "--legal-basis", "MOU-THA-MYS-2019", "--release-to", "MYS", "--user", "ben")  # fmt: skip
    said = ok(capsys, *args, "--format", "xlsx", "--out", str(out), "--user", "ben")
    assert "1 reports counted (reporting states: THA)" in said
    sheet = load_workbook(out)["incidents"]
    assert [list(r) for r in sheet.iter_rows(values_only=True)][1:] == [
        ["THA", "2026-03", "people_smuggling", 1, 4, 1]
    ]
    ok(capsys, *args, "--format", "csv", "--out", str(env / "vrs.zip"), "--user", "ben")
    register = json.loads(ok(capsys, "register", "list", "--json", "--user", "ben"))
    vrs = [e for e in register if e["object"] == "vrs-msrc:2026-01-01..2026-12-31"]
    assert len(vrs) == 3
    assert {e["recipient"] for e in vrs} == {"UNODC VRS-MSRC"}
    assert {e["tlp"] for e in vrs} == {"CLEAR", "AMBER"}  # the strictest label counted

    code, _, err = run(capsys, "products", "vrs", "--from", "2026-12-31", "--to", "2026-01-01",
                       "--out", str(env / "bad.xlsx"), "--user", "ben")  # fmt: skip
    assert code == 1 and "before it starts" in err
    assert not (env / "bad.xlsx").exists()


def test_a_returned_report_is_edited_from_the_command_line_and_resubmitted(
    capsys: pytest.CaptureFixture[str], env: Path
) -> None:
    """`report edit ID --json FILE` (issue 12 item 10): a returned report can be corrected
    without the GUI, now that an unchanged resubmission is refused."""
    report_id = _setup(capsys, env)
    ok(capsys, "review", "return", report_id[:8], "--comment", "Grade the source.", "--user", "ben")
    (env / "bad.json").write_text(json.dumps({"source": {"reliability": "Z"}}))
    code, _, err = run(
        capsys, "report", "edit", report_id[:8], "--json", str(env / "bad.json"), "--user", "ana"
    )
    assert code == 1 and "source.reliability:" in err  # the field is named
    with unlock(DataPaths(env / "data"), "ana", PASS) as s:
        source = dict(ReportService(s.db, s.user, s.audit).get(report_id).report["source"])
    (env / "fix.json").write_text(json.dumps({"source": {**source, "description": "Graded."}}))
    out = ok(
        capsys, "report", "edit", report_id[:8], "--json", str(env / "fix.json"), "--user", "ana"
    )
    assert "v2" in out and "source" in out
    ok(capsys, "report", "submit", report_id[:8], "--user", "ana")
    history = json.loads(ok(capsys, "report", "history", report_id[:8], "--json", "--user", "ana"))
    assert [(h["version"], h["action"]) for h in history] == [
        (1, "submitted"),
        (1, "returned"),
        (2, "submitted"),
    ]
    with unlock(DataPaths(env / "data"), "ana", PASS) as s:
        assert ReportService(s.db, s.user, s.audit).get(report_id).report["source"][
            "description"
        ] == ("Graded.")
        actions = [r.action for r in s.audit.recent(obj=report_id)]
    assert "report.edited" in actions and "report.revised" in actions  # as in the editor


def test_an_approved_report_cannot_be_edited_from_the_command_line(
    capsys: pytest.CaptureFixture[str], env: Path
) -> None:
    report_id = _setup(capsys, env)
    ok(
        capsys,
        "review",
        "approve",
        report_id[:8],
        "--tlp",
        "AMBER",
        "--no-third-party",
        "--legal-basis",
        "MOU-THA-MYS-2019",
        "--user",
        "ben",
    )
    with unlock(DataPaths(env / "data"), "ana", PASS) as s:
        before = [v.report for v in ReportService(s.db, s.user, s.audit).versions(report_id)]
        audited = len(s.audit.recent(obj=report_id))
    (env / "c.json").write_text(json.dumps({"narrative": "Changed after approval."}))
    code, _, err = run(
        capsys, "report", "edit", report_id[:8], "--json", str(env / "c.json"), "--user", "ana"
    )
    assert code == 1
    assert f"Report {report_id[:8]} is approved" in err and "outpost report revise" in err
    with unlock(DataPaths(env / "data"), "ana", PASS) as s:
        after = [v.report for v in ReportService(s.db, s.user, s.audit).versions(report_id)]
        assert len(s.audit.recent(obj=report_id)) == audited
    assert after == before  # no new version, no change
