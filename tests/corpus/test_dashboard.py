"""The corpus dashboard: one self-contained HTML page; charts degrade to a note when their tables are empty."""

from __future__ import annotations

from pathlib import Path

import lxml.html
from typer.testing import CliRunner

from newsprobe.cli import app
from newsprobe.corpus import RunOptions, run_corpus
from newsprobe.corpus.dashboard import write_dashboard

from .conftest import write_jsonl


def sections(html: str) -> dict[str, lxml.html.HtmlElement]:
    return {section.get("id"): section for section in lxml.html.fromstring(html).iter("section")}


def assert_self_contained(html: str) -> None:
    tree = lxml.html.fromstring(html)
    assert not tree.xpath("//script") and not tree.xpath("//link") and not tree.xpath("//iframe")
    assert not [src for src in tree.xpath("//@src | //@href") if not str(src).startswith("#")]


def test_dashboard_draws_the_charts_it_has_data_for(small_store: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["corpus", "report", "--store", str(small_store), "--out", str(tmp_path / "r.html"), "--min-articles", "1"]
    )
    assert result.exit_code == 0, result.output
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert_self_contained(html)
    found = sections(html)
    assert set(found) >= {"techniques", "reliability", "syndication", "speakers", "timeline", "laundering", "errors"}
    for drawn in ("syndication", "speakers", "timeline"):
        assert found[drawn].xpath(".//svg"), drawn
    for empty in ("techniques", "reliability"):  # the small store ran without the propaganda analyser
        assert not found[empty].xpath(".//svg")
        assert "propaganda" in found[empty].text_content()
    speakers_svg = lxml.html.tostring(found["speakers"].xpath(".//svg")[0], encoding="unicode")
    assert "Example Blog" in speakers_svg and "RT" in speakers_svg
    laundering = found["laundering"].text_content()
    assert "RT" in laundering and "Example Blog" in laundering
    ids = lxml.html.fromstring(html).xpath("//svg//@id")
    assert len(ids) == len(set(ids))  # inline SVGs do not clash
    for drawn in ("syndication", "speakers", "timeline"):
        assert found[drawn].xpath(".//p[@class='n']")[0].text_content().startswith("n = "), drawn


def test_per_outlet_charts_leave_out_outlets_with_few_articles(small_store: Path, tmp_path: Path) -> None:
    """The small store's outlets have 1 to 3 articles each: below the default of 5, no outlet is compared."""
    html = write_dashboard(small_store, tmp_path / "r.html").read_text(encoding="utf-8")
    found = sections(html)
    assert not found["speakers"].xpath(".//svg")
    assert "fewer than 5 articles are not compared" in found["speakers"].text_content()
    assert found["timeline"].xpath(".//svg")  # counts over time are not a per-outlet comparison
    two = sections(write_dashboard(small_store, tmp_path / "r2.html", min_articles=2).read_text(encoding="utf-8"))
    n_line = two["speakers"].xpath(".//p[@class='n']")[0].text_content()
    assert "with at least 2 articles each" in n_line


def test_dashboard_of_an_extraction_only_store_and_hostile_names(tmp_path: Path) -> None:
    body = "The minister said on Monday that talks would resume. " * 12
    rows = [
        {
            "text": body,
            "url": "https://evil.example/a",
            "outlet": "<script>alert(1)</script>",
            "published": "2020-02-03",
        }
    ]
    inputs = write_jsonl(tmp_path / "in.jsonl", rows)
    run_corpus(RunOptions(inputs=[str(inputs)], store=tmp_path / "s", workers=1, analyses=[], quiet=True))
    html = write_dashboard(tmp_path / "s", tmp_path / "r.html").read_text(encoding="utf-8")
    assert_self_contained(html)
    assert "<script>alert" not in html
    found = sections(html)
    assert found["timeline"].xpath(".//svg")
    for empty in ("techniques", "reliability", "syndication", "speakers"):
        assert not found[empty].xpath(".//svg") and found[empty].xpath(".//*[@class='empty']"), empty


