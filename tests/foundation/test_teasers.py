"""Teasers, captions, bylines and datelines inside the body are removed with their reason, never kept as text."""

from __future__ import annotations

from re import _parser  # type: ignore[attr-defined]  # the pattern parser, to see where a rule is anchored

import pytest

from newsprobe.extract import extract
from newsprobe.extract._patterns import BOILERPLATE_RULES, COMPILED_RULES, FLOATING_RULE_KEYS, MAX_BOILERPLATE_WORDS
from newsprobe.extract.assemble import boilerplate_reason, closing_note_reason, credit_of, normalise_space
from newsprobe.ingest import from_html, from_text

REMOVED = [
    ("SEE MORE: Hong Kong protests: 800 students under siege in university", "teaser"),
    ("Also on rt.com Journalists & politicians from Morales’ party threatened with sedition arrests", "teaser"),
    ("Hong Kong 'threatened with Chinese military intervention' [REACTION]", "teaser"),
    ("China furious at Macron for Hong Kong protest jibe [INSIGHT]|", "teaser"),
    ("DON'T MISS", "teaser"),
    ("[Related: Salesforce Dreamforce Keynote: AI, Integration And Protestors]", "teaser"),
    ("'Meth. We're On It.': South Dakota spends $449K on new anti-meth ad campaign", "teaser"),
    ("“Ready for war”: Russia moves troops to the border", "teaser"),
    ("NEW YORK (Reuters) -", "dateline"),
    ("HAYWARD, Calif. (AP) —", "dateline"),
    ("Updated at 1:23 p.m.", "dateline"),
    ("By John Smith", "byline"),
    ("Keith Bradsher contributed reporting from Hong Kong.", "byline"),
    ("President Trump speaks in Washington. (AP Photo/Evan Vucci)", "caption"),
    ("(Graphic: Global assets in 2019 - here)", "caption"),
    ("Main image credit: Getty", "image credit"),
    ("CLICK HERE TO GET THE FOX NEWS APP", "call to action"),
    ("Get the latest updates right in your inbox. Subscribe to NJ.com’s newsletters.", "newsletter sign-up"),
    ("Keep an eye on your inbox for the latest sports news.", "newsletter sign-up"),
    ("Follow him on Twitter @michaeldwall.", "social appeal"),
    ("______________________________", "separator"),
    ("Tell us what YOU think...", "reader appeal"),
    ('[button link="https://example.org/submit" type="big"] Send us YOUR kit review[/button]', "page markup"),
]

KEPT = [
    "Officials did not immediately provide any other details.",
    "Also, the president said the tax rose by 3% last year.",
    "By the way, the bridge was closed on Monday.",
    "The president said more: the talks were over.",
    "Reuters reported that the ministry had confirmed the figures.",
    "'We are ready': the minister said the troops would move on Monday.",
    "“Ready for war”: that is how the minister described the army.",
]


