"""Report model, JSON Schema, renderers and the analyser registry."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsprobe import Newsprobe, from_html, from_text
from newsprobe.analyse import registry
from newsprobe.analyse.base import Analyser, AnalysisContext, Registry
from newsprobe.errors import UnknownAnalyserError
from newsprobe.report import render
from newsprobe.report.schema import report_schema

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = """<html><head><title>Hostile &lt;b&gt;</title></head><body><article>
<p>The story says &lt;script&gt;alert(1)&lt;/script&gt; and <a href="javascript:alert(2)">a link</a> in plain words here.</p>
<p>Another long enough paragraph with an <img src=x onerror="alert(3)"> image and more words to keep it as body text.</p>
</article></body></html>"""


def test_schema_file_matches_models():
    on_disk = json.loads((ROOT / "schema" / "report.schema.json").read_text())
    assert on_disk == report_schema(), "schema drifted: run `newsprobe schema -o schema/report.schema.json`"


def test_report_json_round_trip(reference_report):
    from newsprobe import Report

    again = Report.model_validate_json(reference_report.model_dump_json())
    assert again.article == reference_report.article
    assert set(json.loads(reference_report.model_dump_json())["analyses"]) == set(reference_report.analyses)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_is_self_contained_and_escaped():
    report = Newsprobe(["entities"]).analyze(from_html(HOSTILE))
    html = render(report, "html")
    parser = _Collector()
    parser.feed(html)
    tags = [tag for tag, _ in parser.tags]
    assert "script" not in tags and "img" not in tags and "link" not in tags
    assert not any(
        attrs.get("src") or (attrs.get("href") or "").startswith(("http", "javascript")) for _, attrs in parser.tags
    )
    assert not any(name.startswith("on") for _, attrs in parser.tags for name in attrs)
    assert "&lt;script&gt;" in html


def test_html_report_sections(reference_report):
    html = render(reference_report, "html")
    assert "Protecting the Terrorists" in html and "Global Research" in html
    for name in reference_report.analyses:
        assert f'id="{name}"' in html
    assert "boilerplate block" in html


def test_markdown_and_text(reference_report):
    md = render(reference_report, "md")
    assert md.startswith("# Protecting the Terrorists") and "## Text" in md
    text = render(reference_report, "text")
    assert "RT News" in text and "Russian FM Sergey Lavrov" in text


def test_markdown_sections_carry_the_analysers_titles_as_the_other_views_do(reference_report):
    md, text = render(reference_report, "md"), render(reference_report, "text", width=300)
    headings = re.findall(r"^## (.+)$", md, flags=re.MULTILINE)
    titles = [registry.get(name).title for name in reference_report.analyses]
    assert headings[: len(titles)] == titles and "Check-worthy claims" in titles
    assert all(title in text for title in titles)


def test_every_view_names_things_in_the_same_plain_words(reference_report):
    """No internal ids (spaCy labels, resolution rules, State Media Monitor codes, 'pc1') in the views, and one
    wording per fact: the HTML chips and the terminal flags say the same."""
    html, md = render(reference_report, "html"), render(reference_report, "md")
    text = " ".join(render(reference_report, "text", width=300).split())
    for view in (html, md, text):
        assert "country, city or state" in view and "nationality or group" in view
        assert not re.search(r"\b(GPE|NORP)\b", view)
    for view in (html, text):
        assert "state-controlled (Russia)" in view and "low Lin et al. score (0.29)" in view
        assert "Information Laundromat (EuVsDisinfo)" in view
        assert "pc1" not in view and "(SC)" not in view
    assert "from the role" in html and "from the role" in text and "(role:" not in html


def test_entities_grouped(reference_report):
    entities = {e.name: e for e in reference_report.analyses["entities"].entities}
    lavrov = entities["Sergey Lavrov"]
    assert lavrov.label == "PERSON" and lavrov.count >= 5
    assert {m.text for m in lavrov.mentions} == {"Sergey Lavrov", "Lavrov"}
    text = reference_report.article.text
    assert all(text[m.start : m.end] == m.text for e in entities.values() for m in e.mentions)
    assert entities["United States"].count >= 10  # "US" and "United States"


def test_unknown_analyser():
    with pytest.raises(UnknownAnalyserError, match="unknown analyser 'nope'"):
        Newsprobe(["nope"])


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"profile": "bogus"}, "unknown profile 'bogus'"),
        ({"config": {"quotes": {"method": "bogus"}}}, "quotes: method: Input should be"),
        ({"config": {"provenance": {"index_dr": "idx"}}}, "unknown setting.* index_dr .*settings: index_dir"),
        ({"config": {"nosuch": {}}}, "config for unknown analyser.*: nosuch"),
    ],
)
def test_bad_settings_fail_when_the_app_is_built_with_a_newsprobe_error(arguments, message):
    from newsprobe.errors import InputError

    with pytest.raises(InputError, match=message):
        Newsprobe(**arguments)
    Newsprobe(["entities"], config={"provenance": {"index_dir": "idx"}})  # settings of an analyser not run: fine


def test_failing_analyser_is_recorded_not_fatal():
    from pydantic import BaseModel

    class Out(BaseModel):
        value: int = 0

    class Broken(Analyser[Out]):
        name = "broken"
        Result = Out

        def run(self, article, doc, context: AnalysisContext) -> Out:
            raise RuntimeError("boom")

    class Needy(Analyser[Out]):
        name = "needy"
        requires = ("broken",)
        Result = Out

        def run(self, article, doc, context: AnalysisContext) -> Out:
            return Out(value=1)

    local = Registry(builtins=())
    local.add(registry.get("entities"))
    local.add(Broken)
    local.add(Needy)
    app = Newsprobe([])
    app.pipeline.analysers = [cls() for cls in local.resolve(["needy", "entities"])]
    report = app.analyze(from_text("By Jane Doe\n\nA short story about a town council vote on Tuesday."))
    assert "entities" in report.analyses
    assert [f.analyser for f in report.failures] == ["broken", "needy"]
    assert "RuntimeError: boom" in report.failures[0].error
    for view in ("md", "html", "text"):
        shown = " ".join(render(report, view, width=300).split())
        assert "Broken failed: RuntimeError: boom" in shown, view
        assert "Needy failed: not run: it needs Broken, which did not give a result" in shown, view


def test_registry_versions_and_order():
    from pydantic import BaseModel

    class Out(BaseModel):
        pass

    class V1(Analyser[Out]):
        name, version, Result = "thing", 1, Out

    class V2(Analyser[Out]):
        name, version, Result, requires = "thing", 2, Out, ("other",)

    class Other(Analyser[Out]):
        name, Result = "other", Out

    local = Registry(builtins=())
    for cls in (V1, V2, Other):
        local.add(cls)
    assert local.get("thing") is V2 and local.get("thing.v1") is V1
    assert local.resolve(["thing"]) == [Other, V2]
    assert local.names() == ["thing", "other"]


def test_offsets_are_python_str_offsets_with_astral_characters():
    article = Newsprobe([]).extract(
        from_text("Emoji 😀 headline\n\nThe mayor 😀 of Springfield, John Smith, spoke on Monday in Chicago.")
    )
    report = Newsprobe(["entities"]).analyze(from_text(article.text, source="t"))
    for entity in report.analyses["entities"].entities:
        for m in entity.mentions:
            assert report.article.text[m.start : m.end] == m.text
    assert re.search("Springfield|Chicago|John Smith", report.article.text)


def test_after_orders_optional_predecessors():
    from pydantic import BaseModel

    class Out(BaseModel):
        pass

    class First(Analyser[Out]):
        name, Result = "first", Out

    class Second(Analyser[Out]):
        name, Result, after = "second", Out, ("first",)

    local = Registry(builtins=())
    local.add(Second)
    local.add(First)
    assert local.resolve(["second", "first"]) == [First, Second]
    assert local.resolve(["second"]) == [Second]  # `after` never adds an analyser


def test_every_view_says_when_an_analysis_found_nothing_instead_of_drawing_empty_tables():
    article = from_text("Council meets\n\nThe town council meets on Tuesday at the library.")
    report = Newsprobe(["entities", "provenance", "quotes", "claims", "propaganda"], profile="fast").analyze(article)
    text = render(report, "text", width=200)
    assert "0 of 1 sentences are check-worthy claims" in text and "0 highlighted spans" in text
    for header in ("┃ Technique", "┃ Outlet", "┃ confidence", "┃ Type"):
        assert header not in text, header
    markdown = render(report, "md")
    for header in ("| Span |", "| Role |", "| Entity |"):
        assert header not in markdown, header
    html = render(report, "html")
    for header in ("<th>Entity</th>", "Outlets involved"):
        assert header not in html, header
    for view in (text, markdown, html):
        assert "No named people, organisations or places found." in view
        assert "No quotes or attributed statements found." in view
