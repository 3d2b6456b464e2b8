"""The newsprobe error tree.

    NewsprobeError
    ├── InputError            bad input: empty, binary, undecodable, unknown format  (exit 2)
    │   ├── UnknownAnalyserError
    │   └── ProfileUnavailableError   a profile whose models are not installed (the message says how)
    ├── FetchError            a URL could not be fetched                           (exit 3)
    │   └── BlockedAddressError   the URL points at a refused address (SSRF guard)
    └── AnalyserError         one analyser failed on one article; recorded, never fatal

Every error carries a one-line message that names its source or analyser.
"""

from __future__ import annotations

__all__ = [
    "AnalyserError",
    "BlockedAddressError",
    "FetchError",
    "InputError",
    "ModelRuntimeError",
    "NewsprobeError",
    "ProfileUnavailableError",
    "UnknownAnalyserError",
]


class NewsprobeError(Exception):
    """Root of every error newsprobe raises on purpose."""

    exit_code = 1


class InputError(NewsprobeError):
    """The input cannot be read as an article."""

    exit_code = 2


class UnknownAnalyserError(InputError):
    """An analyser name that is not registered."""


class ProfileUnavailableError(InputError):
    """The chosen profile's models are not installed (the message says which command installs them)."""


class ModelRuntimeError(NewsprobeError):
    """A model answers wrongly on this machine (its self-check failed): better no result than noise."""


class FetchError(NewsprobeError):
    """A URL could not be fetched."""

    exit_code = 3


class BlockedAddressError(FetchError):
    """The URL resolves to an address newsprobe refuses to contact."""


class AnalyserError(NewsprobeError):
    """An analyser failed on one article."""

    def __init__(self, analyser: str, message: str) -> None:
        super().__init__(f"{analyser}: {message}")
        self.analyser = analyser
        self.message = message
