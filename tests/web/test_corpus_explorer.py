"""The corpus explorer's API contract and pages, over real HTTP against a store written by `corpus run`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import httpx

from newsprobe.corpus import query

from .conftest import HOSTILE_SPEAKER, LiveServer

ARTICLE_KEYS = {"id", "title", "outlet", "domain", "url", "published", "language", "verdict", "report_url"}
COUNT_KEYS = {"quotes", "checkworthy_claims", "propaganda_spans"}


def sql(store: Path, text: str, parameters: list[Any] | None = None) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = query(store, text, parameters).to_pylist()
    return rows


def get_json(client: httpx.Client, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


def all_pages(client: httpx.Client, url: str) -> list[dict[str, Any]]:
    """Follow `next` to the end; every page's total is the same."""
    rows: list[dict[str, Any]] = []
    body = get_json(client, url)
    total = body["total"]
    while True:
        rows += body["articles"]
        assert body["total"] == total
        if body["next"] is None:
            return rows
        body = get_json(client, body["next"])


def test_article_list_contract_and_pagination(explorer_server: LiveServer, explorer_store: Path) -> None:
    with explorer_server.client() as client:
        body = get_json(client, "/api/v1/corpus/articles?limit=3")
        assert set(body) == {"articles", "total", "next"}
        assert body["total"] == sql(explorer_store, "SELECT count(*) AS n FROM articles")[0]["n"] == 8
        assert body["next"] is not None and "offset=3" in body["next"]
        for article in body["articles"]:
            assert ARTICLE_KEYS | COUNT_KEYS <= set(article)
            assert article["report_url"] == f"/corpus/articles/{article['id']}"
        rows = all_pages(client, "/api/v1/corpus/articles?limit=3")
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)) == 8
    first = next(row for row in rows if row["quotes"])
    stored = sql(explorer_store, "SELECT count(*) AS n FROM quotes WHERE article_id = ?", [first["id"]])[0]["n"]
    assert first["quotes"] == stored
    claims = sql(
        explorer_store,
        "SELECT article_id AS id, count(*) FILTER (WHERE checkworthy) AS marked, count(*) AS scored FROM claims GROUP BY 1",
    )
    assert any(c["marked"] < c["scored"] for c in claims)  # the column counts what the report lists, not every sentence
    marked = {c["id"]: c["marked"] for c in claims}
    assert {row["id"]: row["checkworthy_claims"] for row in rows} == {i: marked.get(i, 0) for i in ids}


def test_each_filter_returns_exactly_the_matching_articles(explorer_server: LiveServer, explorer_store: Path) -> None:
    technique = sql(explorer_store, "SELECT technique_name AS t FROM propaganda_spans ORDER BY 1 LIMIT 1")[0]["t"]
    speaker = sql(explorer_store, "SELECT speaker FROM quotes WHERE speaker IS NOT NULL ORDER BY 1 LIMIT 1")[0][
        "speaker"
    ]
    cases = {
        "domain=rt.com": "SELECT id FROM articles WHERE domain = 'rt.com'",
        "outlet=BBC": "SELECT id FROM articles WHERE outlet = 'BBC'",
        "verdict=original": "SELECT article_id AS id FROM provenance WHERE verdict = 'original'",
        "language=en": "SELECT id FROM articles WHERE language = 'en'",
        "since=2019-02&until=2019-03": "SELECT id FROM articles WHERE published >= '2019-02' AND published < '2019-04'",
        "q=harbour": "SELECT id FROM articles WHERE title ILIKE '%harbour%'",
        "text=divers": "SELECT id FROM articles WHERE text ILIKE '%divers%'",
        f"technique={technique}": f"SELECT DISTINCT article_id AS id FROM propaganda_spans WHERE technique_name = '{technique}'",
        f"speaker={speaker}": f"SELECT DISTINCT article_id AS id FROM quotes WHERE speaker = '{speaker.replace(chr(39), chr(39) * 2)}'",
    }
    with explorer_server.client() as client:
        for params, expected_sql in cases.items():
            expected = {row["id"] for row in sql(explorer_store, expected_sql)}
            assert expected, params  # every case must select something, or it proves nothing
            got = {row["id"] for row in all_pages(client, "/api/v1/corpus/articles?limit=2&" + params)}
            assert got == expected, params


