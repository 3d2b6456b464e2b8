"""Social media posts set into the body: an embedded tweet's words, ended by its signature line.

"— Rep. Ilhan Omar (@Ilhan) November 19, 2019" signs the words above it. Which paragraphs above are the post's is
read from the page's embed markup (the tweet's blockquote) when there is one; without it (text exports) only words
that end with the post's own picture or short link ("pic.twitter.com/…") count as the post, so that no paragraph of
the article is ever given to the account.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from lxml import html as lxml_html

from ..document import EmbeddedPost, Paragraph, Span
from ._patterns import DATE_TEXT

__all__ = ["locate_posts", "read_post_texts"]

_SIGNATURES = [
    re.compile(
        rf"^[—–-][ \t]*(?P<author>[^()\n]{{1,80}}?)[ \t]*\((?P<handle>@\w{{1,30}})\)"
        rf"[ \t]*(?P<date>{DATE_TEXT})?[ \t]*$",
        re.IGNORECASE | re.MULTILINE,
    ),
    re.compile(
        r"^a (?:post|photo|video) shared by[ \t]+(?P<author>[^()\n]{1,80}?)[ \t]*\((?P<handle>@[\w.]{1,30})\)"
        r"(?:[ \t]+on[ \t]+(?P<date>[^\n]{4,60}?))?[ \t]*$",
        re.IGNORECASE | re.MULTILINE,
    ),
]
_HANDLE = re.compile(r"@[\w.]{1,30}")
_POST_LINK = re.compile(r"(?:pic\.twitter\.com/|https?://t\.co/)\w+$")
_EMBED_CLASSES = ("twitter-tweet", "instagram-media")
MAX_POST_PARAGRAPHS = 12  # a post of 280 characters, a line each at most


def read_post_texts(tree: lxml_html.HtmlElement) -> dict[str, list[str]]:
    """The text of each embedded post's markup on the page (its words and signature, without whitespace), by the
    handles it names."""
    by_handle: dict[str, list[str]] = {}
    for element in tree.iter("blockquote"):
        if any(name in (element.get("class") or "") for name in _EMBED_CLASSES):
            markup = _compact(element.text_content())
            for handle in set(_HANDLE.findall(markup.casefold())):
                by_handle.setdefault(handle, []).append(markup)
    return by_handle


def locate_posts(text: str, paragraphs: list[Paragraph], post_texts: dict[str, list[str]] | None) -> list[EmbeddedPost]:
    """The posts in `text`: each signature line with the words above it that the page's markup (`post_texts`, by
    handle) shows to be the post's."""
    posts = []
    starts = [paragraph.start for paragraph in paragraphs]
    by_handle = post_texts or {}
    floor = 0
    for signature in sorted(_signatures(text), key=lambda match: match.start()):
        last = bisect_left(starts, signature.start())
        above = paragraphs[max(0, last - MAX_POST_PARAGRAPHS) : last]
        markups = by_handle.get(signature.group("handle").casefold(), [])
        words = _post_words(text, above, floor, signature.start(), markups)
        floor = signature.end()
        if words is None:
            continue
        posts.append(
            EmbeddedPost(
                start=words[0],
                end=words[1],
                author=signature.group("author").strip(),
                handle=signature.group("handle"),
                date=signature.group("date"),
                signature=Span(start=signature.start(), end=signature.end()),
            )
        )
    return posts


def _signatures(text: str) -> Iterator[re.Match[str]]:
    if "@" not in text:
        return
    for pattern in _SIGNATURES:
        yield from pattern.finditer(text)


def _post_words(
    text: str, paragraphs: list[Paragraph], floor: int, signed_at: int, post_texts: list[str]
) -> tuple[int, int] | None:
    """The span of the post's words above the signature at `signed_at`, without the post's link; None if unsure."""
    pieces = _pieces_above(text, paragraphs, floor, signed_at)
    if not pieces:
        return None
    unlinked_end = _end_before_post_link(text, *pieces[0])
    start = _start_in_markup(text, pieces, post_texts)
    if start is None and unlinked_end is None:
        return None
    start = pieces[0][0] if start is None else start
    end = pieces[0][1] if unlinked_end is None else unlinked_end
    return (start, end) if end > start else None


def _end_before_post_link(text: str, start: int, end: int) -> int | None:
    """Where the words in text[start:end] end before the post's own link that ends them; None without one."""
    words = text[start:end].rstrip()
    last = words.rsplit(None, 1)[-1] if words else ""
    link = _POST_LINK.search(last)
    if link is None:
        return None
    return start + len(words[: len(words) - len(last) + link.start()].rstrip())


def _pieces_above(text: str, paragraphs: list[Paragraph], floor: int, signed_at: int) -> list[tuple[int, int]]:
    """The text above the signature in its own paragraph, then the `paragraphs` above, nearest first, none above
    `floor` (where the signature of the post before ends)."""
    pieces = []
    for paragraph in reversed(paragraphs):
        if paragraph.end <= floor:
            break
        start = max(paragraph.start, floor)
        piece = text[start : min(paragraph.end, signed_at)]
        if piece.strip():
            start += len(piece) - len(piece.lstrip())
            pieces.append((start, start + len(piece.strip())))
    return pieces


def _start_in_markup(text: str, pieces: list[tuple[int, int]], post_texts: list[str]) -> int | None:
    """Where the post starts: the furthest piece up to which all the words read as one embedded post's markup."""
    end = pieces[0][1]
    markups = post_texts
    start = None
    for piece_start, _ in pieces:
        run = _compact(text[piece_start:end])
        markups = [markup for markup in markups if run in markup]
        if not markups:
            break
        start = piece_start
    return start


def _compact(text: str) -> str:
    return "".join(text.split())
