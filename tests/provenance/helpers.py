"""Build articles by hand and run the provenance analyser on them."""

from __future__ import annotations

from newsprobe.analyse.base import AnalysisContext
from newsprobe.analyse.provenance import ProvenanceAnalyser, ProvenanceResult
from newsprobe.document import Article, Metadata, Paragraph, RemovedBlock

BODY = (
    "Officials met on Tuesday to discuss the new budget proposal for the coming year.\n\n"
    "The proposal includes cuts to several programmes and an increase in defence spending."
)


def article_with(text: str = BODY, *, removed: list[tuple[str, str]] = (), **metadata: object) -> Article:
    paragraphs, position = [], 0
    for chunk in text.split("\n\n"):
        paragraphs.append(Paragraph(start=position, end=position + len(chunk)))
        position += len(chunk) + 2
    blocks = [RemovedBlock(text=block, reason=reason, position=len(text)) for block, reason in removed]
    return Article(text=text, paragraphs=paragraphs, metadata=Metadata(**metadata), removed=blocks)


def run(article: Article, **config: object) -> ProvenanceResult:
    return ProvenanceAnalyser(config)(article, None, AnalysisContext())  # type: ignore[arg-type]


def evidence_text(article: Article, item) -> str:  # type: ignore[no-untyped-def]
    """The text an evidence item points at, read back through its location."""
    if item.where == "text":
        return article.text[item.span.start : item.span.end]
    if item.where == "removed":
        block = article.removed[item.removed_block].text
        return block[item.removed_span.start : item.removed_span.end]
    if item.where == "metadata":
        value = getattr(article.metadata, item.field)
        return item.quote if isinstance(value, list) and item.quote in value else value
    raise AssertionError(f"unexpected evidence location {item.where}")