def test_technique_profile_and_reliability_scatter_from_stored_rows(tmp_path: Path) -> None:
    """Propaganda rows written through the store (as the adapter writes them) are charted per outlet."""
    from newsprobe.corpus.store import CorpusStore
    from newsprobe.corpus.syndication import outlet_row

    documents = []
    for number, (domain, outlet, spans) in enumerate(
        [("rt.com", "RT", 6), ("bbc.co.uk", "BBC", 1), ("rt.com", "RT", 4), ("apnews.com", "AP", 0)]
    ):
        article_id = f"a{number}"
        documents.append(
            {
                "articles": [
                    {
                        "id": article_id,
                        "outlet": outlet,
                        "domain": domain,
                        "words": 500,
                        "text": "x " * 500,
                        "published": f"2020-0{number + 1}-01",
                    }
                ],
                "propaganda": [
                    {
                        "article_id": article_id,
                        "model": "test",
                        "spans": spans,
                        "sentences": 20,
                        "sentences_with_propaganda": spans,
                        "share_of_sentences": spans / 20,
                    }
                ],
                "propaganda_spans": [
                    {
                        "article_id": article_id,
                        "span_index": i,
                        "in_title": False,
                        "start_offset": 0,
                        "end_offset": 1,
                        "text": "x",
                        "technique": "Loaded_Language" if i % 2 else "Name_Calling,Labeling",
                        "technique_name": "Loaded language" if i % 2 else "Name calling",
                        "confidence": 0.9,
                    }
                    for i in range(spans)
                ],
            }
        )
    documents.append({"outlets": [outlet_row("rt.com"), outlet_row("bbc.co.uk")]})
    with CorpusStore(tmp_path / "s") as store:
        store.write_batch(documents)
    html = write_dashboard(tmp_path / "s", tmp_path / "r.html", min_articles=1).read_text(encoding="utf-8")
    found = sections(html)
    techniques = found["techniques"].xpath(".//svg")
    assert techniques
    text = lxml.html.tostring(techniques[0], encoding="unicode")
    assert "Loaded language" in text and "Name calling" in text and "RT" in text and "BBC" in text
    assert "AP (n=1)" in text  # an outlet with no highlighted span is a bar of 0, not left out of the comparison
    scatter = found["reliability"].xpath(".//svg")
    assert scatter
    assert "rt.com" in lxml.html.tostring(scatter[0], encoding="unicode")


def test_languages_and_analyses_not_run_in_plain_words(tmp_path: Path) -> None:
    """Languages by name ("Portuguese", not "pt"), and one row per reason an analysis did not run, naming the
    analyses as the report does (it was one row per analyser id and reason)."""
    from newsprobe.corpus.store import CorpusStore

    documents = []
    for number, language in enumerate(["pt", "pt", "en"]):
        article_id = f"a{number}"
        skipped = [
            {
                "article_id": article_id,
                "analyser": analyser,
                "reason": "language",
                "language": language,
                "message": "not run: English-only model; this article is Portuguese",
            }
            for analyser in ("quotes", "claims")
            if language == "pt"
        ]
        documents.append(
            {
                "articles": [{"id": article_id, "language": language, "genre": "news", "text": "x"}],
                "skipped_analyses": skipped,
            }
        )
    with CorpusStore(tmp_path / "s") as store:
        store.write_batch(documents)
    html = write_dashboard(tmp_path / "s", tmp_path / "r.html", min_articles=1).read_text(encoding="utf-8")
    languages = sections(html)["languages"]
    cells = [[cell.text_content() for cell in row.xpath("td")] for row in languages.xpath(".//tr[td]")]
    assert ["Portuguese", "news", "2"] in cells and ["English", "news", "1"] in cells
    assert [
        "Check-worthy claims, Quotes and speakers",
        "not run: English-only model; this article is Portuguese",
        "2",
    ] in cells
