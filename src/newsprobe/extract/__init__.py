"""Turn a RawDocument into an Article: clean text with paragraph offsets, metadata, removed boilerplate."""

from __future__ import annotations

import re

from ..document import Article, Metadata, Paragraph
from ..domains import registered_domain
from ..errors import InputError
from ..ingest.source import RawDocument
from ..outlets import database
from .genre import PageHints, classify_genre
from .html import PageReading, extract_html
from .language import language_of
from .names import settle_names
from .posts import locate_posts
from .text_export import clean_export

__all__ = ["MAX_TEXT_CHARS", "extract"]

MAX_TEXT_CHARS = 200_000  # about 33,000 words; longer "articles" are cut and marked


def extract(raw: RawDocument) -> Article:
    source = raw.description.source
    if raw.kind == "plain":
        article = verbatim_article(raw.content, raw.url)
        settle_names(article.metadata, None, database())
        return with_language_and_genre(truncate(article, MAX_TEXT_CHARS))
    page: PageReading | None = None
    if raw.kind == "html":
        metadata, assembler, page = extract_html(raw.content, url=raw.url, source=source)
    else:
        metadata, assembler = clean_export(raw.content)
        if raw.url:
            metadata.url = metadata.url or raw.url
    assembler.harvest_footer_metadata(metadata)
    if not metadata.domain:
        metadata.domain = _domain_from_evidence(metadata.url, metadata.footer_urls)
    settle_names(metadata, page.names if page else None, database())
    text = assembler.text
    if not text.strip() and not metadata.title:
        raise InputError(f"{source}: no article text found")
    article = Article(
        text=text,
        paragraphs=assembler.paragraphs,
        metadata=metadata,
        removed=assembler.removed,
        links=assembler.links,
        posts=locate_posts(text, assembler.paragraphs, page.post_texts if page else None),
    )
    return with_language_and_genre(truncate(article, MAX_TEXT_CHARS), page.hints if page else None)


def with_language_and_genre(article: Article, hints: PageHints | None = None) -> Article:
    """Set the language (the text wins over the page's declaration) and the genre, in place."""
    metadata = article.metadata
    decision = language_of(article.text, metadata.title, metadata.declared_language)
    metadata.language = decision.language
    metadata.declared_language = decision.declared
    metadata.detected_language = decision.detected
    metadata.genre = classify_genre(metadata, article.text, hints, english=decision.language in (None, "en"))
    return article


def verbatim_article(text: str, url: str | None) -> Article:
    """Plain text kept exactly as given; paragraphs are the runs between blank lines."""
    paragraphs = [
        Paragraph(start=match.start(), end=match.end())
        for match in re.finditer(r"\S(?:.*?\S)?(?=\s*(?:\n[ \t]*\n|\Z))", text, flags=re.DOTALL)
    ]
    metadata = Metadata(url=url, domain=registered_domain(url) if url else None)
    return Article(text=text, paragraphs=paragraphs, metadata=metadata, posts=locate_posts(text, paragraphs, None))


def truncate(article: Article, limit: int) -> Article:
    """Keep whole paragraphs up to `limit` characters (a single longer paragraph is cut)."""
    if len(article.text) <= limit:
        return article
    kept = [p for p in article.paragraphs if p.end <= limit] or [
        article.paragraphs[0].model_copy(update={"end": limit})
    ]
    end = kept[-1].end
    links = [link for link in article.links if link.span is None or link.span.end <= end]
    posts = [post for post in article.posts if post.signature.end <= end]
    return article.model_copy(
        update={
            "text": article.text[:end],
            "paragraphs": kept,
            "links": links,
            "posts": posts,
            "truncated_from": len(article.text),
        }
    )


def _domain_from_evidence(url: str | None, footer_urls: list[str]) -> str | None:
    """Domain from the URL, else from a bare site URL printed in the footer (www.globalresearch.ca)."""
    for candidate in ([url] if url else []) + footer_urls:
        domain = registered_domain(candidate)
        if domain:
            return domain
    return None
