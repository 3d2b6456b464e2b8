"""HTML pages: trafilatura for the body and metadata, htmldate for the date, courlan for URLs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import courlan
import htmldate
import trafilatura
from lxml import html as lxml_html
from lxml.etree import ParserError, XMLSyntaxError
from trafilatura import metadata as trafilatura_metadata
from trafilatura.utils import load_html

from ..document import Metadata
from ..domains import registered_domain
from ..errors import InputError
from .assemble import Assembler, boilerplate_reason, closing_notes, credit_of
from .claim_review import read_claim_reviews
from .dates import parse_date
from .fingerprints import read_site_fingerprints
from .genre import PageHints, read_page_hints
from .links import BlockAnchors, LineOpeners, collect_anchors, collect_embeds, locate_links
from .names import PageNames, read_page_names
from .posts import read_post_texts

__all__ = ["PageReading", "extract_html"]

MAX_TREE_ELEMENTS = 200_000
MIN_FAST_WORDS = 25  # below this the fast pass probably missed the article: rerun with fallbacks
MIN_HEADLINE_WORDS = 4
WORD = re.compile(r"\w+")
LIST_ITEM = "- "  # how trafilatura writes a list item
MIN_RELATED_ITEMS = 3  # a list of this many linked headlines of the site is a "more stories" list, not the article
HOVER_CARDS = "//p//*[contains(concat(' ', normalize-space(@class), ' '), ' rollover-people-block ')]"
CREDITS = "//*[contains(@class, 'credit')]"  # image-credit, photo-credit, credit


@dataclass(frozen=True)
class PageReading:
    """What the page says beyond its metadata, read from the whole page's tree."""

    hints: PageHints
    names: PageNames
    post_texts: dict[str, list[str]]  # each embedded post's markup text, without whitespace, by handle


@dataclass(frozen=True)
class HeadFields:
    canonical_url: str | None
    og_url: str | None
    og_site_name: str | None
    language: str | None
    image_credits: list[str]


def _first(tree: lxml_html.HtmlElement, xpath: str) -> str | None:
    values = [value.strip() for value in tree.xpath(xpath) if isinstance(value, str) and value.strip()]
    return values[0] if values else None


def _read_head(tree: lxml_html.HtmlElement) -> HeadFields:
    language = _first(tree, "/html/@lang") or _first(tree, "//meta[@http-equiv='content-language']/@content")
    credits = [
        credit_of(" ".join(text.split()))
        for text in tree.xpath(
            "//figure//figcaption//text()[contains(translate(., 'CREDITPHOTO', 'creditphoto'), 'photo') "
            "or contains(translate(., 'CREDIT', 'credit'), 'credit')]"
        )
        if isinstance(text, str) and len(text.split()) >= 3
    ]
    return HeadFields(
        canonical_url=_first(tree, "//link[translate(@rel, 'CANONICAL', 'canonical')='canonical']/@href"),
        og_url=_first(tree, "//meta[@property='og:url' or @name='og:url']/@content"),
        og_site_name=_first(tree, "//meta[@property='og:site_name' or @name='og:site_name']/@content"),
        language=language.split("-")[0].lower() if language else None,
        image_credits=credits[:10],
    )


def _parse(content: str, source: str) -> lxml_html.HtmlElement:
    """Parse with trafilatura's own loader: its tree is what its extraction is tuned on."""
    try:
        tree = load_html(content)
    except (ParserError, XMLSyntaxError, ValueError) as exc:
        raise InputError(f"{source}: cannot parse HTML ({exc})") from None
    if tree is None:
        raise InputError(f"{source}: cannot parse HTML")
    return tree


def _normalised(url: str | None, base: str | None) -> str | None:
    if not url:
        return None
    absolute = courlan.fix_relative_urls(base, url) if base and not url.startswith(("http://", "https://")) else url
    return courlan.normalize_url(absolute) if absolute.startswith(("http://", "https://")) else None


