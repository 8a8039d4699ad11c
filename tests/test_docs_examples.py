"""Every example in README.md and docs/report-format.md is accepted by the real validation
(issue 18 item 1: the documented tag `forged_documents` was refused)."""

from __future__ import annotations

import itertools
import json
import re
import shlex
from pathlib import Path

import pytest

from app import codelists
from app.domain import TLP
from app.validation import validate_report

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", ROOT / "docs" / "report-format.md"]
_BLOCK = re.compile(r"```(\w*)\n(.*?)```", re.S)


def _blocks(path: Path, language: str) -> list[str]:
    return [body for lang, body in _BLOCK.findall(path.read_text()) if lang == language]


def _json_examples() -> list[tuple[str, str]]:
    return [(p.name, body) for p in DOCS for body in _blocks(p, "json")]


def test_the_report_format_has_an_example() -> None:
    assert any(name == "report-format.md" for name, _ in _json_examples())


@pytest.mark.parametrize(("doc", "body"), _json_examples(), ids=lambda v: str(v)[:20])
def test_every_json_example_is_a_valid_complete_report(doc: str, body: str) -> None:
    data = json.loads(body)
    # Complete enough to submit, not just a draft; a placeholder is not an example.
    validate_report(data, for_submit=True, check_future=False)
    assert "…" not in body, f"{doc}: the example still has placeholders"


def _command_lines() -> list[list[str]]:
    lines: list[list[str]] = []
    for path in DOCS:
        for body in _blocks(path, "sh"):
            for line in body.replace("\\\n", " ").splitlines():
                line = line.split("  #", 1)[0].strip()
                if line.startswith(".venv/bin/outpost "):
                    lines.append(shlex.split(line))
    return lines


def test_codes_in_the_documented_commands_are_in_the_code_lists() -> None:
    checked = 0
    kinds = {e.code for e in codelists.report_kinds()}
    for argv in _command_lines():
        for flag, value in itertools.pairwise(argv):
            if flag == "--kind":
                assert value in kinds, argv
            elif flag == "--nationality":
                assert codelists.is_nationality(value), argv
            elif flag == "--tlp":
                assert value in {t.value for t in TLP}, argv
            else:
                continue
            checked += 1
    assert checked >= 3
