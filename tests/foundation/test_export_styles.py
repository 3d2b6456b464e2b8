"""Text/markdown exports in styles other than the reference page: the cleaner's rules are general."""

from __future__ import annotations

import pytest

from newsprobe import extract, from_text

WIRE = """Russia says talks with U.S. on Syria ceasefire have stalled

By Maria Tsvetkova

4 Min Read

MOSCOW (Reuters) - Russia's foreign ministry said on Tuesday that talks with the United States on a ceasefire in southern Syria had stalled, blaming Washington for the delay.

"We are disappointed with the pace," Deputy Foreign Minister Sergei Ryabkov told reporters in Moscow, adding that contacts would continue.

Reporting by Maria Tsvetkova; Editing by Peter Graff

Our Standards: The Thomson Reuters Trust Principles.
"""

BLOG = """# Why my garden failed this year

Posted on March 3, 2021 by Jane Gardener

Tags: gardening, soil, compost

This year was a disaster for tomatoes. The plants came up strong in May, then
wilted within a week of the first heat wave.

## What went wrong

The soil was too compacted and **never** drained after the spring rains, as the
*county extension office* had warned.

Share this:

- [Twitter](https://twitter.com/share)
- [Facebook](https://facebook.com/share)

Like this:

Loading...

Related

3 comments
"""

NEWSLETTER = """View this email in your browser

**The Morning Brief**

Tuesday, November 3, 2020

Good morning. Here's what you need to know today.

Markets fell 3% on Monday after the central bank signalled that rates would stay higher for longer.

The bank's governor said inflation "remains stubborn" and that cuts were not on the table.

---

Support our journalism. Become a member today for $5 a month.

You are receiving this email because you signed up at example.com.

Unsubscribe | Update your preferences

Copyright © 2020 Example Media, All rights reserved.
"""

REPUBLISHER = """Pentagon Admits New Drone Strike Killed Civilians

By Jessica Corbett, Common Dreams

Published: June 5, 2022

The Pentagon on Friday acknowledged that a drone strike in northern Syria last month killed three civilians, including a child.

"This is a stark reminder of the human cost," said Hina Shamsi of the ACLU.

This article was originally published by Common Dreams. It is republished under a Creative Commons license.

Subscribe to our newsletter for daily updates.

Image credit: Wikimedia Commons
"""

NEWSLETTER_POST = """# The quiet collapse of local news

### Why towns without papers vote differently

[Alex Writer](https://example.substack.com/@alex)

Jan 12, 2023

Local newspapers are closing at a rate of two per week, according to a study by Northwestern University.

> "When the paper closed, nobody covered the school board," said one former editor.

Thanks for reading! Subscribe for free to receive new posts and support my work.

Share

Leave a comment
"""

AP_PRESS = """Senate passes stopgap funding bill hours before shutdown deadline

WASHINGTON (AP) — The Senate passed a stopgap spending bill late Friday, sending it to the president hours before a government shutdown.

The vote was 68-31. Senate Majority Leader Chuck Schumer called it "a victory for the American people."

Source: Associated Press

Copyright 2023 The Associated Press. All rights reserved.
"""


def _extract(raw: str):
    return extract(from_text(raw))


def test_wire_story():
    article = _extract(WIRE)
    assert article.metadata.title == "Russia says talks with U.S. on Syria ceasefire have stalled"
    assert article.metadata.byline == "Maria Tsvetkova"
    assert article.text.startswith("MOSCOW (Reuters) - Russia's foreign ministry")
    assert "Reporting by" not in article.text and "Our Standards" not in article.text
    assert "Min Read" not in article.text
    assert {b.reason for b in article.removed} >= {"wire footer", "reading time"}


def test_blog_post():
    article = _extract(BLOG)
    m = article.metadata
    assert m.title == "Why my garden failed this year"
    assert m.published == "2021-03-03"
    assert m.authors == ["Jane Gardener"]
    assert m.tags == {"Tags": ["gardening", "soil", "compost"]}
    assert article.text.startswith(
        "This year was a disaster for tomatoes. The plants came up strong in May, then wilted"
    )
    heading = next(p for p in article.paragraphs if p.kind == "heading")
    assert article.text[heading.start : heading.end] == "What went wrong"
    assert "never drained" in article.text and "county extension office" in article.text
    for junk in ("Share this", "Twitter", "Loading", "Like this", "Related", "comments"):
        assert junk not in article.text, junk


