"""The optional corpus dashboard: a read-only summary of a corpus store (`newsprobe serve --store DIR`).

It reads a `newsprobe corpus run` store through the store's DuckDB views (`corpus.store`), or any
DuckDB file in the directory, using only the tables and columns the corpus issue fixes
(`articles`: id, url, outlet, published, title, text; `errors`), and degrades to a clear message
when the store is missing, unreadable or laid out differently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..corpus.explore import UNKNOWN_OUTLET

__all__ = ["CorpusDashboard", "CorpusSummary"]

DATABASE_PATTERNS = ("*.duckdb", "*.db")


@dataclass
class CorpusSummary:
    store: str
    database: str | None = None
    error: str | None = None
    tables: list[tuple[str, int]] = field(default_factory=list)
    articles: int = 0
    outlets: list[tuple[str, int]] = field(default_factory=list)
    months: list[tuple[str, int]] = field(default_factory=list)
    errors: int = 0


def is_corpus_store(store: Path) -> bool:
    from ..corpus.partitions import MANIFEST

    return (store / MANIFEST).is_file()


def find_database(store: Path) -> Path | None:
    if store.is_file():
        return store
    for pattern in DATABASE_PATTERNS:
        found = sorted(store.glob(pattern))
        if found:
            return found[0]
    return None


def _columns(conn: Any, table: str) -> set[str]:
    rows = conn.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()
    return {row[0] for row in rows}


def _fill(conn: Any, summary: CorpusSummary) -> None:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name"
        ).fetchall()
    ]
    summary.tables = [(name, int(conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0])) for name in names]
    counts = dict(summary.tables)
    summary.articles = counts.get("articles", 0)
    summary.errors = counts.get("errors", 0)
    columns = _columns(conn, "articles") if "articles" in counts else set()
    if "outlet" in columns:
        named = "outlet, domain" if "domain" in columns else "outlet"  # as the article list's outlet filter reads it
        summary.outlets = [
            (str(o), int(n))
            for o, n in conn.execute(
                f"SELECT coalesce({named}, '{UNKNOWN_OUTLET}') AS o, COUNT(*) AS n FROM articles"
                " GROUP BY o ORDER BY n DESC, o LIMIT 20"
            ).fetchall()
        ]
    if "published" in columns:
        summary.months = [
            (str(m), int(n))
            for m, n in conn.execute(
                "SELECT substr(CAST(published AS VARCHAR), 1, 7) AS m, COUNT(*) FROM articles "
                "WHERE published IS NOT NULL GROUP BY m ORDER BY m DESC LIMIT 24"
            ).fetchall()
        ]


DASHBOARD_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)


class CorpusDashboard:
    def __init__(self, store: Path) -> None:
        self.store = store
        self._charts: tuple[object, str] | None = None

    def charts_html(self, genre: str = "news", min_articles: int = 5) -> str | None:
        """The corpus package's own chart dashboard (matplotlib SVG), re-rendered when a run commits.

        None when the corpus package or its `report` extra is missing, or the store cannot be read.
        """
        if not is_corpus_store(self.store):
            return None
        try:
            from ..corpus.dashboard import render_dashboard
            from ..corpus.partitions import StoreLocation
            from ..corpus.store import CorpusStore
        except ImportError:
            return None
        try:
            key = (StoreLocation(self.store).generation(), genre, min_articles)
            if self._charts is not None and self._charts[0] == key:
                return self._charts[1]
            with CorpusStore(self.store, read_only=True) as store:
                html = render_dashboard(store, genre, min_articles, explorer=True)
        except Exception:  # an unreadable store, or matplotlib missing: the summary page says enough
            return None
        self._charts = (key, html)
        return html

    def summary(self) -> CorpusSummary:
        summary = CorpusSummary(store=str(self.store))
        if is_corpus_store(self.store):
            summary.database = "Parquet partitions"
            try:
                from ..corpus.store import CorpusStore

                with CorpusStore(self.store, read_only=True) as store:
                    _fill(store.conn, summary)
            except Exception as exc:  # a damaged or foreign store: say so on the page
                summary.error = f"cannot read the store: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
            return summary
        database = find_database(self.store)
        if database is None:
            summary.error = f"no corpus store (store.json) or DuckDB database (*.duckdb) found in {self.store}"
            return summary
        summary.database = database.name
        try:
            import duckdb

            with duckdb.connect(str(database), read_only=True) as conn:
                _fill(conn, summary)
        except Exception as exc:  # a locked, corrupt or foreign file: say so on the page
            summary.error = f"cannot read {database.name}: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
        return summary
