"""The article model every stage shares. Offsets are Python str offsets into `Article.text`, end exclusive."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Article",
    "ClaimReview",
    "Embed",
    "InputDescription",
    "Link",
    "Metadata",
    "Paragraph",
    "ParagraphKind",
    "RemovedBlock",
    "Span",
]

InputKind = Literal["url", "html", "text", "plain", "stdin-html", "stdin-text", "stdin-plain"]


class Span(BaseModel):
    """A character span of `Article.text`, end exclusive."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)


ParagraphKind = Literal["paragraph", "heading", "list", "quote"]
EmbedKind = Literal["iframe", "video", "audio", "post"]


class Paragraph(Span):
    kind: ParagraphKind = "paragraph"


class InputDescription(BaseModel):
    """Where the article came from."""

    source: str = Field(description="The path, URL or '-' as given by the user.")
    kind: InputKind
    url: str | None = Field(None, description="Final URL after redirects, when fetched.")
    content_type: str | None = None
    encoding: str | None = None
    bytes: int = 0


class Embed(BaseModel):
    """Media or a post embedded in the article body (iframe, video, audio, embedded tweet or Telegram post)."""

    url: str = Field(description="The embedded item's URL, normalised.")
    kind: EmbedKind


class ClaimReview(BaseModel):
    """A fact-check the page publishes as schema.org ClaimReview markup (JSON-LD or microdata)."""

    claim_reviewed: str | None = Field(None, description="The claim as the reviewer states it.")
    rating: str | None = Field(None, description="The verdict in words (reviewRating.alternateName), e.g. 'False'.")
    rating_value: str | None = Field(None, description="reviewRating.ratingValue, on the reviewer's own scale.")
    best_rating: str | None = None
    worst_rating: str | None = None
    reviewer: str | None = Field(None, description="Who reviewed the claim (author.name).")
    reviewer_url: str | None = None
    date_published: str | None = Field(None, description="When the review was published.")
    url: str | None = Field(None, description="The review's own URL.")
    item_reviewed_url: str | None = Field(None, description="Where the reviewed claim appeared.")
    claim_author: str | None = Field(None, description="Who made the claim (itemReviewed.author.name).")
    claim_date: str | None = Field(None, description="When the claim was made (itemReviewed.datePublished).")
    markup: Literal["json-ld", "microdata"]


class Metadata(BaseModel):
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    byline: str | None = Field(None, description="The byline as printed, e.g. 'RT News'.")
    site_name: str | None = None
    domain: str | None = Field(None, description="Registered domain of the host outlet.")
    url: str | None = None
    canonical_url: str | None = None
    og_url: str | None = None
    published: str | None = Field(None, description="ISO 8601 date (YYYY-MM-DD) or datetime.")
    language: str | None = None
    tags: dict[str, list[str]] = Field(
        default_factory=dict, description="Tag groups, e.g. {'Region': [...], 'Theme': [...]}."
    )
    categories: list[str] = Field(default_factory=list)
    description: str | None = None
    image_credits: list[str] = Field(default_factory=list)
    contact_emails: list[str] = Field(default_factory=list, description="E-mail addresses found in the page footer.")
    footer_urls: list[str] = Field(default_factory=list, description="Bare site URLs found in the page footer.")
    embeds: list[Embed] = Field(default_factory=list, description="Media and posts embedded in the body (HTML).")
    claim_reviews: list[ClaimReview] = Field(default_factory=list, description="schema.org ClaimReview markup.")


class RemovedBlock(BaseModel):
    """A paragraph taken out of `text` as boilerplate, kept with the reason."""

    text: str
    reason: str
    position: int = Field(description="Offset in `text` where the block stood.")


class Link(BaseModel):
    """A link in the article body: where it points and where its anchor text is."""

    url: str = Field(description="Absolute target URL, normalised (courlan).")
    text: str = Field(description="The anchor text.")
    span: Span | None = Field(None, description="The anchor in `text`; None when it sits in removed boilerplate.")
    removed_block: int | None = Field(None, description="Index into `removed` when the anchor sits in a removed block.")
    removed_span: Span | None = Field(None, description="Offsets of the anchor inside that block's text.")


class Article(BaseModel):
    text: str
    paragraphs: list[Paragraph] = Field(default_factory=list)
    metadata: Metadata = Field(default_factory=Metadata)
    removed: list[RemovedBlock] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list, description="Links in the body, in reading order (HTML inputs).")
    truncated_from: int | None = Field(None, description="Original text length when the text was cut to the limit.")

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]
