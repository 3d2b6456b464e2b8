"""newsprobe: read a news article the way a careful analyst does.

The front door is small: `analyze`, `extract`, the `Newsprobe` app object, input helpers
(`from_text`, `from_html`) and the models; everything else lives in the subpackages.

Names load on first use (PEP 562), so `import newsprobe` and `newsprobe --help` stay fast; the
analysers and their models load later still, when an article is analysed.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .api import Newsprobe, analyze, extract
    from .document import Article, Metadata
    from .errors import AnalyserError, FetchError, InputError, NewsprobeError
    from .ingest import FetchPolicy, RawDocument, from_html, from_text
    from .outlets import OutletProfile, source
    from .report import Report

__all__ = [
    "AnalyserError",
    "Article",
    "FetchError",
    "FetchPolicy",
    "InputError",
    "Metadata",
    "Newsprobe",
    "NewsprobeError",
    "OutletProfile",
    "RawDocument",
    "Report",
    "__version__",
    "analyze",
    "extract",
    "from_html",
    "from_text",
    "source",
]

_HOMES = {
    "Newsprobe": "api",
    "analyze": "api",
    "extract": "api",
    "Article": "document",
    "Metadata": "document",
    "AnalyserError": "errors",
    "FetchError": "errors",
    "InputError": "errors",
    "NewsprobeError": "errors",
    "FetchPolicy": "ingest",
    "RawDocument": "ingest",
    "from_html": "ingest",
    "from_text": "ingest",
    "OutletProfile": "outlets",
    "source": "outlets",
    "Report": "report",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'newsprobe' has no attribute {name!r}")
    value = getattr(import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(ModuleType):
    """`newsprobe.extract` is the function of the API, whatever is imported when. Importing the subpackage of
    the same name would otherwise bind the module here (the import system sets it on its parent) and the
    function would be shadowed; the subpackage stays importable as `newsprobe.extract` from sys.modules."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "extract" and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
