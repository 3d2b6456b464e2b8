"""Boilerplate and header vocabularies, kept apart from the logic that applies them.

Each boilerplate rule is (reason, regex). A paragraph (or a line of a multi-line block) is
boilerplate when a rule matches it; matching is case-insensitive and anchored where it says.
"""

from __future__ import annotations

import re

WIRE_AGENCIES = r"Reuters|AP|AFP|UPI|Bloomberg|dpa|Xinhua|TASS|Interfax|RIA Novosti|Sputnik|ANI|PTI|IANS"
# "[REACTION]", "[VIDEO]" closing a linked headline (Express-style teaser lists).
TEASER_TAG = (
    r"\[(?:reaction|insight|video|poll|latest|reveal|revealed|analysis|comment|explained|pictures|photos|live|update"
    r"|map|quiz|interview|opinion|report|survey)\]\W*$"
)
# A dateline standing alone as a paragraph: "NEW YORK (Reuters) -", "HAYWARD, Calif. (AP) —".
WIRE_DATELINE_ALONE = rf"^(?-i:[A-Z][A-Za-z .,'’-]{{1,60}})\((?:{WIRE_AGENCIES})\)\s*[-–—]*$"
# A caption ends with a picture agency's credit: "... (AP Photo/Evan Vucci)", "... Photo: Getty Images".
CAPTION_CREDIT = (
    r"(?:\((?:AP|AFP|Reuters|Getty|EPA|Shutterstock|Photo|Image|Picture)\b[^()]{0,60}\)"
    r"|\b(?:photo(?:graph)?|image|picture)\s*:\s*[^.]{0,60}(?:getty images|shutterstock|/ap|/afp|/reuters|/epa)"
    r"|\b(?:getty images|ap photo|afp via getty images))\s*$"
)
NEWSLETTER_SIGN_UP = (
    r"\b(?:subscribe to|sign up (?:for|to))\b.{0,80}\bnewsletters?\b|\bnewsletters?\b.{0,40}\binbox\b"
    r"|\b(?:in|on) your inbox\b|^thanks for signing up\b|\berror processing your subscription\b"
)
CONTACT_LINE = r"^have a (?:news )?tip\b|\bmay be reached at\b"
QUOTED_KICKER_HEADLINE = r"^['‘\"“][^\n]{2,60}?['’\"”]:\s+[^\n]{10,150}[\w%)]$"
# A poll form set into an article (75 of the SemEval texts): its call, the question, the answers, the form's fields and
# its consent lines, ending "Completing this poll grants you access to <site> updates free of charge. You may opt out
# at anytime. You also agree to this site's Privacy Policy and Terms of Use."; only the call when no such end follows,
# only the consent lines when no call comes before them.
_POLL_CONSENT = (
    r"\bcompleting this poll (?:grants you access to|entitles you to) .{0,80}?\bfree of charge\."
    r"(?:\s*you may opt out at ?any ?time\.)?"
    r"(?:\s*you also agree to (?:this site['’]s|our) privacy policy and terms of use\.)?"
    r"(?:\s*this field is for validation purposes and should be left unchanged\.)?"
)
POLL_WIDGET = rf"take our poll\W+story continues below\b(?:.{{0,1500}}?{_POLL_CONSENT})?|{_POLL_CONSENT}"

# A shop's price box set into the text, as LewRockwell.com's book boxes come out in its text: "No Place to Hide: Edwa...
# Glenn Greenwald Best Price: $1.49 Buy New $3.70 (as of 06:30 EDT - Details)". The title is cut after 22 characters,
# or the box (a short title and its author) opens a line or follows a sentence's end.
PRICE_WIDGET = (
    r"(?:[^\n]{22}\.\.\.(?: [^\n!?]{1,40}?)?|(?:^|(?<=[.!?] )|(?<=[.!?][”\"’)] ))[^\n.!?…]{1,60}?)"
    r" (?:Best Price: \$[\d.,]+(?: Buy New \$[\d.,]+)?|Buy New \$[\d.,]+) \(as of [^)\n]{1,30}- Details\)"
)

# A newsletter's sign-up form set into the text, as POLITICO's come out in the SemEval texts: "The most reliable
# politics newsletter. Sign up for POLITICO Playbook and get the latest news, every morning — in your inbox. Email Sign
# Up By signing up you agree to receive email newsletters or alerts from POLITICO. You can unsubscribe at any time."
NEWSLETTER_WIDGET = (
    r"(?:(?:^|(?<=[.!?] ))[^\n.!?]{0,120}\b(?:newsletter|in your inbox)\.\s+){0,2}"
    r"(?:email )?sign up:? by signing up,? you agree to [^\n.]{0,120}\.(?:\s+you can unsubscribe at any time\.)?"
)

