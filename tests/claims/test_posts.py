"""Claims inside an embedded post: its words, not the link to its picture."""

from __future__ import annotations

from newsprobe.analyse.claims import ClaimsResult
from newsprobe.analyse.pipeline import Pipeline
from newsprobe.extract import extract
from newsprobe.ingest import from_html

TWEETS = (
    "<p>Delhi’s Chief Minister Arvind Kejriwal turned to Twitter last month to describe his city as a gas chamber.</p>"
    '<blockquote class="twitter-tweet"><p>Through schools, we have started distributing 50 lakh masks today. '
    'I urge all Delhiites to use them whenever needed <a href="https://t.co/M">pic.twitter.com/MYwRz9euaq</a></p>'
    "&mdash; Arvind Kejriwal (@ArvindKejriwal) November 1, 2019</blockquote>"
    '<blockquote class="twitter-tweet"><p>The air quality in Delhi was horrific on Sunday, as it is every November. '
    '<a href="https://t.co/f">pic.twitter.com/fCX2Ptc7YN</a></p>&mdash; Josh Apte (@joshapte) November 3, 2019'
    "</blockquote>"
)


def test_a_claim_in_a_post_ends_before_the_posts_link() -> None:
    html = f"<html><head><title>Smog</title></head><body><article>{TWEETS}</article></body></html>"
    article = extract(from_html(html, url="https://example.org/smog"))
    result = Pipeline(["quotes", "claims"], profile="fast").run(article).results["claims"]
    assert isinstance(result, ClaimsResult)
    texts = [claim.text for claim in result.claims]
    assert not [text for text in texts if "pic.twitter.com" in text]
    assert any(text.endswith("use them whenever needed") for text in texts)
    urged = next(claim for claim in result.claims if "Delhiites" in claim.text)
    assert urged.attribution is not None and urged.attribution.speaker == "Arvind Kejriwal"
