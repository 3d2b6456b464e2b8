"""Cues for the article's genre: URL path segments, section names, schema.org types, title kickers
and English word lists. Each cue names a genre and a weight: 3 = the page says so outright (an
"Opinion |" kicker, an OpinionNewsArticle type), 2 = a strong hint (an /opinion/ path), 1 = a weak one.
"""

from __future__ import annotations

import re

from ..document import GenreLabel

# URL path segments (lower-case, whole segments).
PATH_SEGMENTS: dict[str, tuple[GenreLabel, int]] = {
    **dict.fromkeys(
        (
            "opinion",
            "opinions",
            "commentisfree",
            "comment",
            "commentary",
            "columnists",
            "columnist",
            "columns",
            "column",
            "editorial",
            "editorials",
            "op-ed",
            "oped",
            "op-eds",
            "letters",
            "views",
            "viewpoint",
            "viewpoints",
            "perspective",
            "perspectives",
            "voices",
            # other languages: pt, es, fr, de, it, nl, id
            "opiniao",
            "opinion-es",
            "opinions-fr",
            "tribune",
            "tribunes",
            "meinung",
            "kommentar",
            "kommentare",
            "opinioni",
            "editoriale",
            "columnas",
            "opinie",
            "opini",
        ),
        ("opinion", 2),
    ),
    **dict.fromkeys(("review", "reviews"), ("opinion", 2)),
    **dict.fromkeys(
        (
            "analysis",
            "news-analysis",
            "explainer",
            "explainers",
            "explained",
            "fact-check",
            "fact-checks",
            "factcheck",
            "factchecks",
            "fact-checker",
            "reality-check",
        ),
        ("analysis", 2),
    ),
    **dict.fromkeys(
        (
            "recipe",
            "recipes",
            "deals",
            "shopping",
            "coupons",
            "sponsored",
            "sponsor-content",
            "partner-content",
            "advertorial",
            "brandvoice",
            "press-release",
            "press-releases",
            "pressreleases",
            "horoscopes",
            "horoscope",
            "puzzles",
            "crosswords",
        ),
        ("other", 2),
    ),
    **dict.fromkeys(("blog", "blogs"), ("other", 1)),
    **dict.fromkeys(
        ("news", "noticias", "noticia", "nachrichten", "actualite", "actualites", "notizie", "nieuws", "berita"),
        ("news", 1),
    ),
}

# A word in the URL's last segment (the slug), e.g. '...-pc-review/'.
SLUG_WORDS: dict[str, tuple[GenreLabel, int]] = {
    "review": ("opinion", 1),
    "editorial": ("opinion", 1),
    "recipe": ("other", 1),
}

# The site's own section (JSON-LD articleSection, article:section, categories), matched as words.
SECTIONS: list[tuple[re.Pattern[str], GenreLabel, int]] = [
    (
        re.compile(
            r"\b(?:opinions?|comment(?:ary)?|editorials?|columns?|columnists?|op-?eds?|letters|viewpoints?)\b",
            re.IGNORECASE,
        ),
        "opinion",
        2,
    ),
    (re.compile(r"\breviews?\b", re.IGNORECASE), "opinion", 2),
    (re.compile(r"\b(?:analysis|fact[- ]?checks?|explainers?)\b", re.IGNORECASE), "analysis", 2),
    (
        re.compile(r"\b(?:recipes?|sponsored|press releases?|deals|partner content|advertorial)\b", re.IGNORECASE),
        "other",
        2,
    ),
    (re.compile(r"\b(?:news|world|politics|u\.s\.|national|local|crime)\b", re.IGNORECASE), "news", 1),
]

# schema.org types in JSON-LD that name the kind of article.
SCHEMA_TYPES: dict[str, tuple[GenreLabel, int]] = {
    "OpinionNewsArticle": ("opinion", 3),
    "ReviewNewsArticle": ("opinion", 3),
    "CriticReview": ("opinion", 3),
    "Review": ("opinion", 2),
    "AnalysisNewsArticle": ("analysis", 3),
    "BackgroundNewsArticle": ("analysis", 3),
    "ClaimReview": ("analysis", 3),
    "ReportageNewsArticle": ("news", 3),
    "NewsArticle": ("news", 1),
    "Recipe": ("other", 3),
    "SatiricalArticle": ("other", 3),
    "AdvertiserContentArticle": ("other", 3),
    "HowTo": ("other", 2),
    "BlogPosting": ("other", 1),
}

# Kickers and tell-tale words in the title.
TITLE_CUES: list[tuple[re.Pattern[str], GenreLabel, int]] = [
    (
        re.compile(
            r"^\s*(?:opinion|editorial|op-ed|column|commentary)\s*[:|]|\|\s*editorial\s*$|^the [\w ]{2,30} view on ",
            re.IGNORECASE,
        ),
        "opinion",
        3,
    ),
    (re.compile(r"\breview\s*(?:[:|–—-]|$)", re.IGNORECASE), "opinion", 2),
    (re.compile(r"^\s*(?:analysis|news analysis|explainer|fact[- ]check)\s*[:|]", re.IGNORECASE), "analysis", 3),
    (re.compile(r"^\s*(?:daily )?deals?\s*:|\brecipe\b|^best [\w ]+ of \d{4}\b", re.IGNORECASE), "other", 2),
    (re.compile(r"^\s*breaking(?: news)?\s*:", re.IGNORECASE), "news", 2),
]

# The closing lines of a press release.
PRESS_RELEASE = re.compile(
    r"\bfor more information,? (?:please )?visit\b|\b(?:media|press) contacts?:"
    r"|^about [A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3}$|^###$",
    re.MULTILINE | re.IGNORECASE,
)
# What a text needs (lowercased) for PRESS_RELEASE to match: one of the keys, or a line starting "about "
# (no key has an "i" or "s", which re.IGNORECASE matches in letters that lower() keeps apart: İ ı ſ)
PRESS_RELEASE_KEYS = ("for more ", "contact", "###")
PRESS_RELEASE_LINE_START = "about "

# Datelines: 'MADRID —', 'BUFFALO, N.Y. —', 'WASHINGTON (Reuters) -', 'NEW DELHI:'.
DATELINE = re.compile(
    r"^(?:\((?:AP|Reuters|AFP|UPI|dpa|PTI|IANS|Bloomberg)\)\s*[—–-]"
    r"|[A-Z][A-Z.'’-]{2,}(?:[ ,]+[A-Z][\w.'’-]*){0,5}\s*(?:\([A-Za-z. ]{2,20}\)\s*)?(?:[—–]|\s-\s|:\s))"
)
DATELINE_STOPWORDS = frozenset(
    {"UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "WATCH", "OPINION", "ANALYSIS", "EDITORIAL", "REVIEW", "NOTE"}
)

# Quoted speech is left out of the word counts: a quoted "I" is the speaker's, not the writer's. A quote
# that runs on into the next paragraph opens each paragraph without closing, so a paragraph end closes it.
QUOTED = re.compile(r"“[^”\n]{0,600}(?:”|(?=\n|$))|\"[^\"\n]{0,600}(?:\"|(?=\n|$))")
WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# Singular only: "we" and "our" are as often the inclusive we of science and news writing ("our universe").
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})
REPORTING = re.compile(r"\b(?:said|says|told|according to|announced|reported)\b")
