"""schema.org ClaimReview markup (fact-checks) from JSON-LD and microdata.

Snopes, PolitiFact, Polygraph and other fact-checkers publish each verdict as a ClaimReview: the
claim reviewed, a rating (``reviewRating.alternateName`` in words, ``ratingValue`` on their scale),
the reviewer, the date and where the claim appeared (``itemReviewed``). Both the current form
(itemReviewed is a Claim with ``appearance``) and Google's older one (itemReviewed is a CreativeWork
whose author's ``sameAs`` or ``url`` is the claim's page) are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Literal

from lxml import html as lxml_html

from ..document import ClaimReview

__all__ = ["read_claim_reviews"]

Markup = Literal["json-ld", "microdata"]
MAX_JSON_CHARS = 2_000_000
MAX_DEPTH = 12


def read_claim_reviews(tree: lxml_html.HtmlElement) -> list[ClaimReview]:
    found = [_from_item(item, "json-ld") for item in _json_ld_items(tree)]
    found += [_from_item(item, "microdata") for item in _microdata_items(tree)]
    unique: dict[tuple[str | None, str | None, str | None], ClaimReview] = {}
    for review in found:
        unique.setdefault((review.claim_reviewed, review.rating, review.url), review)
    return list(unique.values())


# ---------------------------------------------------------------- JSON-LD


def _json_ld_items(tree: lxml_html.HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.xpath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]/text()"):
        if len(script) > MAX_JSON_CHARS:
            continue
        try:
            data = json.loads(script, strict=False)
        except ValueError:
            continue
        yield from _claim_reviews_in(data, 0)


def _is_claim_review(value: Any) -> bool:
    kinds = value if isinstance(value, list) else [value]
    return any(isinstance(kind, str) and kind.rsplit("/", 1)[-1] == "ClaimReview" for kind in kinds)


def _claim_reviews_in(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _claim_reviews_in(item, depth + 1)
    elif isinstance(data, dict):
        if _is_claim_review(data.get("@type")):
            yield data
            return
        for value in data.values():
            if isinstance(value, (dict, list)):
                yield from _claim_reviews_in(value, depth + 1)


# ---------------------------------------------------------------- microdata


def _microdata_value(element: Any) -> Any:
    if element.get("itemscope") is not None:
        return _microdata_properties(element)
    for attribute, tags in (
        ("content", None),
        ("href", ("a", "link", "area")),
        ("src", ("img", "audio", "video", "source", "iframe", "embed")),
        ("datetime", ("time",)),
        ("value", ("data", "meter")),
    ):
        value = element.get(attribute)
        if value is not None and (tags is None or element.tag in tags):
            return value
    return " ".join(element.text_content().split())


def _microdata_properties(scope: Any) -> dict[str, Any]:
    """An item's properties; nested items are values, their own properties stay inside them."""
    properties: dict[str, Any] = {}
    stack = list(scope)
    while stack:
        element = stack.pop(0)
        if not isinstance(element.tag, str):
            continue
        names = (element.get("itemprop") or "").split()
        for name in names:
            properties.setdefault(name, _microdata_value(element))
        if element.get("itemscope") is None:
            stack[:0] = list(element)
    properties["@type"] = _element_type(scope)
    return properties


def _element_type(element: Any) -> str:
    return (element.get("itemtype") or "").strip()


def _microdata_items(tree: lxml_html.HtmlElement) -> Iterator[dict[str, Any]]:
    for scope in tree.xpath("//*[@itemscope][contains(@itemtype, 'ClaimReview')]"):
        if _is_claim_review(_element_type(scope)):
            yield _microdata_properties(scope)


# ---------------------------------------------------------------- fields


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _text(value: Any) -> str | None:
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@id") or value.get("url")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _url(value: Any) -> str | None:
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("url") or value.get("@id")
    text = _text(value)
    return text if text and text.startswith(("http://", "https://")) else None


def _item_reviewed_url(item: dict[str, Any]) -> str | None:
    author = _first(item.get("author"))
    candidates = [
        item.get("url"),
        _first(item.get("appearance")),
        item.get("firstAppearance"),
        item.get("mainEntityOfPage"),
        item.get("sameAs"),
        author.get("sameAs") if isinstance(author, dict) else None,
    ]
    return next((url for url in map(_url, candidates) if url), None)


def _from_item(item: dict[str, Any], markup: Markup) -> ClaimReview:
    rating = _first(item.get("reviewRating"))
    rating = rating if isinstance(rating, dict) else {}
    reviewed = _first(item.get("itemReviewed"))
    reviewed = reviewed if isinstance(reviewed, dict) else {}
    author = _first(item.get("author"))
    return ClaimReview(
        claim_reviewed=_text(item.get("claimReviewed")) or _text(reviewed.get("name")),
        rating=_text(rating.get("alternateName")),
        rating_value=_text(rating.get("ratingValue")),
        best_rating=_text(rating.get("bestRating")),
        worst_rating=_text(rating.get("worstRating")),
        reviewer=_text(author),
        reviewer_url=_url(author),
        date_published=_text(item.get("datePublished")),
        url=_url(item.get("url")) or _url(item.get("mainEntityOfPage")),
        item_reviewed_url=_item_reviewed_url(reviewed),
        claim_author=_text(reviewed.get("author")),
        claim_date=_text(reviewed.get("datePublished")),
        markup=markup,
    )
