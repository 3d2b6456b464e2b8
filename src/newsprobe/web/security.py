"""API keys (stored hashed, compared in constant time), a token-bucket rate limiter, response headers.

Key file format: one key per line; blank lines and lines starting with '#' are ignored; a line
`sha256:<64 hex>` is an already-hashed key, so the file need not hold keys in clear.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

__all__ = ["SECURITY_HEADERS", "ApiKeys", "RateLimiter", "hash_key"]

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "style-src-attr 'unsafe-inline'",  # report partials use style attributes; no <style> or script may be inline
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}

_HASH_PREFIX = "sha256:"


def hash_key(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8")).digest()


def _digest_from_line(line: str, path: Path, number: int) -> bytes:
    if line.startswith(_HASH_PREFIX):
        hex_digest = line[len(_HASH_PREFIX) :].strip()
        try:
            digest = bytes.fromhex(hex_digest)
        except ValueError:
            digest = b""
        if len(digest) != 32:
            raise InputError(f"{path}:{number}: 'sha256:' must be followed by 64 hex digits")
        return digest
    if len(line) < 16:
        raise InputError(f"{path}:{number}: API keys must be at least 16 characters")
    return hash_key(line)


class ApiKeys:
    """The set of accepted keys, as SHA-256 digests only."""

    def __init__(self, digests: list[bytes]) -> None:
        self._digests = tuple(digests)

    @classmethod
    def from_file(cls, path: Path) -> ApiKeys:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise InputError(f"cannot read API key file {path}: {exc.strerror or exc}") from None
        digests = [
            _digest_from_line(line.strip(), path, number)
            for number, line in enumerate(lines, 1)
            if line.strip() and not line.strip().startswith("#")
        ]
        if not digests:
            raise InputError(f"API key file {path} holds no keys")
        return cls(digests)

    @property
    def enabled(self) -> bool:
        return bool(self._digests)

    def check(self, presented: str | None) -> bytes | None:
        """The digest of a valid key, else None; every stored digest is compared (constant time)."""
        if not presented:
            return None
        digest = hash_key(presented)
        matched = False
        for stored in self._digests:
            matched |= hmac.compare_digest(digest, stored)
        return digest if matched else None


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """Token bucket per identity (API key digest or client IP), kept in the app state."""

    MAX_IDENTITIES = 10_000

    def __init__(self, per_minute: float, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.rate > 0

    def acquire(self, identity: str) -> float:
        """0.0 if a request may go ahead now, else the seconds until it may."""
        if not self.enabled:
            return 0.0
        now = self._clock()
        with self._lock:
            bucket = self._buckets.get(identity)
            if bucket is None:
                if len(self._buckets) >= self.MAX_IDENTITIES:
                    self._forget_full(now)
                bucket = self._buckets[identity] = _Bucket(self.burst, now)
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.rate)
            bucket.updated = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            return (1.0 - bucket.tokens) / self.rate

    def _forget_full(self, now: float) -> None:
        """Drop buckets that have refilled completely: they hold no state worth keeping."""
        for identity, bucket in list(self._buckets.items()):
            if bucket.tokens + (now - bucket.updated) * self.rate >= self.burst:
                del self._buckets[identity]
        if len(self._buckets) >= self.MAX_IDENTITIES:
            self._buckets.clear()
