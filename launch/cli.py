"""The `outpost` command: the command line with the desktop client's self-test line added."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def qt_platform() -> str:
    """Can this machine load a Qt platform plugin? Qt is imported only when this runs."""
    from ui.selftest import check_qt_platform

    return check_qt_platform()


def main(argv: Sequence[str] | None = None) -> int:
    from cli.main import main as cli_main

    return cli_main(argv, extra_checks=(("qt platform", qt_platform),))


if __name__ == "__main__":
    sys.exit(main())
