"""Republication notices, outlet bylines, wire credits and URL hints, in several real-world phrasings."""

from __future__ import annotations

import pytest

from newsprobe.analyse.provenance.analyser import abbreviates

from .helpers import BODY, article_with, evidence_text, run

GLOBAL_RESEARCH = {"site_name": "Global Research", "url": "https://www.globalresearch.ca/some-story/5600000"}

# (notice line, expected origin domain or None for an unresolved name, expected name when unresolved)
STRONG_NOTICES = [
    ("The original source of this article is RT News", "rt.com"),
    ("The original source of this article is Strategic Culture Foundation", "strategic-culture.org"),
    ("This article was originally published on The Conversation. Read the original article.", "theconversation.com"),
    ("This article originally appeared on Consortium News.", "consortiumnews.com"),
    ("This article was originally published by Truthout and is reprinted with permission.", "truthout.org"),
    ("Originally published by Common Dreams under a Creative Commons license.", "commondreams.org"),
    ("Republished from Strategic Culture Foundation", "strategic-culture.org"),
    ("Reprinted with permission from Antiwar.com", "antiwar.com"),
    ("First published at MintPress News.", "mintpressnews.com"),
    ("This story first appeared in ProPublica on May 5, 2019.", "propublica.org"),
    ("Originally posted at https://www.zerohedge.com/news/2019-01-01/story", "zerohedge.com"),
    ("This piece was first published at New Eastern Outlook", "journal-neo.org"),
    ("Cross-posted from The Intercept", "theintercept.com"),
    ("* This article was first published by Sputnik on 3 March 2018 *", "sputniknews.com"),
    ("Source: RT", "rt.com"),
    ("Source: Press TV", "presstv.ir"),
    ("via Sputnik", "sputniknews.com"),
    ("(via Zero Hedge)", "zerohedge.com"),
    ("© RT News 2017", "rt.com"),
    ("Copyright © 2023 Strategic Culture Foundation, all rights reserved", "strategic-culture.org"),
    ("By RT News", "rt.com"),
    # phrasings seen in PTC training articles
    ("This report was originally published by Tyler Durden at Zero Hedge", "zerohedge.com"),
    ("This article was originally published by Paul Joseph Watson at Infowars", "infowars.com"),
    ("Reprinted with permission from Consortiumnews.com.", "consortiumnews.com"),
    ("Via Zerohedge…", "zerohedge.com"),
    ("Reprinted from WND.com.", "wnd.com"),
    ("This first appeared in The Duran nearly 20 years ago.", "theduran.com"),
    ("Articles by: RT News", "rt.com"),
]


def _origin_domains(result):
    return [o.domain for o in result.origins]


@pytest.mark.parametrize(("line", "domain"), STRONG_NOTICES)
def test_notice_in_text_is_found_with_its_span(line, domain):
    article = article_with(BODY + "\n\n" + line, **GLOBAL_RESEARCH)
    result = run(article)
    assert result.verdict == "attributed_republication"
    assert _origin_domains(result) == [domain]
    evidence = result.origins[0].evidence[0]
    assert evidence.where == "text"
    assert evidence_text(article, evidence) == line.strip()
    assert result.chain[0].role in ("original", "intermediary") and result.chain[-1].role == "republisher"
    assert result.chain[-1].domain == "globalresearch.ca"


@pytest.mark.parametrize(("line", "domain"), STRONG_NOTICES)
def test_notice_in_removed_block_is_found_with_its_block(line, domain):
    article = article_with(
        BODY,
        removed=[("Comment on our Facebook page", "social appeal"), (line, "republication notice")],
        **GLOBAL_RESEARCH,
    )
    result = run(article)
    assert _origin_domains(result) == [domain]
    evidence = result.origins[0].evidence[0]
    assert evidence.where == "removed" and evidence.removed_block == 1
    assert evidence_text(article, evidence) == line.strip()


def test_unresolved_outlet_in_a_strong_notice_stays_a_name():
    article = article_with(
        BODY + "\n\nThis article was originally published in the Kyiv Morning Gazette.", **GLOBAL_RESEARCH
    )
    result = run(article)
    assert result.verdict == "attributed_republication"
    origin = result.origins[0]
    assert origin.name == "the Kyiv Morning Gazette" and not origin.resolved and origin.domain is None


@pytest.mark.parametrize(
    "line",
    [
        "Source: Ministry of Defence",
        "By John Smith",
        "© John Smith 2019",
        "Featured image: Russian Foreign Minister Sergey Lavrov (Source: Sergey Pyatakov / Sputnik)",
        "Photo: Sputnik / Reuters",
        "Image source: RT",
        "via Twitter",
        "RT reported on Monday that the talks had stalled.",
        "The Guardian and Reuters both covered the meeting, as did RT News.",
    ],
)
def test_weak_or_incidental_mentions_do_not_invent_an_origin(line):
    article = article_with(BODY + "\n\n" + line, **GLOBAL_RESEARCH)
    result = run(article)
    assert result.origins == []
    assert result.verdict == "original"


