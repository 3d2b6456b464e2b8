"""Fixture sites built in code: page templates, tracking snippets and articles, for the network tests.

Planted links: alpha/beta share a Google Analytics account and a Tag Manager container; gamma/delta
share a custom page template; relay1/relay2 publish copies of the same RT stories within an hour.
kilo/lima publish the same two stories, in English and in Russian, within hours.
Unrelated: echo/foxtrot run the same CMS with the same stock theme and carry Google's Tag Manager
placeholder; golf/hotel run the same CMS with their own themes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Site:
    domain: str
    template: str  # a key of TEMPLATES
    prefix: str  # the class-name prefix of its template: sites sharing template and prefix share the page template
    snippets: tuple[str, ...] = ()
    generator: str | None = None
    theme: str | None = None


def ga(account: str, property_number: int) -> str:
    return (
        f"<script async src='https://www.googletagmanager.com/gtag/js?id=UA-{account}-{property_number}'></script>"
        f"<script>window.dataLayer=window.dataLayer||[];gtag('config', 'UA-{account}-{property_number}');</script>"
    )


def gtm(container: str) -> str:
    return (
        "<script>(function(w,d,s,l,i){w[l]=w[l]||[];j.src='https://www.googletagmanager.com/gtm.js?id='+i;"
        f"}})(window,document,'script','dataLayer','{container}');</script>"
    )


def metrica(counter: int) -> str:
    return (
        "<script>(function(m,e,t,r,i,k,a){})(window, document, 'script', 'https://mc.yandex.ru/metrika/tag.js', 'ym');"
        f'ym({counter}, "init", {{clickmap:true}});</script>'
        f'<noscript><img src="https://mc.yandex.ru/watch/{counter}" alt=""></noscript>'
    )


def pixel(number: str) -> str:
    return f"<script>fbq('init', '{number}'); fbq('track', 'PageView');</script>"


def adsense(publisher: str) -> str:
    return f'<ins class="adsbygoogle" data-ad-client="{publisher}"></ins>'


SITES = {
    "alpha": Site(
        "alpha-news-fixture.com", "plain", "an", (ga("4471234", 1), gtm("GTM-K7Q2ZP"), pixel("4411223344556677"))
    ),
    "beta": Site(
        "beta-daily-fixture.com",
        "magazine",
        "bd",
        (ga("4471234", 7), gtm("GTM-K7Q2ZP"), adsense("ca-pub-9876543210987654")),
    ),
    "gamma": Site(
        "gamma-post-fixture.com", "portal", "pp", (ga("5550001", 1),), "WordPress 6.4.2", "portal-pro-custom"
    ),
    "delta": Site(
        "delta-times-fixture.com", "portal", "pp", (metrica(98765432),), "WordPress 6.4.2", "portal-pro-custom"
    ),
    "echo": Site(
        "echo-herald-fixture.com",
        "stock",
        "wp",
        (ga("6660001", 1), gtm("GTM-XXXX")),
        "WordPress 6.4.2",
        "twentytwentyfour",
    ),
    "foxtrot": Site(
        "foxtrot-gazette-fixture.com",
        "stock",
        "wp",
        (ga("7770002", 1), gtm("GTM-XXXX")),
        "WordPress 6.4.2",
        "twentytwentyfour",
    ),
    "golf": Site("golf-tribune-fixture.com", "plain", "gt", (ga("8880003", 2),), "WordPress 6.4.2", "golf-theme"),
    "hotel": Site("hotel-courier-fixture.com", "magazine", "hc", (ga("9990004", 1),), "WordPress 6.4.2", "hotel-theme"),
    "relay1": Site("relay-one-fixture.com", "plain", "r1", (ga("1110005", 1),)),
    "relay2": Site("relay-two-fixture.com", "magazine", "r2", (ga("2220006", 1),)),
    # kilo writes in English, lima relays its stories in Russian; mike writes unrelated German news
    "kilo": Site("kilo-wire-fixture.com", "plain", "kw", (ga("3330007", 1),)),
    "lima": Site("lima-vesti-fixture.ru", "magazine", "lv", (metrica(12121212),)),
    "mike": Site("mike-zeitung-fixture.de", "portal", "mz", (ga("4440008", 1),)),
}


def _menu(items: int, active: int) -> str:
    return "".join(
        f'<li class="menu-item{" current-menu-item active" if i == active else ""}"><a href="/s/{i}">Section {i}</a></li>'
        for i in range(items)
    )


def _teasers(count: int, css: str) -> str:
    return "".join(
        f'<div class="{css} post-{1000 + i} category-world"><a href="/t/{i}">Teaser {i}</a></div>' for i in range(count)
    )


def _portal(article: str, variant: int) -> str:
    return (
        '<div class="topbar"><div class="wrap"><ul class="social">'
        + _menu(4, -1)
        + '</ul></div></div><header class="header"><div class="wrap"><div class="logo"></div>'
        '<nav class="nav"><ul class="menu">'
        + _menu(6 + variant, variant)
        + '</ul></nav></div></header><div class="breaking"><div class="ticker">'
        + _teasers(3 + variant, "tick")
        + '</div></div><div class="main wrap"><div class="content">'
        + article
        + '</div><aside class="sidebar"><section class="widget popular"><div class="list">'
        + _teasers(5 + 2 * variant, "item")
        + '</div></section><section class="widget newsletter"><form class="form"><div class="field">'
        '</div></form></section></aside></div><footer class="footer"><div class="wrap"><div class="cols">'
        '<div class="col"></div><div class="col"></div></div><ul class="legal">' + _menu(3, -1) + "</ul></div></footer>"
    )


def _magazine(article: str, variant: int) -> str:
    return (
        '<div id="page" class="page"><header id="masthead" class="masthead"><div class="branding"></div>'
        '<nav class="navigation"><ul class="menu">'
        + _menu(5, variant)
        + '</ul></nav></header><div class="grid"><section class="lead">'
        + article
        + '</section><aside class="rail"><div class="box">'
        + _teasers(4 + variant, "teaser")
        + '</div><div class="box ads"></div></aside></div><footer class="footer"><div class="footer-in">'
        '<div class="about"></div><div class="links"><ul>' + _menu(4, -1) + "</ul></div></div></footer></div>"
    )


def _plain(article: str, variant: int) -> str:
    return (
        '<div class="wrapper"><div class="top"><div class="logo"></div><ul class="nav">'
        + _menu(4 + variant, variant)
        + '</ul></div><div class="columns"><div class="left">'
        + article
        + '</div><div class="right"><div class="box">'
        + _teasers(3, "teaser")
        + '</div><div class="box"><div class="ad"></div></div></div></div><div class="bottom"><div class="copy"></div>'
        '<div class="links"><ul>' + _menu(3, -1) + "</ul></div></div></div>"
    )


def _stock(article: str, variant: int) -> str:
    """The markup of a stock block theme, as every site using it unchanged serves it."""
    return (
        '<div class="wp-site-blocks"><header class="wp-block-template-part"><div class="wp-block-group alignwide">'
        '<div class="wp-block-group"><div class="wp-block-site-title"></div></div><nav class="wp-block-navigation">'
        '<ul class="wp-block-navigation__container">'
        + _menu(4, variant)
        + '</ul></nav></div></header><main class="wp-block-group">'
        + article
        + '</main><footer class="wp-block-template-part"><div class="wp-block-group alignwide"><div class="wp-block-columns">'
        '<div class="wp-block-column"></div><div class="wp-block-column"></div><div class="wp-block-column"></div>'
        '</div><div class="wp-block-group"><div class="wp-block-site-title"></div></div></div></footer></div>'
    )


TEMPLATES = {"portal": _portal, "magazine": _magazine, "plain": _plain, "stock": _stock}


def page(site: Site, title: str, text: str, published: str, slug: str, variant: int = 0) -> str:
    """A whole article page of the site: head with its snippets, its template around the article."""
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip())
    article = f'<article class="post-{variant} type-post"><h1>{escape(title)}</h1><div class="entry-content">{paragraphs}</div></article>'
    url = f"https://{site.domain}/{published[:10].replace('-', '/')}/{slug}/"
    generator = f'<meta name="generator" content="{site.generator}">' if site.generator else ""
    theme = (
        f'<link rel="stylesheet" href="https://{site.domain}/wp-content/themes/{site.theme}/style.css">'
        if site.theme
        else ""
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<link rel="canonical" href="{url}">{generator}{theme}'
        f'<meta property="article:published_time" content="{published}">'
        f"{''.join(site.snippets)}</head>"
        f'<body class="single postid-{variant}">{_frame(site, variant).replace(ARTICLE, article)}</body></html>'
    )


ARTICLE = "<!--article-->"
CLASS = re.compile(r'class="([^"]*)"')
PAGE_SPECIFIC = ("current-", "active", "post-", "category-")  # WordPress's per-page class names, kept as they are


def _frame(site: Site, variant: int) -> str:
    """The site's template around a placeholder, its class names prefixed with the site's prefix."""
    frame = TEMPLATES[site.template](ARTICLE, variant)

    def prefixed(match: re.Match[str]) -> str:
        names = [c if c.startswith(PAGE_SPECIFIC) else f"{site.prefix}-{c}" for c in match.group(1).split()]
        return f'class="{" ".join(names)}"'

    return CLASS.sub(prefixed, frame)


def url_of(site: Site, published: str, slug: str) -> str:
    return f"https://{site.domain}/{published[:10].replace('-', '/')}/{slug}/"