def test_sorting(explorer_server: LiveServer) -> None:
    with explorer_server.client() as client:
        titles = [a["title"] for a in get_json(client, "/api/v1/corpus/articles?sort=title&limit=100")["articles"]]
        dates = [a["published"] for a in get_json(client, "/api/v1/corpus/articles?limit=100")["articles"]]
    assert titles == sorted(titles)
    assert dates == sorted(dates, reverse=True)


def test_csv_export_carries_the_filters(explorer_server: LiveServer) -> None:
    with explorer_server.client() as client:
        json_ids = [a["id"] for a in get_json(client, "/api/v1/corpus/articles?domain=rt.com")["articles"]]
        response = client.get("/api/v1/corpus/articles?domain=rt.com&format=csv")
        page = client.get("/corpus/articles?domain=rt.com").text
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["id"] for row in rows] == json_ids and {row["domain"] for row in rows} == {"rt.com"}
    assert 'href="/api/v1/corpus/articles?domain=rt.com&amp;format=csv"' in page
    assert 'href="/api/v1/corpus/articles?domain=rt.com"' in page
    assert '<td title="en">English</td>' in page  # the language by name; its code, which the filter takes, on hover


def test_an_empty_result_says_so_once(explorer_server: LiveServer) -> None:
    with explorer_server.client() as client:
        pages = [client.get(f"/corpus/{name}?{query}").text for name, query in EMPTY_QUERIES]
    for page, (name, _) in zip(pages, EMPTY_QUERIES, strict=True):
        assert page.count('class="np-pager"') == 1 and " match." in page, name  # the bottom pager had repeated it


EMPTY_QUERIES = [
    ("articles", "domain=nowhere.example"),
    ("quotes", "speaker=Nobody+Atall"),
    ("speakers", "q=Nobody+Atall"),
]


def test_report_drill_down_is_built_from_the_store(explorer_server: LiveServer, explorer_store: Path) -> None:
    article = sql(
        explorer_store,
        "SELECT a.id, a.title FROM articles a JOIN quotes q ON q.article_id = a.id WHERE a.domain = 'rt.com' LIMIT 1",
    )[0]
    with explorer_server.client() as client:
        report = get_json(client, f"/api/v1/corpus/articles/{article['id']}")
        page = client.get(f"/corpus/articles/{article['id']}")
        missing = client.get("/corpus/articles/no-such-article")
    assert report["article"]["metadata"]["title"] == article["title"]
    assert {"provenance", "quotes", "claims", "propaganda", "entities"} <= set(report["analyses"])
    stored_quotes = sql(explorer_store, "SELECT count(*) AS n FROM quotes WHERE article_id = ?", [article["id"]])
    assert len(report["analyses"]["quotes"]["attributions"]) == stored_quotes[0]["n"]
    verdict = sql(explorer_store, "SELECT verdict FROM provenance WHERE article_id = ?", [article["id"]])[0]["verdict"]
    assert report["analyses"]["provenance"]["verdict"] == verdict
    assert page.status_code == 200
    for section in ("provenance", "quotes", "claims", "propaganda", "entities"):
        assert f'<section id="{section}"' in page.text  # the single-article report's sections
    assert "not analysed again" in page.text
    assert missing.status_code == 404


def test_outlets_list_counts_and_links(explorer_server: LiveServer, explorer_store: Path) -> None:
    with explorer_server.client() as client:
        body = get_json(client, "/api/v1/corpus/outlets")
        rt = next(o for o in body["outlets"] if o["domain"] == "rt.com")
        linked = get_json(client, "/api/v1/corpus/articles?domain=rt.com")
        outlet_page = client.get(rt["outlet_url"]).text
    assert sum(o["articles"] for o in body["outlets"]) == 8
    assert rt["articles"] == linked["total"] == 2 and sum(rt["verdicts"].values()) == 2
    assert rt["state_affiliated"] is True and rt["articles_url"] == "/corpus/articles?domain=rt.com"
    assert "In this corpus: 2 articles" in outlet_page


