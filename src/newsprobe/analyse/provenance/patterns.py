"""Phrase patterns the provenance analyser looks for: data, not logic.

Every notice pattern is matched against one line at a time (of ``article.text`` or of a removed
boilerplate block), anchored at the line start, and captures the outlet as ``name``.

``strong`` notices name the origin outright, so any name is kept (it stays a name when the outlet
table does not know it). ``weak`` cues (bylines, copyright, "Source:", "via") are kept only when the
name resolves to an outlet in the table or is a domain, so "By John Smith" or "© John Smith" never
become an origin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

NoticeKind = Literal["republication_notice", "source_line", "via", "copyright", "byline", "wire_credit", "dateline"]

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_THING = r"(?:article|story|post|piece|essay|report|op-?ed|column|commentary|interview|analysis|text|item|content)"
_LEAD = r"^[\s*_>\-–—•(\[]*"  # markdown/bullet/dash/bracket debris before a notice


@dataclass(frozen=True)
class NoticePattern:
    kind: NoticeKind
    strength: Literal["strong", "weak"]
    regex: re.Pattern[str]


def _p(kind: NoticeKind, strength: Literal["strong", "weak"], body: str) -> NoticePattern:
    return NoticePattern(kind, strength, re.compile(_LEAD + body, re.IGNORECASE))


NOTICE_PATTERNS: tuple[NoticePattern, ...] = (
    _p("republication_notice", "strong", rf"the original source of this {_THING} is:?\s+(?P<name>.+)"),
    _p(
        "republication_notice",
        "strong",
        rf"(?:the )?original (?:source|{_THING})(?: (?:is|was))?(?: (?:at|on|from))?:\s*(?P<name>.+)",
    ),
    _p(
        "republication_notice",
        "strong",
        rf"(?:this|the above|the following|this {_THING} \w+|an? (?:earlier )?version of this) ?(?:{_THING} )?"
        rf"(?:was |is |has been |had been )?(?:originally |first )(?:published|posted|appeared|ran|printed|run)"
        rf"(?: (?:on|in|at|by|with|from))?:?\s+(?P<name>.+)",
    ),
    _p(
        "republication_notice",
        "strong",
        r"(?:originally|first) (?:published|posted|appeared|ran|printed)"
        r"(?: (?:on|in|at|by|with|from))?:?\s+(?P<name>.+)",
    ),
    _p(
        "republication_notice",
        "strong",
        r"(?:this (?:\w+ )?(?:is|was|has been) )?(?:re-?published|reprinted|re-?posted|cross-?posted|syndicated)"
        r"(?: here)?(?: with (?:the )?(?:kind |express )?permission)?"
        r"(?: (?:from|by|of|on|courtesy of))?:?\s+(?P<name>.+)",
    ),
    _p(
        "republication_notice",
        "strong",
        rf"(?:this )?(?:{_THING} )?(?:appears|is shared|is published) courtesy of\s+(?P<name>.+)",
    ),
    _p("republication_notice", "strong", r"courtesy(?: of)?:?\s+(?P<name>.+)"),
    _p(
        "republication_notice",
        "strong",
        rf"(?:read|see|view) (?:the|this) original(?: {_THING})?(?: (?:on|at|in))?:?\s+(?P<name>.+)",
    ),
    _p("source_line", "weak", r"(?:article |story |news )?source:\s*(?P<name>.+)"),
    _p("via", "weak", r"(?:h/t |hat tip )?via:?\s+(?P<name>.+)"),
    _p(
        "copyright",
        "weak",
        r"(?:copyright|\(c\)|©)(?:\s*(?:©|\(c\)))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?(?P<name>.+)",
    ),
    _p("byline", "weak", r"(?:all )?(?:articles?|posts?|stories|written|reporting) by:?\s+(?P<name>.+)"),
    _p("byline", "weak", r"by:?\s+(?P<name>.+)"),
)

# A caption or credit line mentions a source of a picture, not of the article.
CAPTION_PREFIX = re.compile(
    r"^[\s*_(\[]*(?:featured image|image|photo|photograph|picture|pic|video|illustration|graphic|chart|map|"
    r"cover|header image|top image|credit|photo credit|image credit|screenshot)\b",
    re.IGNORECASE,
)

# Wire services: a dateline credit ("MOSCOW (TASS) -") names the agency, the outlet table resolves it.
# WIRE_DOMAINS also makes a plain notice or copyright line a wire credit; state-controlled agencies
# (TASS, Xinhua, RIA, Sputnik) are left out there, so "Republished from Sputnik" stays a republication.
WIRE_NAMES = (
    r"Reuters|Thomson Reuters|AP|The Associated Press|Associated Press|AFP|Agence France[- ]Presse|UPI|"
    r"Bloomberg|dpa|DPA|EFE|ANSA|Kyodo|Yonhap|Xinhua|TASS|ITAR-TASS|Interfax|RIA Novosti|Sputnik|"
    r"PTI|Press Trust of India|IANS|ANI|Anadolu(?: Agency)?|PA|Press Association|CNA|Bernama|Antara"
)
WIRE_DOMAINS = frozenset(
    {
        "reuters.com",
        "apnews.com",
        "ap.org",
        "afp.com",
        "upi.com",
        "bloomberg.com",
        "dpa.com",
        "efe.com",
        "ansa.it",
        "kyodonews.net",
        "yna.co.kr",
        "interfax.ru",
        "ptinews.com",
        "ianslive.in",
        "aninews.in",
        "aa.com.tr",
        "pa.media",
        "bernama.com",
        "antaranews.com",
    }
)

WIRE_PATTERNS: tuple[re.Pattern[str], ...] = (
    # "MOSCOW (Reuters) -", "(AP) —", "WASHINGTON, June 3 (Reuters) -"
    re.compile(
        rf"^[\s*_]*(?P<dateline>[A-Z][A-Za-z .,'’/-]{{1,60}}?)?,?\s*(?:{_MONTHS}\s+\d{{1,2}},?\s*)?"
        rf"\((?P<name>{WIRE_NAMES})\)\s*[-–—:]"
    ),
    # "The Associated Press contributed to this report."
    re.compile(
        rf"(?P<name>{WIRE_NAMES}) contributed(?: to)?(?: this (?:report|story|article)| reporting)", re.IGNORECASE
    ),
    # "— Reuters" / "-AFP" as the last line
    re.compile(rf"^[\s]*[-–—]\s*(?P<name>{WIRE_NAMES})\s*\.?$"),
)

# "Global Research, June 28, 2017" — a site dateline under the headline names the host.
SITE_DATELINE = re.compile(rf"^\s*(?P<name>[A-Z][\w .&'’-]{{1,60}}?),\s+{_MONTHS}\s+\d{{1,2}},\s+\d{{4}}\s*$")

# Where a captured name stops: dates, licences, sentence ends, lists of further text.
NAME_STOPS = re.compile(
    rf"(?:\s+(?:on|in|at)\s+(?:{_MONTHS}|\d)|,\s*(?:{_MONTHS}|\d)|\s+under\s|\s+and\s+(?:is|are|was|has|have)\s"
    rf"|\s+(?:(?:nearly|almost|about|over|some|more than)\s+)?\d+\s+(?:years?|months?|weeks?|days?|hours?)\b"
    rf"|\s+(?:yesterday|today|earlier|last (?:week|month|year)|this (?:week|month|year))\b|…|\.\.\."
    rf"|\s+(?:with|by)\s+permission|\.\s|\.$|[,;|]|\s[-–—]\s|\s\(|\s+all rights reserved|\s+\d{{4}}\b)",
    re.IGNORECASE,
)
# Contact addresses and bare site URLs in boilerplate (footers, disclaimers) name the host.
FOOTER_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
FOOTER_URL = re.compile(r"(?<![\w./@-])www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
WEBMAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "yahoo.com",
        "hotmail.com",
        "outlook.com",
        "protonmail.com",
        "proton.me",
        "aol.com",
        "icloud.com",
        "mail.ru",
        "yandex.ru",
        "gmx.de",
        "web.de",
    }
)
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
URL_IN_NAME = re.compile(r"(?:https?://|www\.)[^\s)\]>\"']+", re.IGNORECASE)

# Captured names that are no outlet.
NOT_OUTLETS = frozenset(
    {
        "author",
        "the author",
        "authors",
        "the authors",
        "writer",
        "the writer",
        "editor",
        "the editor",
        "staff",
        "our staff",
        "this site",
        "this website",
        "our website",
        "our site",
        "here",
        "link",
        "this link",
        "original",
        "the original",
        "unknown",
        "anonymous",
        "internet",
        "the internet",
        "web",
        "the web",
        "social media",
        "twitter",
        "facebook",
        "youtube",
        "telegram",
        "e-mail",
        "email",
    }
)
MAX_NAME_WORDS = 8

# "Tyler Durden at Zero Hedge", "Jane Doe for The Conversation": the outlet is the part after the last of these.
PERSON_AT_OUTLET = re.compile(r"\s+(?:at|for|of|from|on)\s+(?=\S)", re.IGNORECASE)

# Words an outlet's domain may leave out of its name ('BBC News' on bbc.com, 'The Verge' on verge.com).
GENERIC_OUTLET_WORDS = frozenset({"the", "news", "online", "media", "com"})