def _metadata(document: object, head: HeadFields, url: str | None, tree: lxml_html.HtmlElement) -> Metadata:
    def get(name: str) -> Any:
        return getattr(document, name, None)

    page_url = url or _normalised(head.canonical_url, None) or _normalised(head.og_url, None)
    published = parse_date(get("date")) if get("date") else None
    if published is None:
        found = htmldate.find_date(tree, url=page_url, extensive_search=False, original_date=True)
        published = found if isinstance(found, str) else None
    authors = [name.strip() for name in (get("author") or "").split(";") if name.strip()]
    return Metadata(
        title=get("title"),
        authors=authors,
        byline=get("author"),
        site_name=head.og_site_name or get("sitename"),
        domain=registered_domain(page_url) if page_url else None,
        url=page_url,
        canonical_url=_normalised(head.canonical_url, page_url),
        og_url=_normalised(head.og_url, page_url),
        published=published,
        declared_language=get("language") or head.language,
        tags=_tag_groups(get("tags")),
        categories=list(filter(None, get("categories") or [])),
        description=get("description"),
        image_credits=head.image_credits,
    )


def _tag_groups(tags: list[str] | None) -> dict[str, list[str]]:
    values = [part.strip() for tag in tags or [] for part in tag.split(",") if part.strip()]
    return {"Tags": list(dict.fromkeys(values))} if values else {}


def _body_paragraphs(text: str, title: str | None) -> list[str]:
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if paragraphs and title and paragraphs[0].casefold() == title.strip().casefold():
        paragraphs = paragraphs[1:]
    return paragraphs


def headline_without_site(title: str | None, tree: lxml_html.HtmlElement) -> str | None:
    """The title without the site's name or section around it ('… – TechCrunch', 'Opinion | …', '… | Editorial')
    when a heading (h1) of the page reads as the rest: the page's headline as the page shows it."""
    if not title:
        return title
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    runs = [parts[:k] for k in range(1, len(parts))] + [parts[k:] for k in range(1, len(parts))] + [parts[1:-1]]
    trimmed = {_comparable(" ".join(run)) for run in runs}
    for h1 in tree.iter("h1"):
        heading = " ".join(h1.text_content().split())
        if len(WORD.findall(heading)) >= MIN_HEADLINE_WORDS and _comparable(heading) in trimmed:
            return heading
    return title


_TITLE_SEPARATOR = re.compile(r"\s+[|–—·•-]\s+|\s*\|\s*")
MIN_HEADLINE_WORDS = 3


def _comparable(text: str | None) -> str:
    return " ".join(WORD.findall((text or "").casefold()))


def repeats_headline(paragraph: str, headline: str) -> bool:
    """The paragraph repeats the page's title (kept in metadata; `headline` is its _comparable form) further down.

    The title often carries a site suffix ("... - BBC News"), so a paragraph of a few words that
    starts the title counts too. (A paragraph equal to the summary is not dropped: many pages use
    their lede as the summary.)"""
    text = _comparable(paragraph)
    if not text or not headline:
        return False
    return text == headline or (len(text.split()) >= MIN_HEADLINE_WORDS and headline.startswith(text + " "))


def related_stories(paragraphs: list[str], anchors: list[BlockAnchors], url: str | None) -> set[int]:
    """The indexes of paragraphs in runs of list items that each open with a headline linked on the site."""
    runs = _list_runs(paragraphs)
    if not runs:
        return set()
    openers = LineOpeners(anchors, url)
    return {
        index for run in runs if all(openers.on_site(paragraphs[i][len(LIST_ITEM) :]) for i in run) for index in run
    }


def _list_runs(paragraphs: list[str]) -> list[list[int]]:
    """Runs of at least MIN_RELATED_ITEMS consecutive list items."""
    runs: list[list[int]] = [[]]
    for index, paragraph in enumerate(paragraphs):
        if paragraph.startswith(LIST_ITEM):
            runs[-1].append(index)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if len(run) >= MIN_RELATED_ITEMS]


def drop_hover_cards(tree: lxml_html.HtmlElement) -> None:
    """Remove the cards a page hides inside its paragraphs until a name is hovered (a person's photo and latest
    headlines: The Hill's `rollover-people-block`); extracted, they run into the sentence ("Rep. Ilhan OmarIlhan
    OmarHillicon Valley: …")."""
    for card in tree.xpath(HOVER_CARDS):
        card.drop_tree()


