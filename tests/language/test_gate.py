"""English-only analysers are not run on other languages, and every view says so in plain words."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import lxml.html
import pytest
from pydantic import BaseModel

from newsprobe import Newsprobe, from_html, from_text
from newsprobe.analyse import registry
from newsprobe.analyse.base import Analyser, AnalysisContext, Registry
from newsprobe.report import render
from newsprobe.report.model import SCHEMA_VERSION

from .samples import ENGLISH, PORTUGUESE, html_page

ROOT = Path(__file__).resolve().parents[2]
ENGLISH_ONLY = {"entities", "quotes", "claims", "propaganda"}
MESSAGE = "not run: English-only model; this article is Portuguese"


@pytest.fixture(scope="module")
def portuguese_app() -> Newsprobe:
    return Newsprobe(profile="fast")


@pytest.fixture(scope="module")
def portuguese_report(portuguese_app: Newsprobe):  # type: ignore[no-untyped-def]
    return portuguese_app.analyze(from_html(html_page(PORTUGUESE, lang="pt", title="Plano para as escolas")))


def test_english_only_analysers_do_not_run_on_a_portuguese_article(portuguese_app, portuguese_report) -> None:  # type: ignore[no-untyped-def]
    report = portuguese_report
    assert report.article.metadata.language == "pt"
    assert set(report.analyses) == {"provenance"}  # provenance and outlets run for every language
    assert {skip.analyser for skip in report.skipped} == ENGLISH_ONLY
    for skip in report.skipped:
        assert (skip.reason, skip.language, skip.message) == ("unsupported_language", "pt", MESSAGE)
    assert report.failures == []
    assert portuguese_app.pipeline.nlp._nlp is None  # the English spaCy pipeline was not even loaded


def test_every_view_says_why_in_plain_words(portuguese_report) -> None:  # type: ignore[no-untyped-def]
    as_json = json.loads(render(portuguese_report, "json"))
    assert {(s["analyser"], s["reason"]) for s in as_json["skipped"]} == {
        (name, "unsupported_language") for name in ENGLISH_ONLY
    }
    assert as_json["schema_version"] == SCHEMA_VERSION
    html = lxml.html.fromstring(render(portuguese_report, "html"))
    for name in ENGLISH_ONLY:
        (section,) = html.xpath(f"//section[@id='{name}']")
        assert section.get("data-skipped") == "unsupported_language"
        assert "Not run: English-only model; this article is Portuguese." in section.text_content()
    assert "Portuguese (read from the text" in html.text_content()
    terminal = render(portuguese_report, "text", width=200)
    markdown = render(portuguese_report, "md")
    for view in (terminal, markdown):
        assert view.count("Not run: English-only model; this article is Portuguese.") == len(ENGLISH_ONLY)
        assert "Portuguese (read from the text" in view


def test_an_english_article_runs_everything() -> None:
    report = Newsprobe(["entities", "quotes"], profile="fast").analyze(from_text(ENGLISH, verbatim=True))
    assert report.skipped == [] and set(report.analyses) == {"entities", "quotes"}
    assert report.article.metadata.language == "en"


class _Out(BaseModel):
    value: int = 0


def test_plugins_declare_their_languages_and_dependents_are_skipped_with_why() -> None:
    class GermanAndEnglish(Analyser[_Out]):
        name, Result, languages = "bilingual", _Out, frozenset({"de", "en"})

        def run(self, article, doc, context: AnalysisContext) -> _Out:  # type: ignore[no-untyped-def]
            return _Out(value=1)

    class AnyLanguage(Analyser[_Out]):
        name, Result, requires, uses_doc = "counter", _Out, ("bilingual",), False

        def run(self, article, doc, context: AnalysisContext) -> _Out:  # type: ignore[no-untyped-def]
            return _Out(value=len(article.text))

    class Everywhere(Analyser[_Out]):
        name, Result, uses_doc = "everywhere", _Out, False

        def run(self, article, doc, context: AnalysisContext) -> _Out:  # type: ignore[no-untyped-def]
            return _Out(value=2)

    local = Registry(builtins=())
    for cls in (GermanAndEnglish, AnyLanguage, Everywhere):
        local.add(cls)
    app = Newsprobe([])
    app.pipeline.analysers = [cls() for cls in local.resolve(["counter", "everywhere"])]
    report = app.analyze(from_text(PORTUGUESE, verbatim=True))
    assert set(report.analyses) == {"everywhere"}
    by_name = {skip.analyser: skip for skip in report.skipped}
    assert by_name["bilingual"].message == "not run: English and German model; this article is Portuguese"
    assert by_name["counter"].reason == "required_analyser_not_run"
    assert by_name["counter"].message == "not run: it needs bilingual, which did not run on this article"
    assert report.failures == []


def test_builtin_english_models_declare_english() -> None:
    for name in registry.names():
        expected = frozenset({"en"}) if name in ENGLISH_ONLY else None
        assert registry.get(name).languages == expected, name


def test_no_english_model_output_on_the_non_english_shared_pages(shared_data: Path) -> None:
    """The target of issue 17: every non-English page of the shared set, analysed with every analyser."""
    folder = shared_data / "extraction-bench"
    if not folder.is_dir():
        pytest.skip(f"shared data not found: {folder}")
    labels = json.loads((ROOT / "bench" / "data" / "extraction-bench-labels.json").read_text())["labels"]
    truth = json.loads((folder / "ground-truth.json").read_text())
    non_english = sorted(page for page, label in labels.items() if label["language"] != "en")
    assert len(non_english) == 9
    app = Newsprobe()
    for page in non_english:
        html = gzip.open(folder / "html" / f"{page}.html.gz", "rt", encoding="utf8").read()
        report = app.analyze(from_html(html, url=truth[page]["url"]))
        assert report.article.metadata.language == labels[page]["language"], page
        assert not ENGLISH_ONLY & set(report.analyses), page
        assert {skip.analyser for skip in report.skipped} == ENGLISH_ONLY, page
        assert "provenance" in report.analyses, page
