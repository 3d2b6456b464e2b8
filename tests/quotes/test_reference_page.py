"""The reference page (RT via Global Research, Lavrov on Syria): the attributions the issue lists."""

from __future__ import annotations

from newsprobe.analyse.quotes import Attribution, QuotesResult
from newsprobe.document import Article


def _containing(result: QuotesResult, words: str) -> Attribution:
    """The attribution whose content contains `words`."""
    found = [a for a in result.attributions if any(words in span.text for span in a.content)]
    assert found, f"no attribution with content containing {words!r}"
    return found[0]


def _cue(att: Attribution) -> str:
    return " … ".join(span.text for span in att.cue)


def test_offsets_point_into_article_text(reference_quotes: tuple[Article, QuotesResult]) -> None:
    article, result = reference_quotes
    for att in result.attributions:
        for span in [*att.source, *att.cue, *att.content]:
            assert article.text[span.start : span.end] == span.text


def test_at_least_five_lavrov_attributions(reference_quotes: tuple[Article, QuotesResult]) -> None:
    _, result = reference_quotes
    lavrov = [a for a in result.attributions if a.speaker and a.speaker.name == "Sergey Lavrov"]
    assert len(lavrov) >= 5
    assert {a.speaker.role for a in lavrov if a.speaker} == {"Foreign Minister"}
    assert {a.speaker.organisation for a in lavrov if a.speaker} == {"Russia"}


def test_split_direct_quote_is_lavrovs(reference_quotes: tuple[Article, QuotesResult]) -> None:
    _, result = reference_quotes
    att = _containing(result, "There is a strong impression")
    assert att.direct and att.style == "direct"
    assert _cue(att) == "said"
    assert [s.text for s in att.source] == ["Lavrov"]
    assert att.content[0].text.startswith("“") and att.content[0].text.endswith("”")


def test_went_on_to_say_resolves_the_foreign_minister(reference_quotes: tuple[Article, QuotesResult]) -> None:
    _, result = reference_quotes
    att = _containing(result, "new evidence has emerged")
    assert _cue(att) == "went on to say"
    assert [s.text for s in att.source] == ["The foreign minister"]
    assert att.speaker is not None and att.speaker.name == "Sergey Lavrov"
    assert att.speaker.resolved_by == "role"
    assert att.speaker.evidence is not None and att.speaker.evidence.text == "Sergey Lavrov"
    assert att.style == "partly_direct" and not att.direct


def test_russian_official_and_russian_foreign_minister_are_lavrov(
    reference_quotes: tuple[Article, QuotesResult],
) -> None:
    _, result = reference_quotes
    emphasized = _containing(result, "the importance of preventing provocations")
    agreed = _containing(result, "they had agreed")
    assert _cue(emphasized) == "emphasized"
    for att in (emphasized, agreed):
        assert att.speaker is not None and att.speaker.name == "Sergey Lavrov", att


def test_ryabkov_labelled_as_with_role(reference_quotes: tuple[Article, QuotesResult]) -> None:
    _, result = reference_quotes
    att = _containing(result, "an act of aggression")
    assert "actually help for the terrorists the US is fighting" in " ".join(s.text for s in att.content)
    assert _cue(att) == "labelled … as"
    assert att.speaker is not None
    assert (att.speaker.name, att.speaker.role, att.speaker.organisation) == (
        "Sergey Ryabkov",
        "Deputy Foreign Minister",
        "Russia",
    )


def test_one_attribution_per_speech_act(reference_quotes: tuple[Article, QuotesResult]) -> None:
    """“The incident was labelled … by Ryabkov” and Damascus “dismissed … saying” are one attribution each."""
    _, result = reference_quotes
    cues = [_cue(a) for a in result.attributions]
    assert cues.count("labelled … as") == 1 and "was labelled" not in cues
    assert [c for c in cues if "dismissed" in c] == ["dismissed the allegations, saying"]
    chars = [{i for s in a.content for i in range(s.start, s.end)} for a in result.attributions]
    for i, a in enumerate(chars):
        for b in chars[i + 1 :]:
            assert len(a & b) < 0.5 * max(len(a), len(b))


def test_content_runs_across_parentheses(reference_quotes: tuple[Article, QuotesResult]) -> None:
    _, result = reference_quotes
    washington = _containing(result, "it had downed the jet")
    assert washington.content[-1].text.endswith("Islamic State (IS, formerly ISIS/ISIL)")


def test_collective_sources_washington_and_damascus(reference_quotes: tuple[Article, QuotesResult]) -> None:
    _, result = reference_quotes
    washington = _containing(result, "it had downed the jet")
    damascus = _containing(result, "the plane was in effect")
    assert _cue(damascus) == "dismissed the allegations, saying"
    for att, name, country in ((washington, "Washington", "United States"), (damascus, "Damascus", "Syria")):
        assert att.speaker is not None
        assert (att.speaker.name, att.speaker.kind, att.speaker.organisation) == (name, "government", country)


def test_last_week_lavrov_said_that(reference_quotes: tuple[Article, QuotesResult]) -> None:
    _, result = reference_quotes
    att = _containing(result, "Moscow had not yet received")
    assert att.content[0].text.startswith("that Moscow")
    assert att.speaker is not None and att.speaker.name == "Sergey Lavrov"
    assert att.style == "partly_direct"  # “detailed explanation” is quoted inside indirect speech


def test_every_speaker_resolved_with_evidence(reference_quotes: tuple[Article, QuotesResult]) -> None:
    article, result = reference_quotes
    for att in result.attributions:
        assert att.speaker.resolved_by in {"named", "role"} and att.speaker.confidence is not None
        evidence = att.speaker.evidence
        assert evidence is not None and article.text[evidence.start : evidence.end] == evidence.text


def test_speakers_group_lavrov_first(reference_quotes: tuple[Article, QuotesResult]) -> None:
    _, result = reference_quotes
    first = result.speakers[0]
    assert first.name == "Sergey Lavrov" and first.role == "Foreign Minister"
    grouped = sorted(i for group in result.speakers for i in group.attribution_ids)
    assert grouped == [a.id for a in result.attributions]
