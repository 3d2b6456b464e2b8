"""Browse a corpus store: filtered, sorted, paginated lists of its articles, outlets, near-duplicate
clusters, speakers and quotes (the queries behind `newsprobe serve --store DIR`'s corpus pages).

Everything is read with SQL over the store's table and view names (articles, provenance, quotes, ...)
through `CorpusStore.query`, so it does not depend on how the store lays its tables out on disk.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from ..errors import InputError
from .networks import connected_components
from .partitions import StoreLocation
from .search_index import matching_ids
from .store import CorpusStore

__all__ = [
    "ARTICLE_SORTS",
    "UNKNOWN_OUTLET",
    "ArticleFilters",
    "Page",
    "SharedReader",
    "StoreReader",
    "list_articles",
    "list_outlets",
    "list_quotes",
    "list_speakers",
    "open_reader",
    "syndication_clusters",
]

#: What the lists and charts call an article's outlet when the page names none and has no address; as a filter
#: value (`outlet=(unknown)`) it lists those articles.
UNKNOWN_OUTLET = "(unknown)"

MAX_LIMIT = 1000
DEFAULT_LIMIT = 50

#: Sort keys (``-key`` for descending) and the column each orders by; ties break on the article id.
ARTICLE_SORTS = {
    "published": "a.published",
    "title": "a.title",
    "outlet": "a.outlet",
    "domain": "a.domain",
    "language": "a.language",
    "verdict": "p.verdict",
    "added": "a.added",
}


class StoreReader:
    """Read-only SQL over a store's tables and views (a store's connection or a cursor of it); rows as dicts.
    `directory` is the store's, where the text search keeps its index (`search_index`)."""

    def __init__(self, connection: Any, directory: Path | None = None) -> None:
        self.connection = connection
        self.directory = directory

    def rows(self, sql: str, parameters: list[Any] | None = None) -> list[dict[str, Any]]:
        import duckdb

        try:
            rows: list[dict[str, Any]] = self.connection.sql(sql, params=parameters).to_arrow_table().to_pylist()
        except duckdb.Error as exc:
            raise InputError(f"query failed: {str(exc).splitlines()[0]}") from None
        return rows

    def value(self, sql: str, parameters: list[Any] | None = None) -> Any:
        row = self.rows(sql, parameters)
        return next(iter(row[0].values())) if row else None


@contextmanager
def open_reader(directory: str | Path) -> Iterator[StoreReader]:
    with CorpusStore(directory, read_only=True) as store:
        yield StoreReader(store.conn, store.directory)


class SharedReader:
    """One read-only store kept open between requests (opening one costs tens of milliseconds), handing
    each caller its own cursor; reopened when a partition is committed or replaced (the commit markers'
    generation: a compaction deletes the files the old views read), and closed after `idle` seconds
    without use."""

    def __init__(self, directory: str | Path, idle: float = 30.0) -> None:
        self.directory = Path(directory)
        self.idle = idle
        self._store: CorpusStore | None = None
        self._location = StoreLocation(self.directory)
        self._stamp: str | None = None
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    @contextmanager
    def reader(self) -> Iterator[StoreReader]:
        with self._lock:
            stamp = self._location.generation()
            if self._store is None or stamp != self._stamp:
                self._close()
                self._store, self._stamp = CorpusStore(self.directory, read_only=True), stamp
            cursor = self._store.conn.cursor()
            if self._timer is not None:
                self._timer.cancel()
        try:
            yield StoreReader(cursor, self.directory)
        finally:
            cursor.close()
            with self._lock:
                self._timer = threading.Timer(self.idle, self.close)
                self._timer.daemon = True
                self._timer.start()

    def _close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def close(self) -> None:
        with self._lock:
            self._close()


@dataclass
class Page:
    """One page of a list: its rows, the total matching the filters, and the offset of the next page."""

    rows: list[dict[str, Any]]
    total: int
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.offset + self.limit < self.total else None

    @property
    def previous_offset(self) -> int | None:
        return max(self.offset - self.limit, 0) if self.offset > 0 else None


def _check_paging(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"limit must be between 1 and {MAX_LIMIT} (got {limit})")
    if offset < 0:
        raise InputError(f"offset must be 0 or more (got {offset})")


