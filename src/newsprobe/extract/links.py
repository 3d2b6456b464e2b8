"""Links and embeds of an HTML page's body, read from the parsed tree (trafilatura prunes a copy of it).

trafilatura returns the body as text only. So every ``<a href>`` whose text the body has is read here
with the text of the block it sits in (the nearest paragraph-like element, split at ``<br>``) and its
offsets inside that block; once the body text is assembled, each block is looked up in it (or in a removed boilerplate
block), which places the link in ``Article.text``. Links whose block is not part of the body
(navigation, footers, sidebars) are dropped.

Embeds (iframes, video, audio, embedded posts) are read from the article element when the page
marks one, else from the body outside headers, navigation, footers and asides.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import courlan
from lxml import html as lxml_html

from ..document import Embed, EmbedKind, Link, RemovedBlock, Span
from ..domains import registered_domain
from .assemble import normalise_space, plain_spacing

__all__ = ["BlockAnchors", "collect_anchors", "collect_embeds", "locate_links", "normalised_url", "LineOpeners"]

BLOCK_TAGS = frozenset(
    {"p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "dt", "figcaption", "pre", "div"}
)
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
_SPLITTING_TAGS = BLOCK_TAGS | SKIPPED_TAGS | {"br"}  # inside an anchor, its text is not read as one piece
NOT_LINKS = ("#", "mailto:", "javascript:", "tel:", "data:")
MIN_SEGMENT_CHARS = 20  # shorter block text counts only when it is a whole paragraph of the body
MAX_ANCHORS = 2_000
CHROME_TAGS = frozenset({"header", "nav", "footer", "aside"})
ARTICLE_BODY_VALUE = "articleBody"
ARTICLE_BODY = f"//*[@itemprop='{ARTICLE_BODY_VALUE}']"
MIN_ROOT_PARAGRAPHS = 3
_LINE_BREAKS = re.compile(r"[\n\r\f\v]+")


def _flat(text: str) -> str:
    """The Assembler's spacing (normalise_space) with line breaks inside a block read as spaces."""
    if plain_spacing(text):
        return text.strip()
    return normalise_space(_LINE_BREAKS.sub(" ", text))


def normalised_url(href: str | None, base: str | None) -> str | None:
    """An absolute, normalised http(s) URL, or None (mailto:, javascript:, fragments, junk)."""
    if not href:
        return None
    href = href.strip()
    if href.startswith("//"):
        href = "https:" + href
    if not href.startswith(("http://", "https://")):
        if not base or href.startswith(NOT_LINKS):
            return None
        href = courlan.fix_relative_urls(base, href)
    try:
        normalised = courlan.normalize_url(href)
    except ValueError:
        return None
    return normalised if normalised.startswith(("http://", "https://")) else None


@dataclass
class _Segment:
    """One line of a block's text, with the anchors in it (offsets into the normalised line)."""

    text: str
    anchors: list[tuple[str, str, int, int]] = field(default_factory=list)  # (href, anchor text, start, end)


@dataclass
class BlockAnchors:
    segments: list[_Segment]


class _BlockText:
    """A block's text split at <br>, recording where each wanted anchor starts and ends."""

    def __init__(self, anchors: dict[Any, str]) -> None:
        self.anchors = anchors
        self.lines: list[list[str]] = [[]]
        self.marks: list[tuple[int, str, int, int]] = []  # (line, url, raw start, raw end)

    def _length(self) -> int:
        return sum(map(len, self.lines[-1]))

    def walk(self, element: Any, *, root: bool = True) -> None:
        """Collect text; <br> and nested blocks start new lines.

        A nested block (a <p> inside a <div>) is skipped: its links have it as their own block.
        """
        tag = element.tag
        if not isinstance(tag, str) or tag in SKIPPED_TAGS:
            return
        if tag == "br" or (not root and tag in BLOCK_TAGS):
            self.lines.append([])
            return
        url = self.anchors.get(element)
        start = self._length() if url is not None else 0
        if element.text:
            self.lines[-1].append(element.text)
        for child in element:
            self.walk(child, root=False)
            if child.tail:
                self.lines[-1].append(child.tail)
        if url is not None:
            self.marks.append((len(self.lines) - 1, url, start, self._length()))

    def segments(self) -> list[_Segment]:
        """The lines that hold a link, normalised, with the links' offsets in them."""
        raw_lines = ["".join(parts) for parts in self.lines]
        segments = {line: _Segment(_flat(raw_lines[line])) for line, *_ in self.marks}
        for line, url, start, end in self.marks:
            raw = raw_lines[line]
            anchor = _flat(raw[start:end])
            if not anchor or start >= end:
                continue
            # offsets in the normalised line: normalise the raw text up to the anchor's last non-space character
            stop = len(raw[:end].rstrip())
            anchor_end = len(_flat(raw[:stop]))
            segments[line].anchors.append((url, anchor, anchor_end - len(anchor), anchor_end))
        return [segment for _, segment in sorted(segments.items()) if segment.text and segment.anchors]


