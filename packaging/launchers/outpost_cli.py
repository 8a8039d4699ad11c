"""Entry point of the bundled `outpost` command (PyInstaller runs this file as __main__).

A separate thin file rather than cli/main.py itself, so that `cli.main` is imported once as a
module and not a second time under the name __main__.
"""

import sys

from cli.main import main

if __name__ == "__main__":
    sys.exit(main())
