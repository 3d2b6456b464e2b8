"""Registered domains from URLs and host names, with tldextract's bundled suffix list (no network)."""

from __future__ import annotations

import ipaddress
from functools import cache
from urllib.parse import urlsplit

import tldextract

__all__ = ["host_of", "registered_domain"]


@cache
def _extractor() -> tldextract.TLDExtract:
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=False)


def host_of(url_or_host: str) -> str:
    """The lower-case host of a URL or bare host name ('https://WWW.rt.com/x' -> 'www.rt.com')."""
    value = url_or_host.strip()
    if "//" not in value:
        value = "//" + value
    host = urlsplit(value).hostname or ""
    try:
        return host.encode("idna").decode("ascii") if host and not host.isascii() else host
    except UnicodeError:
        return host


def registered_domain(url_or_host: str) -> str | None:
    """'https://m.de.rt.com/a' -> 'rt.com'; bare IPs are returned as they are; None when there is no host."""
    host = host_of(url_or_host)
    if not host:
        return None
    try:
        ipaddress.ip_address(host.strip("[]"))
        return host.strip("[]")
    except ValueError:
        pass
    parts = _extractor()(host)
    return parts.top_domain_under_public_suffix or parts.domain or None
