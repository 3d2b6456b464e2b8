"""Outbound links in the provenance result: grouped by outlet with profiles, state media counted, self-links apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprobe.api import extract
from newsprobe.ingest import from_html

from .helpers import run

FIXTURES = Path(__file__).parent / "fixtures"
PAGE_URL = "https://www.example-blog.com/2017/06/28/coalition-accused/"


@pytest.fixture(scope="module")
def linked():
    return extract(from_html((FIXTURES / "linked_article.html").read_text(encoding="utf-8"), url=PAGE_URL))


def test_text_inputs_have_no_link_summary(reference_article):
    assert run(reference_article).links is None


def test_links_grouped_by_outlet_with_profiles_and_state_media_counted(linked):
    summary = run(linked).links
    assert summary.total == 8
    outlets = {o.domain: o for o in summary.outlets}
    assert set(outlets) == {"rt.com", "tass.com", "sputniknews.com", "bbc.co.uk", "defense.gov", "twitter.com"}
    assert outlets["rt.com"].state_affiliated and outlets["rt.com"].profile.state_affiliation.typology == "SC"
    assert not outlets["bbc.co.uk"].state_affiliated  # a public broadcaster without state editorial control
    assert summary.state_affiliated_links == 3
    assert outlets["rt.com"].evidence[0].kind == "link" and outlets["rt.com"].evidence[0].quote == "a report on RT"
    assert {e.url for e in summary.self_links} == {
        "https://www.example-blog.com/2017/06/20/syria-coverage/",
        "https://www.example-blog.com/2017/06/01/older-story/",
    }


def test_linking_to_state_media_makes_no_origin(linked):
    result = run(linked)
    assert result.verdict == "original" and result.origins == []
    assert {ref.domain for ref in result.image_credits} == {"rt.com", "tass.com"}  # the embedded player and tweet
    assert {e.kind for ref in result.image_credits for e in ref.evidence} == {"embed"}
