"""Readers: files (.html.gz too), JSONL, WARC, RSS via a real local server; stable ids."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from newsprobe.ingest.records import (
    HostLimiter,
    article_id,
    count_inputs,
    expand_inputs,
    iter_inputs,
    normalise_url,
    read_feed,
    read_jsonl,
    read_warc,
)

PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{body}</p><p>Second paragraph of {title} with enough words to be kept as article text by extraction.</p>
</article></body></html>"""


def page(title: str) -> str:
    return PAGE.format(title=title, body=f"The story of {title} is told here in a full sentence of several words.")


def test_ids_ignore_tracking_parameters_case_and_fragments() -> None:
    assert article_id(url="https://WWW.Example.com/a?utm_source=x&b=2#top") == article_id(
        url="https://www.example.com/a?b=2"
    )
    assert article_id(url="https://example.com/a") != article_id(url="https://example.com/b")
    assert article_id(content="one  two\nthree") == article_id(content="one two three")
    assert article_id(url="https://example.com/a").startswith("u") and article_id(content="x").startswith("t")
    assert normalise_url("https://Example.com/x?utm_medium=y#f") == "https://example.com/x"


def test_directory_reads_html_gz_and_text_and_records_unreadable_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.html.gz").write_bytes(gzip.compress(page("Alpha").encode()))
    (tmp_path / "b.txt").write_text("Beta\n\nA plain text article body.", encoding="utf-8")
    (tmp_path / "c.html").write_bytes(b"")
    records = list(iter_inputs(expand_inputs([str(tmp_path)])))
    by_name = {Path(r.source).name: r for r in records}
    assert set(by_name) == {"a.html.gz", "b.txt", "c.html"}
    assert by_name["a.html.gz"].kind == "html" and "Alpha" in by_name["a.html.gz"].content
    assert by_name["b.txt"].kind == "text"
    assert by_name["c.html"].error and "empty" in by_name["c.html"].error
    assert count_inputs(expand_inputs([str(tmp_path)])) == 3
    again = {Path(r.source).name: r.id for r in iter_inputs(expand_inputs([str(tmp_path / "**" / "*.gz")]))}
    assert again["a.html.gz"] == by_name["a.html.gz"].id


def test_missing_input_is_an_input_error(tmp_path: Path) -> None:
    from newsprobe.errors import InputError

    with pytest.raises(InputError):
        expand_inputs([str(tmp_path / "nothing-here")])
    with pytest.raises(InputError):
        expand_inputs([str(tmp_path / "*.none")])


