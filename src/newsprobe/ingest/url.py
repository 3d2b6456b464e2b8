"""Fetch one article over HTTP(S), refusing private, loopback and other non-public addresses.

The address check sits in the connection layer (`GuardedBackend.connect_tcp`), so it runs
after DNS resolution for the first request and again for every redirect, and the socket
connects to the very address that was checked (no second lookup to rebind).
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

from .._version import __version__
from ..document import InputDescription
from ..errors import BlockedAddressError, FetchError, InputError, NewsprobeError
from .decode import decode_bytes
from .source import ContentKind, RawDocument

__all__ = [
    "FEED_TYPES",
    "FETCH_POLICY_RESOURCE",
    "PAGE_TYPES",
    "FetchPolicy",
    "FetchedBody",
    "check_address",
    "check_url",
    "fetch_bytes",
    "fetch_url",
    "page_document",
]

FETCH_POLICY_RESOURCE = "ingest.fetch_policy"  # the app's FetchPolicy in the pipeline's shared resources
USER_AGENT = f"Mozilla/5.0 (compatible; newsprobe/{__version__}; +https://github.com/newsprobe/newsprobe)"
MAX_URL_LENGTH = 2048
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain", "text/markdown")

Resolver = Callable[[str, int], list[str]]


def system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc.strerror}") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(frozen=True)
class FetchPolicy:
    max_bytes: int = 10 * 1024 * 1024
    total_timeout: float = 20.0
    max_redirects: int = 5
    allow_private: bool = False
    allowed_networks: tuple[str, ...] = ()
    user_agent: str = USER_AGENT
    resolver: Resolver = system_resolver


def check_address(address: str, allowed_networks: tuple[str, ...] = ()) -> None:
    """Refuse anything but a public unicast address (IPv4-mapped IPv6 judged by its IPv4 part).

    `allowed_networks` (CIDRs) are exceptions, e.g. one loopback test server.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if any(ip in ipaddress.ip_network(network, strict=False) for network in allowed_networks):
        return
    if ip.is_multicast or not ip.is_global:
        raise BlockedAddressError(f"refusing to fetch from non-public address {ip}")


def check_url(url: str) -> httpx.URL:
    """Syntax checks made before any connection: scheme, length, credentials, host."""
    if len(url) > MAX_URL_LENGTH:
        raise BlockedAddressError(f"refusing URL longer than {MAX_URL_LENGTH} characters")
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise FetchError(f"invalid URL {url[:200]!r}: {exc}") from None
    if parsed.scheme not in ("http", "https"):
        raise BlockedAddressError(f"refusing {parsed.scheme or 'scheme-less'} URL: only http and https are fetched")
    if parsed.userinfo:
        raise BlockedAddressError("refusing URL with credentials in it")
    if not parsed.host:
        raise FetchError(f"URL has no host: {url[:200]!r}")
    return parsed


class GuardedBackend(httpcore.SyncBackend):
    def __init__(self, policy: FetchPolicy) -> None:
        self.policy = policy

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        addresses = self.policy.resolver(host, port)
        if not addresses:
            raise FetchError(f"cannot resolve host {host!r}")
        if not self.policy.allow_private:
            for address in addresses:
                check_address(address, self.policy.allowed_networks)
        return super().connect_tcp(addresses[0], port, timeout, local_address, socket_options)


class GuardedTransport(httpx.HTTPTransport):
    def __init__(self, policy: FetchPolicy) -> None:
        super().__init__(trust_env=False, retries=0)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(), network_backend=GuardedBackend(policy)
        )


PAGE_TYPES = (*_HTML_TYPES, *_TEXT_TYPES)
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/json",
    "text/plain",
    *_HTML_TYPES,
)


@dataclass(frozen=True)
class FetchedBody:
    """A fetched response body within the policy's limits."""

    requested_url: str
    url: str
    media_type: str
    content_type: str
    charset: str | None
    body: bytes


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _read_capped(chunks: Iterator[bytes], policy: FetchPolicy, deadline: float, url: str) -> bytes:
    body = bytearray()
    for chunk in chunks:
        body.extend(chunk)
        if len(body) > policy.max_bytes:
            raise FetchError(f"{url}: body larger than {policy.max_bytes // (1024 * 1024)} MB; refused")
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: timed out after {policy.total_timeout:g} s")
    return bytes(body)