BOILERPLATE_RULES: list[tuple[str, str]] = [
    ("republication notice", r"^(?:the )?original source of this article is\b"),
    (
        "republication notice",
        r"^this (?:article|story|piece|post|report) (?:was |is )?(?:originally|first) (?:published|appeared)\b",
    ),
    ("republication notice", r"^(?:originally|first) (?:published|appeared) (?:on|at|in|by)\b"),
    ("republication notice", r"^(?:this (?:article|story) is )?republished (?:from|with permission)\b"),
    ("republication notice", r"^(?:this (?:article|story) )?(?:was )?reprinted (?:from|with permission)\b"),
    ("republication notice", r"^(?:source|via)\s*:\s*\S.{0,80}$"),
    ("copyright", r"^(?:copyright\b|©|\(c\)\s*\d{4}|all rights reserved)"),
    ("copyright", r"\ball rights reserved\.?$"),
    ("disclaimer", r"^disclaimer\b"),
    ("disclaimer", r"^the (?:views|opinions)(?: and opinions)? expressed (?:in this|here|herein)"),
    ("disclaimer", r"\bdo(?:es)? not necessarily reflect the (?:views|official policy|position)"),
    ("fair use", r"\bfair use\b"),
    ("fair use", r"\bcontains copyrighted material\b"),
    ("membership appeal", r"^become a (?:member|patron|supporter|subscriber)\b"),
    ("membership appeal", r"^(?:please )?(?:support|donate to|help fund|help support) (?:us|our|independent|this)\b"),
    ("membership appeal", r"^(?:donate|subscribe|sign up|join us|join our)\b.{0,120}$"),
    (
        "membership appeal",
        r"\b(?:make a donation|donate today|donate now|become a patron|support our (?:work|journalism))\b",
    ),
    ("membership appeal", r"^(?:click here to )?(?:subscribe|sign up) (?:to|for) (?:our|the)\b"),
    ("social appeal", r"^(?:comment on|follow us on|like us on|join us on|find us on|share (?:this|on)|share:)\b"),
    (
        "social appeal",
        r"\bon (?:our )?(?:facebook|twitter|telegram|instagram|youtube) (?:page|channel|account)\b.{0,40}$",
    ),
    (
        "share links",
        r"^(?:(?:share|tweet|email|print|facebook|twitter|linkedin|reddit|whatsapp|telegram|pinterest)\W*){2,}$",
    ),
    ("share links", r"^share this(?: article| story| post)?:?$"),
    ("media inquiries", r"^(?:for )?(?:media|press) (?:inquiries|enquiries|contact)\b"),
    ("author links", r"^(?:articles|more articles|posts|more) by\s*:?\s*\S.{0,80}$"),
    ("image credit", r"^(?:featured|top|header|lead|cover) (?:image|photo|picture)\s*[:(]"),
    (
        "image credit",
        r"^(?:(?:main|top|header|lead|cover|featured) )?(?:image|photo|picture) (?:credit|source|courtesy)\s*:",
    ),
    (
        "newsletter chrome",
        r"^(?:view this email in your browser|unsubscribe\b|update your preferences"
        r"|forward (?:this email )?to a friend|you are receiving this (?:email|newsletter))",
    ),
    ("newsletter chrome", r"^(?:was this (?:email|newsletter) forwarded to you|if you were forwarded this)\b"),
    (
        "related links",
        r"^(?:related(?: articles| stories| posts)?|read more|see also|recommended|you may also like|more from)"
        r"\s*:?\s*.{0,120}$",
    ),
    ("wire footer", r"^\(?(?:reporting|additional reporting|writing|editing) by\b"),
    ("wire footer", r"^our standards\s*:"),
    ("membership appeal", r"^thanks for reading\b"),
    ("share links", r"^(?:share|tweet|email|print)$"),
    ("reading time", r"^\d+\s*min(?:ute)?s?\s*read$"),
    (
        "blog chrome",
        r"^(?:like this|loading\.\.\.|leave a (?:comment|reply)|\d+ comments?|tags?\s*:|filed under\s*:|posted in\s*:)",
    ),
    ("blog chrome", r"^comments?$"),
    # Teasers: links to other stories set into the body ("SEE MORE: ...", "Also on rt.com ...", "... [REACTION]").
    ("teaser", r"^(?:see more|read more|read also|read next|more|also|watch|watch more|related|trending)\s*:"),
    ("teaser", r"^also on [\w-]+(?:\.[\w-]+)+\b"),
    ("teaser", r"^(?:don['’]t miss|must see|most read|popular on|more from|top stories|editor['’]?s picks)\b.{0,60}$"),
    ("teaser", TEASER_TAG),
    ("teaser", r"^\[(?:related|read more|see also|watch|video|more)\s*:.*\]$"),
    ("teaser", r"^[-–•]?\s*see it now\s*:"),
    # A headline with a quoted kicker, set into the body as a link to another story: "'Meth. We're On It.': South
    # Dakota spends $449K on new anti-meth ad campaign". Prose does not end without punctuation.
    ("teaser", QUOTED_KICKER_HEADLINE),
    ("call to action", r"\bclick(?:ing)? here\b"),
    ("call to action", r"^click (?:for|to)\b"),
    ("newsletter sign-up", NEWSLETTER_SIGN_UP),
    ("newsletter sign-up", r"^[\w'’ -]{2,40} newsletter$"),
    (
        "social appeal",
        r"^(?:follow|listen to|watch)\b.{0,100}\b(?:twitter|facebook|instagram|youtube|tiktok|linkedin|live at)\b",
    ),
    ("contact line", CONTACT_LINE),
    ("affiliate disclosure", r"\bmay (?:get|earn|receive) a (?:share|commission|small commission)\b"),
    ("byline", r"^by\s+(?-i:[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von)){0,5})$"),
    ("byline", r"\bcontributed (?:reporting|to this (?:report|story|article))\b"),
    ("byline", r"^with (?:\w+ )?wires?$"),
    ("dateline", WIRE_DATELINE_ALONE),
    (
        "dateline",
        r"^(?:updated|posted|published|last updated)(?: at| on)?\s*:?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?.{0,40}$",
    ),
    ("caption", r"^\((?:graphic|chart|video|photo|image|map|pictured)s?\s*:.{0,150}\)$"),
    ("caption", CAPTION_CREDIT),
    ("separator", r"^[_=~*•·–—-](?:\s*[_=~*•·–—-]){2,}$"),
    ("reader appeal", r"^tell us what you think\W*$"),
    (
        "advertisement",
        r"^(?:advertisement|(?:take our poll\W+)?(?:the )?story continues below(?: (?:this )?advertisement)?)$",
    ),
    ("poll widget", rf"^{_POLL_CONSENT}$"),  # a page's poll form, its consent lines a paragraph of their own
    # a WordPress shortcode the page printed instead of rendering: "[button link=…] Send us YOUR kit review[/button]"
    ("page markup", r"^\[(?P<tag>[a-z_]+)\b[^\]]*\].{0,200}\[/(?P=tag)\]$"),
]

