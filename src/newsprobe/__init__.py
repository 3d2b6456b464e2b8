"""newsprobe: read a news article the way a careful analyst does.

The front door is small: `analyze`, `extract`, the `Newsprobe` app object, input helpers
(`from_text`, `from_html`) and the models; everything else lives in the subpackages.
"""

__version__ = "0.1.0"

from .api import Newsprobe, analyze, extract  # noqa: E402
from .errors import AnalyserError, FetchError, InputError, NewsprobeError  # noqa: E402
from .ingest import FetchPolicy, RawDocument, from_html, from_text  # noqa: E402
from .models import Article, Metadata  # noqa: E402
from .outlets import OutletProfile, source  # noqa: E402
from .report import Report  # noqa: E402

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
