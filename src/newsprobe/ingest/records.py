"""Input readers: yield one `InputRecord` per document, lazily, from files, JSONL, WARC and feeds.

Each record carries a stable id: the hash of its normalised URL when the input names one (JSONL
`url`, WARC target URI, feed item link), else the hash of its content. Rerunning a corpus job
recomputes the same ids, which is what lets a run skip finished documents.

A document that cannot be read becomes a record with ``error`` set; the run stores it in the
``errors`` table and goes on.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import json
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..errors import InputError, NewsprobeError
from .decode import MAX_INPUT_BYTES
from .files import read_bytes, read_file
from .source import ContentKind, RawDocument, is_url
from .url import PAGE_TYPES, FetchedBody, FetchPolicy, fetch_url, page_document

__all__ = [
    "InputRecord",
    "article_id",
    "count_inputs",
    "expand_inputs",
    "iter_inputs",
    "normalise_url",
    "read_directory",
    "read_feed",
    "read_jsonl",
    "read_url",
    "read_warc",
]

ID_LENGTH = 16
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")


@dataclass(frozen=True)
class InputRecord:
    """One document to analyse (or one that could not be read: ``error`` set, ``content`` empty)."""

    id: str
    source: str
    content: str = ""
    kind: ContentKind | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)  # every field is a string or None: no deep copy (asdict's) needed

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> InputRecord:
        return cls(**data)


# ---------------------------------------------------------------- ids


def normalise_url(url: str) -> str:
    """courlan's normalisation (lower-case host, sorted query, tracking parameters dropped), no fragment."""
    from courlan import normalize_url

    try:
        normalised = normalize_url(url.strip())
    except (ValueError, TypeError):
        normalised = url.strip()
    parts = urlsplit(normalised)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def _digest(value: str) -> str:
    return hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=ID_LENGTH // 2).hexdigest()


def article_id(*, url: str | None = None, content: str | None = None, source: str | None = None) -> str:
    """Stable id: hash of the normalised URL, else of the content, else of the source name."""
    if url:
        return "u" + _digest(normalise_url(url))
    if content:
        return "t" + _digest(" ".join(content.split()))
    return "s" + _digest(source or "")


def _failed(source: str, message: str) -> InputRecord:
    return InputRecord(id=article_id(source=source), source=source, error=message)


# ---------------------------------------------------------------- files


def read_file_record(path: Path) -> InputRecord:
    """One HTML or text file (`.gz` too) through the same reader as `newsprobe analyze FILE`."""
    source = str(path)
    try:
        raw = read_file(path)
    except NewsprobeError as exc:
        return _failed(source, str(exc))
    return InputRecord(id=article_id(content=raw.content), source=source, content=raw.content, kind=raw.kind)


def read_directory(directory: Path) -> Iterator[InputRecord]:
    """Every readable document file under ``directory`` (recursively, sorted)."""
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        yield from read_path(path)


# ---------------------------------------------------------------- JSONL


def _open_text(path: Path) -> Any:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return path.open(encoding="utf-8", errors="replace")


def record_from_fields(fields: Any, source: str) -> InputRecord:
    """A record from one JSON object with `text` or `html`, optional `url`, `published`, `outlet`."""
    if not isinstance(fields, dict):
        return _failed(source, f"{source}: expected a JSON object")
    html, text = fields.get("html"), fields.get("text")
    kind: ContentKind = "html" if isinstance(html, str) and html.strip() else "text"
    content = html if kind == "html" else text
    if not isinstance(content, str) or not content.strip():
        return _failed(source, f"{source}: no `text` or `html` field")
    url = fields.get("url") if isinstance(fields.get("url"), str) else None
    published = fields.get("published")
    outlet = fields.get("outlet")
    return InputRecord(
        id=article_id(url=url, content=content),
        source=source,
        content=content,
        kind=kind,
        url=url,
        published=str(published) if published else None,
        outlet=str(outlet) if outlet else None,
    )


def read_jsonl(path: Path) -> Iterator[InputRecord]:
    with _open_text(path) as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            source = f"{path}:{number}"
            try:
                fields = json.loads(line)
            except json.JSONDecodeError as exc:
                yield _failed(source, f"{source}: not JSON ({exc.msg})")
                continue
            yield record_from_fields(fields, source)


# ---------------------------------------------------------------- WARC


