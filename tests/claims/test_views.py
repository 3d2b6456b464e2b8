"""The claims views: Markdown, terminal and the HTML partial (escaping checked by parsing)."""

from __future__ import annotations

from html.parser import HTMLParser

from rich.console import Console

from newsprobe.analyse.claims import Claim, ClaimsResult
from newsprobe.analyse.claims.links import ClaimAttribution
from newsprobe.document import Article
from newsprobe.report.html import template_environment
from newsprobe.report.views import claims as view

TEXT = "Officials said <script>alert(1)</script> taxes | rose 5% in 2020. Nice day."


def result() -> ClaimsResult:
    first_end = TEXT.index(" Nice")
    return ClaimsResult(
        model="lexical",
        threshold=0.3,
        claims=[
            Claim(
                start=0,
                end=first_end,
                rank=1,
                text=TEXT[:first_end],
                score=0.91,
                checkworthy=True,
                label="check-worthy",
                attribution=ClaimAttribution(
                    attribution_id=0, speaker="Jane Roe", cue="said", style="partly_direct", share=0.8
                ),
            ),
            Claim(
                start=first_end + 1,
                end=len(TEXT),
                rank=2,
                text=TEXT[first_end + 1 :],
                score=0.05,
                checkworthy=False,
                label="lower priority",
            ),
        ],
    )


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_partial_escapes_article_text() -> None:
    html = template_environment().get_template("_claims.html").render(result=result(), article=Article(text=TEXT))
    parsed = _Collect()
    parsed.feed(html)
    assert "script" not in parsed.tags
    assert any("<script>alert(1)</script>" in chunk for chunk in parsed.text)
    assert "Jane Roe" in "".join(parsed.text) and "the article" in "".join(parsed.text)


def test_html_partial_shows_top_list_then_all_in_words() -> None:
    html = template_environment().get_template("_claims.html").render(result=result(), article=Article(text=TEXT))
    top, _, everything = html.partition("<details")
    assert "Jane Roe" in top and "Nice day." not in top  # the top list holds the check-worthy claims only
    assert "Show all 2 sentences" in everything and "Nice day." in everything and "lower priority" in everything
    assert "partly quoted" in html and "partly_direct" not in html
    assert html.count('title="Confidence that a fact-checker') >= 3  # the header and every confidence cell


def test_markdown_lists_ranked_claims_and_escapes_pipes() -> None:
    text = view.markdown(result(), Article(text=TEXT))
    top, _, everything = text.partition("<details>")
    rows = [line for line in top.splitlines() if line.startswith("| 1 ") or line.startswith("| 2 ")]
    assert len(rows) == 1 and "Jane Roe (partly quoted)" in rows[0] and "taxes \\| rose" in rows[0]
    assert "| 2 | 0.05 | Nice day. | lower priority |" in everything
    assert "Confidence that a fact-checker" in top and "Confidence: Confidence" not in text


def test_terminal_table_renders() -> None:
    console = Console(record=True, width=160)
    console.print(view.terminal(result(), Article(text=TEXT)))
    output = console.export_text()
    assert "Jane Roe" in output and "0.91" in output and "1 of 2" in output and "Nice day" not in output
    assert "Confidence that a fact-checker" in output and "Confidence: Confidence" not in output


def test_terminal_table_gives_the_claim_most_of_a_narrow_terminal() -> None:
    console = Console(record=True, width=80)
    console.print(view.terminal(result(), Article(text=TEXT)))
    output = console.export_text()
    assert "<script>alert(1)</script> taxes | rose" in output  # lines of the claim, not a sliver
    assert "figures" not in output  # no claim has one, so no empty column


def test_without_the_quotes_analyser_a_claims_speaker_is_not_known_rather_than_the_article() -> None:
    unread = result().model_copy(update={"speakers_read": False})
    markdown = view.markdown(unread, Article(text=TEXT))
    assert "not known (quotes not analysed)" in markdown and "the article" not in markdown
    html = template_environment().get_template("_claims.html").render(result=unread, article=Article(text=TEXT))
    assert "not known (quotes not analysed)" in html and "the article" not in html.split("<details")[1]


def test_claims_analysed_alone_know_they_have_no_speakers() -> None:
    from newsprobe.analyse.pipeline import Pipeline

    text = "Senator Jane Roe said taxes rose by 5% in 2020. The bridge was closed on Monday for repairs."
    alone = Pipeline(["claims"], profile="fast").run(Article(text=text)).results["claims"]
    with_quotes = Pipeline(["quotes", "claims"], profile="fast").run(Article(text=text)).results["claims"]
    assert isinstance(alone, ClaimsResult) and isinstance(with_quotes, ClaimsResult)
    assert not alone.speakers_read and with_quotes.speakers_read
