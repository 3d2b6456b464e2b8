"""The reference page (a Global Research repost of an RT story): metadata, clean text, boilerplate."""

from __future__ import annotations

import re

EXPECTED_TITLE = (
    "Protecting the Terrorists: US-led Coalition's 'Very Dangerous Game' of Sparing Al-Nusra in Syria - Lavrov"
)


def test_title_site_domain_date_byline(reference_article):
    m = reference_article.metadata
    assert m.title == EXPECTED_TITLE
    assert m.site_name == "Global Research"
    assert m.domain == "globalresearch.ca"
    assert m.published == "2017-06-28"
    assert m.byline == "RT News"


def test_tags(reference_article):
    assert reference_article.metadata.tags == {
        "Region": ["Middle East & North Africa", "Russia and FSU"],
        "Theme": ["Law and Justice", "Terrorism", "US NATO War Agenda"],
        "In-depth Report": ["SYRIA"],
    }


def test_text_starts_and_ends_with_the_body(reference_article):
    article = reference_article
    assert article.text.startswith("Russian FM Sergey Lavrov has accused")
    last = article.paragraphs[-1]
    assert article.text[last.start : last.end].startswith("Last week, Lavrov said")
    assert last.end == len(article.text)


def test_no_boilerplate_in_text(reference_article):
    text = reference_article.text.lower()
    for phrase in (
        "disclaimer",
        "fair use",
        "become a member",
        "copyright",
        "comment on global research",
        "for media inquiries",
        "original source of this article",
        "featured image",
        "articles by",
    ):
        assert phrase not in text, phrase


def test_no_markdown_left(reference_article):
    assert not re.search(r"\*\*|\*[A-Za-z]|\]\(|\[[^\]]*\]\(", reference_article.text)
    assert "Sergey Lavrov" in reference_article.text and "*" not in reference_article.text


def test_removed_blocks_keep_reasons(reference_article):
    reasons = {block.reason for block in reference_article.removed}
    assert {
        "disclaimer",
        "fair use",
        "membership appeal",
        "copyright",
        "media inquiries",
        "republication notice",
        "image credit",
        "social appeal",
    } <= reasons
    notice = next(b for b in reference_article.removed if b.reason == "republication notice")
    assert notice.text == "The original source of this article is RT News"
    assert notice.position == len(reference_article.text) + 2


def test_featured_image_credit_moved_to_metadata(reference_article):
    assert reference_article.metadata.image_credits == ["Sergey Pyatakov / Sputnik"]


def test_paragraph_offsets_cover_text(reference_article):
    article = reference_article
    assert len(article.paragraphs) == 9
    for paragraph in article.paragraphs:
        chunk = article.text[paragraph.start : paragraph.end]
        assert chunk == chunk.strip() and chunk
    joined = "\n\n".join(article.text[p.start : p.end] for p in article.paragraphs)
    assert joined == article.text


def test_footer_evidence_in_metadata(reference_article):
    assert "publications@globalresearch.ca" in reference_article.metadata.contact_emails
    assert "www.globalresearch.ca" in reference_article.metadata.footer_urls
