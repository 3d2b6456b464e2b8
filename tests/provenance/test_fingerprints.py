"""Residue fingerprints: one fixture per fingerprint in data/residue_fingerprints.json, and real pages."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from newsprobe.analyse.provenance.fingerprints import load_fingerprints
from newsprobe.document import Embed
from newsprobe.outlets import source

from .helpers import BODY, article_with, evidence_text, run

BLOG = {"url": "https://www.example-blog.com/2019/11/story", "site_name": "Example Blog"}
LEAD = "The talks in Moscow ended without agreement on Tuesday, officials from both sides said."


def _text_article(line: str):
    return article_with(line + "\n\n" + BODY, **BLOG)


def _removed_article(line: str, reason: str):
    return article_with(BODY, removed=[(line, reason)], **BLOG)


def _caption_article(caption: str):
    return article_with(BODY, image_credits=[caption], **BLOG)


def _embed_article(url: str, kind: str = "iframe"):
    return article_with(BODY, embeds=[Embed(url=url, kind=kind)], **BLOG)


# fingerprint id -> (article carrying it, the words the evidence must quote)
FIXTURES = {
    "tass-dateline": (
        _text_article("MOSCOW, March 4. /TASS/. Russia will respond to the new sanctions, the Kremlin said."),
        "MOSCOW, March 4. /TASS/.",
    ),
    "sputnik-credit": (
        _text_article("WASHINGTON (Sputnik) - The State Department declined to comment on the report."),
        "WASHINGTON (Sputnik) - The State Department declined to comment on the report.",
    ),
    "xinhua-credit": (
        _text_article("BEIJING, June 3 (Xinhua) -- China will further open its financial sector."),
        "BEIJING, June 3 (Xinhua) -- China will further open its financial sector.",
    ),
    "rt-teaser-also-on": (
        _text_article("Also on rt.com Journalists threatened with sedition arrests as Bolivia purges socialists"),
        "Also on rt.com",
    ),
    "rt-teaser-follow": (_text_article("Follow RT on Telegram"), "Follow RT on"),
    "sputnik-image-credit": (
        _removed_article("Featured image: the minister in Moscow (Source: Ilya Pitalev / Sputnik)", "image credit"),
        "Ilya Pitalev / Sputnik",
    ),
    "tass-image-credit": (
        _caption_article("The minister at the summit. © Mikhail Metzel/TASS"),
        "© Mikhail Metzel/TASS",
    ),
    "xinhua-image-credit": (
        _caption_article("Farmers at work in Hunan Province, March 23, 2023. (Xinhua/Chen Zeguo)"),
        "(Xinhua/Chen Zeguo)",
    ),
    "ap-image-credit": (
        _caption_article("Fans cheer in Buffalo, N.Y. (AP Photo/Jeffrey T. Barnes)"),
        "AP Photo/Jeffrey T. Barnes",
    ),
    "reuters-image-credit": (
        _text_article("Traders work on the floor of the exchange in New York. REUTERS/Brendan McDermid"),
        "REUTERS/Brendan McDermid",
    ),
    "afp-image-credit": (
        _caption_article("Protesters in Hong Kong. Photograph: AFP via Getty Images"),
        "AFP via Getty Images",
    ),
    "rt-embed": (_embed_article("https://www.rt.com/on-air/"), "https://www.rt.com/on-air/"),
    "rt-soundcloud-embed": (
        _embed_article("https://w.soundcloud.com/player/?url=https://soundcloud.com/rttv/crosstalk"),
        "https://w.soundcloud.com/player/?url=https://soundcloud.com/rttv/crosstalk",
    ),
    "sputnik-embed": (
        _embed_article("https://sputnikglobe.com/20220616/video-1096356886.html", "video"),
        "https://sputnikglobe.com/20220616/video-1096356886.html",
    ),
    "tass-telegram-embed": (
        _embed_article("https://t.me/tass_agency/181818", "post"),
        "https://t.me/tass_agency/181818",
    ),
    "tass-twitter-embed": (
        _embed_article("https://twitter.com/tass_agency/status/1196466224582197248", "post"),
        "https://twitter.com/tass_agency/status/1196466224582197248",
    ),
    "cgtn-twitter-embed": (
        _embed_article("https://twitter.com/cgtn/status/1196466224582197248", "post"),
        "https://twitter.com/cgtn/status/1196466224582197248",
    ),
}

FINGERPRINTS = {f.id: f for f in load_fingerprints().entries}


def test_every_fingerprint_has_a_fixture_and_a_source():
    assert set(FIXTURES) == set(FINGERPRINTS)
    for fingerprint in FINGERPRINTS.values():
        assert fingerprint.regex.search(fingerprint.example), fingerprint.id
        assert any(needle in fingerprint.example for needle in fingerprint.needles), fingerprint.id
        assert fingerprint.source and ("http" in fingerprint.source or "ASD" in fingerprint.source)
        assert source(fingerprint.outlet).status == "known", fingerprint.outlet


def test_data_file_is_valid_json_with_an_explanation():
    raw = json.loads((resources.files("newsprobe") / "data" / "residue_fingerprints.json").read_text())
    assert "about" in raw and len(raw["fingerprints"]) == len(FINGERPRINTS)


def _evidence_for(result, fingerprint_id):
    refs = [*result.origins, *result.image_credits]
    return [(ref, e) for ref in refs for e in ref.evidence if e.fingerprint == fingerprint_id]


@pytest.mark.parametrize("fingerprint_id", sorted(FIXTURES))
def test_fingerprint_fixture(fingerprint_id):
    article, quote = FIXTURES[fingerprint_id]
    fingerprint = FINGERPRINTS[fingerprint_id]
    result = run(article)
    found = _evidence_for(result, fingerprint_id)
    assert found, f"{fingerprint_id} not found"
    ref, evidence = found[0]
    assert ref.profile.domain == fingerprint.outlet or ref.profile.registered_domain == fingerprint.outlet
    assert evidence.quote == quote
    if evidence.where in ("text", "removed"):
        assert evidence_text(article, evidence) == quote
    if fingerprint.kind in ("image_credit", "embed"):
        assert result.origins == [] and result.verdict == "original"
        assert ref in result.image_credits
    elif fingerprint.kind == "teaser":
        assert result.verdict == "suspected_laundering" and evidence.kind == "residue"
        assert not result.origins[0].credited and result.laundering_basis
    else:
        assert result.verdict == "wire_copy" and evidence.kind == "wire_credit" and result.origins[0].credited


def test_teaser_removed_as_boilerplate_is_still_residue():
    article = _removed_article("Also on rt.com Moscow says talks stalled", "related links")
    result = run(article)
    assert result.verdict == "suspected_laundering"
    evidence = result.origins[0].evidence[0]
    assert (
        evidence.where == "removed"
        and evidence.removed_block == 0
        and evidence_text(article, evidence) == "Also on rt.com"
    )
    assert "Also on rt.com" in result.explanation and "state media" in result.explanation


def test_teaser_with_a_credit_to_rt_is_attributed_republication():
    article = article_with(
        "Also on rt.com Moscow says talks stalled\n\n" + BODY + "\n\nThe original source of this article is RT News",
        **BLOG,
    )
    result = run(article)
    assert result.verdict == "attributed_republication"
    assert {e.kind for e in result.origins[0].evidence} == {"residue", "republication_notice"}


def test_teaser_on_rt_itself_is_host_evidence():
    article = article_with(
        "Also on rt.com Moscow says talks stalled\n\n" + BODY, url="https://www.rt.com/news/1-talks/"
    )
    result = run(article)
    assert result.verdict == "original" and result.origins == []
    assert any(e.kind == "residue" for e in result.host.evidence)


def test_teaser_phrase_inside_a_sentence_is_no_residue():
    article = _text_article(f"{LEAD} Readers also on rt.com were told otherwise.")
    assert run(article).verdict == "original"


# ---------------------------------------------------------------- real pages


def test_rt_page_teaser_is_rt_own_residue(bench_page):
    article = bench_page("4a44ab3e")  # rt.com, with an "Also on rt.com" teaser
    result = run(article)
    assert result.host.domain == "rt.com" and result.verdict == "original"
    residue = [e for e in result.host.evidence if e.kind == "residue"]
    assert residue and residue[0].fingerprint == "rt-teaser-also-on"


@pytest.mark.parametrize(
    ("prefix", "domain", "quote"),
    [
        ("264dc3ae", "apnews.com", "AP Photo/Jeffrey T. Barnes"),  # twincities.com, AP photo
        ("5fa3154e", "afp.com", "AFP via Getty"),  # theguardian.com, AFP photo
    ],
)
def test_photo_agency_of_a_real_page_is_an_image_credit(bench_page, prefix, domain, quote):
    result = run(bench_page(prefix))
    credits = {ref.domain: ref for ref in result.image_credits}
    assert domain in credits and credits[domain].evidence[0].quote == quote
    assert all(o.domain != domain for o in result.origins)


def test_reference_page_gains_sputnik_as_image_credit(reference_article):
    result = run(reference_article)
    assert result.verdict == "attributed_republication"
    (sputnik,) = result.image_credits
    assert sputnik.domain == "sputniknews.com" and sputnik.profile.state_affiliation.typology == "SC"
    evidence = sputnik.evidence[0]
    assert (
        evidence.quote == "Sergey Pyatakov / Sputnik" and evidence_text(reference_article, evidence) == evidence.quote
    )
    assert reference_article.removed[evidence.removed_block].reason == "image credit"
