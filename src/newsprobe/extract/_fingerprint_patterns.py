"""Site fingerprints: the identifiers that tie web sites to one owner, and the ones that do not.

Patterns (one per kind, each starting with a literal so the regex engine can skip ahead), the
elements that make a page template, and the stop-list: identifiers and themes shared by unrelated
sites, each with where the entry comes from.
"""

from __future__ import annotations

import re

from ..document import FingerprintKind

#: (kind, gate, literal, pattern): where the page contains the gate, the pattern is tried at each place the
#: literal starts a word (both found with str.find, which is fast); the pattern's group 1 is the identifier.
#: One scan of the page costs about 0.05 ms, so each kind has one gate that most pages lack.
ID_PATTERNS: tuple[tuple[FingerprintKind, str, str, re.Pattern[str]], ...] = (
    # UA-<account>-<property>: the account ties sites to one owner, the property number does not.
    ("Google Analytics", "UA-", "UA-", re.compile(r"(UA-\d{4,10})-\d{1,4}\b")),
    # GA4 measurement IDs look like other strings ("G-7"): only where gtag.js is loaded with one (?id=G-...).
    ("Google Analytics", "id=G-", "id=G-", re.compile(r"id=(G-[A-Z0-9]{6,12})\b")),
    ("Google Tag Manager", "GTM-", "GTM-", re.compile(r"(GTM-[A-Z0-9]{4,9})\b")),
    ("AdSense publisher", "ca-pub-", "ca-pub-", re.compile(r"(ca-pub-\d{10,20})\b")),
    # Metrica's loader always comes from mc.yandex.ru (tag.js or watch.js)
    ("Yandex Metrica", "mc.yandex", "ym(", re.compile(r"""ym\(\s*(\d{5,12})\s*,\s*['"]init['"]""")),
    ("Yandex Metrica", "mc.yandex", "yaCounter", re.compile(r"yaCounter(\d{5,12})\b")),
    ("Yandex Metrica", "mc.yandex", "mc.yandex.ru/watch/", re.compile(r"mc\.yandex\.ru/watch/(\d{5,12})")),
    # the pixel's snippet calls fbq('init', ...) and has a <noscript> image facebook.com/tr?id=...
    ("Facebook pixel", "fbq(", "fbq(", re.compile(r"""fbq\(\s*['"]init['"]\s*,\s*['"]?(\d{10,20})""")),
    ("Facebook pixel", "fbq(", "facebook.com/tr", re.compile(r"facebook\.com/tr/?\?id=(\d{10,20})")),
)

EVIDENCE_CHARS = 40  # page text kept on each side of an identifier as its evidence

#: Where a theme's files are served from, one pattern tried at each "/themes/": WordPress
#: (/wp-content/themes/<theme>/, WordPress.com and VIP one folder deeper: pub/<theme>, vip/<theme>) and
#: Drupal (/sites/all/themes/<theme>/, /themes/contrib|custom/<theme>/). Joomla's /templates/ is not read.
THEME_LITERAL = "/themes/"
THEME_PATTERN = re.compile(r"/themes/((?:pub/|premium/|h4/|vip/|contrib/|custom/)?[\w.-]+)/")
THEME_PARENTS = ("/wp-content", "/sites/all")
THEME_FOLDERS = ("contrib/", "custom/")

# ------------------------------------------------------------------ page template

