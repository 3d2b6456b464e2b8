"""A report rebuilt from a corpus store says who said each claim only when the store holds the attributions."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from newsprobe.analyse.claims import ClaimsResult
from newsprobe.analyse.pipeline import Pipeline
from newsprobe.analyse.propaganda import PropagandaResult
from newsprobe.analyse.provenance import ProvenanceResult
from newsprobe.analyse.quotes import QuotesResult
from newsprobe.corpus import RunOptions, run_corpus
from newsprobe.corpus.explore import open_reader
from newsprobe.corpus.stored_report import stored_report
from newsprobe.document import Article

TEXT = (
    "Prices rose sharply across the region last year, official figures show.\n\n"
    "“Inflation reached 9 percent in March and it will not fall before the summer,” Finance Minister "
    "Jane Roe said on Tuesday in a speech to parliament in the capital.\n\n"
    "The central bank raised its main interest rate by two percentage points in April."
)


def _stored_result(
    tmp_path: Path, analyses: list[str], name: str, url: str = "https://example.org/news/prices", text: str = TEXT
) -> BaseModel:
    tmp_path.mkdir(exist_ok=True)
    source = tmp_path / "articles.jsonl"
    source.write_text(json.dumps({"text": text, "url": url}) + "\n")
    store = tmp_path / "store"
    run_corpus(RunOptions(inputs=[str(source)], store=store, workers=1, analyses=analyses, profile="fast", quiet=True))
    with open_reader(store) as reader:
        article_id = reader.value("SELECT id FROM articles")
        report = stored_report(reader, article_id)
    assert report is not None
    return report.analyses[name]


def _stored_claims(tmp_path: Path, analyses: list[str]) -> ClaimsResult:
    claims = _stored_result(tmp_path, analyses, "claims")
    assert isinstance(claims, ClaimsResult)
    return claims


def test_stored_claims_take_their_speakers_from_the_stored_quotes(tmp_path: Path) -> None:
    claims = _stored_claims(tmp_path, ["quotes", "claims"])
    assert claims.speakers_read
    quoted = [c for c in claims.claims if "Inflation reached" in c.text]
    assert quoted and quoted[0].attribution is not None
    assert quoted[0].attribution.source_text == "Finance Minister Jane Roe" and quoted[0].attribution.cue == "said"


def test_stored_claims_without_quotes_do_not_claim_the_article_said_them(tmp_path: Path) -> None:
    claims = _stored_claims(tmp_path, ["claims"])
    assert not claims.speakers_read and all(c.attribution is None for c in claims.claims)


def test_stored_propaganda_reads_speakers_only_when_the_store_holds_quotes(tmp_path: Path) -> None:
    with_quotes = _stored_result(tmp_path / "with", ["quotes", "propaganda"], "propaganda")
    without = _stored_result(tmp_path / "without", ["propaganda"], "propaganda")
    assert isinstance(with_quotes, PropagandaResult) and isinstance(without, PropagandaResult)
    assert with_quotes.speakers_read and not without.speakers_read


def test_a_stored_span_names_its_technique_as_the_live_report_does(tmp_path: Path) -> None:
    """An unclear technique stays unclear in a report rebuilt from the store, and the counts agree."""
    from newsprobe.analyse.propaganda import PropagandaSpan, TechniqueScore, technique_counts, technique_name
    from newsprobe.corpus.store import CorpusStore
    from newsprobe.corpus.tables import _span_row

    def span(start: int, end: int, *scores: tuple[str, float]) -> PropagandaSpan:
        techniques = [TechniqueScore(technique=t, name=technique_name(t), confidence=c) for t, c in scores]
        return PropagandaSpan(start=start, end=end, text=TEXT[start:end], techniques=techniques, confidence=0.6)

    live = [span(0, 11, ("Doubt", 0.22)), span(12, 17, ("Name_Calling,Labeling", 0.35), ("Loaded_Language", 0.33))]
    summary = {"model": "test", "spans": 2, "sentences": 3, "sentences_with_propaganda": 1, "share_of_sentences": 0.33}
    with CorpusStore(tmp_path / "s") as store:
        store.write_batch(
            [
                {
                    "articles": [{"id": "a1", "text": TEXT, "url": "https://example.org/news/prices"}],
                    "propaganda": [{"article_id": "a1", **summary}],
                    "propaganda_spans": [_span_row("a1", i, s, in_title=False) for i, s in enumerate(live)],
                }
            ]
        )
    with open_reader(tmp_path / "s") as reader:
        assert [r["technique_name"] for r in reader.rows("SELECT technique_name FROM propaganda_spans")] == [
            "Unclear technique",
            "Name calling / labeling",
        ]
        report = stored_report(reader, "a1")
    assert report is not None
    stored = report.analyses["propaganda"]
    assert isinstance(stored, PropagandaResult)
    assert [s.technique_names for s in stored.spans] == [s.technique_names for s in live]
    assert stored.spans[0].technique_names == "Unclear technique (perhaps Doubt)"
    assert stored.summary.counts == technique_counts(live)


def test_a_stored_outlet_says_what_the_outlet_table_says_of_it(tmp_path: Path) -> None:
    provenance = _stored_result(tmp_path, ["provenance"], "provenance", url="https://www.rt.com/news/473849-prices/")
    assert isinstance(provenance, ProvenanceResult)
    original = provenance.chain[0]
    assert original.domain == "rt.com" and original.profile is not None  # was None: the report read 'unknown outlet'
    assert original.profile.status == "known"
    assert original.profile.flags[0] == "state-controlled (Russia)"
    assert provenance.host is not None and provenance.host.profile is not None


def test_a_stored_credit_to_a_shared_name_says_it_is_no_single_outlet(tmp_path: Path) -> None:
    text = TEXT + "\n\nThis article originally appeared in the Daily News."
    provenance = _stored_result(tmp_path, ["provenance"], "provenance", text=text)
    assert isinstance(provenance, ProvenanceResult)
    original = provenance.chain[0]
    assert original.domain is None and original.profile is not None  # was None: 'unknown outlet'
    assert "dailynews.co.tz" in original.profile.namesakes


def test_a_stored_cue_is_the_one_beside_its_content(tmp_path: Path) -> None:
    # an earlier 'said' than Jane Roe's, and a 'he' inside a quote before the one who speaks
    text = "Officials said prices rose.\n\n" + TEXT + "\n\n“Prices fall when he decides,” he said."
    stored = _stored_result(tmp_path, ["quotes"], "quotes", text=text)
    live = Pipeline(["quotes"], profile="fast").run(Article(text=text)).results["quotes"]
    assert isinstance(stored, QuotesResult) and isinstance(live, QuotesResult)
    spans = [[(s.start, s.end) for s in (*a.source, *a.cue, *a.content)] for a in live.attributions]
    assert [[(s.start, s.end) for s in (*a.source, *a.cue, *a.content)] for a in stored.attributions] == spans
    assert any(text[a.cue[0].start - 9 : a.cue[0].start] == "Jane Roe " for a in stored.attributions)
    assert any(a.source and a.source[0].start == text.rindex(" he said") + 1 for a in stored.attributions)
    how = [(a.speaker.resolved_by, a.speaker.confidence, a.speaker.reason) for a in live.attributions]
    assert [(a.speaker.resolved_by, a.speaker.confidence, a.speaker.reason) for a in stored.attributions] == how


def test_analyses_that_ran_and_found_nothing_are_empty_results_not_missing_ones(tmp_path: Path) -> None:
    text = "Prices rose sharply across the region last year.\n\nThe central bank raised its main rate in April."
    quotes = _stored_result(tmp_path / "q", ["quotes"], "quotes", text=text)
    assert isinstance(quotes, QuotesResult) and quotes.attributions == [] and quotes.method == "rules"
    claims = _stored_result(tmp_path / "c", ["quotes", "claims"], "claims", text=text)
    assert isinstance(claims, ClaimsResult) and claims.speakers_read  # the claims are the article's own words
    entities = _stored_result(tmp_path / "e", ["entities"], "entities", text="It rained all day.")
    assert isinstance(entities, BaseModel) and getattr(entities, "entities") == []  # noqa: B009


def test_stored_propaganda_keeps_the_summary_the_speakers_and_both_techniques(
    tmp_path: Path, reference_article: Article
) -> None:
    from newsprobe.corpus.store import CorpusStore
    from newsprobe.corpus.tables import propaganda_rows

    results = Pipeline(["entities", "quotes", "propaganda"], profile="accurate").run(reference_article).results
    live = results["propaganda"]
    assert isinstance(live, PropagandaResult)
    assert live.summary.strongest and live.by_speaker  # the reference page has highlights, Lavrov's among them
    assert any(len(s.techniques) > 1 for s in live.spans)  # and one with a second possible technique
    with CorpusStore(tmp_path / "s") as store:
        store.write_batch([{"articles": [{"id": "a1", "text": reference_article.text}], **propaganda_rows("a1", live)}])
    with open_reader(tmp_path / "s") as reader:
        report = stored_report(reader, "a1")
    assert report is not None
    stored = report.analyses["propaganda"]
    assert isinstance(stored, PropagandaResult)
    assert stored.summary.strongest == live.summary.strongest
    assert stored.by_speaker == live.by_speaker
    assert [s.techniques for s in stored.spans] == [s.techniques for s in live.spans]