def credit_texts(tree: lxml_html.HtmlElement) -> set[str]:
    """The texts of the elements the page marks as credits by their class: a paragraph that is one of them whole is an
    image credit ('1996-98 AccuSoft Inc., All right' under a picture), however little it says so."""
    return {" ".join(element.text_content().split()) for element in tree.xpath(CREDITS)} - {""}


def _run_trafilatura(tree: lxml_html.HtmlElement, content: str, url: str | None) -> Any:
    """trafilatura's body extraction without its fallback extractors, unless that finds little text.

    The fallbacks (readability, jusText) cost about a third of the time and rarely change a
    page that already yields a full article.
    """
    options: dict[str, Any] = {"url": url, "include_comments": False, "include_tables": True}
    document = trafilatura.bare_extraction(tree, fast=True, **options)  # prunes a copy of `tree`
    text = getattr(document, "text", None) or ""
    if len(text.split()) >= MIN_FAST_WORDS:
        return document
    fresh = load_html(content)
    drop_hover_cards(fresh)
    return trafilatura.bare_extraction(fresh, fast=False, **options)


def _page_metadata(tree: lxml_html.HtmlElement, url: str | None) -> Any:
    """trafilatura's metadata from meta tags and JSON-LD, with its title fallback.

    Its slower whole-page heuristics (bylines, category links, licence) are skipped: on news
    pages the meta tags and JSON-LD carry these fields, and the scans cost about a third of
    the extraction time. The date comes from htmldate below.
    """
    metadata = trafilatura_metadata.examine_meta(tree)
    try:
        metadata = trafilatura_metadata.extract_meta_json(tree, metadata)
    except Exception:  # trafilatura's JSON-LD reader can fail on malformed data; meta tags remain
        pass
    if not metadata.title:
        metadata.title = trafilatura_metadata.extract_title(tree)
    if not metadata.url:
        metadata.url = trafilatura_metadata.extract_url(tree, url)
    return metadata


def extract_html(
    content: str, *, url: str | None = None, source: str = "input"
) -> tuple[Metadata, Assembler, PageReading]:
    """Body and metadata of an HTML page, with its genre hints and what it says about its outlet and authors."""
    tree = _parse(content, source)
    if tree.xpath("count(//*)") > MAX_TREE_ELEMENTS:
        raise InputError(f"{source}: HTML has more than {MAX_TREE_ELEMENTS:,} elements; refused")
    drop_hover_cards(tree)
    head = _read_head(tree)
    metadata = _metadata(_page_metadata(tree, url), head, url, tree)
    page_title, metadata.title = metadata.title, headline_without_site(metadata.title, tree)
    page = PageReading(
        hints=read_page_hints(tree, page_title), names=read_page_names(tree), post_texts=read_post_texts(tree)
    )
    metadata.embeds = collect_embeds(tree, content, metadata.url)
    metadata.claim_reviews = read_claim_reviews(tree) if "ClaimReview" in content else []
    metadata.site_fingerprints = read_site_fingerprints(tree, content)
    credits = credit_texts(tree)
    document = _run_trafilatura(tree, content, url)
    assembler = Assembler()
    headline = _comparable(metadata.title)
    paragraphs = _body_paragraphs(getattr(document, "text", None) or "", metadata.title)
    anchors = collect_anchors(tree, paragraphs)  # trafilatura leaves `tree` as it was
    related = related_stories(paragraphs, anchors, metadata.url)
    reasons = [
        "related links"
        if index in related
        else "headline"
        if repeats_headline(paragraph, headline)
        else "image credit"
        if " ".join(paragraph.split()) in credits
        else boilerplate_reason(paragraph)
        for index, paragraph in enumerate(paragraphs)
    ]
    for index, note in closing_notes(paragraphs, [reason is None for reason in reasons]).items():
        reasons[index] = note
    for paragraph, reason in zip(paragraphs, reasons, strict=True):
        assembler.add_or_remove(paragraph, reason)
    assembler.links = locate_links(anchors, assembler.text, assembler.removed, metadata.url)
    return metadata, assembler, page