def test_syndication_puts_the_earliest_copy_first(explorer_server: LiveServer, explorer_store: Path) -> None:
    with explorer_server.client() as client:
        clusters = get_json(client, "/api/v1/corpus/syndication")["clusters"]
    copied = next(c for c in clusters if any(m["url"] == "https://example-blog.net/copied" for m in c["members"]))
    members = copied["members"]
    assert members[0]["earliest"] and members[0]["domain"] == "rt.com"
    assert members[-1]["url"] == "https://example-blog.net/copied" and members[-1]["credits_another"] is False


def test_speakers_are_resolved_only_and_link_to_their_quotes(explorer_server: LiveServer, explorer_store: Path) -> None:
    with explorer_server.client() as client:
        speakers = get_json(client, "/api/v1/corpus/speakers?limit=1000")["speakers"]
        top = speakers[0]
        quotes = get_json(client, "/api/v1/corpus/quotes?limit=1000&speaker=" + top["speaker"])
    assert speakers and all(s["speaker"] for s in speakers)
    expected = sql(explorer_store, "SELECT count(*) AS n FROM quotes WHERE speaker = ?", [top["speaker"]])[0]["n"]
    assert top["quotes"] == quotes["total"] == expected
    assert HOSTILE_SPEAKER in {s["speaker"] for s in speakers}


def test_outlets_menu_lists_known_outlets_by_flag_and_country(explorer_server: LiveServer) -> None:
    from newsprobe.outlets import database

    with explorer_server.client() as client:
        body = get_json(client, "/api/v1/outlets?flag=state&country=Russia&limit=500")
        page = client.get("/outlets?flag=state&country=Russia").text
        home = client.get("/").text
    assert body["total"] == database().count_outlets(flag="state", country="Russia") == len(body["outlets"])
    assert "rt.com" in {o["domain"] for o in body["outlets"]}
    assert all(o["country"] == "Russia" and o["flags"] for o in body["outlets"])
    assert 'href="/sources/rt.com"' in page and 'href="/outlets"' in home
    assert 'href="/api/v1/outlets?flag=state&amp;country=Russia&amp;format=csv"' in page


def test_bad_parameters_are_one_line_errors(explorer_server: LiveServer) -> None:
    with explorer_server.client() as client:
        bad_sort = client.get("/api/v1/corpus/articles?sort=nonsense")
        bad_limit = client.get("/api/v1/corpus/articles?limit=0")
        bad_flag = client.get("/api/v1/corpus/outlets?flag=nonsense")
        bad_date = client.get("/api/v1/corpus/articles?since=notadate")
        year = client.get("/api/v1/corpus/articles?since=2019")
        bad_date_page = client.get("/corpus/articles?until=last+week")
    assert bad_sort.status_code == 400 and "unknown sort" in bad_sort.json()["error"]["message"]
    assert bad_limit.status_code == 422 and bad_date.status_code == 422 and year.status_code == 200
    assert bad_date.json()["error"]["message"] == "since: give a date as 2019, 2019-03 or 2019-03-04, not 'notadate'"
    assert (
        bad_date_page.status_code == 422 and "until: give a date as 2019, 2019-03 or 2019-03-04" in bad_date_page.text
    )
    assert bad_flag.status_code == 400 and "unknown flag" in bad_flag.json()["error"]["message"]


def test_served_dashboard_states_n_and_links_each_chart_to_its_table(explorer_server: LiveServer) -> None:
    import lxml.html

    with explorer_server.client() as client:
        page = client.get("/corpus/dashboard?genre=all&min_articles=1")
        linked = [client.get(href) for href in lxml.html.fromstring(page.text).xpath("//section//a/@href")]
    assert page.status_code == 200
    tree = lxml.html.fromstring(page.text)
    drawn = [section for section in tree.iter("section") if section.xpath(".//svg")]
    assert {"verdicts", "techniques", "speakers", "timeline"} <= {section.get("id") for section in drawn}
    for section in drawn:
        assert section.xpath(".//p[@class='n']")[0].text_content().startswith("n = "), section.get("id")
        assert section.xpath(".//p[@class='n']/a/@href"), section.get("id")
    verdict_links = tree.xpath("//section[@id='verdicts']//table//a/@href")
    assert verdict_links and all(href.startswith("/corpus/articles?verdict=") for href in verdict_links)
    from newsprobe.report.words import VERDICTS

    for link in tree.xpath("//section[@id='verdicts']//table//a"):  # each verdict in the report's words
        assert link.text_content().strip() == VERDICTS[link.get("href").split("verdict=")[1].split("&")[0]]
    assert linked and all(response.status_code == 200 for response in linked)


