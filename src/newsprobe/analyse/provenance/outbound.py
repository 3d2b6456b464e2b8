"""Outbound links and image/embed credits: the outlets an article links to or shows media from.

Both read the article only and take two callables from the analyser: ``resolve`` (a name or
domain and its evidence to an ``OutletRef`` with its profile) and ``is_host`` (the outlet is the
page's own), so that self-links and the host's own photo credits are kept apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Literal

from ...document import Article, Link, Span
from ...outlets import parse_host
from .fingerprints import Fingerprint, Fingerprints
from .models import LinkedOutlet, LinkSummary, OutletRef, ProvenanceEvidence

__all__ = ["image_credits", "link_summary"]

Resolve = Callable[[str, list[ProvenanceEvidence]], OutletRef]
IsHost = Callable[[OutletRef], bool]


# ---------------------------------------------------------------- links


def _link_evidence(link: Link, domain: str) -> ProvenanceEvidence:
    if link.span is not None:
        return ProvenanceEvidence(kind="link", where="text", quote=link.text, name=domain, span=link.span, url=link.url)
    return ProvenanceEvidence(
        kind="link",
        where="removed",
        quote=link.text,
        name=domain,
        removed_block=link.removed_block,
        removed_span=link.removed_span,
        url=link.url,
    )


def _link_domain(url: str) -> str | None:
    parts = parse_host(url)
    return (parts.registered_domain or parts.host) if parts is not None else None


def link_summary(article: Article, resolve: Resolve, is_host: IsHost) -> LinkSummary | None:
    """The body's links grouped by outlet, each outlet with its profile; None when the body has no links."""
    if not article.links:
        return None
    grouped: dict[str, list[ProvenanceEvidence]] = {}
    for link in article.links:
        domain = _link_domain(link.url)
        if domain:
            grouped.setdefault(domain, []).append(_link_evidence(link, domain))
    summary = LinkSummary(total=len(article.links))
    for domain, evidence in grouped.items():
        ref = resolve(domain, evidence)
        if is_host(ref):
            summary.self_links += evidence
            continue
        state = ref.profile.state_affiliation if ref.profile is not None else None
        linked = LinkedOutlet(
            **ref.model_dump(), links=len(evidence), state_affiliated=bool(state and state.editorial_control)
        )
        summary.outlets.append(linked)
    summary.outlets.sort(key=lambda outlet: (-outlet.links, outlet.name.casefold()))
    summary.state_affiliated_links = sum(outlet.links for outlet in summary.outlets if outlet.state_affiliated)
    return summary


# ---------------------------------------------------------------- image and embed credits


def _lines(text: str) -> Iterator[tuple[int, str]]:
    position = 0
    for line in text.split("\n"):
        yield position, line
        position += len(line) + 1


def _matches(article: Article, fingerprints: list[Fingerprint]) -> Iterator[tuple[Fingerprint, ProvenanceEvidence]]:
    """Image-credit fingerprints in the text and in removed blocks, each with the matched words."""
    for block, text in [(None, article.text)] + [(i, b.text) for i, b in enumerate(article.removed)]:
        for offset, line in _lines(text):
            for match in Fingerprints.matches(line, fingerprints):
                span = Span(start=offset + match.start, end=offset + match.end)
                where: Literal["text", "removed"] = "text" if block is None else "removed"
                yield (
                    match.fingerprint,
                    ProvenanceEvidence(
                        kind="image_credit",
                        where=where,
                        quote=text[span.start : span.end],
                        name=match.fingerprint.name,
                        span=span if block is None else None,
                        removed_block=block,
                        removed_span=span if block is not None else None,
                        fingerprint=match.fingerprint.id,
                    ),
                )


def _metadata_matches(
    article: Article, fingerprints: Fingerprints, seen: set[str]
) -> Iterator[tuple[Fingerprint, ProvenanceEvidence]]:
    """Image credits from captions (metadata) not already found in the text, and embed URLs."""
    for credit in article.metadata.image_credits:
        for match in Fingerprints.matches(credit, fingerprints.image):
            quote = credit[match.start : match.end]
            if quote not in seen:
                yield (
                    match.fingerprint,
                    ProvenanceEvidence(
                        kind="image_credit",
                        where="metadata",
                        quote=quote,
                        name=match.fingerprint.name,
                        field="image_credits",
                        fingerprint=match.fingerprint.id,
                    ),
                )
    for embed in article.metadata.embeds:
        for match in Fingerprints.matches(embed.url, fingerprints.embed):
            yield (
                match.fingerprint,
                ProvenanceEvidence(
                    kind="embed",
                    where="metadata",
                    quote=embed.url,
                    name=match.fingerprint.name,
                    field="embeds",
                    url=embed.url,
                    fingerprint=match.fingerprint.id,
                ),
            )


def image_credits(article: Article, fingerprints: Fingerprints, resolve: Resolve, is_host: IsHost) -> list[OutletRef]:
    """Outlets behind image credits and embeds (fingerprints of kinds image_credit and embed), one per outlet."""
    by_outlet: dict[str, list[ProvenanceEvidence]] = {}
    found = list(_matches(article, fingerprints.image))
    seen = {evidence.quote for _, evidence in found}
    for fingerprint, evidence in found + list(_metadata_matches(article, fingerprints, seen)):
        by_outlet.setdefault(fingerprint.outlet, []).append(evidence)
    refs = [resolve(outlet, evidence) for outlet, evidence in by_outlet.items()]
    return [ref for ref in refs if not is_host(ref)]