def _block_of(element: Any) -> Any:
    parent = element.getparent()
    ancestor = parent
    while ancestor is not None:
        if ancestor.tag in BLOCK_TAGS:
            return ancestor
        ancestor = ancestor.getparent()
    return parent


def collect_anchors(tree: lxml_html.HtmlElement, paragraphs: list[str]) -> list[BlockAnchors]:
    """The page's links (raw href) grouped by the block they sit in, in document order; only those whose anchor
    text is in the extracted `paragraphs` (no other link can be located in the body or in a removed block)."""
    body = _flat("\n".join(paragraphs))
    blocks: dict[Any, dict[Any, str]] = {}
    for count, anchor in enumerate(tree.iter("a")):
        if count >= MAX_ANCHORS:
            break
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(NOT_LINKS) or not _may_be_in(anchor, body):
            continue
        block = _block_of(anchor)
        if block is not None:
            blocks.setdefault(block, {})[anchor] = href
    found = []
    for block, anchors in blocks.items():
        segments = _short_block(block, anchors)
        if segments is None:
            text = _BlockText(anchors)
            text.walk(block)
            segments = text.segments()
        if segments:
            found.append(BlockAnchors(segments))
    return found


def _may_be_in(anchor: Any, body: str) -> bool:
    """Whether the anchor's text occurs in `body`. Most links of a page are navigation the body lacks; this check
    skips reading their blocks. An anchor holding a line break, a block or a script is read as before."""
    if len(anchor) and any(element.tag in _SPLITTING_TAGS for element in anchor.iterdescendants()):
        return True
    return _flat(_anchor_text(anchor)) in body


def _anchor_text(anchor: Any) -> str:
    """The anchor's raw text (its own text when it has no child elements: the common case, without an iterator)."""
    return "".join(anchor.itertext()) if len(anchor) else anchor.text or ""


def _short_block(block: Any, anchors: dict[Any, str]) -> list[_Segment] | None:
    """The fast path for a block that is just one link ("<li><a href=...>Home</a></li>"), else None.

    Most links of a page are such navigation items; reading them without the walk keeps extraction fast.
    """
    if len(anchors) != 1 or len(block) != 1:
        return None
    ((anchor, href),) = anchors.items()
    if anchor.getparent() is not block or (block.text or "").strip() or (anchor.tail or "").strip():
        return None
    if len(anchor) and (anchor.find(".//br") is not None or any(child.tag in BLOCK_TAGS for child in anchor.iter())):
        return None
    text = _flat(_anchor_text(anchor))
    return [_Segment(text, [(href, text, 0, len(text))])] if text else []


class LineOpeners:
    """The links that open their line, by their anchor's first word: what a list of linked headlines is made of."""

    def __init__(self, blocks: list[BlockAnchors], base_url: str | None) -> None:
        self.base_url = base_url
        self.site = registered_domain(base_url) if base_url else None
        self.by_first_word: dict[str, list[tuple[str, str]]] = {}
        for block in blocks:
            for segment in block.segments:
                for href, anchor, start, _ in segment.anchors:
                    if start == 0:
                        self.by_first_word.setdefault(anchor.split(maxsplit=1)[0], []).append((anchor, href))

    def on_site(self, line: str) -> bool:
        """`line` opens with the text of a link to the page's own site."""
        words = line.split(maxsplit=1)
        openers = self.by_first_word.get(words[0], []) if words else []
        return self.site is not None and any(
            line.startswith(anchor)
            and (url := normalised_url(href, self.base_url)) is not None
            and registered_domain(url) == self.site
            for anchor, href in openers
        )


def _in_text(segment: _Segment, text: str, cursor: int, paragraphs: set[str]) -> int:
    """Where the segment stands in the body text (first after ``cursor``, else anywhere), or -1.

    Short segments ("Home", "Russia") count only when they are a whole paragraph of the body.
    """
    if len(segment.text) < MIN_SEGMENT_CHARS and segment.text not in paragraphs:
        return -1
    at = text.find(segment.text, cursor)
    return at if at >= 0 else text.find(segment.text)


