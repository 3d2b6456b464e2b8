"""Genre: news, opinion, analysis or other, from the page's own cues and the text's voice."""

from __future__ import annotations

import json

import pytest

from newsprobe import extract, from_html, from_text
from newsprobe.document import Metadata
from newsprobe.extract._genre_patterns import PRESS_RELEASE
from newsprobe.extract.genre import PageHints, _may_end_like_press_release, classify_genre

from .samples import ENGLISH, PORTUGUESE, html_page

REPORT = (
    "WASHINGTON (Reuters) - The Senate passed the budget bill on Tuesday, officials said. "
    + "The bill now goes to the House, where leaders said they expected a vote next week. " * 6
)
COLUMN = (
    "I have lived in this city for twenty years, and I have never seen the council so lost. "
    + "My neighbours feel the same. I think the mayor should listen before it is too late for all of us. " * 6
)
RECIPE = (
    "This jam is the easiest gift you can make for the holidays. "
    + "Take your pears, add the honey and the spices, and let your kitchen smell of winter. " * 8
)


def ld_json(kind: str) -> str:
    return (
        f'<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", "@type": kind})}</script>'
    )


def test_a_wire_report_is_news_with_its_cues() -> None:
    genre = classify_genre(Metadata(url="https://example.com/world/2020/budget"), REPORT)
    assert genre.label == "news"
    assert any(cue.startswith("it opens with a dateline (WASHINGTON (Reuters) -") for cue in genre.evidence)
    assert any(cue.startswith("reporting verbs (said, told, according to)") for cue in genre.evidence)


@pytest.mark.parametrize(
    ("metadata", "hints", "label", "cue"),
    [
        (Metadata(url="https://www.nytimes.com/2019/11/19/opinion/republicans.html"), None, "opinion", "/opinion/"),
        (Metadata(title="Opinion | Republicans Are Following Trump"), None, "opinion", "the title says 'Opinion'"),
        (Metadata(title="The Guardian view on Hong Kong: a city on the brink | Editorial"), None, "opinion", "view on"),
        (Metadata(categories=["Commentary"]), None, "opinion", "files it under 'Commentary'"),
        (Metadata(), PageHints(schema_types=("OpinionNewsArticle",)), "opinion", "OpinionNewsArticle"),
        (Metadata(), PageHints(marked_opinion=True), "opinion", "article:opinion"),
        (Metadata(title="Star Wars Jedi: Fallen Order review - shoots for the moon"), None, "opinion", "review"),
        (Metadata(title="Fact Check: Is an oxygen bar in Delhi offering fresh air?"), None, "analysis", "Fact Check"),
        (Metadata(), PageHints(schema_types=("ClaimReview",)), "analysis", "ClaimReview"),
        (Metadata(url="https://example.com/recipes/pear-jam"), None, "other", "/recipes/"),
        (Metadata(title="Spiced Honey Pear Jam Recipe"), None, "other", "Recipe"),
    ],
)
def test_page_cues(metadata: Metadata, hints: PageHints | None, label: str, cue: str) -> None:
    genre = classify_genre(metadata, REPORT, hints)
    assert genre.label == label
    assert cue in genre.evidence[0]
    assert any(note.startswith("against: ") for note in genre.evidence)  # the news cues of the text stay listed


def test_the_writers_voice() -> None:
    column = classify_genre(Metadata(), COLUMN)
    assert column.label == "opinion"
    assert column.evidence[0].startswith("first-person words outside quotes (I, me, my):")
    assert classify_genre(Metadata(), RECIPE).label == "other"
    quoted = ' "I think we should wait," the minister said. '
    assert classify_genre(Metadata(), (ENGLISH + quoted) * 5).label == "news"  # a quoted I is not the writer's


def test_no_cue_is_other_with_a_quarter_and_the_reason() -> None:
    genre = classify_genre(Metadata(), PORTUGUESE, english=False)
    assert (genre.label, genre.confidence) == ("other", 0.25)
    assert genre.evidence == ["no genre cue found (the text is not English, so its voice was not read)"]


def test_confidence_is_the_smoothed_share_of_the_cues() -> None:
    agreed = classify_genre(
        Metadata(title="Opinion | A column", url="https://example.com/opinion/a-column"),
        COLUMN,
        PageHints(schema_types=("OpinionNewsArticle",)),
    )
    split = classify_genre(Metadata(url="https://example.com/opinion/a-column"), REPORT)
    assert agreed.label == "opinion" and agreed.confidence > 0.9
    assert split.confidence < agreed.confidence


def test_a_tie_goes_to_the_genre_that_is_not_news() -> None:
    genre = classify_genre(Metadata(url="https://example.com/news/opinion/x"), "")
    assert genre.label == "opinion"


def test_extraction_reads_the_page_hints_before_pruning_and_records_the_genre() -> None:
    head = ld_json("OpinionNewsArticle") + '<meta property="article:section" content="Comment">'
    article = extract(from_html(html_page(COLUMN, lang="en", title="The council is lost", head=head)))
    genre = article.metadata.genre
    assert genre is not None and genre.label == "opinion"
    assert "the page's schema.org type is OpinionNewsArticle" in genre.evidence
    assert "the site files it under 'Comment'" in genre.evidence
    news = extract(from_text(REPORT, verbatim=True)).metadata.genre
    assert news is not None and news.label == "news"


@pytest.mark.parametrize(
    ("ending", "looked_at"),
    [
        ("For more information, please visit acme.com", True),
        ("MEDIA CONTACT: Jane Doe", True),
        ("About Acme Corp", True),
        ("The plant closed.\nAbout Acme Industries\n###", True),
        ("He talked about Acme for an hour.", False),
        ("The talks ended without a deal.", False),
    ],
)
def test_press_release_quick_look_passes_every_ending_the_pattern_matches(ending: str, looked_at: bool) -> None:
    assert _may_end_like_press_release(ending) == looked_at
    assert looked_at or PRESS_RELEASE.search(ending) is None
