"""Hosts and registered domains of URLs, bare domains, e-mail addresses and IPs.

tldextract runs with its bundled public-suffix snapshot only (no network fetch). IDNs are
compared in their ASCII (punycode) form; ``www.``/``m.``/``amp.`` prefixes are dropped.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

import tldextract

__all__ = ["HostParts", "parse_host", "registered_domain", "to_unicode"]

MOBILE_PREFIXES = ("www", "www1", "www2", "www3", "m", "amp", "mobile")
_EXTRACT = tldextract.TLDExtract(cache_dir=None, suffix_list_urls=())


@dataclass(frozen=True)
class HostParts:
    """A host reduced to what outlet lookup needs."""

    host: str  # ASCII (punycode), lower case, without www./m./amp.
    registered_domain: str  # ASCII; "" for IPs and hosts without a public suffix
    is_ip: bool = False

    @property
    def unicode_host(self) -> str:
        return to_unicode(self.host)

    def lookup_keys(self) -> list[str]:
        """The host, then each parent down to the registered domain (most specific first)."""
        if self.is_ip or not self.registered_domain:
            return [self.host]
        labels = self.host.split(".")
        depth = self.registered_domain.count(".") + 1
        return [".".join(labels[i:]) for i in range(0, len(labels) - depth + 1)]


def _to_ascii(host: str) -> str:
    labels = []
    for label in host.split("."):
        if label.isascii():
            labels.append(label)
            continue
        try:
            labels.append("xn--" + unicodedata.normalize("NFC", label).encode("punycode").decode("ascii"))
        except UnicodeError:
            labels.append(label)
    return ".".join(labels)


def to_unicode(host: str) -> str:
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            try:
                labels.append(label[4:].encode("ascii").decode("punycode"))
                continue
            except UnicodeError:
                pass
        labels.append(label)
    return ".".join(labels)


_ONE_SLASH_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):/(?!/)", re.IGNORECASE)
_HOST_CHARS = re.compile(r"[a-z0-9_.-]+")


def _host_from(value: str) -> str:
    value = value.strip().strip("<>\"'")
    if "@" in value and "://" not in value:
        value = value.rsplit("@", 1)[1]  # an e-mail address
    value = _ONE_SLASH_SCHEME.sub(r"\1://", value)  # "https:/www.rt.com"
    if "://" not in value:
        value = "//" + value
    try:
        netloc = urlsplit(value).netloc
    except ValueError:  # an unbalanced "[" reads as a broken IPv6 literal: no host
        return ""
    netloc = netloc.rsplit("@", 1)[-1]
    if netloc.startswith("["):  # IPv6 literal
        return netloc[1 : netloc.find("]")] if "]" in netloc else netloc[1:]
    return netloc.split(":", 1)[0].strip(".").lower()


def parse_host(value: str) -> HostParts | None:
    """Host parts of a URL, bare domain, e-mail address or IP; None when there is no host."""
    host = _host_from(value)
    if not host:
        return None
    try:
        return HostParts(host=str(ipaddress.ip_address(host)), registered_domain="", is_ip=True)
    except ValueError:
        pass
    host = _to_ascii(unicodedata.normalize("NFKC", host).lower())
    if not _HOST_CHARS.fullmatch(host):
        return None
    parts = _EXTRACT(host)
    registered = parts.top_domain_under_public_suffix
    if not registered:
        return HostParts(host=host, registered_domain="")
    labels = host.split(".")
    depth = registered.count(".") + 1
    while len(labels) > depth and labels[0] in MOBILE_PREFIXES:
        labels = labels[1:]
    return HostParts(host=".".join(labels), registered_domain=registered)


def registered_domain(value: str) -> str | None:
    """'https://m.de.rt.com/a' -> 'rt.com'; a bare IP is returned as it is; None when there is no host."""
    parts = parse_host(value)
    if parts is None:
        return None
    return parts.registered_domain or parts.host or None