def read_warc(path: Path) -> Iterator[InputRecord]:
    """HTML response records of a WARC / WARC.gz file (warcio), one record each."""
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as stream:
        iterator = ArchiveIterator(stream)
        records = iter(iterator)
        while True:
            try:  # warcio raises assorted errors on malformed archives: the rest of the file is one error
                record = next(records)
            except StopIteration:
                return
            except Exception as exc:
                yield _failed(f"{path}#malformed", f"{path}: malformed WARC ({type(exc).__name__}: {exc})")
                return
            if record.rec_type != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            if record.http_headers is not None:
                content_type = record.http_headers.get_header("Content-Type") or ""
                status = record.http_headers.get_statuscode() or ""
                if "html" not in content_type.lower() or not status.startswith("2"):
                    continue
            payload = record.content_stream().read(MAX_INPUT_BYTES + 1)
            source = f"{path}@{iterator.get_record_offset()}"  # valid only once the payload is read
            yield _record_from_bytes(payload, source, url)


def _record_from_bytes(payload: bytes, source: str, url: str | None) -> InputRecord:
    try:
        raw = read_bytes(payload, source=source, kind="html")
    except NewsprobeError as exc:
        return _failed(source, str(exc))
    return InputRecord(
        id=article_id(url=url, content=raw.content), source=source, content=raw.content, kind="html", url=url
    )


# ---------------------------------------------------------------- RSS / Atom


class HostLimiter:
    """At most ``per_host`` fetches at a time to one host, and ``delay`` seconds between their starts."""

    def __init__(self, per_host: int = 2, delay: float = 0.0) -> None:
        self.per_host, self.delay = per_host, delay
        self._lock = threading.Lock()
        self._slots: dict[str, threading.Semaphore] = {}
        self._last: dict[str, float] = {}

    def _slot(self, host: str) -> threading.Semaphore:
        with self._lock:
            return self._slots.setdefault(host, threading.Semaphore(self.per_host))

    def fetch(self, url: str, policy: FetchPolicy) -> Any:
        host = urlsplit(url).hostname or ""
        with self._slot(host):
            with self._lock:
                wait = self._last.get(host, 0.0) + self.delay - time.monotonic()
                self._last[host] = max(time.monotonic(), self._last.get(host, 0.0) + self.delay)
            if wait > 0:
                time.sleep(wait)
            return fetch_url(url, policy)


def fetch_feed(url: str, policy: FetchPolicy) -> FetchedBody:
    """A feed document (or a page) over HTTP(S) through the SSRF-guarded fetcher (size and time capped)."""
    from .url import FEED_TYPES, fetch_bytes

    return fetch_bytes(url, policy, accept=FEED_TYPES)