def locate_links(
    blocks: list[BlockAnchors], text: str, removed: list[RemovedBlock], base_url: str | None
) -> list[Link]:
    """Links whose block is part of the body text or of a removed block, with their offsets there.

    Targets are made absolute and normalised here, for the links kept only.
    """
    links: list[Link] = []
    cursor = 0
    paragraphs = set(text.split("\n\n"))
    for block in blocks:
        for segment in block.segments:
            at = _in_text(segment, text, cursor, paragraphs)
            if at >= 0:
                cursor = max(cursor, at + len(segment.text))
                links += [
                    Link(url=url, text=anchor, span=Span(start=at + start, end=at + end))
                    for url, anchor, start, end in _absolute(segment.anchors, base_url)
                ]
                continue
            links += _in_removed(segment, removed, base_url)
    links.sort(key=lambda link: (link.span is None, link.span.start if link.span else 0))
    return links


def _absolute(anchors: list[tuple[str, str, int, int]], base_url: str | None) -> list[tuple[str, str, int, int]]:
    """The anchors whose target is an http(s) URL, with that URL absolute and normalised."""
    return [
        (url, anchor, start, end)
        for href, anchor, start, end in anchors
        if (url := normalised_url(href, base_url)) is not None
    ]


def _in_removed(segment: _Segment, removed: list[RemovedBlock], base_url: str | None) -> list[Link]:
    for index, block in enumerate(removed):
        at = block.text.find(segment.text)
        if at >= 0 and (len(segment.text) >= MIN_SEGMENT_CHARS or len(segment.text) == len(block.text)):
            return [
                Link(url=url, text=anchor, removed_block=index, removed_span=Span(start=at + start, end=at + end))
                for url, anchor, start, end in _absolute(segment.anchors, base_url)
            ]
    return []


# ---------------------------------------------------------------- embeds


def _article_root(tree: lxml_html.HtmlElement, content: str) -> Any:
    """The page's article element, else the element with the most paragraphs, else the whole page.

    The itemprop is looked for only when the page's source has its value (the look visits every element).
    """
    marked = tree.xpath(ARTICLE_BODY) if ARTICLE_BODY_VALUE in content else []
    if marked:
        return marked[0]
    article = next(tree.iter("article"), None)
    if article is not None:
        return article
    parents = Counter(p.getparent() for p in tree.iter("p") if p.getparent() is not None)
    best = parents.most_common(1)
    return best[0][0] if best and best[0][1] >= MIN_ROOT_PARAGRAPHS else tree


def _hidden(element: Any) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or element.get("width") in ("0", "1") or element.get("height") in ("0", "1")


def _in_chrome(element: Any) -> bool:
    return any(ancestor.tag in CHROME_TAGS for ancestor in element.iterancestors())


def _embed_url(element: Any) -> Iterator[tuple[str | None, EmbedKind]]:
    """The URL(s) one iframe, embed, video, audio or blockquote embeds."""
    if element.tag in ("iframe", "embed"):
        if not _hidden(element):
            yield element.get("src") or element.get("data-src"), "iframe"
    elif element.tag in ("video", "audio"):
        kind: EmbedKind = "video" if element.tag == "video" else "audio"
        for src in filter(None, [element.get("src")] + [source.get("src") for source in element.iter("source")]):
            yield src, kind
    elif "twitter-tweet" in (element.get("class") or ""):
        statuses = [href for a in element.iter("a") if "/status/" in (href := a.get("href") or "")]
        if statuses:
            yield statuses[-1], "post"
    elif element.get("data-instgrm-permalink"):
        yield element.get("data-instgrm-permalink"), "post"


def _embed_urls(root: Any) -> Iterator[tuple[str | None, EmbedKind]]:
    for element in root.iter("iframe", "embed", "video", "audio", "blockquote"):
        if not _in_chrome(element):
            yield from _embed_url(element)
    for element in root.xpath(".//*[@data-telegram-post]"):
        if not _in_chrome(element):
            yield "https://t.me/" + element.get("data-telegram-post", ""), "post"


def collect_embeds(tree: lxml_html.HtmlElement, content: str, base_url: str | None) -> list[Embed]:
    """Embedded media and posts of the article body (`tree` parsed from `content`), each once."""
    embeds: dict[str, Embed] = {}
    for src, kind in _embed_urls(_article_root(tree, content)):
        url = normalised_url(src, base_url)
        if url is not None and url not in embeds:
            embeds[url] = Embed(url=url, kind=kind)
    return list(embeds.values())
