"""Pages parsed as HTML (no browser): forms, escaping, outlet and corpus pages, permalinks on disk."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from fastapi.testclient import TestClient

from newsprobe.web import WebSettings, create_app

from .conftest import LiveServer


def parse(text: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(text)


def test_home_form_posts_without_javascript(live_server: LiveServer) -> None:
    with live_server.client() as client:
        tree = parse(client.get("/").text)
    form = tree.get_element_by_id("analyze-form")
    assert form.get("method") == "post" and form.get("action") == "/analyze"
    assert form.get("enctype") == "multipart/form-data"
    assert {field.get("name") for field in form.xpath(".//input|.//textarea|.//select")} >= {
        "source",
        "text",
        "url",
        "file",
        "analyses",
        "paste_format",
    }
    assert not tree.xpath("//script[not(@src)]")  # no inline script anywhere (the CSP forbids it)
    assert all(src.startswith(("/static/", "/assets/")) for src in tree.xpath("//script/@src|//link/@href"))


def test_form_post_redirects_to_permalink(live_server: LiveServer, reference_path: Path) -> None:
    with live_server.client() as client:
        response = client.post(
            "/analyze",
            data={"text": reference_path.read_text(encoding="utf-8"), "choose": "1", "analyses": ["entities"]},
        )
        assert response.status_code == 303
        location = response.headers["location"]
        page = client.get(location)
    tree = parse(page.text)
    assert tree.xpath("//section[@id='entities']")
    assert not tree.xpath("//section[@id='quotes']")  # unchecked analysers do not run
    assert tree.get_element_by_id("permalink").get("value").endswith(location)
    assert tree.xpath(f"//a[@href='{location}.json']")


def test_form_errors_rerender_the_form(live_server: LiveServer) -> None:
    with live_server.client() as client:
        response = client.post("/analyze", data={"text": "", "url": ""})
    assert response.status_code == 400
    assert "paste a text" in parse(response.text).xpath("string(//div[@class='np-error'])")


def test_article_text_is_escaped_in_the_html(live_server: LiveServer) -> None:
    text = "Title <b>bold</b>\n\nBody with <script>alert(1)</script> and <img src=x onerror=alert(2)> inside it."
    with live_server.client() as client:
        response = client.post("/api/v1/analyze", json={"text": text, "analyses": ["entities"]})
        page = client.get(response.json()["permalink"]).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page and "<img src=x" not in page and "<b>bold" not in page


def test_outlet_page(live_server: LiveServer) -> None:
    from newsprobe.outlets import source

    with live_server.client() as client:
        known = parse(client.get("/sources/rt.com").text)
        unknown = client.get("/sources/no-such-outlet-xyz.example")
        shared = parse(client.get("/sources/Daily News").text)
        redirect = client.get("/sources", params={"q": "RT News"})
    assert known.xpath("string(//h1)") == source("rt.com").name
    assert all(flag in known.text_content() for flag in source("rt.com").flags)
    entries = " ".join(known.xpath("string(//details)").split())
    assert (
        "state media list (state-controlled)" in entries
        and "Lin et al. score (0.29)" in entries
        and "ASD State Media Matrix" in entries
    )
    for code in ("pc1=", "state_affiliation", "asd_state_media", "lin2023", "type SC"):
        assert code not in known.text_content(), code
    assert unknown.status_code == 200 and "unknown outlet" in unknown.text
    card = " ".join(shared.xpath("string(//div[@class='np-card'])").split())
    assert card.startswith("no single outlet Daily News: a name several papers share")  # was 'None of the data sets'
    assert "/sources/dailynews.co.tz" in shared.xpath("//div[@class='np-card']//a/@href")
    assert redirect.status_code == 303 and redirect.headers["location"] == "/sources/RT%20News"


def test_an_outlet_badge_opens_the_outlet_page_with_the_name_the_report_gave_it(
    live_server: LiveServer, reference_path: Path
) -> None:
    """The reference page credits "RT News"; the data sets call rt.com "RT International". Following the badge,
    the page says both, so the reader knows it is the outlet they clicked."""
    with live_server.client() as client:
        response = client.post(
            "/analyze",
            data={"text": reference_path.read_text(encoding="utf-8"), "choose": "1", "analyses": ["provenance"]},
        )
        report = parse(client.get(response.headers["location"]).text)
        badge = report.xpath("//a[contains(@class, 'np-badge')][strong='RT News']")[0]
        outlet = parse(client.get(badge.get("href")).text)
        by_table_name = parse(client.get("/sources/rt.com", params={"credited": outlet.xpath("string(//h1)")}).text)
    assert outlet.xpath("string(//h1)") == "RT International"
    assert (
        "credits this outlet as “RT News”; the data sets below list it as RT International, also known as RT News"
        in outlet.xpath("string(//p[contains(@class, 'np-credited')])")
    )
    assert not by_table_name.xpath("//p[contains(@class, 'np-credited')]")


def test_a_badge_for_a_name_several_papers_share_says_no_single_outlet(live_server: LiveServer) -> None:
    text = (
        "Storm closes roads\n\nA storm hit the coast on Monday, closing roads and schools across the county.\n\n"
        "This article originally appeared in the Daily News."
    )
    with live_server.client() as client:
        response = client.post("/analyze", data={"text": text, "choose": "1", "analyses": ["provenance"]})
        report = parse(client.get(response.headers["location"]).text)
    badge = report.xpath("//a[contains(@class, 'np-badge')][strong='the Daily News']")[0]
    assert badge.xpath(".//span[@class='np-chip']/text()") == ["no single outlet"]  # was 'unknown outlet'


def test_permalinks_survive_a_restart_with_a_data_dir(tmp_path: Path) -> None:
    settings = WebSettings(analyses=("entities",), data_dir=tmp_path)
    with TestClient(create_app(settings)) as client:
        created = client.post("/api/v1/analyze", json={"text": "Maria Keller met officials in Berlin on Monday."})
        report_id = created.json()["id"]
    with TestClient(create_app(settings)) as client:
        again = client.get(f"/api/v1/reports/{report_id}")
        page = client.get(f"/reports/{report_id}")
        same = client.post("/api/v1/analyze", json={"text": "Maria Keller met officials in Berlin on Monday."})
    assert again.json()["analyses"]["entities"] == created.json()["report"]["analyses"]["entities"]
    assert "Berlin" in parse(page.text).xpath("string(//section[@id='entities'])")  # typed result, real partial
    assert same.json()["id"] == report_id and same.json()["cached"] is True
    assert (tmp_path / "permalink.key").stat().st_mode & 0o077 == 0


def test_corpus_dashboard(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    with duckdb.connect(str(tmp_path / "corpus.duckdb")) as conn:
        conn.execute(
            "CREATE TABLE articles (id VARCHAR, url VARCHAR, outlet VARCHAR, published DATE, title VARCHAR, text VARCHAR)"
        )
        conn.execute(
            "INSERT INTO articles VALUES ('1', 'u1', 'rt.com', '2017-06-28', 't', 'x'), "
            "('2', 'u2', 'rt.com', '2017-07-01', 't', 'x'), ('3', 'u3', '<b>evil</b>', NULL, 't', 'x')"
        )
        conn.execute("CREATE TABLE errors (id VARCHAR, error VARCHAR)")
    with TestClient(create_app(WebSettings(store=tmp_path))) as client:
        page = client.get("/corpus")
        home = client.get("/")
    tree = parse(page.text)
    assert page.status_code == 200
    assert "3" in tree.xpath("string(//div[@class='np-stat'][1]/strong)")
    assert ["rt.com", "<b>evil</b>"] == tree.xpath("//table[1]//td[1]/a/text()")
    assert tree.xpath("//td[text()='2017-07']") and tree.xpath("//td[text()='2017-06']")
    assert parse(home.text).xpath("//a[@href='/corpus']")


def test_corpus_page_without_store_explains(live_server: LiveServer) -> None:
    with live_server.client() as client:
        response = client.get("/corpus")
    assert response.status_code == 404 and "--store" in response.text


def test_corpus_page_with_unreadable_store(tmp_path: Path) -> None:
    (tmp_path / "corpus.duckdb").write_bytes(b"not a database")
    with TestClient(create_app(WebSettings(store=tmp_path))) as client:
        page = client.get("/corpus")
    assert page.status_code == 200 and "cannot read corpus.duckdb" in page.text


def test_corpus_pages_on_a_real_corpus_store(tmp_path: Path) -> None:
    corpus = pytest.importorskip("newsprobe.corpus")
    pytest.importorskip("matplotlib", reason="the chart dashboard needs the report extra")
    import json

    body = "The minister said on Monday that talks would resume next week in Geneva. " * 10
    rows = [
        {"text": body, "url": f"https://news{n}.example/a", "outlet": f"<i>Outlet {n}</i>", "published": "2020-02-03"}
        for n in range(3)
    ]
    inputs = tmp_path / "in.jsonl"
    inputs.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    corpus.run_corpus(
        corpus.RunOptions(inputs=[str(inputs)], store=tmp_path / "store", workers=1, analyses=[], quiet=True)
    )
    with TestClient(create_app(WebSettings(store=tmp_path / "store", warm_up=False))) as client:
        summary = client.get("/corpus")
        charts = client.get("/corpus/dashboard")
    assert "3" in parse(summary.text).xpath("string(//div[@class='np-stat'][1]/strong)")
    assert "<i>Outlet 0</i>" in parse(summary.text).text_content()  # shown as text, not markup
    assert charts.status_code == 200
    assert "script-src" not in charts.headers["content-security-policy"]
    assert "default-src 'none'" in charts.headers["content-security-policy"]
    assert parse(charts.text).xpath("//svg") and not parse(charts.text).xpath("//script")


def test_claims_section_shows_a_top_list_and_all_sentences_without_javascript(
    live_server: LiveServer, reference_path: Path
) -> None:
    with live_server.client() as client:
        response = client.post(
            "/analyze",
            data={"text": reference_path.read_text(encoding="utf-8"), "choose": "1", "analyses": ["quotes", "claims"]},
        )
        page = client.get(response.headers["location"])
    section = parse(page.text).xpath("//section[@id='claims']")[0]
    top, everything = section.xpath("./table"), section.xpath("./details")
    assert len(top) == 1 and len(everything) == 1
    assert everything[0].xpath("string(./summary)").startswith("Show all")
    assert len(everything[0].xpath(".//tr")) > len(top[0].xpath(".//tr"))  # the top list is a subset
    assert {label.strip() for label in top[0].xpath(".//tr/td[4]/text()[1]")} == {"check-worthy"}
    assert section.xpath(".//th[starts-with(@title, 'Confidence that a fact-checker')]")
    text = section.text_content()
    assert "partly_direct" not in text and "partly quoted" in text


@pytest.mark.parametrize(("analyses", "who"), [(["quotes", "claims"], "the article"), (["claims"], "not known")])
def test_a_claims_speaker_on_the_web_page_is_the_reports_word(live_server: LiveServer, analyses, who) -> None:
    """The web page renders the report's partials with the report's words (an undefined one rendered empty)."""
    text = "Prices rose sharply in the region last year. The central bank raised its main interest rate by 2 points."
    with live_server.client() as client:
        response = client.post("/api/v1/analyze", json={"text": text, "analyses": analyses})
        page = parse(client.get(response.json()["permalink"]).text)
    said_by = [cell.text_content() for cell in page.xpath("//section[@id='claims']//tr/td[last()]")]
    assert said_by and all(who in cell for cell in said_by)