@dataclass
class ArticleFilters:
    """The article list's filters; empty ones are ignored. Dates are ISO prefixes (2019, 2019-06, 2019-06-01)."""

    outlet: str = ""
    domain: str = ""
    verdict: str = ""
    language: str = ""
    genre: str = ""
    since: str = ""
    until: str = ""
    q: str = ""
    text: str = ""
    technique: str = ""
    speaker: str = ""

    def active(self) -> dict[str, str]:
        return {key: value for key, value in asdict(self).items() if value}

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def where(self, text_ids: list[str] | None = None) -> tuple[str, list[Any]]:
        """The SQL WHERE clause and its parameters; `text_ids` are the articles the text search found."""
        clauses: list[str] = []
        params: list[Any] = []

        def add(clause: str, *values: Any) -> None:
            clauses.append(clause)
            params.extend(values)

        if self.outlet:
            add(f"coalesce(a.outlet, a.domain, '{UNKNOWN_OUTLET}') = ?", self.outlet)
        if self.domain:
            add("a.domain = ?", self.domain.lower())
        if self.verdict:
            add("p.verdict = ?", self.verdict.replace(" ", "_"))
        if self.language:
            add("a.language = ?", self.language)
        if self.genre:
            add("a.genre = ?", self.genre)
        if self.since:
            add("a.published >= ?", self.since)
        if self.until:
            # an ISO prefix: everything published on or before the last moment it names
            add("a.published < ?", self.until + "\uffff")
        if self.q:
            add("a.title ILIKE ? ESCAPE '\\'", _pattern(self.q))
        if self.text:
            add(f"a.id {IN_IDS}", text_ids or [])
        if self.technique:
            add(
                "a.id IN (SELECT article_id FROM propaganda_spans WHERE technique_name = ? OR technique = ?)",
                self.technique,
                self.technique,
            )
        if self.speaker:
            add("a.id IN (SELECT article_id FROM quotes WHERE speaker = ?)", self.speaker)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _pattern(words: str) -> str:
    """An ILIKE pattern matching `words` anywhere, with the pattern characters taken literally."""
    return "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _text_matches(reader: StoreReader, words: str) -> list[str]:
    if reader.directory is None:
        raise InputError("text search needs the store's directory (for its index)")
    return matching_ids(reader, reader.directory, words)


def _order_by(sort: str) -> str:
    key = sort.lstrip("-")
    if key not in ARTICLE_SORTS:
        raise InputError(f"unknown sort {sort!r} (choose from: {', '.join(ARTICLE_SORTS)}; '-' for descending)")
    direction = "DESC" if sort.startswith("-") else "ASC"
    return f" ORDER BY {ARTICLE_SORTS[key]} {direction} NULLS LAST, a.id"


ARTICLE_FROM = " FROM articles a LEFT JOIN provenance p ON p.article_id = a.id"
ARTICLE_COLUMNS = "a.id, a.title, a.outlet, a.domain, a.url, a.published, a.language, a.genre, p.verdict"
IN_IDS = "IN (SELECT unnest(?))"