def _served(tmp_path: Path, rows: dict[str, list[dict[str, Any]]], urls: list[str]) -> list[str]:
    """The bodies of `urls` from a server over a store holding `rows`, written through the store's own path."""
    from newsprobe.corpus import CorpusStore
    from newsprobe.web import WebSettings

    from .conftest import start_server, stop_server

    with CorpusStore(tmp_path / "store") as store:
        store.write_batch([rows])
    live = start_server(WebSettings(store=tmp_path / "store", rate_per_minute=0, warm_up=False))
    try:
        with live.client() as client:
            return [client.get(url).text for url in urls]
    finally:
        stop_server(live)


def test_a_speakers_quotes_page_names_people_quoted_under_the_same_surname(tmp_path: Path) -> None:
    """'Trump' and 'Donald Trump' are listed as leads on each other's page, never merged; another surname is not."""

    def quote(article: str, number: int, speaker: str, kind: str = "person") -> dict[str, Any]:
        return {"article_id": article, "attribution_id": number, "speaker": speaker, "speaker_kind": kind}

    quotes = [
        quote("a1", 0, "Donald Trump"),
        quote("a2", 0, "Trump"),
        quote("a2", 1, "Trump"),
        quote("a2", 2, "Ivanka Trump"),
        quote("a3", 0, "James P. Kennedy Jr."),
        quote("a3", 1, "Kennedy"),
        quote("a3", 2, "Trump Organization", kind="organisation"),
        quote("a3", 3, "Jane Roe"),
    ]
    articles = [{"id": a, "text": "…", "title": f"Story {a}"} for a in ("a1", "a2", "a3")]
    urls = [f"/corpus/quotes?speaker={name}" for name in ("Trump", "Kennedy", "Jane Roe")]
    trump, kennedy, roe = _served(tmp_path, {"articles": articles, "quotes": quotes}, urls)
    pages = {"Trump": trump, "Kennedy": kennedy}
    assert "Also quoted in this corpus under the same surname" in pages["Trump"]
    assert "Donald Trump</a> (1 quote), " in pages["Trump"] and "Ivanka Trump</a> (1 quote)." in pages["Trump"]
    assert "Trump Organization" not in pages["Trump"]  # an organisation has no surname
    assert "James P. Kennedy Jr.</a> (1 quote)." in pages["Kennedy"]  # the suffix is no surname
    assert "same surname" not in roe


def test_an_article_with_no_outlet_is_listed_where_every_page_links_it(tmp_path: Path) -> None:
    """The summary, the outlet list and its verdict chips link '(unknown)' to the articles with no outlet or
    address (the link listed none, the chips every article of the verdict, the JSON gave '/sources/None')."""
    articles = [
        {"id": "a1", "text": "…", "title": "Pasted text"},
        {"id": "a2", "text": "…", "title": "A page", "domain": "example.org", "outlet": "Example News"},
        {"id": "a3", "text": "…", "title": "A page with only an address", "domain": "example.net"},
    ]
    verdicts = [{"article_id": a, "verdict": "original", "confidence": 0.3} for a in ("a1", "a2", "a3")]
    summary, outlets_page, outlets, unknown, by_domain = _served(
        tmp_path,
        {"articles": articles, "provenance": verdicts},
        [
            "/corpus",
            "/corpus/outlets",
            "/api/v1/corpus/outlets",
            "/api/v1/corpus/articles?outlet=(unknown)",
            "/api/v1/corpus/articles?outlet=example.net",
        ],
    )
    assert 'href="/corpus/articles?outlet=%28unknown%29"' in summary and "example.net" in summary
    assert [a["id"] for a in json.loads(unknown)["articles"]] == ["a1"]
    assert [a["id"] for a in json.loads(by_domain)["articles"]] == ["a3"]
    row = next(o for o in json.loads(outlets)["outlets"] if o["domain"] is None)
    assert row["articles_url"] == "/corpus/articles?outlet=%28unknown%29" and row["outlet_url"] is None
    assert 'href="/corpus/articles?outlet=%28unknown%29&amp;verdict=original"' in outlets_page
