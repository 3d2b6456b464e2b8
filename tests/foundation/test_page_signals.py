"""Links, embeds and ClaimReview read from HTML pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprobe.api import extract
from newsprobe.ingest import from_html

FIXTURES = Path(__file__).parents[1] / "provenance" / "fixtures"
PAGE_URL = "https://www.example-blog.com/2017/06/28/coalition-accused/"


@pytest.fixture(scope="module")
def linked():
    return extract(from_html((FIXTURES / "linked_article.html").read_text(encoding="utf-8"), url=PAGE_URL))


# ---------------------------------------------------------------- links in extraction


def test_body_links_have_normalised_targets_and_anchor_offsets(linked):
    in_text = [link for link in linked.links if link.span is not None]
    assert [link.text for link in in_text] == [
        "a report on RT",
        "TASS",
        "Sputnik",
        "its own releases",
        "collected here",
        "the BBC",
        "June 28, 2017",
    ]
    for link in in_text:
        assert linked.text[link.span.start : link.span.end] == link.text
    assert in_text[0].url == "https://www.rt.com/news/393758-lavrov-coalition-nusra/"  # utm_source dropped
    assert in_text[4].url == "https://www.example-blog.com/2017/06/20/syria-coverage/"  # relative made absolute


def test_navigation_footer_and_mailto_links_are_not_body_links(linked):
    urls = {link.url for link in linked.links}
    assert not any(url.endswith("/world/") or "about" in url or url == "https://www.rt.com/" for url in urls)
    assert all(url.startswith("https://") for url in urls)


def test_link_in_removed_boilerplate_points_into_its_block(linked):
    (related,) = [link for link in linked.links if link.removed_block is not None]
    block = linked.removed[related.removed_block]
    assert block.reason == "related links"
    assert block.text[related.removed_span.start : related.removed_span.end] == related.text


def test_embeds_come_from_the_article_not_the_sidebar(linked):
    assert [(e.url, e.kind) for e in linked.metadata.embeds] == [  # in document order
        ("https://twitter.com/tass_agency/status/880000000000000000", "post"),
        ("https://www.rt.com/on-air/", "iframe"),
    ]


def test_links_of_a_real_page_point_at_their_anchors(bench_page):
    article = bench_page("1ee91d1f")  # polygraph.info fact-check with many sourced links
    assert len(article.links) >= 10
    for link in article.links:
        if link.span is not None:
            assert article.text[link.span.start : link.span.end] == link.text
    assert any("syria.mil.ru" in link.url and link.text == "joint statement" for link in article.links)


def test_text_inputs_have_no_links(reference_article):
    assert reference_article.links == []


# ---------------------------------------------------------------- ClaimReview


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        (
            "1ee91d1f",
            {
                "rating": "False",
                "rating_value": "1",
                "best_rating": "5",
                "reviewer": "POLYGRAPH.info",
                "date_published": "2019-11-18",
                "item_reviewed_url": "http://syria.mil.ru/peacemaking/info/news/more.htm?id=12258560@egNews",
                "claim_author": "The Russian and Syrian defense ministries",
                "markup": "json-ld",
            },
        ),
        (
            "076f4f33",
            {
                "rating": "True",
                "rating_value": "1",
                "reviewer": "News Nation Fact Check",
                "date_published": "2019-11-19T09:01:42+05:30",
                "item_reviewed_url": "https://www.cntraveller.in/story/delhi-pollution-air-quality-oxy-pure-delhi-bar-saket-new-air-quality-aqi/",
                "markup": "json-ld",
            },
        ),
    ],
)
def test_claim_review_of_shared_fact_check_pages(bench_page, prefix, expected):
    (review,) = bench_page(prefix).metadata.claim_reviews
    assert review.model_dump(include=set(expected)) == expected
    assert review.claim_reviewed and review.url.startswith("https://")


def test_only_the_fact_check_pages_of_the_shared_set_carry_claim_review(shared_data):
    pages = sorted((shared_data / "extraction-bench" / "html").glob("*.html.gz"))
    if not pages:
        pytest.skip("extraction benchmark pages not available")
    with_reviews = {page.name[:8] for page in pages if extract(page).metadata.claim_reviews}
    assert with_reviews == {"1ee91d1f", "076f4f33"}


def test_claim_review_microdata_and_broken_json_ld():
    page = (FIXTURES / "claim_review_microdata.html").read_text(encoding="utf-8")
    (review,) = extract(from_html(page)).metadata.claim_reviews
    assert review.model_dump() == {
        "claim_reviewed": "The river bridge was closed to traffic for a whole year.",
        "rating": "Mostly false",
        "rating_value": "2",
        "best_rating": "5",
        "worst_rating": "1",
        "reviewer": "Example Checks",
        "reviewer_url": "https://checks.example.org/",
        "date_published": "2023-05-02",
        "url": "https://checks.example.org/bridge-closed",
        "item_reviewed_url": "https://social.example.com/posts/123",
        "claim_author": "A local councillor",
        "claim_date": "2023-04-28",
        "markup": "microdata",
    }


@pytest.mark.parametrize(
    ("prefix", "headline", "genre"),
    [
        ("1ace8c85", "New York State Attorney General reportedly investigating WeWork", "news"),  # "… – TechCrunch"
        ("04a6711c", "Republicans Are Following Trump to Nowhere", "opinion"),  # "Opinion | …": the kicker still counts
        ("5fa3154e", "The Guardian view on Hong Kong: a city on the brink", "opinion"),  # "… | Editorial"
        ("20b2b649", "Black Friday per nostalgici: le occasioni da non perdere", "other"),  # two parts of site after it
    ],
)
def test_the_headline_is_the_pages_without_the_sites_name_or_section(bench_page, prefix, headline, genre):
    article = bench_page(prefix)
    assert article.metadata.title == headline
    assert article.metadata.genre.label == genre


def test_a_title_keeps_what_no_heading_of_the_page_confirms():
    page = (
        '<html><head><meta property="og:title" content="{title}"></head><body><h1>{h1}</h1><p>{body}</p></body></html>'
    )
    body = "The council met on Tuesday and voted to close the library for repairs over the summer. " * 3
    title = "Library to close for repairs – Town Crier"
    trimmed = extract(from_html(page.format(title=title, h1="Library to close for repairs", body=body)))
    kept = extract(from_html(page.format(title=title, h1="The Town Crier Weekly", body=body)))
    assert trimmed.metadata.title == "Library to close for repairs"
    assert kept.metadata.title == title
