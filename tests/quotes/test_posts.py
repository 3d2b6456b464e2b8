"""An embedded post is a direct quote of the account that signs it."""

from __future__ import annotations

import pytest

from newsprobe.analyse.pipeline import Pipeline
from newsprobe.analyse.quotes import QuotesResult
from newsprobe.document import Article
from newsprobe.extract import extract
from newsprobe.ingest import from_html
from newsprobe.report.views import quotes as quotes_view

PROSE = "Delhi’s Chief Minister Arvind Kejriwal turned to Twitter last month to describe his city as a gas chamber."
TWEET = (
    '<blockquote class="twitter-tweet"><p>It is very important that we protect ourselves from this toxic air.'
    "<br><br>I urge all Delhiites to use the masks whenever needed "
    '<a href="https://t.co/MYwRz9euaq">pic.twitter.com/MYwRz9euaq</a></p>&mdash; Arvind Kejriwal (@ArvindKejriwal) '
    '<a href="https://twitter.com/ArvindKejriwal/status/1190">November 1, 2019</a></blockquote>'
)
TEAM_TWEET = (
    '<blockquote class="twitter-tweet"><p>#Browns Greedy Williams has been solid in run support so far this season. '
    "He said that he is ready for Sunday's game against the Steelers. "
    'He averages one miss for every 22 tackle attempts <a href="https://t.co/I8N">pic.twitter.com/I8N</a></p>'
    "&mdash; PFF CLE Browns (@PFF_Browns) November 16, 2019</blockquote>"
)


def _quotes(profile: str, *blocks: str) -> tuple[str, QuotesResult]:
    body = "".join(blocks)
    html = f"<html><head><title>Smog</title></head><body><article>{body}</article></body></html>"
    article = extract(from_html(html, url="https://example.org/smog"))
    outcome = Pipeline(["quotes"], profile=profile).run(article)
    result = outcome.results["quotes"]
    assert isinstance(result, QuotesResult)
    return article.text, result


@pytest.mark.parametrize("profile", ["accurate", "fast"])
def test_the_post_is_quoted_as_its_account_wrote_it(profile: str) -> None:
    _, result = _quotes(profile, f"<p>{PROSE}</p>", TWEET)
    [post] = [att for att in result.attributions if [cue.text for cue in att.cue] == ["@ArvindKejriwal"]]
    assert post.style == "direct" and post.direct
    assert post.speaker.name == "Arvind Kejriwal" and post.speaker.resolved_by == "named"
    assert "signs the embedded post" in post.speaker.reason
    assert post.content[0].text.startswith("It is very important") and post.content[0].text.endswith("needed")
    # the tagger's "I | urge | …" inside the post had no speaker it could name; the post says who it is
    assert not [att for att in result.attributions if att.source and att.source[0].text == "I"]


def test_an_accounts_name_is_never_swapped_for_a_name_in_its_post() -> None:
    _, result = _quotes("accurate", f"<p>{PROSE}</p>", TEAM_TWEET)
    [post] = [att for att in result.attributions if [cue.text for cue in att.cue] == ["@PFF_Browns"]]
    assert post.speaker.name == "PFF CLE Browns"
    # a pronoun in a post points into the post: its words are the account's
    assert not [att for att in result.attributions if att.source and att.source[0].text == "He"]


def test_a_post_of_several_paragraphs_is_one_markdown_item() -> None:
    _, result = _quotes("fast", f"<p>{PROSE}</p>", TWEET)
    md = quotes_view.markdown(result, Article(text=""))
    [line] = [line for line in md.splitlines() if "@ArvindKejriwal" in line]
    assert "toxic air. / I urge all Delhiites" in line
