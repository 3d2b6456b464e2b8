"""The reference page: Global Research republishing RT. Hand-built article and the real extraction."""

from __future__ import annotations

import pytest

from newsprobe.document import Article

from .helpers import article_with, evidence_text, run

NOTICE = "The original source of this article is RT News"


@pytest.fixture(scope="module")
def hand_built() -> Article:
    body = (
        "Russian FM Sergey Lavrov has accused the US-led anti-terrorist coalition of being reluctant to bomb "
        "positions of the former Al-Nusra Front in Syria.\n\n"
        "Last week, Lavrov said that Moscow had not yet received from Washington a “detailed explanation”."
    )
    return article_with(
        body,
        removed=[
            (
                "Featured image: Russian Foreign Minister Sergey Lavrov (Source: Sergey Pyatakov / Sputnik)",
                "image credit",
            ),
            (NOTICE, "republication notice"),
            ("Copyright © RT News, RT News, 2017", "copyright"),
            ("Articles by: RT News", "author links"),
            ("For media inquiries: publications@globalresearch.ca", "media inquiries"),
        ],
        title="Protecting the Terrorists",
        byline="RT News",
        authors=["RT News"],
        site_name="Global Research",
        published="2017-06-28",
        contact_emails=["publications@globalresearch.ca"],
        footer_urls=["www.globalresearch.ca"],
    )


@pytest.fixture(scope="module", params=["hand_built", "extracted"])
def reference(request, hand_built):
    if request.param == "hand_built":
        article = hand_built
    else:
        article = request.getfixturevalue("reference_article")
    return article, run(article)


def test_verdict_is_attributed_republication(reference):
    _, result = reference
    assert result.verdict == "attributed_republication"
    assert result.confidence >= 0.85


def test_host_is_global_research_with_flags_and_citations(reference):
    _, result = reference
    host = result.host
    assert host.name == "Global Research" and host.domain == "globalresearch.ca"
    profile = host.profile
    assert profile.specious_sites and profile.laundromat_categories
    assert profile.reliability.band == "low" and profile.reliability.score < 0.25
    kinds = {e.kind: e.citation for e in profile.evidence}
    assert {"specious_sites", "laundromat", "reliability_score"} <= set(kinds)
    assert all(citation for citation in kinds.values())


def test_origin_is_rt_state_controlled_russia(reference):
    _, result = reference
    assert len(result.origins) == 1
    origin = result.origins[0]
    assert origin.domain == "rt.com" and origin.name == "RT News"
    assert origin.profile.country == "Russia"
    assert origin.profile.state_affiliation.typology == "SC" and origin.profile.state_affiliation.editorial_control
    assert origin.profile.state_affiliation.citation


def test_evidence_points_at_notice_and_byline(reference):
    article, result = reference
    evidence = result.origins[0].evidence
    notice = next(e for e in evidence if e.kind == "republication_notice")
    assert notice.where == "removed" and evidence_text(article, notice) == NOTICE
    assert article.removed[notice.removed_block].reason == "republication notice"
    byline = next(e for e in evidence if e.kind == "byline" and e.where == "metadata" and e.field == "byline")
    assert evidence_text(article, byline) == "RT News"


def test_image_credit_sputnik_is_not_an_origin(reference):
    _, result = reference
    assert all(o.domain != "sputniknews.com" for o in result.origins)


def test_chain_runs_from_rt_to_global_research(reference):
    _, result = reference
    assert [(link.role, link.domain) for link in result.chain] == [
        ("original", "rt.com"),
        ("republisher", "globalresearch.ca"),
    ]
