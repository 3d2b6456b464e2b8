"""Per-analyser presentation: `views/<analyser>.py` may define

    terminal(result, article) -> rich renderable
    markdown(result, article) -> str

and `report/templates/_<analyser>.html` renders the analyser in the HTML report (and the web page).
Analysers without a view get a generic rendering.
"""

from __future__ import annotations

import importlib
from types import ModuleType


def view_module(analyser: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"{__name__}.{analyser}")
    except ModuleNotFoundError as exc:
        if exc.name == f"{__name__}.{analyser}":
            return None
        raise