def list_articles(
    reader: StoreReader,
    filters: ArticleFilters,
    sort: str = "-published",
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> Page:
    """Articles matching the filters, with their provenance verdict and counts of quotes, check-worthy claims and
    highlighted propaganda spans.

    Two steps keep a page fast on a large store: the page's ids and the total come from the filtered,
    sorted ids alone (provenance is joined only when the filter or sort needs it); the columns and
    counts are then read for those ids only.
    """
    _check_paging(limit, offset)
    where, params = filters.where(_text_matches(reader, filters.text) if filters.text else None)
    order = _order_by(sort)
    needs_verdict = bool(filters.verdict) or sort.lstrip("-") == "verdict"
    source = ARTICLE_FROM if needs_verdict else " FROM articles a"
    found = reader.rows(
        "SELECT a.id, count(*) OVER () AS total" + source + where + order + " LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    if found:
        total = int(found[0]["total"])
    else:  # past the last page: the total still says how many match
        total = int(reader.value("SELECT count(*)" + source + where, params) or 0) if offset else 0
    ids = [row["id"] for row in found]
    by_id = {row["id"]: row for row in reader.rows(PAGE_ROWS, [ids])} if ids else {}
    return Page([by_id[i] for i in ids], total, limit, offset)


#: One page's articles by id, with their verdict and their counts of quotes, check-worthy claims (what the report
#: lists, as the dashboard counts them) and highlighted propaganda spans.
PAGE_ROWS = f"""
    WITH page AS (SELECT unnest(?) AS id),
    q AS (SELECT article_id, count(*) AS n FROM quotes WHERE article_id IN (SELECT id FROM page) GROUP BY 1),
    c AS (SELECT article_id, count(*) AS n FROM claims WHERE checkworthy AND article_id IN (SELECT id FROM page)
          GROUP BY 1),
    s AS (SELECT article_id, spans AS n FROM propaganda WHERE article_id IN (SELECT id FROM page))
    SELECT {ARTICLE_COLUMNS}, coalesce(q.n, 0) AS quotes, coalesce(c.n, 0) AS checkworthy_claims,
           coalesce(s.n, 0) AS propaganda_spans
    FROM articles a LEFT JOIN provenance p ON p.article_id = a.id
    LEFT JOIN q ON q.article_id = a.id LEFT JOIN c ON c.article_id = a.id LEFT JOIN s ON s.article_id = a.id
    WHERE a.id IN (SELECT id FROM page)"""


# ---------------------------------------------------------------- outlets

OUTLET_FLAGS = {
    "state": "o.state_affiliated",
    "specious": "o.specious",
    "laundromat": "o.laundromat IS NOT NULL",
    "low": "o.reliability_band = 'low'",
}


def list_outlets(
    reader: StoreReader, flag: str = "", country: str = "", limit: int = DEFAULT_LIMIT, offset: int = 0
) -> Page:
    """Each outlet in the store (by domain) with its article count, counts by verdict and its flags."""
    _check_paging(limit, offset)
    clauses, params = [], []
    if flag:
        if flag not in OUTLET_FLAGS:
            raise InputError(f"unknown flag {flag!r} (choose from: {', '.join(OUTLET_FLAGS)})")
        clauses.append(OUTLET_FLAGS[flag])
    if country:
        clauses.append("lower(o.country) = lower(?)")
        params.append(country)
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    base = f"""
        WITH counted AS (
            SELECT a.domain, any_value(a.outlet) AS outlet, count(*) AS articles,
                   list(p.verdict) FILTER (WHERE p.verdict IS NOT NULL) AS verdicts
            FROM articles a LEFT JOIN provenance p ON p.article_id = a.id GROUP BY a.domain)
        SELECT coalesce(o.name, c.outlet, c.domain, '{UNKNOWN_OUTLET}') AS name, c.domain, c.articles, c.verdicts,
               o.country, o.state_label, coalesce(o.state_affiliated, false) AS state_affiliated,
               o.reliability, o.reliability_band, coalesce(o.specious, false) AS specious, o.laundromat
        FROM counted c LEFT JOIN outlets o ON o.domain = c.domain{where}"""
    rows = reader.rows(base + " ORDER BY c.articles DESC, name LIMIT ? OFFSET ?", [*params, limit, offset])
    total = int(reader.value(f"SELECT count(*) FROM ({base})", params) or 0)
    for row in rows:
        by_verdict: dict[str, int] = {}
        for verdict in row.pop("verdicts") or []:
            by_verdict[verdict] = by_verdict.get(verdict, 0) + 1
        row["verdicts"] = dict(sorted(by_verdict.items(), key=lambda item: -item[1]))
    return Page(rows, total, limit, offset)


def outlet_articles(reader: StoreReader, domain: str, limit: int = 20) -> Page:
    """The latest articles of one outlet (its domain) for its outlet page."""
    return list_articles(reader, ArticleFilters(domain=domain), "-published", limit, 0)


# ---------------------------------------------------------------- syndication


def syndication_clusters(reader: StoreReader, limit: int = DEFAULT_LIMIT, offset: int = 0) -> Page:
    """Groups of near-duplicate articles (connected pairs), largest first; members earliest first.

    Each member says whether it credits another member's outlet (a `provenance_links` origin or chain
    entry naming that outlet or domain); the earliest copy is the presumed original.
    """
    _check_paging(limit, offset)
    pairs = reader.rows("SELECT a_id, b_id FROM near_duplicates")
    groups = connected_components((pair["a_id"], pair["b_id"]) for pair in pairs)  # largest first
    total = len(groups)
    chosen = groups[offset : offset + limit]
    ids = [member for group in chosen for member in group]
    members = {
        row["id"]: row
        for row in reader.rows(
            f"SELECT {ARTICLE_COLUMNS}{ARTICLE_FROM} WHERE a.id {IN_IDS}",
            [ids],
        )
    }
    credits: dict[str, set[str]] = {}
    for row in reader.rows(
        "SELECT article_id, lower(coalesce(domain, '')) AS domain, lower(coalesce(name, '')) AS name"
        f" FROM provenance_links WHERE article_id {IN_IDS} AND kind IN ('origin', 'chain')"
        " AND coalesce(credited, true)",
        [ids],
    ):
        credits.setdefault(row["article_id"], set()).update({row["domain"], row["name"]} - {""})
    clusters = []
    for group in chosen:
        rows = sorted(
            (members[i] for i in group if i in members),
            key=lambda r: (r["published"] is None, r["published"] or "", r["id"]),
        )
        for position, row in enumerate(rows):
            others = {
                value
                for other in rows
                if other["id"] != row["id"] and other["domain"] != row["domain"]
                for value in (str(other["domain"] or "").lower(), str(other["outlet"] or "").lower())
                if value
            }
            row["earliest"] = position == 0
            row["credits_another"] = bool(credits.get(row["id"], set()) & others)
        clusters.append({"size": len(rows), "members": rows})
    return Page(clusters, total, limit, offset)


# ---------------------------------------------------------------- speakers and quotes


def list_speakers(reader: StoreReader, q: str = "", limit: int = DEFAULT_LIMIT, offset: int = 0) -> Page:
    """Resolved speakers (a quote whose speaker the quotes analyser named), most quoted first."""
    _check_paging(limit, offset)
    where, params = "WHERE speaker IS NOT NULL AND speaker_kind IS NOT NULL", []
    if q:
        where += " AND speaker ILIKE ?"
        params.append(f"%{q}%")
    base = f"""SELECT speaker, any_value(speaker_kind) AS kind, mode(role) AS role, mode(organisation) AS organisation,
                      count(*) AS quotes, count(DISTINCT article_id) AS articles
               FROM quotes {where} GROUP BY speaker"""
    rows = reader.rows(base + " ORDER BY quotes DESC, speaker LIMIT ? OFFSET ?", [*params, limit, offset])
    total = int(reader.value(f"SELECT count(*) FROM ({base})", params) or 0)
    return Page(rows, total, limit, offset)


# a person's surname: the last word of the name, before a suffix ('James P. Kennedy Jr.' -> Kennedy)
_SURNAME_SQL = "regexp_extract(speaker, '(\\S+?)(?:,? (?:Jr|Sr|II|III|IV)\\.?)?$', 1)"


def same_surname_speakers(reader: StoreReader, speaker: str, limit: int = 10) -> list[dict[str, Any]]:
    """Other people quoted in the store under the same surname ('Trump' and 'Donald Trump'), most quoted first:
    leads to the same person's other quotes, or to namesakes, so the page lists them without merging."""
    rows = reader.rows(
        f"""SELECT speaker, count(*) AS quotes FROM quotes
            WHERE speaker_kind = 'person' AND speaker <> ?
              AND {_SURNAME_SQL} = (SELECT any_value({_SURNAME_SQL}) FROM quotes
                                    WHERE speaker = ? AND speaker_kind = 'person')
            GROUP BY speaker ORDER BY quotes DESC, speaker LIMIT ?""",
        [speaker, speaker, limit],
    )
    return rows


def list_quotes(reader: StoreReader, speaker: str = "", limit: int = DEFAULT_LIMIT, offset: int = 0) -> Page:
    """Quotes with their article, optionally of one speaker."""
    _check_paging(limit, offset)
    where, params = "", []
    if speaker:
        where, params = " WHERE q.speaker = ?", [speaker]
    base = " FROM quotes q JOIN articles a ON a.id = q.article_id" + where
    rows = reader.rows(
        "SELECT q.article_id, q.attribution_id, q.speaker, q.role, q.organisation, q.source_text, q.cue, q.content,"
        " q.style, a.title, a.outlet, a.domain, a.published"
        + base
        + " ORDER BY a.published DESC NULLS LAST, q.article_id, q.attribution_id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    total = int(reader.value("SELECT count(*)" + base, params) or 0)
    return Page(rows, total, limit, offset)