def test_newsletter():
    article = _extract(NEWSLETTER)
    m = article.metadata
    assert m.title == "The Morning Brief"
    assert m.published == "2020-11-03"
    assert m.site_name is None  # a weekday is not a site name
    assert article.text.startswith("Good morning.")
    assert article.text.rstrip().endswith("cuts were not on the table.")
    for junk in ("View this email", "Unsubscribe", "Become a member", "receiving this email", "Copyright", "---"):
        assert junk not in article.text, junk


def test_republisher_with_notice():
    article = _extract(REPUBLISHER)
    m = article.metadata
    assert m.byline == "Jessica Corbett, Common Dreams"
    assert m.authors == ["Jessica Corbett"]
    assert m.published == "2022-06-05"
    assert article.text.startswith("The Pentagon on Friday acknowledged")
    notice = [b for b in article.removed if b.reason == "republication notice"]
    assert notice and notice[0].text.startswith("This article was originally published by Common Dreams")
    assert m.image_credits == ["Wikimedia Commons"]
    assert "Subscribe" not in article.text


def test_newsletter_platform_post():
    article = _extract(NEWSLETTER_POST)
    m = article.metadata
    assert m.title == "The quiet collapse of local news"
    assert m.description == "Why towns without papers vote differently"
    assert m.published == "2023-01-12"
    assert article.text.startswith("Local newspapers are closing")
    assert '"When the paper closed, nobody covered the school board," said one former editor.' in article.text
    for junk in ("Thanks for reading", "Share", "Leave a comment", "Alex Writer"):
        assert junk not in article.text, junk


def test_agency_copy_keeps_dateline_in_text():
    article = _extract(AP_PRESS)
    assert article.text.startswith("WASHINGTON (AP) — The Senate passed")
    assert {b.reason for b in article.removed} == {"republication notice", "copyright"}
    assert "Associated Press" not in article.text


# A sentence per line inside each paragraph (as the SemEval-2020 texts are), with a subheading and a credit line
# set on lines of their own and no blank line around them.
SENTENCE_PER_LINE = """“It’s a done deal”: Council votes to close the harbour road

This report was originally published by Ann Writer at Example News
The council voted on Tuesday to close the harbour road for a year.
Residents said they had not been consulted.
Shops on the road fear for their trade.
–Example News
Mayor Tom Reed said the works could not wait, and that the road would reopen in spring.

'No consultation'
A petition against the closure has 2,000 signatures.
Its organiser, Fr. John Hale, said the vote was rushed.
"""


def test_lines_that_end_nothing_stand_alone_where_each_line_ends_a_sentence():
    article = _extract(SENTENCE_PER_LINE)
    assert article.metadata.title == "“It’s a done deal”: Council votes to close the harbour road"
    assert [b.reason for b in article.removed] == ["republication notice"]
    paragraphs = [article.text[p.start : p.end] for p in article.paragraphs]
    assert paragraphs == [
        "The council voted on Tuesday to close the harbour road for a year. Residents said they had not been"
        " consulted. Shops on the road fear for their trade.",
        "–Example News",
        "Mayor Tom Reed said the works could not wait, and that the road would reopen in spring.",
        "'No consultation'",
        "A petition against the closure has 2,000 signatures. Its organiser, Fr. John Hale, said the vote was rushed.",
    ]


def test_a_list_in_a_sentence_per_line_text_keeps_its_items_one_a_line():
    raw = (
        "Haig held a news conference on Friday.\nThey gave the following timeline:\n"
        "• Paddock first approached Haig's table at a gun show.\n"
        "• In September, Paddock arrived at Haig's home, according to can.\n1405 of the code.\n"
        "He said the rounds were in their original packaging.\nHe did not comment further.\n"
    )
    article = _extract("Seller speaks out\n\n" + raw)
    paragraphs = [article.text[p.start : p.end] for p in article.paragraphs]
    assert paragraphs == [
        "Haig held a news conference on Friday. They gave the following timeline:",
        "• Paddock first approached Haig's table at a gun show.\n"
        "• In September, Paddock arrived at Haig's home, according to can. 1405 of the code.",
        "He said the rounds were in their original packaging. He did not comment further.",
    ]


def test_hard_wrapped_lines_are_joined_even_before_a_capital():
    raw = (
        "The council voted on Tuesday to close the harbour road for a year, and\n"
        "Mayor Tom Reed said the works could not wait any longer for the money that\n"
        "Parliament had promised the town in the spring budget of the year before.\n"
    )
    article = _extract("Harbour road to close\n\n" + raw)
    assert article.text == " ".join(raw.split())


