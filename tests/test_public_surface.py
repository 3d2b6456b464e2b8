"""The top-level API is small and pinned: adding or removing a name is a reviewed change."""

from __future__ import annotations

import subprocess
import sys

import newsprobe

PUBLIC = [
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


def test_all_lists_exactly_the_public_names() -> None:
    assert sorted(newsprobe.__all__) == PUBLIC


def test_every_public_name_resolves() -> None:
    for name in newsprobe.__all__:
        assert getattr(newsprobe, name) is not None, name


def test_unknown_names_raise_attribute_error() -> None:
    try:
        newsprobe.no_such_name  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as error:
        assert "no_such_name" in str(error)
    else:
        raise AssertionError("expected AttributeError")


def test_importing_the_package_loads_no_analyser_or_heavy_library() -> None:
    probe = (
        "import sys, newsprobe, newsprobe.cli.main; "
        "heavy = [m for m in ('spacy', 'numpy', 'datasketch', 'scipy', 'onnxruntime', 'duckdb', 'httpx', "
        "'newsprobe.analyse.quotes', 'newsprobe.api') if m in sys.modules]; print(','.join(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_extract_stays_the_function_after_the_subpackage_is_imported() -> None:
    probe = (
        "import newsprobe.extract.html, newsprobe; "
        "from newsprobe.extract import extract as extract_raw; "
        "print(callable(newsprobe.extract), newsprobe.extract.__module__, callable(extract_raw))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "newsprobe.api", "True"]