#: The elements that make the page's frame; text, links, images and inline markup are left out.
STRUCTURAL_TAGS = frozenset(
    {"div", "header", "footer", "nav", "section", "aside", "main", "article", "ul", "ol", "li", "form"}
)
#: Where the article itself is: kept as one empty block, so the article's own markup does not count.
BODY_TAGS = frozenset({"article", "main"})
BODY_MARKERS = re.compile(
    r"entry-content|article-?body|articlebody|post-content|post-body|story-body|story-content|article-content|"
    r"content-body|article__body|article-text|single-content",
    re.IGNORECASE,
)
#: Class names that change from page to page on one site: the current menu item, per-post and per-term classes.
VOLATILE_CLASS = re.compile(
    r"\d|^(?:active|current|selected|open|show|visible|hidden|odd|even|first|last|expanded|collapsed|"
    r"(?:active|current|is|has|category|tag|post|postid|page|node|section|format|author|type|status|term|single)"
    r"[-_].*)$|[-_](?:active|current|selected|open|expanded|collapsed)$"
)
#: Blocks whose own class names change from page to page (body classes name the post, its type and section)
#: and whose insides do (a menu item opens its sub-menu on the pages of its section).
CLASSLESS_TAGS = frozenset({"body", "article", "main"})
LEAF_TAGS = frozenset({"li"})
MAX_TEMPLATE_DEPTH = 7  # deeper blocks belong to widgets and comments, which vary from page to page
MIN_TEMPLATE_BLOCKS = 20  # a smaller frame (a bare page) says nothing about who built it

# ------------------------------------------------------------------ stop-list

#: Identifiers that do not tie sites to one owner, with why. The regexes above never match the letter
#: placeholders of vendor documentation (UA-XXXXX-Y), so only real digit/letter IDs that are shared
#: by unrelated sites belong here.
SHARED_IDS: dict[str, str] = {
    **dict.fromkeys(
        ("GTM-XXXX", "GTM-XXXXXX", "GTM-XXXXXXX"),
        "the placeholder of Google's Tag Manager install snippet (developers.google.com/tag-platform/tag-manager)",
    ),
    "G-XXXXXXXXXX": "the placeholder of Google's gtag.js snippet (developers.google.com/tag-platform/gtagjs)",
    "ca-pub-1234567890123456": "the example publisher ID of Google's AdSense help pages (support.google.com/adsense)",
    "ca-pub-0000000000000000": "an all-zero placeholder publisher ID left in ad templates",
}

#: Theme folders of hosting platforms whose themes every customer may pick unchanged.
SHARED_THEME_FOLDERS: dict[str, str] = {
    "pub": "WordPress.com's shared themes (wordpress.com/themes)",
    "premium": "WordPress.com's shared premium themes (wordpress.com/themes)",
    "h4": "WordPress.com's shared themes (wordpress.com/themes)",
}

#: Themes and templates that unrelated sites use unchanged: a page template built from one of them
#: does not tie two sites together. Sources: wordpress.org (themes by WordPress.org, and the most
#: popular themes of its directory, wordpress.org/themes/browse/popular/), drupal.org (core themes),
#: themeforest.net (best-selling news/magazine themes).
STOCK_THEMES: dict[str, str] = {
    **dict.fromkeys(
        (
            "twentyten",
            "twentyeleven",
            "twentytwelve",
            "twentythirteen",
            "twentyfourteen",
            "twentyfifteen",
            "twentysixteen",
            "twentyseventeen",
            "twentynineteen",
            "twentytwenty",
            "twentytwentyone",
            "twentytwentytwo",
            "twentytwentythree",
            "twentytwentyfour",
            "twentytwentyfive",
        ),
        "a default WordPress theme (wordpress.org/themes/author/wordpressdotorg/)",
    ),
    **dict.fromkeys(
        ("astra", "hello-elementor", "generatepress", "oceanwp", "kadence", "neve", "colormag", "newsup", "blocksy"),
        "one of the most installed free WordPress themes (wordpress.org/themes/browse/popular/)",
    ),
    **dict.fromkeys(
        ("newspaper", "newsmag", "jnews", "soledad", "enfold", "avada", "the7", "sahifa", "jannah", "publisher"),
        "a best-selling commercial news/magazine theme (themeforest.net)",
    ),
    **dict.fromkeys(
        ("olivero", "bartik", "garland", "seven", "claro", "stark"),
        "a Drupal core theme (drupal.org/docs/core-modules-and-themes)",
    ),
}
