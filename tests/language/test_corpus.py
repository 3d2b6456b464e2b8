"""Corpus mode: language, genre and the analysers not run are stored; dashboards compare outlets on news."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsprobe.cli import app
from newsprobe.corpus import RunOptions, query, run_corpus
from newsprobe.corpus.dashboard import write_dashboard
from newsprobe.corpus.store import CorpusStore

from .samples import PORTUGUESE

NEWS = (
    "LONDON (Reuters) - The central bank raised interest rates on Thursday, officials said. "
    + "Economists told reporters the move had been expected, according to a survey of analysts. " * 8
)
EDITORIAL = (
    "I have read the bank's statement twice, and I still do not understand it. "
    + "My view is simple: I think the bank should have waited, and I say so plainly. " * 8
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    rows = [
        {"text": NEWS, "url": "https://www.bbc.co.uk/news/business-1", "outlet": "BBC", "published": "2020-01-02"},
        {"text": NEWS.replace("central bank", "treasury"), "url": "https://www.rt.com/news/2", "outlet": "RT"},
        {"text": EDITORIAL, "url": "https://www.rt.com/op-ed/3", "outlet": "RT", "published": "2020-01-03"},
        {"text": PORTUGUESE, "url": "https://www.example.pt/noticias/4", "outlet": "Diário"},
    ]
    inputs = folder / "in.jsonl"
    inputs.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    run_corpus(
        RunOptions(
            inputs=[str(inputs)], store=folder / "s", workers=1, analyses=["entities"], profile="fast", quiet=True
        )
    )
    return folder / "s"


def test_articles_store_language_and_genre(store: Path) -> None:
    rows = {
        row["url"].split("/")[-1]: row
        for row in query(
            store,
            "SELECT url, language, detected_language, language_confidence, genre, genre_confidence, genre_evidence "
            "FROM articles",
        ).to_pylist()
    }
    assert rows["business-1"]["language"] == rows["business-1"]["detected_language"] == "en"
    assert rows["business-1"]["genre"] == "news" and "dateline" in rows["business-1"]["genre_evidence"]
    assert rows["3"]["genre"] == "opinion" and "/op-ed/" in rows["3"]["genre_evidence"]
    assert rows["4"]["language"] == "pt" and rows["4"]["language_confidence"] > 0.9
    assert 0 < rows["4"]["genre_confidence"] <= 1


def test_skipped_analysers_are_stored_with_why(store: Path) -> None:
    skipped = query(store, "SELECT s.*, a.url FROM skipped_analyses s JOIN articles a ON a.id = s.article_id")
    (row,) = skipped.to_pylist()
    assert (row["analyser"], row["reason"], row["language"]) == ("entities", "unsupported_language", "pt")
    assert row["message"] == "not run: English-only model; this article is Portuguese"
    entities = query(store, "SELECT DISTINCT a.language FROM entities e JOIN articles a ON a.id = e.article_id")
    assert entities.column("language").to_pylist() == ["en"]


def test_dashboard_compares_outlets_on_news_and_shows_n(store: Path, tmp_path: Path) -> None:
    html = write_dashboard(store, tmp_path / "news.html").read_text(encoding="utf-8")
    tree = lxml.html.fromstring(html)
    scope = tree.xpath("//p[@id='scope']")[0].text_content()
    assert "news articles only: 3 of 4 articles (left out: 1 opinion)" in scope  # /noticias/ makes the pt one news
    timeline = lxml.html.tostring(tree.xpath("//section[@id='timeline']//svg")[0], encoding="unicode")
    assert "BBC (n=1)" in timeline and "RT (n=1)" not in timeline  # RT's dated article is its op-ed
    assert "Portuguese" in tree.xpath("//section[@id='languages']")[0].text_content()
    result = CliRunner().invoke(
        app, ["corpus", "report", "--store", str(store), "--out", str(tmp_path / "all.html"), "--genre", "all"]
    )
    assert result.exit_code == 0, result.output
    everything = lxml.html.fromstring((tmp_path / "all.html").read_text(encoding="utf-8"))
    assert "all 4 articles" in everything.xpath("//p[@id='scope']")[0].text_content()
    assert "RT (n=1)" in lxml.html.tostring(everything.xpath("//section[@id='timeline']//svg")[0], encoding="unicode")
    bad = CliRunner().invoke(app, ["corpus", "report", "--store", str(store), "--genre", "gossip"])
    assert bad.exit_code == 2 and "unknown genre 'gossip'" in bad.output


def test_a_partition_written_before_genres_reads_them_as_null(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    with CorpusStore(folder) as store:
        marker = store.write_batch(
            [{"articles": [{"id": "a", "outlet": "BBC", "published": "2020-01-01", "words": 3}]}]
        )
        path = store.location.file("articles", marker.partition)
    pq.write_table(pq.read_table(path).drop_columns(["genre", "genre_confidence", "genre_evidence"]), path)
    with CorpusStore(folder, read_only=True) as store:
        assert store.query("SELECT genre FROM articles").to_pylist() == [{"genre": None}]
        assert store.count("skipped_analyses") == 0
    html = write_dashboard(folder, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "No article in this store has a genre" in html
