"""Per-analyser presentation: `views/<analyser>.py` may define

    terminal(result, article) -> rich renderable
    markdown(result, article) -> str

and `report/templates/_<analyser>.html` renders the analyser in the HTML report (and the web page).
Analysers without a view get a generic rendering.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from rich.table import Table
from rich.text import Text


def view_module(analyser: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"{__name__}.{analyser}")
    except ModuleNotFoundError as exc:
        if exc.name == f"{__name__}.{analyser}":
            return None
        raise


def table_or_note(table: Table, empty: str) -> Table | Text:
    """The table, or where it has no rows one plain line saying so (not a header over nothing)."""
    return table if table.row_count else Text(empty, style="dim")
