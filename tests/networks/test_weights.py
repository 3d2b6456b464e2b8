"""Down-weighting: an ID on more sites weighs less; one on more sites than MAX_SHARING_SITES links none."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from newsprobe.corpus.networks import MAX_SHARING_SITES
from newsprobe.corpus.store import CorpusStore


def article(domain: str) -> dict[str, object]:
    return {"id": domain, "domain": domain, "url": f"https://{domain}/a", "text": "x", "words": 1}


def fingerprint(domain: str, kind: str, value: str, shared: str | None = None) -> dict[str, object]:
    return {
        "article_id": domain,
        "position": hash((kind, value)) % 1000,
        "kind": kind,
        "value": value,
        "evidence": value,
        "shared": shared,
    }


@pytest.fixture
def store(tmp_path: Path) -> CorpusStore:
    opened = CorpusStore(tmp_path)
    small = [f"small{i}.com" for i in range(5)]
    crowd = [f"crowd{i}.com" for i in range(MAX_SHARING_SITES + 1)]
    rows = {
        "articles": [article(d) for d in small + crowd],
        "site_fingerprints": [fingerprint(d, "Google Analytics", "UA-111") for d in small]
        + [fingerprint(d, "Google Tag Manager", "GTM-CROWD1") for d in crowd]
        + [fingerprint(d, "AdSense publisher", "ca-pub-1234567890123456", "a placeholder") for d in small[:2]]
        + [fingerprint(d, "generator", "WordPress 6.4") for d in small[:2]],
    }
    opened.write_batch([rows])
    return opened


def test_weight_falls_with_the_number_of_sites_and_crowded_ids_link_none(store: CorpusStore) -> None:
    links = store.query("SELECT * FROM outlet_links").to_pylist()
    assert len(links) == 10  # the 5 small sites pairwise; the crowd's ID and the stop-listed one link none
    assert {link["kind"] for link in links} == {"tracking_id"}
    assert all(math.isclose(link["weight"], 1 / (1 + math.log2(5 / 2))) for link in links)
    assert all("(5 sites in the corpus use it)" in link["evidence"] for link in links)
    store.close()
