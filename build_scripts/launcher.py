"""Entry point for the packaged app (PyInstaller runs a script, not a package)."""

import sys

from desktop_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
