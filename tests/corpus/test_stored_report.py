"""A report rebuilt from a corpus store says who said each claim only when the store holds the attributions."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from newsprobe.analyse.claims import ClaimsResult
from newsprobe.analyse.propaganda import PropagandaResult
from newsprobe.corpus import RunOptions, run_corpus
from newsprobe.corpus.explore import open_reader
from newsprobe.corpus.stored_report import stored_report

TEXT = (
    "Prices rose sharply across the region last year, official figures show.\n\n"
    "“Inflation reached 9 percent in March and it will not fall before the summer,” Finance Minister "
    "Jane Roe said on Tuesday in a speech to parliament in the capital.\n\n"
    "The central bank raised its main interest rate by two percentage points in April."
)


def _stored_result(tmp_path: Path, analyses: list[str], name: str) -> BaseModel:
    tmp_path.mkdir(exist_ok=True)
    source = tmp_path / "articles.jsonl"
    source.write_text(json.dumps({"text": TEXT, "url": "https://example.org/news/prices"}) + "\n")
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
