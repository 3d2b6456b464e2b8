"""The article model every stage shares. Offsets are Python str offsets into `Article.text`, end exclusive."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .languages import language_name

__all__ = [
    "Article",
    "ClaimReview",
    "FingerprintKind",
    "DetectedLanguage",
    "Embed",
    "EmbeddedPost",
    "Genre",
    "GenreLabel",
    "InputDescription",
    "Link",
    "Metadata",
    "OutletSource",
    "Paragraph",
    "ParagraphKind",
    "RemovedBlock",
    "SiteFingerprint",
    "Span",
]

InputKind = Literal["url", "html", "text", "plain", "stdin-html", "stdin-text", "stdin-plain"]
OutletSource = Literal[
    "outlet table",
    "JSON-LD publisher",
    "og:site_name",
    "application-name",
    "publisher meta tag",
    "page title",
    "site logo",
    "page header",
    "input record",
]


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


class DetectedLanguage(BaseModel):
    """The language read from the article's text."""

    code: str = Field(description="ISO 639-1 code where one exists, else the detector's ISO 639-3 code, e.g. 'pt'.")
    name: str = Field(description="The language in plain words, e.g. 'Portuguese'.")
    confidence: float = Field(
        ge=0, le=1, description="The detector's probability that the text is in this language (fastText lid.176)."
    )


GenreLabel = Literal["news", "opinion", "analysis", "other"]


class Genre(BaseModel):
    """What kind of article this is, with the cues that say so."""

    label: GenreLabel = Field(
        description="news (reports of events), opinion (editorials, columns, op-eds, reviews), analysis "
        "(explainers, fact-checks, news analysis) or other (press releases, blogs, recipes, listings)."
    )
    confidence: float = Field(
        ge=0,
        le=1,
        description="Share of the genre cues found that point to this genre (smoothed): 1.0 when all do, "
        "0.25 when no cue was found and news is assumed.",
    )
    evidence: list[str] = Field(default_factory=list, description="The cues, in plain words.")


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


FingerprintKind = Literal[
    "Google Analytics",
    "Google Tag Manager",
    "AdSense publisher",
    "Yandex Metrica",
    "Facebook pixel",
    "generator",
    "theme",
    "page template",
]
#: The kinds that can tie two sites to one owner (the generator and the theme only describe the site).
LINKING_KINDS: tuple[FingerprintKind, ...] = (
    "Google Analytics",
    "Google Tag Manager",
    "AdSense publisher",
    "Yandex Metrica",
    "Facebook pixel",
    "page template",
)


class SiteFingerprint(BaseModel):
    """An identifier in the page's HTML that can tie the site to others run by the same owner."""

    kind: FingerprintKind = Field(
        description="Google Analytics (account), Google Tag Manager (container), AdSense publisher, Yandex Metrica "
        "(counter), Facebook pixel, generator (the software the page says made it), theme, or page template (a "
        "hash of the page's block structure outside the article, text removed)."
    )
    value: str = Field(description="The identifier, e.g. 'UA-1234567', 'GTM-ABC123', 'WordPress 6.4', a hash.")
    evidence: str = Field(description="The page text it was read from (for a page template: its main blocks).")
    shared: str | None = Field(
        None,
        description="Why it does not tie sites to one owner, when it does not: a vendor's placeholder ID or a "
        "stock theme that unrelated sites use (with the source of that list). None when it can.",
    )


