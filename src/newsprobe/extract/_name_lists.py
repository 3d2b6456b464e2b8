"""Word lists for outlet and author names (data only; the logic is in names.py)."""

from __future__ import annotations

import re

# Registered domains that serve pages for many outlets or blogs: the page belongs to its content
# owner, and the service is recorded as the host.
HOSTING_SERVICES = {
    "msn.com": "MSN",
    "yahoo.com": "Yahoo",
    "aol.com": "AOL",
    "newsbreak.com": "NewsBreak",
    "pressreader.com": "PressReader",
    "flipboard.com": "Flipboard",
    "blogspot.com": "Blogger",
    "wordpress.com": "WordPress.com",
    "medium.com": "Medium",
    "substack.com": "Substack",
    "tumblr.com": "Tumblr",
    "typepad.com": "Typepad",
    "livejournal.com": "LiveJournal",
    "wixsite.com": "Wix",
    "weebly.com": "Weebly",
    "ghost.io": "Ghost",
}

# Registered domains that serve one owner's content for other outlets: AP's hosted news pages
# (hosted.ap.org) carried member papers' branding, but the stories are the Associated Press's.
CONTENT_OWNER_HOSTS = {"ap.org": "The Associated Press"}

# Names of publishing software and hosting platforms that pages put where their own name belongs.
PLATFORM_NAMES = frozenset(
    {
        "blogger",
        "blogspot",
        "wordpress",
        "wordpress com",
        "wordpress org",
        "medium",
        "tumblr",
        "wix",
        "squarespace",
        "weebly",
        "ghost",
        "hubspot",
        "drupal",
        "joomla",
        "just another wordpress site",
        "my blog",
        "site name",
        "home",
        "homepage",
        "blog",
    }
)

# Section and desk names that sites put in og:site_name ("U.S." on Reuters pages): never an outlet.
SECTION_NAMES = frozenset(
    {
        "u s",
        "us",
        "uk",
        "world",
        "news",
        "latest news",
        "breaking news",
        "top news",
        "home",
        "opinion",
        "politics",
        "business",
        "markets",
        "economy",
        "sports",
        "sport",
        "tech",
        "technology",
        "science",
        "health",
        "entertainment",
        "lifestyle",
        "culture",
        "local",
        "national",
        "international",
        "editorial",
        "article",
        "articles",
        "blog",
        "video",
    }
)

# Author slots that hold no person.
PLACEHOLDER_AUTHORS = frozenset(
    {
        "admin",
        "administrator",
        "author",
        "authors",
        "editor",
        "editors",
        "editorial",
        "editorial board",
        "editorial team",
        "editorial staff",
        "staff",
        "staff writer",
        "staff reporter",
        "web desk",
        "news desk",
        "desk",
        "newsroom",
        "webmaster",
        "guest",
        "guest author",
        "guest post",
        "anonymous",
        "unknown",
        "team",
        "contributor",
        "contributors",
        "writer",
        "user",
        "root",
        "null",
        "none",
    }
)

# Words that make a credited name an organisation (a desk, a company, an outlet), not a person.
ORGANISATION_WORDS = re.compile(
    r"\b(?:news|media|press|bureau|services?|agency|agencies|desk|staff|team|network|group|inc|ltd|llc|"
    r"corp|corporation|company|publishing|publications?|publishers?|magazine|daily|weekly|times|post|journal|"
    r"herald|tribune|gazette|radio|tv|television|channel|online|digital|editorial|editors|newsroom|wires?|"
    r"associated|foundation|institute|university|ministry|department|office|council|committee|association|"
    r"society|club|blog|report|reports|newsletter|fact check|international|world|daily|studios?|labs?)\b",
    re.IGNORECASE,
)

# Media companies that stand in author fields of their own titles ("Condé Nast" on Wired pages).
MEDIA_COMPANIES = frozenset(
    {
        "conde nast",
        "hearst",
        "hearst newspapers",
        "gannett",
        "advance local",
        "tribune publishing",
        "mcclatchy",
        "lee enterprises",
        "future plc",
        "dotdash meredith",
        "meredith",
        "vox media",
        "axel springer",
        "news corp",
        "nexstar",
        "sinclair",
        "tegna",
        "gray television",
        "ziff davis",
        "penske media",
        "bustle digital group",
        "g o media",
        "valnet",
    }
)

# Words that describe a role next to a name ("AP Auto Writer", "Live Science Contributor").
ROLE_WORDS = re.compile(
    r"\b(?:writer|reporter|correspondent|editor|contributor|columnist|producer|photographer|analyst|"
    r"contributing|senior|special to|staff)\b",
    re.IGNORECASE,
)

# Surname particles written in lower case ("Marcus de Guzman", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset(
    {"de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "bin", "ibn", "al", "el", "y"}
)

# Labels before a name in author fields ("By", "Written by", "Text:", "Текст:").
AUTHOR_LABEL = re.compile(r"^(?:(?:written|posted|reported)\s+)?(?:by|text|texte|текст|von|por|di)\s*:?\s+", re.I)

# Separators between a site's name and a tagline or section, and between a headline and the site name.
NAME_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+::?\s+|\s*[·•»«]\s*|\s+/\s+")

# Copyright notices around a name ("© 2019 Foo Media. All rights reserved.").
COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright|\ball rights reserved\b\.?|\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\b)", re.IGNORECASE
)

# What a logo's alt text adds to the name ("comwrap GmbH Logo" -> "comwrap"): the word logo, a legal form.
LOGO_NOISE = re.compile(
    r"(?:['’]s)?(?:\s+(?:logo|home(?:page)?|startseite))+$|\s+(?:gmbh|ag|inc\.?|ltd\.?|llc|plc|s\.?a\.?|co\.)(?=\s|$)",
    re.I,
)

# Editorial prefixes in the outlet table's state-media names ("News agency: Prensa Latina").
TABLE_NAME_PREFIX = re.compile(r"^(?:news agency|print media|online|tv|radio|television):\s*", re.IGNORECASE)

# Top-level-domain-like words a stylised name may end with ("Space.com", "Express.co.uk").
DOMAIN_ENDINGS = frozenset({"com", "net", "org", "info", "co", "uk", "ca", "in", "ru", "it", "br", "au", "de", "fr"})

# Meta tags that carry a publisher's name, and those that carry authors (lower-case name/property).
PUBLISHER_META = frozenset(
    {"publisher", "dc.publisher", "dc:publisher", "dcterms.publisher", "sailthru.publisher", "rbpubname", "copyright"}
)
AUTHOR_META = frozenset(
    {
        "author",
        "article:author",
        "og:article:author",
        "authors",
        "byl",
        "citation_author",
        "dc.creator",
        "dc:creator",
        "dcterms.creator",
        "parsely-author",
        "sailthru.author",
        "rbauthors",
    }
)

# JSON-LD types whose `author` is the article's author (not a reviewed claim's or a comment's).
ARTICLE_TYPES = re.compile(r"Article|Posting|Report|Review|WebPage|CreativeWork|Blog", re.IGNORECASE)

# Titles before a name that would otherwise read as a name of their own ("Dr. Jane Roe").
HONORIFIC = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Rev|Sgt|Capt|Col|Gen|Lt)\.\s+")

# Small words an outlet's initials or domain may leave out ("nytimes": The New York Times).
SKIPPABLE_WORDS = frozenset({"the", "a", "an", "of", "and", "for", "on", "in", "de", "la", "le", "el", "di", "du"})