def _looks_like_feed(document: bytes) -> bool:
    head = document[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _feed_items(document: bytes) -> list[dict[str, Any]]:
    import feedparser

    parsed = feedparser.parse(document)
    if parsed.bozo and not parsed.entries:
        raise InputError(f"not an RSS/Atom feed ({parsed.get('bozo_exception', 'parse error')})")
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        items.append(
            {
                "url": link,
                "published": time.strftime("%Y-%m-%d", published) if published else None,
                "outlet": parsed.feed.get("title"),
            }
        )
    return items


def _page_record(url: str, raw: RawDocument, published: str | None = None, outlet: str | None = None) -> InputRecord:
    """A page fetched from `url` (a feed's item or an input URL), its id from the URL it was asked for."""
    return InputRecord(
        id=article_id(url=url),
        source=url,
        content=raw.content,
        kind=raw.kind,
        url=raw.url or url,
        published=published,
        outlet=outlet,
    )


def _fetch_item(item: dict[str, Any], limiter: HostLimiter, policy: FetchPolicy) -> InputRecord:
    url = item["url"]
    try:
        raw = limiter.fetch(url, policy)
    except NewsprobeError as exc:
        return InputRecord(id=article_id(url=url), source=url, url=url, error=str(exc))
    return _page_record(url, raw, item["published"], item["outlet"])


def read_feed(
    location: str,
    *,
    policy: FetchPolicy | None = None,
    per_host: int = 2,
    workers: int = 4,
    skip: frozenset[str] = frozenset(),
    document: bytes | None = None,
) -> Iterator[InputRecord]:
    """Items of an RSS/Atom feed (a URL or a file; `document` when already fetched), each page fetched through
    the SSRF-safe fetcher.

    At most ``per_host`` requests run at once against one host; items whose id is in ``skip``
    (already finished) are not fetched again.
    """
    policy = policy or FetchPolicy()
    try:
        if document is None:
            document = fetch_feed(location, policy).body if is_url(location) else Path(location).read_bytes()
        items = _feed_items(document)
    except (NewsprobeError, OSError) as exc:
        yield _failed(location, f"{location}: {exc}")
        return
    items = [item for item in items if article_id(url=item["url"]) not in skip]
    limiter = HostLimiter(per_host)
    with ThreadPoolExecutor(max_workers=max(1, min(workers, per_host * 4))) as pool:
        yield from pool.map(lambda item: _fetch_item(item, limiter, policy), items)


# ---------------------------------------------------------------- dispatch


def _is_feed_file(path: Path) -> bool:
    if not path.name.lower().endswith(FEED_SUFFIXES):
        return False
    with path.open("rb") as handle:
        return _looks_like_feed(handle.read(2048))


def read_url(
    url: str, *, policy: FetchPolicy | None = None, skip: frozenset[str] = frozenset(), per_host: int = 2
) -> Iterator[InputRecord]:
    """A URL of the corpus inputs: the items of an RSS/Atom feed, or else the one article page it serves (not
    fetched again once stored: a feed is never stored under its own URL)."""
    if article_id(url=url) in skip:
        return
    policy = policy or FetchPolicy()
    try:
        fetched = fetch_feed(url, policy)
        if _looks_like_feed(fetched.body) or fetched.media_type not in PAGE_TYPES:  # JSON Feed, XML feeds
            yield from read_feed(url, policy=policy, skip=skip, per_host=per_host, document=fetched.body)
            return
        raw = page_document(url, fetched)
    except NewsprobeError as exc:
        yield _failed(url, f"{url}: {exc}")
        return
    yield _page_record(url, raw)


def read_path(
    path: Path, *, policy: FetchPolicy | None = None, skip: frozenset[str] = frozenset(), per_host: int = 2
) -> Iterator[InputRecord]:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        yield from read_jsonl(path)
    elif name.endswith(WARC_SUFFIXES):
        yield from read_warc(path)
    elif _is_feed_file(path):
        yield from read_feed(str(path), policy=policy, skip=skip, per_host=per_host)
    else:
        yield read_file_record(path)


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Directories and globs to sorted file paths; URLs and '-' (stdin) pass through.

    A named file that does not exist, or a glob that matches no file, is an InputError before any
    work starts: a mistyped path is a usage error, not a document to record as failed.
    """
    expanded: list[str] = []
    for item in inputs:
        if item == "-" or is_url(item):
            expanded.append(item)
        elif os.path.isdir(item):
            expanded += sorted(str(p) for p in Path(item).rglob("*") if p.is_file())
        elif any(char in item for char in "*?["):
            matches = sorted(m for m in glob.glob(item, recursive=True) if os.path.isfile(m))
            if not matches:
                raise InputError(f"{item}: no files match")
            expanded += matches
        elif os.path.isfile(item):
            expanded.append(item)
        else:
            raise InputError(f"{item}: no such file or directory")
    return expanded


def iter_inputs(
    paths: Iterable[str], *, policy: FetchPolicy | None = None, skip: frozenset[str] = frozenset(), per_host: int = 2
) -> Iterator[InputRecord]:
    """All records of expanded inputs (`expand_inputs`). A URL is an RSS/Atom feed's items or one article page
    (``per_host`` fetches at a time per host)."""
    for item in paths:
        if item == "-":
            raise InputError("corpus inputs are files, directories, globs and URLs, not stdin ('-')")
        if is_url(item):
            yield from read_url(item, policy=policy, skip=skip, per_host=per_host)
        else:
            yield from read_path(Path(item), policy=policy, skip=skip, per_host=per_host)


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many records expanded inputs hold, when cheap to know (files and JSONL); None otherwise."""
    total = 0
    for item in paths:
        name = item.lower()
        if is_url(item) or name.endswith(WARC_SUFFIXES) or (name.endswith(FEED_SUFFIXES) and _is_feed_file(Path(item))):
            return None
        if name.endswith(JSONL_SUFFIXES):
            with _open_text(Path(item)) as handle:
                total += sum(1 for line in handle if line.strip())
        else:
            total += 1
    return total
