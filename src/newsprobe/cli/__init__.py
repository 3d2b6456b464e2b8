"""The `newsprobe` command line: `main` holds the root group; one module per command group.

Commands parse their options, call the library (`newsprobe.api`, `corpus`, `eval`, ...) and render;
heavy libraries load inside the commands, so `newsprobe --help` starts fast.
"""

from .main import app, main

__all__ = ["app", "main"]
