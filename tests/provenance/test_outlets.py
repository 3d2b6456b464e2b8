"""Outlet lookup on the shipped table: aliases, domain variants, IDNs, IPs, unknowns, citations."""

from __future__ import annotations

import pytest

from newsprobe.outlets import database, looks_like_domain, normalise_alias, parse_host, source


@pytest.mark.parametrize(
    "query",
    [
        "RT",
        "RT News",
        "rt news",
        "RT International",
        "Russia Today",
        "the RT News",
        "rt.com",
        "www.rt.com",
        "https://www.rt.com/news/393758-lavrov/",
        "m.rt.com",
        "amp.rt.com",
        "RT.COM",
        "press@rt.com",
        "@RT_com",  # a social-media handle, read as the name it spells
    ],
)
def test_rt_variants_resolve_to_rt_com(query):
    profile = source(query)
    assert profile.status == "known"
    assert profile.domain == "rt.com"
    assert profile.country == "Russia"
    assert profile.state_affiliation is not None
    assert profile.state_affiliation.typology == "SC"
    assert profile.state_affiliation.editorial_control


@pytest.mark.parametrize(
    ("name", "domain"),
    [
        ("New York Post", "nypost.com"),  # was newyorkpost.com, another site: its name without spaces
        ("Sky News", "news.sky.com"),  # was skynews.com.au, Sky News Australia
        ("Sky News Australia", "skynews.com.au"),
        ("Daily Mail", "dailymail.co.uk"),  # masthead words only: found because the curated list names it
    ],
)
def test_a_major_outlets_name_finds_its_own_domain(name: str, domain: str) -> None:
    assert source(name).domain == domain


@pytest.mark.parametrize(
    ("name", "was"),
    [
        ("Daily News", "dailynews.co.tz"),  # the state-media data name four papers so
        ("Mirror", "graphic.com.gh"),  # a Ghanaian state paper's asset name
        ("Today", "todayonline.com"),  # a Singaporean one's: NBC's Today show would have been flagged
        ("The Telegraph", "telegraph.co.uk"),  # spelled like one listed domain, the name of many papers
    ],
)
def test_a_name_many_papers_share_is_no_one_outlet(name: str, was: str) -> None:
    assert source(name).status == "unknown"
    assert source(was).status == "known"  # each paper is still found by its domain
    assert was in source(name).namesakes  # and named among the outlets the name fits


def test_listed_subdomain_has_its_own_row_plus_parent_flags():
    profile = source("https://de.rt.com/international/123")
    assert profile.domain == "de.rt.com" and profile.registered_domain == "rt.com"
    assert profile.name == "RT Deutsch"
    own = [e for e in profile.evidence if e.inherited_from is None]
    inherited = [e for e in profile.evidence if e.inherited_from == "rt.com"]
    assert any(e.kind == "state_affiliation" for e in own)
    assert any(e.kind == "specious_sites" for e in inherited)


def test_unlisted_subdomain_falls_back_to_registered_domain():
    profile = source("blog.globalresearch.ca")
    assert profile.domain == "globalresearch.ca"
    assert profile.matched_by == "parent_domain"


def test_globalresearch_flags_carry_citations():
    profile = source("globalresearch.ca")
    assert profile.specious_sites
    assert "Intel/Suspected" in profile.laundromat_categories
    assert profile.reliability is not None and profile.reliability.band == "low"
    assert profile.reliability.score < 0.25
    assert profile.state_affiliation is None
    by_kind = {e.kind: e for e in profile.evidence}
    assert "Hanley" in by_kind["specious_sites"].citation
    assert "Lin" in by_kind["reliability_score"].citation and "pnasnexus" in by_kind["reliability_score"].citation
    assert "Laundromat" in by_kind["laundromat"].citation


def test_the_reliability_tooltip_says_what_the_score_measures_in_plain_words():
    reliability = source("rt.com").reliability
    assert reliability is not None
    tooltip = reliability.explanation
    assert f"score {reliability.score:.2f} on a scale from 0 (lowest) to 1 (highest)" in tooltip
    assert f"{reliability.percentile:.0f}% of the rated domains score the same or lower" in tooltip
    assert "pc1" not in tooltip and "percentile" not in tooltip
    reliability_flag = next(e for e in source("rt.com").evidence if e.kind == "reliability_score")
    assert reliability_flag.list_label == f"Lin et al. score ({reliability.score:.2f})"


def test_independent_public_media_is_not_state_controlled():
    profile = source("bbc.co.uk")
    assert profile.state_affiliation is not None
    assert profile.state_affiliation.typology == "IP"
    assert not profile.state_affiliation.editorial_control
    assert not any("state" in flag for flag in profile.flags)


@pytest.mark.parametrize(
    "query", ["example.org", "John Smith", "totally-unknown-news.example", "Some Local Blog", "@some_local_blogger"]
)
def test_unknown_outlets_are_unknown_never_reliable(query):
    profile = source(query)
    assert profile.status == "unknown"
    assert profile.reliability is None
    assert profile.reliability_label == "unknown"
    assert profile.flags == []


@pytest.mark.parametrize("query", ["127.0.0.1", "http://10.0.0.5:8080/story", "http://[2001:db8::1]/x"])
def test_bare_ips_are_recognised(query):
    profile = source(query)
    assert profile.is_ip and profile.status == "unknown"


def test_idn_unicode_and_punycode_find_the_same_row():
    # xn--ogbvp8b.com is listed (EuVsDisinfo) in the laundromat file in punycode
    unicode_form = parse_host("xn--ogbvp8b.com").unicode_host
    assert not unicode_form.isascii()
    assert source(unicode_form).domain == source("xn--ogbvp8b.com").domain == "xn--ogbvp8b.com"
    assert source(f"https://www.{unicode_form}/a").laundromat_categories == ["EuVsDisinfo"]


def test_wikidata_generic_news_rows_are_not_flags():
    # eviathema.gr appears in the laundromat file only as "Wikidata All News"
    assert source("eviathema.gr").laundromat_categories == []


@pytest.mark.parametrize("value", ["0[", "By 0[", "[bad"])
def test_a_broken_bracket_is_no_host_and_no_domain(value: str):
    assert parse_host(value) is None
    assert not looks_like_domain(value)


def test_mobile_prefix_kept_when_it_is_the_registered_domain():
    parts = parse_host("m.com")
    assert parts is not None and parts.host == "m.com"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("rt.com", True),
        ("https://x.y.co.uk/a", True),
        ("RT News", False),
        ("Reuters", False),
        ("10.1.2.3", True),
        ("Global Research", False),
        ("www.globalresearch.ca", True),
    ],
)
def test_looks_like_domain(value, expected):
    assert looks_like_domain(value) is expected


def test_alias_normalisation():
    assert normalise_alias("The  RT-News!") == "rt news"
    assert normalise_alias("RT Español") == normalise_alias("rt espanol")
    assert normalise_alias("Agence France–Presse") == normalise_alias("agence france presse")


def test_list_filters():
    russian_state = database().list_outlets(flag="state", country="Russia", limit=500)
    domains = {p.domain for p in russian_state}
    assert "rt.com" in domains and len(domains) > 20
    assert all(p.state_affiliation and p.state_affiliation.editorial_control for p in russian_state)