POLL_FORM = """Harbour road to close for a year
The council voted on Tuesday to close the harbour road.
Residents said they had not been consulted: take our poll - story continues below Should the road stay open?
Should the road stay open?
* Yes, shops need it.
No, the works cannot wait.
Email *
Email This field is for validation purposes and should be left unchanged.
Completing this poll grants you access to Example News updates free of charge.
You may opt out at anytime.
You also agree to this site's Privacy Policy and Terms of Use.
Mayor Tom Reed said the works could not wait.
Do you agree with the closure?
Yes No
Completing this poll entitles you to Example News updates free of charge.
You may opt out at anytime.
A petition against the closure has 2,000 signatures.
"""


def test_poll_forms_are_removed_with_their_questions_answers_and_consent_lines():
    article = _extract(POLL_FORM)
    assert [b.reason for b in article.removed] == ["poll widget", "poll widget"]
    assert article.removed[0].text.startswith("take our poll") and article.removed[0].text.endswith("Terms of Use.")
    for gone in ("poll", "Should the road", "Yes, shops", "Email", "opt out", "free of charge"):
        assert gone not in article.text
    assert "Residents said they had not been consulted:" in article.text
    assert "Mayor Tom Reed said the works could not wait." in article.text
    assert article.text.endswith("A petition against the closure has 2,000 signatures.")


def test_a_poll_form_before_the_headline_is_no_title():
    form = POLL_FORM.split("\n", 2)[2].split("Mayor")[0].split(": ", 1)[1]
    article = _extract(form + "Harbour road to close for a year\n\nThe council voted on Tuesday to close the road.\n")
    assert article.metadata.title == "Harbour road to close for a year"
    assert [b.reason for b in article.removed] == ["poll widget"]


def test_a_shops_price_box_set_into_the_text_is_removed_and_the_sentences_around_it_kept():
    raw = (
        "Assange is still in the embassy\n\n"
        "He asked the audience to stand with Julian. Thank you.” No Place to Hide: Edwa... Glenn Greenwald Best Price: "
        "$1.49 Buy New $3.70 (as of 06:30 EDT - Details)\n"
        "Rob Pincus Best Price: $2.00 Buy New $17.99 (as of 03:35 EDT - Details) He launched the site months earlier.\n"
        "The WikiLeaks Files: T... WikiLeaks Best Price: $2.75 Buy New $7.00 (as of 12:00 EDT - Details)\n"
        "Celestron NexStar 90SL... Buy New $309.95 (as of 04:50 EDT - Details)\n"
        "The best price for freedom is vigilance, he said.\n\n"
        "He was given asylum.\n"
    )
    article = _extract(raw)
    assert [b.reason for b in article.removed] == ["advertisement"] * 4
    assert not any(gone in article.text for gone in ("Best Price:", "Buy New", "Greenwald", "Pincus"))
    # the paragraph the boxes stood in stays one, so a pronoun after a box does not open a paragraph
    assert article.text == (
        "He asked the audience to stand with Julian. Thank you.” He launched the site months earlier. "
        "The best price for freedom is vigilance, he said.\n\nHe was given asylum."
    )
    assert len(article.paragraphs) == 2
    assert {block.position for block in article.removed} == {article.paragraphs[1].start}


def test_a_newsletters_sign_up_form_set_into_the_text_is_removed_with_its_pitch():
    raw = (
        "Gun group backs red flag laws\n\n"
        "The group cited the shooting in Parkland, Florida.\n"
        "The most reliable politics newsletter.\n"
        "Sign up for POLITICO Playbook and get the latest news, every morning — in your inbox.\n"
        "Email Sign Up By signing up you agree to receive email newsletters or alerts from POLITICO.\n"
        "You can unsubscribe at any time.\n"
        "The group also passed a resolution.\n"
    )
    article = _extract(raw)
    assert [b.reason for b in article.removed] == ["newsletter sign-up"]
    assert article.removed[0].text.startswith("The most reliable") and article.removed[0].text.endswith("any time.")
    assert article.text == "The group cited the shooting in Parkland, Florida. The group also passed a resolution."


@pytest.mark.parametrize(
    "raw", [WIRE, BLOG, NEWSLETTER, REPUBLISHER, NEWSLETTER_POST, AP_PRESS, SENTENCE_PER_LINE, POLL_FORM]
)
def test_offsets_and_no_markup(raw):
    article = _extract(raw)
    assert "**" not in article.text and "](" not in article.text
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end].strip()
