"""Rule 1: an uncredited earlier copy is suspected laundering only when a list flags its outlet."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprobe.dedup import DocumentRecord, NearDuplicateIndex
from newsprobe.outlets import laundering_source_evidence, source

from .helpers import article_with, run

FIXTURES = Path(__file__).parent / "fixtures"
ORIGINAL = (FIXTURES / "original_rt.txt").read_text(encoding="utf-8").strip()


def _index_with_original(directory: Path, domain: str, outlet: str) -> str:
    with NearDuplicateIndex(directory) as store:
        store.add(
            ORIGINAL,
            DocumentRecord(
                source=f"https://www.{domain}/news/1",
                url=f"https://www.{domain}/news/1",
                outlet=outlet,
                domain=domain,
                published="2017-06-27",
                title="Coalition playing 'very dangerous game' by sparing Al-Nusra in Syria",
            ),
        )
    return str(directory)


def _copy(**metadata: object):
    defaults = {"url": "https://www.example-blog.com/2017/06/28/lavrov", "published": "2017-06-28"}
    return article_with(ORIGINAL, **{**defaults, **metadata})


@pytest.mark.parametrize(
    ("domain", "outlet", "kinds"),
    [
        ("rt.com", "RT", {"state_affiliation", "laundromat", "specious_sites"}),
        ("112.ua", "112 Ukraine", {"laundromat"}),
        ("1buv.com", "1buv", {"specious_sites"}),
    ],
)
def test_uncredited_copy_of_a_listed_outlet_is_suspected_laundering(tmp_path, domain, outlet, kinds):
    index = _index_with_original(tmp_path / "idx", domain, outlet)
    result = run(_copy(), index_dir=index)
    assert result.verdict == "suspected_laundering"
    assert {e.kind for e in result.laundering_basis} == kinds
    assert all(e.citation for e in result.laundering_basis)
    assert "does not credit" in result.explanation and "is on the " in result.explanation
    origin = result.origins[0]
    assert origin.domain == domain and not origin.credited
    assert result.chain[0].role == "original" and result.chain[0].domain == domain


def test_uncredited_copy_of_an_unlisted_outlet_is_a_neutral_uncredited_copy(tmp_path):
    index = _index_with_original(tmp_path / "idx", "bbc.co.uk", "BBC News")
    result = run(_copy(), index_dir=index)
    assert result.verdict == "uncredited_copy"
    assert result.laundering_basis == []
    assert "none of the state-media, laundromat or specious-sites lists" in result.explanation
    assert 0.5 < result.confidence <= 0.9
    assert [link.role for link in result.chain] == ["original", "republisher"]


def test_state_media_copying_state_media_of_the_same_country_is_no_laundering(tmp_path):
    index = _index_with_original(tmp_path / "idx", "rt.com", "RT")
    result = run(_copy(url="https://ria.ru/20170628/lavrov.html"), index_dir=index)
    assert result.verdict == "uncredited_copy" and result.laundering_basis == []
    assert "same country" in result.explanation


def test_crediting_the_listed_original_stays_attributed_republication(tmp_path):
    index = _index_with_original(tmp_path / "idx", "rt.com", "RT")
    article = article_with(
        ORIGINAL + "\n\nThe original source of this article is RT News",
        url="https://www.globalresearch.ca/x/1",
        published="2017-06-28",
    )
    result = run(article, index_dir=index)
    assert result.verdict == "attributed_republication" and result.laundering_basis == []
    assert result.origins[0].credited


def test_laundering_definition_follows_the_lists():
    rt, bbc, ria = source("rt.com"), source("bbc.co.uk"), source("ria.ru")
    assert {e.kind for e in laundering_source_evidence(rt)} == {"state_affiliation", "laundromat", "specious_sites"}
    assert laundering_source_evidence(bbc) == []  # public broadcaster (IP): no editorial control by the state
    assert laundering_source_evidence(rt, ria) == []  # Russian state media copying Russian state media
    assert laundering_source_evidence(rt, bbc) != []
    assert laundering_source_evidence(source("no-such-outlet.example")) == []
