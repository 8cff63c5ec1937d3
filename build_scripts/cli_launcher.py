"""Entry point of ``fuqing-cli`` in the packaged app: the command line, with a console
(on Windows ``fuqing.exe`` is windowed and has none)."""

from desktop_app.cli import main

if __name__ == "__main__":
    main()
