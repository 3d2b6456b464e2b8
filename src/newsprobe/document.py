"""The article model every stage shares. Offsets are Python str offsets into `Article.text`, end exclusive."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Article",
    "InputDescription",
    "Metadata",
    "OutletSource",
    "Paragraph",
    "ParagraphKind",
    "RemovedBlock",
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
    "page header",
    "input record",
]


class Span(BaseModel):
    """A character span of `Article.text`, end exclusive."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)


ParagraphKind = Literal["paragraph", "heading", "list", "quote"]


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
    language: str | None = None
    tags: dict[str, list[str]] = Field(
        default_factory=dict, description="Tag groups, e.g. {'Region': [...], 'Theme': [...]}."
    )
    categories: list[str] = Field(default_factory=list)
    description: str | None = None
    image_credits: list[str] = Field(default_factory=list)
    contact_emails: list[str] = Field(default_factory=list, description="E-mail addresses found in the page footer.")
    footer_urls: list[str] = Field(default_factory=list, description="Bare site URLs found in the page footer.")

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


class Article(BaseModel):
    text: str
    paragraphs: list[Paragraph] = Field(default_factory=list)
    metadata: Metadata = Field(default_factory=Metadata)
    removed: list[RemovedBlock] = Field(default_factory=list)
    truncated_from: int | None = Field(None, description="Original text length when the text was cut to the limit.")

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]
