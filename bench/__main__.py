"""`python -m bench [SUITE ...] [--reports N]`: run benchmark suites and print their tables."""

from __future__ import annotations

import argparse
import sys


def main() -> int:
    parser = argparse.ArgumentParser(prog="bench")
    parser.add_argument(
        "suites",
        nargs="*",
        default=[
            *("signing", "store", "portal", "sync", "flaky", "chaos"),
            *("ui", "installer", "console"),
        ],
        help="signing, store, portal, sync, flaky, chaos, ui, installer, console",
    )
    parser.add_argument("--reports", type=int, default=100_000)
    args = parser.parse_args()
    for suite in args.suites:
        if suite == "store":
            from bench import store_bench

            store_bench.run(args.reports)
        elif suite == "installer":
            from bench import installer_bench

            installer_bench.run()
        elif suite == "ui":
            from bench import ui_bench

            ui_bench.run(args.reports)
        elif suite == "portal":
            from bench import portal_bench

            portal_bench.run()
        elif suite == "sync":
            from bench import sync_bench

            sync_bench.run()
        elif suite == "flaky":
            from bench import flaky_bench

            flaky_bench.run()
        elif suite == "chaos":
            from bench import chaos_bench

            chaos_bench.run()
        elif suite == "console":
            from bench import console_bench

            console_bench.run()
        elif suite == "signing":
            from bench import signing_bench

            signing_bench.run()
        else:
            print(f"unknown suite {suite}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
