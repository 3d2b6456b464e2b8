"""Corpus readers (JSONL, WARC, RSS/Atom files, plain files) on arbitrary bytes: failures become error records."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprobe.ingest.records import read_feed, read_file_record, read_jsonl, read_warc

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))

JSON_LINES = st.lists(
    st.one_of(
        st.binary(max_size=200),
        st.builds(
            lambda t, u: f'{{"text": {t!r}, "url": "{u}"}}'.encode("utf-8", "surrogatepass"),
            st.text(max_size=80),
            st.text(max_size=30),
        ),
        st.just(b'{"html": "<p>x</p>", "published": 5, "outlet": null}'),
        st.just(b"[1, 2, 3]"),
    ),
    max_size=8,
)
FEEDS = st.one_of(
    st.binary(max_size=1500),
    st.builds(
        lambda title, link: (
            f"<rss><channel><item><title>{title}</title><link>{link}</link></item></channel></rss>".encode()
        ),
        st.text(max_size=40),
        st.text(max_size=40),
    ),
)


def _write(data: bytes, name: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="np-fuzz-"))
    path = folder / name
    path.write_bytes(data)
    return path


def _consume(records) -> None:
    for record in records:
        assert record.id and record.source
        assert record.error or isinstance(record.content, str)


@FUZZ
@given(JSON_LINES)
def test_jsonl_reader(lines: list[bytes]):
    _consume(read_jsonl(_write(b"\n".join(lines), "in.jsonl")))


@FUZZ
@given(st.binary(max_size=3000), st.booleans())
def test_warc_reader(data: bytes, compressed: bool):
    payload = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: " + str(len(data)).encode() + b"\r\n\r\n" + data
    name = "crawl.warc.gz" if compressed else "crawl.warc"
    _consume(read_warc(_write(gzip.compress(payload) if compressed else payload, name)))


@FUZZ
@given(FEEDS)
def test_feed_file_reader(data: bytes):
    _consume(read_feed(str(_write(data, "feed.xml"))))


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from(["a.html", "a.html.gz", "a.txt", "a.md", "a.bin"]))
def test_file_reader(data: bytes, name: str):
    _consume([read_file_record(_write(data, name))])
