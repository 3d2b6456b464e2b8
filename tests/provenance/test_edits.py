"""Edits in the provenance result: the original from the index (its kept text) or fetched with --fetch-origin."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprobe.api import Newsprobe
from newsprobe.cli import app
from newsprobe.dedup import DocumentRecord, IndexSettings, NearDuplicateIndex
from newsprobe.ingest import FetchPolicy, from_html

from .helpers import article_with, run

FIXTURES = Path(__file__).parent / "fixtures"
ORIGINAL = (FIXTURES / "original_rt.txt").read_text(encoding="utf-8").strip()
COPY = (FIXTURES / "copy_globalresearch.txt").read_text(encoding="utf-8").strip()
ORIGINAL_TITLE = "Coalition playing 'very dangerous game' by sparing Al-Nusra in Syria – Lavrov"
COPY_TITLE = "Protecting the Terrorists: US-led Coalition's 'Very Dangerous Game' of Sparing Al-Nusra in Syria - Lavrov"


def _index(directory: Path, *, keep_text: bool = True) -> str:
    with NearDuplicateIndex(directory, settings=IndexSettings(keep_text=keep_text)) as store:
        store.add(
            ORIGINAL,
            DocumentRecord(
                source="https://www.rt.com/news/393758-lavrov-coalition-nusra/",
                url="https://www.rt.com/news/393758-lavrov-coalition-nusra/",
                outlet="RT",
                domain="rt.com",
                published="2017-06-27",
                title=ORIGINAL_TITLE,
            ),
        )
    return str(directory)


def _copy_article(**metadata: object):
    return article_with(
        COPY,
        title=COPY_TITLE,
        url="https://www.globalresearch.ca/protecting-the-terrorists/5596832",
        site_name="Global Research",
        published="2017-06-28",
        **metadata,
    )


def test_edits_from_the_original_in_the_index(tmp_path):
    result = run(_copy_article(), index_dir=_index(tmp_path / "idx"))
    assert result.verdict == "suspected_laundering"
    edits = result.edits
    assert edits.original.obtained == "index" and edits.original.domain == "rt.com"
    assert edits.original_text == ORIGINAL and edits.title_changed
    assert [p.kind for p in edits.passages] == ["changed", "changed", "removed", "added"]
    assert result.edits_note is None


def test_index_without_texts_says_why_there_are_no_edits(tmp_path):
    result = run(_copy_article(), index_dir=_index(tmp_path / "idx", keep_text=False))
    assert result.edits is None and "not its text" in result.edits_note


def _original_page() -> bytes:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in ORIGINAL.split("\n\n"))
    return (
        f"<html><head><title>{html.escape(ORIGINAL_TITLE)}</title><meta property='og:site_name' content='RT'></head>"
        f"<body><article><h1>{html.escape(ORIGINAL_TITLE)}</h1>{paragraphs}</article></body></html>"
    ).encode()


def _copy_page(original_url: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in COPY.split("\n\n"))
    return (
        f"<html><head><title>{html.escape(COPY_TITLE)}</title><meta property='og:site_name' content='Global Research'>"
        f"</head><body><article><h1>{html.escape(COPY_TITLE)}</h1>{paragraphs}"
        f"<p>The original source of this article is <a href='{original_url}'>RT News</a></p></article></body></html>"
    )


@pytest.fixture()
def served_original(local_server):
    local_server.add("/news/393758-lavrov-coalition-nusra/", body=_original_page())
    return local_server


def _rt_resolving_to(local_server) -> FetchPolicy:
    """www.rt.com resolved to the local test server, which the policy allows."""
    return FetchPolicy(allowed_networks=("127.0.0.1/32",), resolver=lambda host, port: ["127.0.0.1"])


def test_fetch_origin_follows_the_credited_link(served_original):
    url = f"http://www.rt.com:{served_original.port}/news/393758-lavrov-coalition-nusra/"
    probe = Newsprobe(
        ["provenance"], fetch_policy=_rt_resolving_to(served_original), config={"provenance": {"fetch_origin": True}}
    )
    report = probe.analyze(
        from_html(_copy_page(url), url="https://www.globalresearch.ca/protecting-the-terrorists/5596832")
    )
    result = report.analyses["provenance"]
    assert result.verdict == "attributed_republication" and result.origins[0].domain == "rt.com"
    assert result.edits is not None and result.edits.original.obtained == "fetched"
    assert result.edits.original.url.startswith("http://www.rt.com:")
    assert result.edits.original_title == ORIGINAL_TITLE and result.edits.copy_title == COPY_TITLE
    assert {(c.kind, c.text) for c in result.edits.editorial} >= {
        ("hedge_removed", "allegedly"),
        ("loaded_language_added", "sham"),
    }
    assert served_original.hits == ["/news/393758-lavrov-coalition-nusra/"]


def test_fetch_origin_goes_through_the_ssrf_guard(served_original):
    url = f"http://www.rt.com:{served_original.port}/news/393758-lavrov-coalition-nusra/"
    guarded = FetchPolicy(resolver=lambda host, port: ["127.0.0.1"])  # the default: public addresses only
    probe = Newsprobe(["provenance"], fetch_policy=guarded, config={"provenance": {"fetch_origin": True}})
    result = probe.analyze(from_html(_copy_page(url))).analyses["provenance"]
    assert result.edits is None and "non-public address 127.0.0.1" in result.edits_note
    assert served_original.hits == []


def test_fetch_origin_without_a_credited_url_says_so(reference_article):
    result = run(reference_article, fetch_origin=True)
    assert (
        result.edits is None
        and result.edits_note == "the page credits RT News but gives no URL of the original to fetch"
    )


def test_cli_fetch_origin(served_original, tmp_path):
    url = served_original.url("/news/393758-lavrov-coalition-nusra/")
    page = tmp_path / "copy.html"
    page.write_text(_copy_page(url), encoding="utf-8")
    args = ["analyze", str(page), "--analyses", "provenance", "--format", "json", "--fetch-origin", "--allow-private"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert '"obtained": "fetched"' in result.output and '"title_changed": true' in result.output
    refused = CliRunner().invoke(app, args[:-1])
    assert refused.exit_code == 0 and "non-public address" in refused.output


def test_cli_index_keeps_texts_so_analyze_lists_the_edits(tmp_path):
    original = tmp_path / "rt.txt"
    original.write_text(f"{ORIGINAL_TITLE}\n\nRT, June 27, 2017\n\n{ORIGINAL}\n", encoding="utf-8")
    copy = tmp_path / "globalresearch.txt"
    copy.write_text(f"{COPY_TITLE}\n\nGlobal Research, June 28, 2017\n\n{COPY}\n", encoding="utf-8")
    runner = CliRunner()
    for name, flags in (("kept", []), ("bare", ["--no-text"])):
        added = runner.invoke(app, ["index", "add", str(original), "--index", str(tmp_path / name), *flags])
        assert added.exit_code == 0, added.output
    args = ["analyze", str(copy), "--analyses", "provenance", "--format", "md", "--index"]
    kept = runner.invoke(app, [*args, str(tmp_path / "kept")])
    assert kept.exit_code == 0, kept.output
    assert "Headline before: Coalition playing" in kept.output and "- hedge removed: “allegedly”" in kept.output
    bare = runner.invoke(app, [*args, str(tmp_path / "bare")])
    assert "No comparison with the original: the index holds an earlier copy but not its text" in bare.output


def test_fetched_page_that_is_another_story_is_not_compared(local_server):
    other = (
        "<html><body><article><p>"
        + "An unrelated story about the weather in Lisbon this week. " * 6
        + "</p></article></body></html>"
    )
    local_server.add("/news/393758-lavrov-coalition-nusra/", body=other.encode())
    url = f"http://www.rt.com:{local_server.port}/news/393758-lavrov-coalition-nusra/"
    probe = Newsprobe(
        ["provenance"], fetch_policy=_rt_resolving_to(local_server), config={"provenance": {"fetch_origin": True}}
    )
    result = probe.analyze(from_html(_copy_page(url))).analyses["provenance"]
    assert result.edits is None and "shares only 0% of the text; not compared" in result.edits_note
