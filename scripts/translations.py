"""Keeps the gettext catalogues in step with the code (messages raised below the GUI).

    python scripts/translations.py extract   # resources/locale/outpost.pot from the sources
    python scripts/translations.py update    # merge the .pot into every language's .po
    python scripts/translations.py compile   # .po -> .mo (make runs this)
    python scripts/translations.py fill LANG FILE.json   # set msgstrs from {msgid: text}

Babel does the work (pinned in pyproject.toml); the Qt side (.ts/.qm) is in docs/ui.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale"
POT = LOCALE / "outpost.pot"
BIN = Path(sys.executable).parent


def _pybabel(*args: str) -> None:
    subprocess.run([str(BIN / "pybabel"), *args], check=True, cwd=ROOT)


def extract() -> None:
    _pybabel(
        "extract", "-F", "babel.cfg", "-k", "_", "-k", "N_", "--no-location", "--sort-output",
        "--omit-header", "-o", str(POT), ".",
    )


def update() -> None:
    """Merges the .pot into each .po, written the same way `fill` writes it (header kept,
    width 100) so a merge changes only the entries that changed."""
    with POT.open("rb") as handle:
        template = read_po(handle)
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/outpost.po")):
        language = po.parent.parent.name
        with po.open("rb") as handle:
            catalogue = read_po(handle, locale=language)
        catalogue.update(template, no_fuzzy_matching=True, update_creation_date=False)
        _write(po, catalogue)


def compile_all() -> None:
    _pybabel("compile", "-d", str(LOCALE), "-D", "outpost", "--statistics")


def fill(language: str, source: Path) -> None:
    po = LOCALE / language / "LC_MESSAGES" / "outpost.po"
    with po.open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    texts = json.loads(source.read_text(encoding="utf-8"))
    for message in catalogue:
        if message.id and message.id in texts:
            message.string = texts[message.id]
    _write(po, catalogue)


def _write(po: Path, catalogue: Catalog) -> None:
    # A fuzzy header makes `pybabel compile` skip the whole catalogue (no .mo is built).
    catalogue.fuzzy = False
    with po.open("wb") as handle:
        write_po(handle, catalogue, omit_header=False, no_location=True, width=100,
                 ignore_obsolete=True)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "extract":
        extract()
    elif command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "fill":
        fill(argv[1], Path(argv[2]))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
