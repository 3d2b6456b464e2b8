"""outlet_links and networks on a corpus of fixture sites: every planted link found with its evidence, no other."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from typer.testing import CliRunner

from newsprobe.cli.main import app
from newsprobe.corpus import RunOptions, query, run_corpus
from newsprobe.corpus.dashboard import write_dashboard
from newsprobe.corpus.networks import find_networks, networks_csv, networks_graphml
from newsprobe.corpus.store import CorpusStore

from .sites import SITES, page, url_of
from .stories import ENGLISH, GERMAN, RUSSIAN

PLANTED = {
    ("alpha-news-fixture.com", "beta-daily-fixture.com", "tracking_id"),
    ("delta-times-fixture.com", "gamma-post-fixture.com", "template"),
    ("relay-one-fixture.com", "relay-two-fixture.com", "relay"),
    ("kilo-wire-fixture.com", "lima-vesti-fixture.ru", "relay"),
}


def ptc_texts(shared_data: Path, count: int) -> list[str]:
    folder = shared_data / "ptc" / "train" / "train-articles"
    if not folder.is_dir():
        pytest.skip(f"shared data not found: {folder}")
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))[20 : 20 + count]]


def html_row(name: str, text: str, published: str, slug: str, variant: int = 0) -> dict[str, str]:
    site = SITES[name]
    title = text.strip().split("\n")[0][:80]
    return {"html": page(site, title, text, published, slug, variant), "url": url_of(site, published, slug)}


def corpus_rows(texts: list[str]) -> list[dict[str, str]]:
    rows = [
        # the planted sites: alpha/beta share accounts, gamma/delta a template; each writes its own stories
        html_row("alpha", texts[0], "2024-03-01T09:00:00+00:00", "a1"),
        html_row("alpha", texts[1], "2024-03-03T09:00:00+00:00", "a2", 1),
        html_row("beta", texts[2], "2024-03-02T09:00:00+00:00", "b1"),
        html_row("gamma", texts[3], "2024-03-01T12:00:00+00:00", "g1"),
        html_row("delta", texts[4], "2024-03-05T12:00:00+00:00", "d1", 2),
        # unrelated sites on one CMS: echo/foxtrot with one stock theme, golf/hotel with their own themes
        html_row("echo", texts[5], "2024-03-01T10:00:00+00:00", "e1"),
        html_row("foxtrot", texts[6], "2024-03-02T10:00:00+00:00", "f1", 1),
        # golf and hotel run one shared story the same day: once is not a pattern
        html_row("golf", texts[7], "2024-03-04T07:00:00+00:00", "shared"),
        html_row("hotel", texts[7], "2024-03-04T09:30:00+00:00", "shared"),
    ]
    for day, text in ((1, texts[8]), (2, texts[9])):  # two RT stories, each relayed by relay1 and relay2
        rows.append(
            {
                "text": text,
                "url": f"https://www.rt.com/news/{day}-story/",
                "published": f"2024-03-0{day}T08:00:00+00:00",
            }
        )
        rows.append(html_row("relay1", text, f"2024-03-0{day}T08:20:00+00:00", f"r1-{day}", day))
        rows.append(html_row("relay2", text, f"2024-03-0{day}T08:35:00+00:00", f"r2-{day}", day))
    for day in (0, 1):  # kilo's stories in English, lima's in Russian two hours later; mike's German news
        rows.append(html_row("kilo", ENGLISH[day], f"2024-04-0{day + 1}T06:00:00+00:00", f"k{day}", day))
        rows.append(html_row("lima", RUSSIAN[day], f"2024-04-0{day + 1}T08:00:00+00:00", f"l{day}", day))
        rows.append(html_row("mike", GERMAN[day], f"2024-04-0{day + 1}T09:00:00+00:00", f"m{day}", day))
    return rows


@pytest.fixture(scope="module")
def store(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("in")
    inputs = folder / "in.jsonl"
    inputs.write_text("\n".join(json.dumps(row) for row in corpus_rows(ptc_texts(shared_data, 10))) + "\n")
    directory = tmp_path_factory.mktemp("store")
    run_corpus(RunOptions(inputs=[str(inputs)], store=directory, workers=1, analyses=[], profile="fast", quiet=True))
    return directory


def links(store: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = query(store, "SELECT * FROM outlet_links ORDER BY a_domain, kind").to_pylist()
    return rows


def test_every_planted_link_is_found_and_no_other(store: Path) -> None:
    found = links(store)
    assert {(row["a_domain"], row["b_domain"], row["kind"]) for row in found} == PLANTED


def test_each_link_carries_its_evidence_and_weight(store: Path) -> None:
    by_kind = {row["kind"]: row for row in links(store)}
    tracking = by_kind["tracking_id"]
    assert "Google Analytics account UA-4471234 on both (2 sites in the corpus use it)" in str(tracking["evidence"])
    assert "Google Tag Manager container GTM-K7Q2ZP" in str(tracking["evidence"])
    assert tracking["count"] == 2 and tracking["weight"] == 1.0
    assert str(by_kind["template"]["evidence"]).startswith("page template ")
    assert by_kind["template"]["weight"] == 0.5
    translated, relay = (row for row in links(store) if row["kind"] == "relay")  # ordered by a_domain
    assert translated["a_domain"] == "kilo-wire-fixture.com" and translated["count"] == 2
    assert "(2 in another language, with the same names, numbers and links)" in str(translated["evidence"])
    assert relay["count"] == 2 and str(relay["evidence"]).startswith(
        "2 stories published by both within 24 hours of each other, e.g."
    )


def test_site_fingerprints_are_stored_per_article(store: Path) -> None:
    rows = query(
        store,
        """SELECT a.domain, f.kind, f.value, f.shared FROM site_fingerprints f JOIN articles a ON a.id = f.article_id
           WHERE f.kind = 'Google Tag Manager' ORDER BY 1""",
    ).to_pylist()
    assert [(r["domain"], r["value"]) for r in rows][:3] == [
        ("alpha-news-fixture.com", "GTM-K7Q2ZP"),
        ("alpha-news-fixture.com", "GTM-K7Q2ZP"),
        ("beta-daily-fixture.com", "GTM-K7Q2ZP"),
    ]
    placeholders = [r for r in rows if r["value"] == "GTM-XXXX"]
    assert len(placeholders) == 2 and all("developers.google.com" in r["shared"] for r in placeholders)


def test_networks_list_outlets_links_and_the_listed_outlets_they_relay(store: Path) -> None:
    with CorpusStore(store, read_only=True) as opened:
        networks = find_networks(opened)
    assert [sorted(o["domain"] for o in n.outlets) for n in networks] == [
        ["alpha-news-fixture.com", "beta-daily-fixture.com"],
        ["delta-times-fixture.com", "gamma-post-fixture.com"],
        ["kilo-wire-fixture.com", "lima-vesti-fixture.ru"],
        ["relay-one-fixture.com", "relay-two-fixture.com"],
    ]
    relay = networks[3]
    assert [(s["source_domain"], s["copies"]) for s in relay.relayed] == [("rt.com", 4)]
    assert "state media" in relay.relayed[0]["lists"]
    assert networks[0].relayed == []


def test_exports_for_gephi(store: Path) -> None:
    with CorpusStore(store, read_only=True) as opened:
        networks = find_networks(opened)
    edges = list(csv.DictReader(io.StringIO(networks_csv(networks))))
    assert {(e["Source"], e["Target"], e["Kind"]) for e in edges} == PLANTED
    assert all(e["Type"] == "Undirected" and e["Evidence"] for e in edges)
    graph = ElementTree.fromstring(networks_graphml(networks))
    namespace = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(graph.findall(".//g:node", namespace)) == 8
    assert len(graph.findall(".//g:edge", namespace)) == 4


def test_cli_and_dashboard(store: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["corpus", "networks", "--store", str(store), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 4
    out = tmp_path / "net.graphml"
    result = runner.invoke(app, ["corpus", "networks", "--store", str(store), "--format", "graphml", "--out", str(out)])
    assert result.exit_code == 0 and out.read_text().startswith("<?xml")
    result = runner.invoke(
        app, ["corpus", "query", "--store", str(store), "--format", "csv", "select * from outlet_links"]
    )
    assert result.exit_code == 0 and result.stdout.count("\n") == 5
    html = write_dashboard(store, tmp_path / "report.html").read_text()
    assert 'id="networks"' in html and "relay-one-fixture.com" in html and "rt.com" in html
