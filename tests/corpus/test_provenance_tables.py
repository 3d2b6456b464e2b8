"""Corpus tables of issue 20: copy edits and passages, outbound links, fact-checks; the laundering rule in SQL."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from newsprobe.corpus import RunOptions, query, run_corpus
from newsprobe.corpus.store import LAUNDERING_SOURCE, CorpusStore
from newsprobe.corpus.syndication import outlet_row
from newsprobe.outlets import laundering_source_evidence, source

from .conftest import ptc_texts, write_jsonl

FIXTURES = Path(__file__).parents[1] / "provenance" / "fixtures"
ORIGINAL = (FIXTURES / "original_rt.txt").read_text(encoding="utf-8").strip()
COPY = (FIXTURES / "copy_globalresearch.txt").read_text(encoding="utf-8").strip()


@pytest.fixture(scope="module")
def store(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    other = ptc_texts(shared_data, 12)[11]
    rows = [
        {
            "text": "Coalition playing a very dangerous game in Syria\n\n" + ORIGINAL,
            "url": "https://www.rt.com/news/393758-lavrov/",
            "published": "2017-06-27",
            "outlet": "RT",
        },
        {
            "text": "Protecting the Terrorists: the Coalition's Very Dangerous Game\n\n" + COPY,
            "url": "https://www.globalresearch.ca/protecting-the-terrorists/5596832",
            "published": "2017-06-28",
            "outlet": "Global Research",
        },
        {"text": other, "url": "https://www.bbc.co.uk/news/world-1", "published": "2019-01-02", "outlet": "BBC"},
        {
            "text": other,
            "url": "https://example-blog.net/bbc-copy",
            "published": "2019-01-05",
            "outlet": "Example Blog",
        },
        {
            "html": (FIXTURES / "linked_article.html").read_text(encoding="utf-8"),
            "url": "https://www.example-blog.com/2017/06/28/coalition-accused/",
        },
        {
            "html": (FIXTURES / "claim_review_microdata.html").read_text(encoding="utf-8"),
            "url": "https://checks.example.org/bridge-closed",
        },
    ]
    inputs = write_jsonl(tmp_path_factory.mktemp("in") / "in.jsonl", rows)
    directory = tmp_path_factory.mktemp("store")
    run_corpus(
        RunOptions(
            inputs=[str(inputs)], store=directory, workers=1, analyses=["provenance"], profile="fast", quiet=True
        )
    )
    return directory


def _one(store: Path, sql: str) -> dict:
    rows = query(store, sql).to_pylist()
    assert len(rows) == 1, rows
    return rows[0]


def test_copy_edits_and_passages_of_a_dated_pair(store):
    edit = _one(
        store,
        """SELECT e.* FROM copy_edits e JOIN articles o ON o.id = e.original_id JOIN articles c ON c.id = e.copy_id
           WHERE o.domain = 'rt.com' AND c.domain = 'globalresearch.ca'""",
    )
    assert edit["edited"] and edit["title_changed"] and edit["obtained"] == "corpus"
    assert edit["title_after"].startswith("Protecting the Terrorists")
    assert edit["loaded_language_added"] == "sham; devastating" and edit["hedges_removed"] == "allegedly"
    assert (edit["passages_added"], edit["passages_removed"], edit["sentences_changed"]) == (1, 1, 2)
    passages = query(
        store,
        """SELECT p.kind, p.copy_start, p.copy_end, p.copy_text, a.text FROM edits p JOIN articles a ON a.id = p.copy_id
           WHERE p.copy_id = ? ORDER BY p.passage""",
        [edit["copy_id"]],
    ).to_pylist()
    assert [p["kind"] for p in passages] == ["changed", "changed", "removed", "added"]
    for passage in passages:
        if passage["copy_start"] is not None:
            assert passage["text"][passage["copy_start"] : passage["copy_end"]] == passage["copy_text"]


def test_syndication_marks_edited_copies_and_laundering_follows_the_lists(store):
    pairs = {(r["original_domain"], r["copy_domain"]): r for r in query(store, "SELECT * FROM syndication").to_pylist()}
    assert pairs[("rt.com", "globalresearch.ca")]["edited"] is True
    assert pairs[("bbc.co.uk", "example-blog.net")]["edited"] is False  # an exact copy
    candidates = query(store, "SELECT * FROM laundering_candidates").to_pylist()
    assert [(c["original_domain"], c["copy_domain"]) for c in candidates] == [("rt.com", "globalresearch.ca")]
    assert "state media list (state-controlled)" in candidates[0]["lists"] and candidates[0]["edited"]


def test_links_table_with_state_media_and_self_links(store):
    links = query(
        store,
        """SELECT l.* FROM links l JOIN articles a ON a.id = l.article_id
           WHERE a.domain = 'example-blog.com' ORDER BY l.position""",
    ).to_pylist()
    assert len(links) == 8
    assert sum(link["state_affiliated"] for link in links) == 3
    assert sum(link["self_link"] for link in links) == 2
    assert [link["anchor"] for link in links][:2] == ["a report on RT", "TASS"]
    assert any(link["in_boilerplate"] for link in links)


def test_fact_checks_table(store):
    row = _one(store, "SELECT * FROM fact_checks")
    assert (row["rating"], row["reviewer"], row["markup"]) == ("Mostly false", "Example Checks", "microdata")
    assert row["item_reviewed_url"] == "https://social.example.com/posts/123"


def test_provenance_links_say_whether_the_outlet_is_credited(store):
    rows = query(
        store, "SELECT kind, role, domain, credited FROM provenance_links WHERE kind = 'image_credit'"
    ).to_pylist()
    assert {(r["domain"], r["role"], r["credited"]) for r in rows} == {
        ("rt.com", "image credit", False),
        ("tass.com", "image credit", False),
    }


def test_the_sql_laundering_rule_matches_the_analysers():
    domains = [
        "rt.com",
        "tass.com",
        "bbc.co.uk",
        "npr.org",
        "112.ua",
        "1buv.com",
        "globalresearch.ca",
        "nytimes.com",
        "de.rt.com",
        "presstv.ir",
    ]
    rows = [outlet_row(domain) for domain in domains]
    conn = duckdb.connect()
    conn.execute("CREATE TABLE o (domain VARCHAR, state_affiliated BOOLEAN, specious BOOLEAN, laundromat VARCHAR)")
    conn.executemany(
        "INSERT INTO o VALUES (?, ?, ?, ?)",
        [[r["domain"], r["state_affiliated"], r["specious"], r.get("laundromat")] for r in rows],
    )
    in_sql = {row[0] for row in conn.execute(f"SELECT domain FROM o WHERE {LAUNDERING_SOURCE}").fetchall()}
    in_python = {domain for domain in domains if laundering_source_evidence(source(domain))}
    assert in_sql == in_python and {"rt.com", "112.ua", "1buv.com"} <= in_sql and "bbc.co.uk" not in in_sql


def test_a_partition_written_before_the_provenance_tables_reads_them_as_empty(tmp_path):
    directory = tmp_path / "old"
    with CorpusStore(directory) as store:
        marker = store.write_batch(
            [
                {
                    "articles": [{"id": "a", "domain": "rt.com", "published": "2017-06-27", "words": 3}],
                    "provenance_links": [{"article_id": "a", "kind": "origin", "position": 0, "domain": "tass.com"}],
                }
            ]
        )
        path = store.location.file("provenance_links", marker.partition)
    pq.write_table(pq.read_table(path).drop_columns(["credited"]), path)
    with CorpusStore(directory, read_only=True) as store:
        assert store.query("SELECT domain, credited FROM provenance_links").to_pylist() == [
            {"domain": "tass.com", "credited": None}
        ]
        assert [store.count(table) for table in ("copy_edits", "edits", "links", "fact_checks")] == [0, 0, 0, 0]
        assert store.count("laundering_candidates") == 0


def test_dashboard_shows_edited_copies_and_the_lists(store, tmp_path):
    import lxml.html

    from newsprobe.corpus.dashboard import write_dashboard

    html = write_dashboard(store, tmp_path / "r.html").read_text(encoding="utf-8")
    tree = lxml.html.fromstring(html)
    sections = {section.get("id"): section for section in tree.iter("section")}
    edited = sections["edited"].text_content()
    assert "Protecting the Terrorists" in edited and "sham; devastating" in edited
    laundering = sections["laundering"].text_content()
    assert "state media list (state-controlled)" in laundering and "Global Research" in laundering
    assert "stroke-dasharray" in lxml.html.tostring(sections["syndication"], encoding="unicode")  # the edited copy
    tiles = {
        tile.xpath("./span")[0].text_content(): tile.xpath("./b")[0].text_content()
        for tile in tree.xpath("//div[@class='tile']")
    }
    assert tiles["edited copies"] == "1" and tiles["fact-checks (ClaimReview)"] == "1"