@pytest.mark.parametrize(
    ("line", "domain"),
    [
        ("MOSCOW (Reuters) - Russia said on Tuesday it would respond to new sanctions.", "reuters.com"),
        ("WASHINGTON (AP) — The Senate voted on Thursday to advance the bill.", "apnews.com"),
        ("BEIJING, June 3 (Xinhua) -- China will further open its financial sector.", "xinhuanet.com"),
        ("PARIS (AFP) - France summoned the ambassador.", "afp.com"),
        ("(Reuters) - Oil prices rose on Monday.", "reuters.com"),
    ],
)
def test_wire_datelines_make_a_wire_copy(line, domain):
    article = article_with(line + "\n\n" + BODY, url="https://www.example-daily.com/world/story")
    result = run(article)
    assert result.verdict == "wire_copy"
    assert _origin_domains(result) == [domain] and result.origins[0].is_wire
    assert evidence_text(article, result.origins[0].evidence[0]) == line


def test_wire_contribution_line_is_a_wire_credit():
    article = article_with(
        BODY + "\n\nThe Associated Press contributed to this report.", url="https://www.example-daily.com/a"
    )
    result = run(article)
    assert result.verdict == "wire_copy" and _origin_domains(result) == ["apnews.com"]


def test_wire_copyright_line_is_wire_copy():
    article = article_with(
        BODY,
        removed=[("Copyright 2017 The Associated Press. All rights reserved.", "copyright")],
        url="https://www.example-daily.com/a",
    )
    result = run(article)
    assert result.verdict == "wire_copy" and _origin_domains(result) == ["apnews.com"]


def test_wire_and_outlet_credit_together_is_attributed_republication():
    text = "MOSCOW (Reuters) - Talks stalled.\n\n" + BODY + "\n\nThe original source of this article is RT News"
    result = run(article_with(text, **GLOBAL_RESEARCH))
    assert result.verdict == "attributed_republication"
    assert set(_origin_domains(result)) == {"reuters.com", "rt.com"}


@pytest.mark.parametrize("field", ["canonical_url", "og_url"])
def test_url_pointing_at_another_outlet_is_an_origin(field):
    article = article_with(BODY, **GLOBAL_RESEARCH, **{field: "https://www.rt.com/news/393758-lavrov-coalition-nusra/"})
    result = run(article)
    assert result.verdict == "attributed_republication"
    assert _origin_domains(result) == ["rt.com"]
    assert result.origins[0].evidence[0].field == field


def test_canonical_url_on_the_same_outlet_is_no_origin():
    article = article_with(BODY, **GLOBAL_RESEARCH, canonical_url="https://globalresearch.ca/some-story/5600000")
    assert run(article).verdict == "original"


def test_site_name_of_another_outlet_on_the_url_host():
    article = article_with(BODY, url="https://news.yahoo.com/lavrov-123.html", site_name="RT")
    result = run(article)
    assert result.verdict == "attributed_republication"
    assert result.host.profile.registered_domain == "yahoo.com" and _origin_domains(result) == ["rt.com"]
    assert result.origins[0].evidence[0].field == "site_name"


def test_outlet_byline_in_metadata():
    article = article_with(BODY, byline="By RT News", **GLOBAL_RESEARCH)
    result = run(article)
    assert _origin_domains(result) == ["rt.com"]
    assert result.origins[0].evidence[0].where == "metadata" and result.origins[0].evidence[0].field == "byline"


def test_person_byline_in_metadata_is_no_origin():
    assert run(article_with(BODY, byline="Jane Doe", **GLOBAL_RESEARCH)).verdict == "original"


def test_self_credit_is_host_evidence_not_an_origin():
    article = article_with(BODY, removed=[("Copyright © Global Research, 2017", "copyright")], **GLOBAL_RESEARCH)
    result = run(article)
    assert result.verdict == "original"
    assert any(e.kind == "copyright" and e.where == "removed" for e in result.host.evidence)


def test_via_with_an_original_makes_an_intermediary():
    text = BODY + "\n\nThe original source of this article is RT News\n\nvia Zero Hedge"
    result = run(article_with(text, **GLOBAL_RESEARCH))
    assert [(link.role, link.domain) for link in result.chain] == [
        ("original", "rt.com"),
        ("intermediary", "zerohedge.com"),
        ("republisher", "globalresearch.ca"),
    ]


