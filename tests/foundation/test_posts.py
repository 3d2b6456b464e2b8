"""Embedded posts: the words of an embedded tweet, read with the account that signs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsprobe.extract import MAX_TEXT_CHARS, extract, truncate
from newsprobe.ingest import from_html, from_text

PROSE = "Delhi’s Chief Minister Arvind Kejriwal turned to Twitter last month to describe his city as a gas chamber."
TWEET = (
    '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Delhi has turned into a gas chamber due to smoke from '
    "crop burning<br><br>I urge all Delhiites to use them whenever needed "
    '<a href="https://t.co/MYwRz9euaq">pic.twitter.com/MYwRz9euaq</a></p>&mdash; Arvind Kejriwal (@ArvindKejriwal) '
    '<a href="https://twitter.com/ArvindKejriwal/status/1190">November 1, 2019</a></blockquote>'
)
AFTER = "The gray haze led to cancelled flights and closed schools across the region on Friday."


def _page(*blocks: str) -> str:
    return f"<html><head><title>Smog</title></head><body><article>{''.join(blocks)}</article></body></html>"


def test_an_embedded_tweet_is_its_words_and_its_signed_account() -> None:
    article = extract(from_html(_page(f"<p>{PROSE}</p>", TWEET, f"<p>{AFTER}</p>"), url="https://example.org/a"))
    [post] = article.posts
    words = article.text[post.start : post.end]
    assert words.startswith("Delhi has turned into a gas chamber") and words.endswith("whenever needed")
    assert PROSE not in words and "pic.twitter.com" not in words
    assert (post.author, post.handle, post.date) == ("Arvind Kejriwal", "@ArvindKejriwal", "November 1, 2019")
    assert article.text[post.signature.start : post.signature.end].startswith("— Arvind Kejriwal (@ArvindKejriwal)")


def test_two_tweets_in_a_row_keep_their_own_words() -> None:
    second = TWEET.replace("Arvind Kejriwal", "Josh Apte").replace("@ArvindKejriwal", "@joshapte")
    second = second.replace("Delhi has turned into a gas chamber", "The air quality was horrific on Sunday")
    article = extract(from_html(_page(f"<p>{PROSE}</p>", TWEET, second), url="https://example.org/a"))
    first_post, second_post = article.posts
    assert article.text[second_post.start :].startswith("The air quality was horrific")
    assert first_post.end < first_post.signature.end <= second_post.start


def test_a_text_export_needs_the_posts_own_link_to_read_a_post() -> None:
    linked = f"{PROSE}\n\nI urge all Delhiites to use them pic.twitter.com/MYwRz9euaq\n\n— Arvind Kejriwal (@ArvindKejriwal) November 1, 2019\n\n{AFTER}"
    [post] = extract(from_text("Smog\n\n" + linked)).posts
    assert post.author == "Arvind Kejriwal"
    # without the link nothing says the paragraph above is the post and not the article's own words
    unlinked = linked.replace(" pic.twitter.com/MYwRz9euaq", "")
    assert extract(from_text("Smog\n\n" + unlinked)).posts == []


def test_an_instagram_signature_is_read_too() -> None:
    text = (
        "Smog\n\nThe actor shared a picture from the set.\n\nBack at work with the best crew https://t.co/abc123\n\n"
        "A post shared by Jane Doe (@janedoe) on Nov 1, 2019 at 5:02pm PST"
    )
    [post] = extract(from_text(text)).posts
    assert (post.author, post.handle) == ("Jane Doe", "@janedoe")


def test_a_cut_article_keeps_only_the_posts_it_still_holds() -> None:
    article = extract(from_html(_page(f"<p>{PROSE}</p>", TWEET, f"<p>{AFTER}</p>"), url="https://example.org/a"))
    assert truncate(article, article.posts[0].signature.start + 5).posts == []
    assert truncate(article, MAX_TEXT_CHARS).posts == article.posts


def test_the_extract_command_lists_the_posts(tmp_path: Path) -> None:
    page = tmp_path / "smog.html"
    page.write_text(_page(f"<p>{PROSE}</p>", TWEET, f"<p>{AFTER}</p>"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "newsprobe.cli", "extract", str(page)], capture_output=True, timeout=120
    )
    [line] = [json.loads(row) for row in result.stdout.decode().splitlines()]
    [post] = line["posts"]
    assert post["handle"] == "@ArvindKejriwal" and line["text"][post["start"] : post["end"]].endswith("whenever needed")
