"""Plain-text and JSON output for the CLI."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
    sys.stdout.write("\n")


def print_table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> None:
    cells = [[("" if r.get(c) is None else str(r.get(c))) for c in columns] for r in rows]
    widths = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)]
    print("  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


def _lines(value: Any, indent: str) -> list[str]:
    if isinstance(value, Mapping):
        out: list[str] = []
        for k, v in value.items():
            if isinstance(v, Mapping | list) and v:
                out.append(f"{indent}{k}:")
                out += _lines(v, indent + "  ")
            else:
                out.append(f"{indent}{k}: {'' if v in (None, [], {}) else v}")
        return out
    if isinstance(value, list):
        out = []
        for i, item in enumerate(value, 1):
            out.append(f"{indent}- [{i}]")
            out += _lines(item, indent + "    ")
        return out
    return [f"{indent}{value}"]


def print_report(summary: Mapping[str, Any], report: Mapping[str, Any]) -> None:
    tlp = summary.get("tlp") or "unlabelled"
    print(f"TLP:{tlp}  report {summary['id']} v{summary['version']}  [{summary['status']}]")
    print("\n".join(_lines(report, "  ")))