@pytest.mark.parametrize(("line", "reason"), REMOVED)
def test_teaser_lines_are_boilerplate(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize("line", KEPT)
def test_body_sentences_are_kept(line: str) -> None:
    assert boilerplate_reason(line) is None


def test_html_page_lists_removed_teasers_with_reasons() -> None:
    body = [
        "MOSCOW (Reuters) -",
        "Russia's foreign ministry said on Tuesday that talks on a ceasefire in southern Syria had stalled.",
        "SEE MORE: Hong Kong protests: 800 students under siege in university",
        "The ministry blamed Washington for the delay and said contacts would continue next week.",
        "Also on rt.com Moscow slams US-led coalition for sparing terrorists in Syria",
        "Deputy minister Sergei Ryabkov told reporters that the pace of the talks was disappointing.",
    ]
    paragraphs = "".join(f"<p>{line}</p>" for line in body)
    html = f"<html><head><title>Talks stall</title></head><body><article>{paragraphs}</article></body></html>"
    article = extract(from_html(html, url="https://example.org/story"))
    reasons = {block.text: block.reason for block in article.removed}
    assert reasons[body[0]] == "dateline"
    assert reasons[body[2]] == "teaser" and reasons[body[4]] == "teaser"
    assert "SEE MORE" not in article.text and "Also on rt.com" not in article.text
    assert body[1] in article.text and body[5] in article.text


CLOSING_NOTES = [
    ("Eric Song is IGN's deal curator and spends 25% of his pay on stuff he posts.", "author note"),
    ("Ms. Jane Doe is a contributing opinion writer.", "author note"),
    (
        "Mike Wall's book about the search for alien life is out now. Follow him on Twitter @michaeldwall. "
        "Follow us on Twitter @Spacedotcom or Facebook.",
        "social appeal",
    ),
    ("Get the day's big stories + fun stuff you love like mock drafts, picks and power rankings.", "promotion"),
    ("Get access to the fastest growing subscription service for as little as Rs 599 for first year.", "promotion"),
    ("The Times is committed to publishing letters. We’d like to hear what you think about this.", "reader appeal"),
    ("ATENÇÃO: Comentários com textos ininteligíveis não serão aprovados pelo moderador.", "comment policy"),
]
STORY = [
    "Russia's foreign ministry said on Tuesday that talks on a ceasefire in southern Syria had stalled.",
    "The ministry blamed Washington for the delay and said contacts would continue next week.",
    "Deputy minister Sergei Ryabkov told reporters that the pace of the talks was disappointing.",
    "Diplomats in Geneva expect a new round of talks to begin after the holidays, officials said.",
]


@pytest.mark.parametrize(("note", "reason"), CLOSING_NOTES)
def test_a_note_on_the_author_or_site_is_removed_only_among_the_last_paragraphs(note: str, reason: str) -> None:
    assert boilerplate_reason(note) is None
    assert closing_note_reason(note) == reason
    closing = extract(from_html(_page([*STORY, note, "Share", "Comments"])))
    assert note not in closing.text and {block.text: block.reason for block in closing.removed}[note] == reason
    inside = extract(from_html(_page([STORY[0], note, *STORY[1:]])))
    assert note in inside.text


def test_a_text_export_loses_its_closing_note_too() -> None:
    note, reason = CLOSING_NOTES[0]
    article = extract(from_text("Talks stall\n\n" + "\n\n".join([*STORY, note, "Copyright 2019"])))
    assert note not in article.text and {block.text: block.reason for block in article.removed}[note] == reason
    assert STORY[-1] in article.text


def test_what_a_body_says_of_people_is_no_closing_note() -> None:
    for line in [
        "Derek Scissors is a resident scholar at the American Enterprise Institute.",
        "The candidate urged supporters to follow him on Twitter.",
        "Get ready for a long winter, forecasters said.",
    ]:
        assert closing_note_reason(line) is None


def _page(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{line}</p>" for line in paragraphs)
    return f"<html><head><title>Talks stall</title></head><body><article>{body}</article></body></html>"


def test_every_rule_is_anchored_or_has_key_strings() -> None:
    """boilerplate_reason tries only anchored rules and those with key strings: no rule may fall between."""
    for _, pattern in BOILERPLATE_RULES:
        if pattern not in FLOATING_RULE_KEYS:
            first = _parser.parse(pattern).data[0]
            assert first == (_parser.AT, _parser.AT_BEGINNING), pattern


@pytest.mark.parametrize(
    "line",
    [
        *(line for line, _ in REMOVED),
        *KEPT,
        "CL\u0130CK HERE TO GET THE APP",  # letters re.IGNORECASE matches to ASCII ones that lower() does not make
        "Get the news in your \u0131nbox every morning.",
        "Photo: \u017fhutterstock",
    ],
)
def test_quick_paths_decide_as_every_rule_tried_in_turn(line: str) -> None:
    text = normalise_space(line)
    words = len(text.split())
    expected = next(
        (
            reason
            for reason, rule in COMPILED_RULES
            if rule.search(text) and words <= MAX_BOILERPLATE_WORDS.get(reason, 400)
        ),
        None,
    )
    assert boilerplate_reason(line) == expected


def test_a_hover_card_hidden_in_a_paragraph_does_not_run_into_the_sentence() -> None:
    card = (
        '<span class="rollover-people-block"><a class="name" href="/people/ilhan-omar">Ilhan Omar</a>'
        '<a class="people-articles" href="/a">Hillicon Valley: Progressives oppose funding bill</a> MORE</span>'
    )
    first = (
        "<p>A New York man pleaded guilty to charges he threatened to kill Rep. "
        f'<span class="rollover-people"><a href="/people/ilhan-omar">Ilhan Omar</a>{card}</span> (D-Minn.), '
        "prosecutors said on Monday in a statement.</p>"
    )
    second = "<p>His sentencing is scheduled for February, according to the office of the prosecutors.</p>"
    html = f"<html><head><title>Plea</title></head><body><article>{first}{second}</article></body></html>"
    article = extract(from_html(html, url="https://example.org/story"))
    assert "kill Rep. Ilhan Omar (D-Minn.), prosecutors said" in article.text
    assert "Hillicon" not in article.text and "MORE" not in article.text


def test_a_paragraph_the_page_marks_as_a_credit_is_an_image_credit_whatever_it_says() -> None:
    body = [
        "Mary Steenburgen started writing songs after an operation in 2007, she told the paper on Monday.",
        '<p class="image-credit">1996-98 AccuSoft Inc., All right</p>',
        "Buckley, who had not sung in a long time, worried about doing justice to the song, the paper said.",
    ]
    paragraphs = "".join(line if line.startswith("<p") else f"<p>{line}</p>" for line in body)
    html = f"<html><head><title>Songs</title></head><body><article>{paragraphs}</article></body></html>"
    article = extract(from_html(html, url="https://example.org/story"))
    assert "AccuSoft" not in article.text and "Buckley, who had not sung" in article.text
    assert article.metadata.image_credits == ["1996-98 AccuSoft Inc., All right"]


CAPTIONS = [
    (
        "‘Excessive force and police brutality have magnified these protests.’ Photograph: AFP via Getty",
        "AFP via Getty",
    ),
    ("Russian Foreign Minister Sergey Lavrov (Source: Sergey Pyatakov / Sputnik)", "Sergey Pyatakov / Sputnik"),
    ("Jonas Brodin celebrates his goal in Buffalo, N.Y. (AP Photo/Jeffrey T. Barnes)", "AP Photo/Jeffrey T. Barnes"),
    ("The minister at the summit. © Mikhail Metzel/TASS", "Mikhail Metzel/TASS"),
    ("Traders work on the floor in New York, November 18, 2019. REUTERS/Brendan McDermid", "REUTERS/Brendan McDermid"),
    ("(Image credit: TNG Collaboration)", "TNG Collaboration"),
    ("Photo: Getty Images", "Getty Images"),
]
UNCREDITED_CAPTIONS = [
    "Trump signs an order (file)",
    "A photo-op: the president smiles at the cameras",
    "Respondents to a Reuters/Ipsos poll, conducted online.",
    "FILE PHOTO: Traders work on the floor at the New York Stock Exchange (NYSE) in New York, U.S., on Monday",
    "1996-98 AccuSoft Inc., All right",
]


@pytest.mark.parametrize(("caption", "credit"), CAPTIONS)
def test_an_image_credit_is_the_credit_without_its_caption(caption: str, credit: str) -> None:
    assert credit_of(caption) == credit


@pytest.mark.parametrize("caption", UNCREDITED_CAPTIONS)
def test_a_caption_without_a_credit_told_apart_stays_whole(caption: str) -> None:
    assert credit_of(caption) == caption


def test_a_figure_caption_gives_its_credit_only() -> None:
    caption = "‘Excessive force and police brutality have magnified these protests.’ Photograph: AFP via Getty"
    html = (
        "<html><head><title>Protests</title></head><body><article><figure><img src='a.jpg'>"
        f"<figcaption>{caption}</figcaption></figure>"
        + "".join(f"<p>{sentence}</p>" for sentence in KEPT)
        + "</article></body></html>"
    )
    article = extract(from_html(html, url="https://example.org/story"))
    assert article.metadata.image_credits == ["AFP via Getty"]


def _page_with_list(items: list[str]) -> str:
    body = [
        "Russia's foreign ministry said on Tuesday that talks on a ceasefire in southern Syria had stalled.",
        "The ministry blamed Washington for the delay and said contacts would continue next week.",
        "Deputy minister Sergei Ryabkov told reporters that the pace of the talks was disappointing.",
    ]
    paragraphs = "".join(f"<p>{line}</p>" for line in body)
    listed = "".join(f"<li>{item}</li>" for item in items)
    return f"<html><head><title>Talks stall</title></head><body><article>{paragraphs}<ul>{listed}</ul></article></body></html>"


def test_a_list_of_the_sites_linked_headlines_is_removed_as_related_links() -> None:
    stories = (
        "Gronk, Serena perform with Laker Girls",
        "Pats place Olszewski on IR",
        "Rams top Bears as offenses struggle",
    )
    items = [
        f'<h3><a href="/nfl/news/story-{i}">{title}</a></h3><h4>Summary of story number {i} here.</h4>'
        for i, title in enumerate(stories)
    ]
    article = extract(from_html(_page_with_list(items), url="https://www.example.org/nfl/news/talks"))
    assert not any(title in article.text for title in stories)
    assert [block.reason for block in article.removed if "Summary of story" in block.text] == ["related links"] * 3
    assert "Ryabkov told reporters" in article.text


@pytest.mark.parametrize(
    "items",
    [
        # links to other sites: the article's sources, not the site's teasers
        [f'<a href="https://other{i}.org/report">Report number {i} on the talks</a> was published.' for i in range(3)],
        # two linked headlines are not yet a list of related stories
        [f'<a href="/nfl/news/story-{i}">Story number {i} of the site</a> was cited.' for i in range(2)],
        # list items that open with words, with a link further in
        [f'On day {i} the <a href="/nfl/news/story-{i}">talks resumed</a> in Geneva.' for i in range(3)],
    ],
)
def test_lists_that_are_not_related_stories_are_kept(items: list[str]) -> None:
    article = extract(from_html(_page_with_list(items), url="https://www.example.org/nfl/news/talks"))
    assert all(block.reason != "related links" for block in article.removed)
    assert article.text.count("\n\n- ") == len(items)