class Metadata(BaseModel):
    title: str | None = None
    authors: list[str] = Field(default_factory=list, description="The people credited as authors (never outlets).")
    credits: list[str] = Field(
        default_factory=list,
        description="Organisations named where the authors go: wire services, other outlets, publishers.",
    )
    byline: str | None = Field(None, description="The byline as printed, e.g. 'RT News'.")
    site_name: str | None = Field(None, description="The site name as the page gives it (og:site_name or similar).")
    outlet: str | None = Field(
        None, description="The outlet's proper name; None when no source names it (the domain then stands in)."
    )
    outlet_source: OutletSource | None = Field(None, description="Where `outlet` comes from.")
    host: str | None = Field(
        None, description="The hosting service (MSN, Yahoo, Blogger, ...) serving the page for `outlet`, its owner."
    )
    domain: str | None = Field(None, description="Registered domain of the host outlet.")
    url: str | None = None
    canonical_url: str | None = None
    og_url: str | None = None
    published: str | None = Field(None, description="ISO 8601 date (YYYY-MM-DD) or datetime.")
    language: str | None = Field(
        None,
        description="The article's language (ISO 639-1): the language detected in the text when the detector is "
        "confident, else the language the page declares; None when neither is known.",
    )
    declared_language: str | None = Field(None, description="The language the page declares (html lang, meta tags).")
    detected_language: DetectedLanguage | None = Field(None, description="The language read from the text.")
    genre: Genre | None = Field(None, description="news, opinion, analysis or other, with its cues.")
    tags: dict[str, list[str]] = Field(
        default_factory=dict, description="Tag groups, e.g. {'Region': [...], 'Theme': [...]}."
    )
    categories: list[str] = Field(default_factory=list)
    description: str | None = None
    image_credits: list[str] = Field(
        default_factory=list,
        description="Photo credits from captions and credit lines, without the caption ('AFP via Getty'); a caption "
        "whose credit cannot be told apart is kept whole.",
    )
    contact_emails: list[str] = Field(default_factory=list, description="E-mail addresses found in the page footer.")
    footer_urls: list[str] = Field(default_factory=list, description="Bare site URLs found in the page footer.")
    embeds: list[Embed] = Field(default_factory=list, description="Media and posts embedded in the body (HTML).")
    claim_reviews: list[ClaimReview] = Field(default_factory=list, description="schema.org ClaimReview markup.")
    site_fingerprints: list[SiteFingerprint] = Field(
        default_factory=list,
        description="Tracking and advertising IDs, generator, theme and page template read from the HTML: what can "
        "tie this site to others run by the same owner.",
    )

    def language_summary(self) -> str:
        """The language in plain words and where it comes from, e.g. 'German (read from the text, ...)'."""
        detected, declared = self.detected_language, self.declared_language
        said = "the page declares none" if not declared else f"the page declares {language_name(declared)}"
        if detected and self.language == detected.code:
            said = "the page agrees" if declared == detected.code else said
            return f"{detected.name} (read from the text, confidence {detected.confidence:.2f}; {said})"
        if self.language:
            guess = f": best guess {detected.name}, {detected.confidence:.2f}" if detected else ""
            return f"{language_name(self.language)} (as the page declares; the text does not tell{guess})"
        return "undetermined (the text is too short to tell and the page declares none)"

    def outlet_label(self) -> str | None:
        """How every view names the outlet: 'Reuters (via MSN, msn.com)', 'The Hill (thehill.com)'."""
        via = ", ".join(filter(None, [self.host, self.domain]))
        if self.host:
            return f"{self.outlet or 'unnamed outlet'} (via {via})"
        if self.outlet:
            return f"{self.outlet} ({self.domain})" if self.domain else self.outlet
        return self.domain


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


class EmbeddedPost(Span):
    """A social media post set into the body (an embedded tweet), signed by its account: `start`/`end` are its
    words in `text`, without the link to its picture."""

    author: str = Field(description="The account's name as the signature prints it, e.g. 'Rep. Ilhan Omar'.")
    handle: str = Field(description="The account's handle, e.g. '@Ilhan'.")
    date: str | None = Field(None, description="The date as the signature prints it.")
    signature: Span = Field(description="The signature line in `text`: '— Rep. Ilhan Omar (@Ilhan) November 19, 2019'.")


class Article(BaseModel):
    text: str
    paragraphs: list[Paragraph] = Field(default_factory=list)
    metadata: Metadata = Field(default_factory=Metadata)
    removed: list[RemovedBlock] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list, description="Links in the body, in reading order (HTML inputs).")
    posts: list[EmbeddedPost] = Field(
        default_factory=list, description="Social media posts set into the body with their signatures, in order."
    )
    truncated_from: int | None = Field(None, description="Original text length when the text was cut to the limit.")

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]