def test_jsonl_fields_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"text": "Body one.", "url": "https://a.example/1", "published": "2020-01-02", "outlet": "A"}),
        json.dumps({"html": page("Gamma"), "url": "https://b.example/2"}),
        "",
        "{broken",
        json.dumps({"title": "no body"}),
        json.dumps(["not", "an", "object"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = list(read_jsonl(path))
    assert [r.error is None for r in records] == [True, True, False, False, False]
    first, second = records[0], records[1]
    assert (first.kind, first.url, first.published, first.outlet) == ("text", "https://a.example/1", "2020-01-02", "A")
    assert second.kind == "html" and second.id == article_id(url="https://b.example/2")
    assert records[2].source.endswith(":4") and "not JSON" in (records[2].error or "")
    assert count_inputs([str(path)]) == 5


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, body, content_type, status in [
            ("https://news.example/one", page("One").encode(), "text/html; charset=utf-8", "200 OK"),
            ("https://news.example/logo.png", b"\x89PNG....", "image/png", "200 OK"),
            ("https://news.example/gone", b"<html>gone</html>", "text/html", "404 Not Found"),
            ("https://news.example/two", page("Two").encode(), "text/html", "200 OK"),
        ]:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )
        writer.write_record(
            writer.create_warc_record("https://news.example/one", "request", payload=io.BytesIO(b"GET /"))
        )


def test_warc_yields_html_responses_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path)
    records = list(read_warc(path))
    assert [r.url for r in records] == ["https://news.example/one", "https://news.example/two"]
    assert all(r.kind == "html" and "<article>" in r.content for r in records)
    assert records[0].id == article_id(url="https://news.example/one")
    assert [r.url for r in iter_inputs([str(path)])] == [r.url for r in records]


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Local Feed</title>
{items}</channel></rss>"""
ITEM = "<item><title>{t}</title><link>{link}</link><pubDate>Tue, 0{d} Mar 2021 10:00:00 GMT</pubDate></item>"


def test_rss_items_fetched_through_the_guarded_fetcher(local_server, loopback_policy, tmp_path: Path) -> None:
    links = [local_server.add(f"/story/{n}", body=page(f"Story {n}").encode()) for n in range(3)]
    links.append(local_server.url("/missing"))
    items = "".join(ITEM.format(t=f"S{n}", link=link, d=n + 1) for n, link in enumerate(links))
    feed_url = local_server.add(
        "/feed.xml", body=RSS.format(items=items).encode(), headers={"Content-Type": "application/rss+xml"}
    )
    records = list(read_feed(feed_url, policy=loopback_policy()))
    assert [r.url for r in records] == links
    assert [r.error is None for r in records] == [True, True, True, False]
    assert "404" in (records[3].error or "")
    assert records[0].outlet == "Local Feed" and records[0].published == "2021-03-01"
    assert "Story 0" in records[0].content

    local_server.hits.clear()
    done = frozenset({records[0].id, records[1].id})
    again = list(read_feed(feed_url, policy=loopback_policy(), skip=done))
    assert [r.url for r in again] == links[2:]
    assert "/story/0" not in local_server.hits  # finished items are not fetched again

    feed_file = tmp_path / "saved.rss"
    feed_file.write_text(RSS.format(items=items), encoding="utf-8")
    assert [r.url for r in iter_inputs([str(feed_file)], policy=loopback_policy())] == links


def test_a_page_url_among_the_inputs_is_one_article(local_server, loopback_policy) -> None:
    story = local_server.add("/story/7", body=page("Story seven").encode())
    items = ITEM.format(t="S", link=story, d=1)
    feed_url = local_server.add(
        "/feed.xml", body=RSS.format(items=items).encode(), headers={"Content-Type": "application/rss+xml"}
    )
    local_server.hits.clear()
    records = list(iter_inputs([story, feed_url], policy=loopback_policy()))
    assert [(r.url, r.error) for r in records] == [(story, None), (story, None)]
    assert records[0].kind == "html" and "Story seven" in records[0].content
    assert records[0].id == article_id(url=story)
    assert local_server.hits.count("/story/7") == 2  # the page once as an input, once as the feed's item
    missing = list(iter_inputs([local_server.url("/gone")], policy=loopback_policy()))
    assert len(missing) == 1 and "404" in (missing[0].error or "")
    data = local_server.add(
        "/data.json", body=json.dumps({"a": 1}).encode(), headers={"Content-Type": "application/json"}
    )
    not_a_page = list(iter_inputs([data], policy=loopback_policy()))  # neither a page nor an RSS/Atom feed
    assert len(not_a_page) == 1 and "not an RSS/Atom feed" in (not_a_page[0].error or "")


def test_feed_items_on_private_addresses_are_refused_by_default(local_server) -> None:
    link = local_server.add("/story", body=page("Private").encode())
    feed = RSS.format(items=ITEM.format(t="x", link=link, d=1))
    feed_url = local_server.add("/feed.xml", body=feed.encode())
    records = list(read_feed(feed_url))  # default policy: the feed itself is refused
    assert len(records) == 1 and "non-public" in (records[0].error or "")


def test_host_limiter_caps_concurrency_per_host(local_server, loopback_policy, monkeypatch) -> None:
    import threading
    from concurrent.futures import ThreadPoolExecutor

    import newsprobe.ingest.records as readers

    url = local_server.add("/slow", body=b"<html><body><p>slow page</p></body></html>", delay_per_chunk=0.2, chunks=2)
    active, peak, lock = [0], [0], threading.Lock()
    real_fetch = readers.fetch_url

    def counting_fetch(target: str, policy: object) -> object:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        try:
            return real_fetch(target, policy)  # type: ignore[arg-type]
        finally:
            with lock:
                active[0] -= 1

    monkeypatch.setattr(readers, "fetch_url", counting_fetch)
    limiter = HostLimiter(per_host=1)
    with ThreadPoolExecutor(4) as pool:
        pages = list(pool.map(lambda _: limiter.fetch(url, loopback_policy()), range(4)))
    assert peak[0] == 1 and len(pages) == 4 and len(local_server.hits) == 4
    peak[0] = 0
    two = HostLimiter(per_host=2)
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda _: two.fetch(url, loopback_policy()), range(4)))
    assert peak[0] == 2
