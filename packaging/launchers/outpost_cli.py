"""Entry point of the bundled `outpost` command (PyInstaller runs this file as __main__).

A separate thin file rather than launch/cli.py itself, so that it is imported once as a
module and not a second time under the name __main__. launch.cli adds the desktop client's
self-test line to the command line.
"""

import sys

from launch.cli import main

if __name__ == "__main__":
    sys.exit(main())