_SOCIAL_SITES = r"(?:twitter|x|facebook|instagram|threads|bluesky|mastodon|linkedin|tiktok|youtube)"
_MEDIA_ROLES = r"(?:curator|editor|writer|reporter|correspondent|columnist|contributor|critic|journalist|producer)s?"
_PERSON_NAME = r"(?-i:(?:(?:Mr|Ms|Mrs|Dr)\. )?[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3})"

# Only in the article's last paragraphs, where a site puts what is about its author or itself; in the body the same
# words can be the story ("Smith is the Post's editor", "follow him on Twitter" said of a candidate).
CLOSING_RULES: list[tuple[str, str]] = [
    (
        "social appeal",
        rf"(?:^|[.!?][\"”’]?\s+)follow (?:him|her|them|me|us)\s+on\s+{_SOCIAL_SITES}\b[^.!?]{{0,80}}[.!?]?"
        rf"(?:\s+follow\b[^.!?]{{0,80}}[.!?]?)*$",
    ),
    ("author note", rf"^{_PERSON_NAME} (?:is|was) (?:a |an |the )?(?:[\w&'’.-]+ ){{0,4}}{_MEDIA_ROLES}\b"),
    ("promotion", r"^get (?:access to|the (?:day|week)['’]s|unlimited access|exclusive access|\d+% off)\b"),
    ("reader appeal", r"\bwe['’]d (?:like|love) to hear (?:what you think|from you)\b"),
    (
        "comment policy",
        r"\bcomments? (?:are|will be) (?:moderated|reviewed|closed)\b|\bcoment[aá]rios\b.{0,120}\bmoderador",
    ),
]
CLOSING_PARAGRAPHS = 3

COMPILED_RULES: list[tuple[str, re.Pattern[str]]] = [
    (reason, re.compile(pattern, re.IGNORECASE)) for reason, pattern in BOILERPLATE_RULES
]
COMPILED_CLOSING_RULES: list[tuple[str, re.Pattern[str]]] = [
    (reason, re.compile(pattern, re.IGNORECASE)) for reason, pattern in CLOSING_RULES
]