def _check_redirect(request: httpx.Request) -> None:
    check_url(str(request.url))


def _fetch(url: str, policy: FetchPolicy, deadline: float, accept: tuple[str, ...]) -> FetchedBody:
    timeout = httpx.Timeout(min(10.0, policy.total_timeout))
    with (
        httpx.Client(
            transport=GuardedTransport(policy),
            follow_redirects=True,
            max_redirects=policy.max_redirects,
            timeout=timeout,
            headers={"User-Agent": policy.user_agent, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8"},
            trust_env=False,
            event_hooks={"request": [_check_redirect]},
        ) as client,
        client.stream("GET", url) as response,
    ):
        final_url = str(response.url)
        if response.status_code >= 400:
            raise FetchError(f"{final_url}: HTTP {response.status_code} {response.reason_phrase}")
        content_type = response.headers.get("content-type", "")
        media_type = _media_type(content_type) or accept[0]
        if media_type not in accept:
            raise FetchError(
                f"{final_url}: unsupported content type {media_type!r} (expected {', '.join(accept[:3])}, ...)"
            )
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > policy.max_bytes:
            raise FetchError(f"{final_url}: body larger than {policy.max_bytes // (1024 * 1024)} MB; refused")
        body = _read_capped(response.iter_bytes(), policy, deadline, final_url)
        return FetchedBody(url, final_url, media_type, content_type, response.charset_encoding, body)


def _explain(exc: Exception, url: str, policy: FetchPolicy) -> NewsprobeError:
    if isinstance(exc, NewsprobeError):
        return exc
    if isinstance(exc, httpx.TooManyRedirects):
        return FetchError(f"{url}: more than {policy.max_redirects} redirects")
    if isinstance(exc, httpx.UnsupportedProtocol):
        return BlockedAddressError(f"{url}: redirected to an unsupported scheme (only http and https are fetched)")
    if isinstance(exc, httpx.TimeoutException):
        return FetchError(f"{url}: timed out")
    if isinstance(exc, httpx.HTTPError):
        return FetchError(f"{url}: {type(exc).__name__}: {exc}")
    return FetchError(f"{url}: {type(exc).__name__}: {exc}")


def fetch_bytes(url: str, policy: FetchPolicy | None = None, *, accept: tuple[str, ...] = PAGE_TYPES) -> FetchedBody:
    """Fetch `url` within the policy's limits, accepting only the `accept` media types.

    Every failure is a one-line FetchError (BlockedAddressError for refused targets).
    """
    policy = policy or FetchPolicy()
    check_url(url)
    deadline = time.monotonic() + policy.total_timeout
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["body"] = _fetch(url, policy, deadline, accept)
        except Exception as exc:  # carried to the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="newsprobe-fetch", daemon=True)
    worker.start()
    worker.join(policy.total_timeout)
    if worker.is_alive():
        raise FetchError(f"{url}: timed out after {policy.total_timeout:g} s")
    if "error" in outcome:
        raise _explain(outcome["error"], url, policy) from None
    fetched: FetchedBody = outcome["body"]
    return fetched


def fetch_url(url: str, policy: FetchPolicy | None = None) -> RawDocument:
    """Fetch an article page (HTML or plain text) and decode it."""
    return page_document(url, fetch_bytes(url, policy))


def page_document(url: str, fetched: FetchedBody) -> RawDocument:
    """A fetched article page, decoded."""
    if not fetched.body.strip():
        raise FetchError(f"{fetched.url}: empty response body")
    try:
        text, encoding = decode_bytes(fetched.body, name=fetched.url, declared=fetched.charset)
    except InputError as exc:
        raise FetchError(str(exc)) from None
    kind: ContentKind = "text" if fetched.media_type in _TEXT_TYPES else "html"
    description = InputDescription(
        source=url,
        kind="url",
        url=fetched.url,
        content_type=fetched.content_type or None,
        encoding=encoding,
        bytes=len(fetched.body),
    )
    return RawDocument(content=text, kind=kind, description=description)
