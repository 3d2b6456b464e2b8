"""The original's text, for comparing a copy with it: from the near-duplicate index, or fetched on request.

The index keeps each text it was given (``keep_text``). Fetching (``fetch_origin``) goes through the
same SSRF-guarded fetcher as ``newsprobe analyze URL`` and only follows a URL the page itself credits:
a canonical or og:url of another outlet, a URL in a republication notice, or a link in a notice.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...dedup import NearDuplicateIndex, OriginalDocument
from ...document import Article, Link
from ...errors import NewsprobeError
from ...extract import extract
from ...ingest.url import FetchPolicy, fetch_url
from ...outlets import parse_host
from . import patterns as P
from .models import CopyMatch, OutletRef, ProvenanceEvidence

__all__ = ["Original", "credited_urls", "fetch_first", "fetch_original", "original_from_index"]

URL_EVIDENCE_KINDS = frozenset({"canonical_url", "og_url"})
NOTICE_KINDS = frozenset({"republication_notice", "source_line", "via"})


@dataclass(frozen=True)
class Original:
    document: OriginalDocument
    text: str
    title: str | None


def original_from_index(index: NearDuplicateIndex, copies: list[CopyMatch]) -> Original | None:
    """The earlier copy sharing most of the text whose text the index kept."""
    for copy in sorted((c for c in copies if c.order == "earlier"), key=lambda c: -c.shared_fraction):
        text = index.text(copy.source)
        if text:
            document = OriginalDocument(
                source=copy.source,
                url=copy.url,
                outlet=copy.outlet,
                domain=copy.domain,
                published=copy.published,
                obtained="index",
            )
            return Original(document, text, copy.title)
    return None


def _domain(url: str) -> str | None:
    parts = parse_host(url)
    return (parts.registered_domain or parts.host) if parts is not None else None


def credited_urls(article: Article, origins: list[OutletRef]) -> list[str]:
    """URLs the page gives for its original, in order of trust.

    Links inside a republication notice (whatever their host), then foreign canonical/og URLs and
    URLs written in a notice when they are on a credited outlet's host.
    """
    credited = [o for o in origins if o.credited]
    notices = [e for o in credited for e in o.evidence if e.kind in NOTICE_KINDS]
    linked = [link.url for link in article.links if any(_inside(link, notice) for notice in notices)]
    written = [m.group(0).rstrip(".,;") for notice in notices for m in P.URL_IN_NAME.finditer(notice.quote)]
    named = [e.quote for o in credited for e in o.evidence if e.kind in URL_EVIDENCE_KINDS]
    hosts = [o.domain for o in credited] + [o.profile.registered_domain for o in credited if o.profile is not None]
    hosts += [_domain(m.group(0)) for o in credited if (m := P.URL_IN_NAME.search(o.name))]  # unlisted hosts
    domains = {host for host in hosts if host}
    given = [url if url.startswith("http") else f"https://{url}" for url in named + written]
    return list(dict.fromkeys(linked + [url for url in given if _domain(url) in domains]))


def _inside(link: Link, notice: ProvenanceEvidence) -> bool:
    if notice.where == "removed":
        return link.removed_block is not None and link.removed_block == notice.removed_block
    return (
        notice.where == "text"
        and link.span is not None
        and notice.span is not None
        and notice.span.start <= link.span.start
        and link.span.end <= notice.span.end
    )


def fetch_original(url: str, policy: FetchPolicy, origin: OutletRef | None) -> Original:
    """Fetch and extract the original at ``url`` (FetchError / InputError on failure)."""
    article = extract(fetch_url(url, policy))
    meta = article.metadata
    document = OriginalDocument(
        source=url,
        url=meta.url or url,
        outlet=meta.site_name or (origin.name if origin else None),
        domain=meta.domain or _domain(url),
        published=meta.published,
        obtained="fetched",
    )
    return Original(document, article.text, meta.title)


def fetch_first(urls: list[str], policy: FetchPolicy, origins: list[OutletRef]) -> tuple[Original | None, str | None]:
    """The first credited URL that fetches, or None with the reason."""
    if not urls:
        names = ", ".join(o.name for o in origins if o.credited)
        if not names:
            return None, "the page credits no other outlet, so there is no original to fetch"
        return None, f"the page credits {names} but gives no URL of the original to fetch"
    errors = []
    for url in urls:
        origin = next((o for o in origins if o.domain and _domain(url) in (o.domain, _domain(o.domain))), None)
        try:
            return fetch_original(url, policy, origin), None
        except NewsprobeError as error:
            errors.append(str(error))
    return None, "could not fetch the original: " + "; ".join(errors)
