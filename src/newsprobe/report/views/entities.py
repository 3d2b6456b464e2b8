"""Terminal and markdown views of the entities result."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from ...analyse.entities import EntitiesResult
from ...document import Article
from ..words import NO_ENTITIES, entity_type
from . import table_or_note

MAX_ROWS = 15


def terminal(result: EntitiesResult, article: Article) -> Table | Text:
    table = Table(show_edge=False, pad_edge=False)
    for column in ("Entity", "Type", "Mentions"):
        table.add_column(column)
    for entity in result.entities[:MAX_ROWS]:
        table.add_row(Text(entity.name), entity_type(entity.label), str(entity.count))
    if len(result.entities) > MAX_ROWS:
        table.caption = f"{len(result.entities) - MAX_ROWS} more"
    return table_or_note(table, NO_ENTITIES)


def markdown(result: EntitiesResult, article: Article) -> str:
    if not result.entities:
        return NO_ENTITIES
    lines = ["| Entity | Type | Mentions |", "| --- | --- | --- |"]
    lines += [f"| {e.name} | {entity_type(e.label)} | {e.count} |" for e in result.entities]
    return "\n".join(lines)