# A rule not anchored at the paragraph's start is tried at every position, which is slow on long body text. So each
# such rule names key strings, at least one of which (lowercase) is in every text it matches: body text without any
# of them skips those rules. A new rule without "^" at its start needs an entry here (tests/foundation enforce it).
FLOATING_RULE_KEYS: dict[str, tuple[str, ...]] = {
    r"\ball rights reserved\.?$": ("all rights reserved",),
    r"\bdo(?:es)? not necessarily reflect the (?:views|official policy|position)": ("not necessarily reflect the ",),
    r"\bfair use\b": ("fair use",),
    r"\bcontains copyrighted material\b": ("contains copyrighted material",),
    r"\b(?:make a donation|donate today|donate now|become a patron|support our (?:work|journalism))\b": (
        "make a donation",
        "donate today",
        "donate now",
        "become a patron",
        "support our ",
    ),
    r"\bon (?:our )?(?:facebook|twitter|telegram|instagram|youtube) (?:page|channel|account)\b.{0,40}$": (
        "facebook",
        "twitter",
        "telegram",
        "instagram",
        "youtube",
    ),
    TEASER_TAG: ("[",),
    r"\bclick(?:ing)? here\b": ("click",),
    NEWSLETTER_SIGN_UP: ("newsletter", "your inbox", "thanks for signing up", "error processing your subscription"),
    CONTACT_LINE: ("have a ", "may be reached at"),
    r"\bmay (?:get|earn|receive) a (?:share|commission|small commission)\b": ("a share", "commission"),
    r"\bcontributed (?:reporting|to this (?:report|story|article))\b": ("contributed ",),
    CAPTION_CREDIT: (
        "(ap",
        "(afp",
        "(reuters",
        "(getty",
        "(epa",
        "(photo",
        "(image",
        "(picture",
        "getty images",
        "shutterstock",
        "/ap",
        "/afp",
        "/reuters",
        "/epa",
        "ap photo",
    ),
}

# A "related links" or "source:" line is only boilerplate when short; long paragraphs are body text.
MAX_BOILERPLATE_WORDS = {
    "related links": 25,
    "republication notice": 60,
    "author links": 15,
    "copyright": 40,
    "social appeal": 40,
    "share links": 15,
    "blog chrome": 15,
    "wire footer": 40,
    "image credit": 60,
    "membership appeal": 60,
    "reading time": 4,
    "teaser": 40,
    "call to action": 30,
    "newsletter sign-up": 40,
    "contact line": 40,
    "affiliate disclosure": 60,
    "byline": 20,
    "dateline": 12,
    "caption": 60,
    "separator": 15,
    "reader appeal": 60,
    "advertisement": 8,
    "poll widget": 60,
    "page markup": 40,
    "author note": 60,
    "promotion": 60,
    "comment policy": 60,
}

WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun".split()
)

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
DATE_TEXT = (
    rf"(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{MONTHS})\.?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)

BYLINE = re.compile(r"^by\s+(?P<name>[^\n]{2,120}?)\s*(?:[|,–—-]\s*(?P<rest>.*))?$", re.IGNORECASE)
DATELINE = re.compile(
    rf"^(?:(?P<site>[A-Z][^\n,]{{1,60}}),\s+)?(?P<date>{DATE_TEXT})(?:\s*[|,]\s*(?P<time>\d{{1,2}}:\d{{2}}.*))?$",
    re.IGNORECASE,
)
POSTED = re.compile(
    rf"^(?:posted|published|updated|last updated)(?: on)?\s*:?\s*(?P<date>{DATE_TEXT})(?:\s+by\s+(?P<name>.+))?$",
    re.IGNORECASE,
)
TAG_LINE = re.compile(r"^(?P<label>[A-Z][A-Za-z-]*(?: [A-Za-z-]+){0,2})\s*:\s*(?P<values>\S.*)$")
TAG_LABELS = frozenset(
    {
        "region",
        "regions",
        "theme",
        "themes",
        "in-depth report",
        "topic",
        "topics",
        "tag",
        "tags",
        "category",
        "categories",
        "section",
        "sections",
        "filed under",
        "keywords",
        "subject",
        "subjects",
        "country",
        "countries",
    }
)
WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .,'-]{1,40}?)\s*(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2}\s*)?"
    rf"\((?P<agency>{WIRE_AGENCIES})\)"
    r"\s*[-–—]+\s*"
)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
BARE_SITE = re.compile(r"\b(?:https?://)?(?:www\.)[\w-]+(?:\.[\w-]+)+\b", re.IGNORECASE)