@pytest.mark.parametrize(
    "metadata",
    [
        {},
        {"url": "https://www.example-daily.com/politics/budget"},
        {"site_name": "Example Daily"},
        {"byline": "Jane Doe", "url": "https://www.nytimes.com/2017/06/28/world/budget.html"},
    ],
)
def test_no_signal_means_original_with_low_confidence(metadata):
    result = run(article_with(BODY, **metadata))
    assert result.verdict == "original"
    assert result.confidence <= 0.3
    assert result.origins == [] and result.copies == []
    assert all(link.role == "original" for link in result.chain)
    assert "cannot be ruled out" in result.explanation


def test_host_from_footer_evidence_without_url():
    article = article_with(
        BODY, contact_emails=["publications@globalresearch.ca"], footer_urls=["www.globalresearch.ca"]
    )
    host = run(article).host
    assert host.domain == "globalresearch.ca"
    assert {e.field for e in host.evidence} == {"contact_emails", "footer_urls"}


def test_host_from_site_dateline_in_text():
    article = article_with("Global Research, June 28, 2017\n\n" + BODY)
    host = run(article).host
    assert host.domain == "globalresearch.ca" and host.evidence[0].kind == "dateline"
    assert evidence_text(article, host.evidence[0]) == "Global Research, June 28, 2017"


def test_empty_article_gives_original_without_host():
    result = run(article_with(""))
    assert result.verdict == "original" and result.host is None and result.chain == []


def test_host_from_boilerplate_email_and_url_without_metadata():
    article = article_with(
        BODY,
        removed=[
            ("For media inquiries: publications@globalresearch.ca", "media inquiries"),
            ("www.globalresearch.ca contains copyrighted material", "fair use"),
        ],
    )
    result = run(article)
    assert result.host.domain == "globalresearch.ca" and result.verdict == "original"
    located = {(e.kind, e.removed_block, evidence_text(article, e)) for e in result.host.evidence}
    assert located == {
        ("contact_email", 0, "publications@globalresearch.ca"),
        ("footer_url", 1, "www.globalresearch.ca"),
    }


def test_webmail_address_does_not_name_the_host():
    article = article_with(BODY, removed=[("Send tips to newsdesk.tips@gmail.com", "contact")])
    assert run(article).host is None


def test_email_in_a_notice_line_is_not_read_as_host():
    article = article_with(
        BODY,
        removed=[("Republished from Sputnik; contact: editors@sputniknews.com", "notice")],
        site_name="Global Research",
    )
    result = run(article)
    assert result.host.name == "Global Research"
    assert [o.domain for o in result.origins] == ["sputniknews.com"]


def test_columnist_byline_is_not_resolved_through_a_personal_domain():
    # michellemalkin.com is a listed domain, but "By Michelle Malkin" names a person
    result = run(article_with("By Michelle Malkin\n\n" + BODY, **GLOBAL_RESEARCH))
    assert result.origins == [] and result.verdict == "original"


def test_notice_naming_a_site_without_alias_resolves_by_its_domain_label():
    result = run(
        article_with(BODY + "\n\nThis article was originally published on Michelle Malkin.", **GLOBAL_RESEARCH)
    )
    assert [o.domain for o in result.origins] == ["michellemalkin.com"]


@pytest.mark.parametrize(
    ("page", "outlet"),
    [
        (
            "432362af",
            "New York Post",
        ),  # site name 'New York Post' on nypost.com: the table files it under newyorkpost.com
        ("70cb2d5b", "BBC News"),  # site name 'BBC News' on bbc.com: the table files it under bbc.co.uk
        ("3c6d3381", "wday.ru"),  # the site's own handle '@Wday_' on wday.ru: the table has a US station at wday.com
    ],
)
def test_a_page_that_names_itself_is_no_republication(bench_page, page: str, outlet: str) -> None:
    """Each was 'republished with credit', crediting the page's own outlet under another of its domains."""
    result = run(bench_page(page))
    assert result.verdict == "original" and result.origins == []
    assert [(ref.role, ref.name) for ref in result.chain] == [("original", outlet)]


def test_the_host_is_named_as_the_header_names_the_outlet(bench_page) -> None:
    article = bench_page("7a664e40")  # a CBS News page; the outlet table knows cbsnews.com but has no name for it
    result = run(article)
    assert article.metadata.outlet == result.host.name == "CBS News"  # was 'cbsnews.com'


@pytest.mark.parametrize(
    ("label", "name", "short"),
    [
        ("nypost", "New York Post", True),
        ("bbc", "BBC News", True),
        ("theverge", "The Verge", True),
        ("nytimes", "The New York Times", True),
        ("post", "Washington Post", False),  # every word is at least its first letter
        ("rt", "Russia Today", False),  # no word whole: too short to tell
        ("yahoo", "RT", False),
        ("news", "BBC News", False),
    ],
)
def test_a_domain_may_write_its_outlets_name_short(label: str, name: str, short: bool) -> None:
    assert abbreviates(label, name) is short
