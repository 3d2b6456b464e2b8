"""Outlet and author names a reader can cite.

`read_page_names` collects what a page says about who published it and who wrote it (JSON-LD
publisher and authors, og:site_name, application-name, publisher and author meta tags, twitter:site,
the <title>); `settle_names` turns that, the outlet table and the metadata already read into:

- `outlet`: the outlet's proper name. The outlet table's name when a maintainer named the domain;
  otherwise the page's own name for itself, cleaned: taglines, copyright lines, sections, platform
  names and @handles are dropped, and a name found only in the <title> must agree with the domain, the
  twitter handle or another field. A lower-case slug or a bare domain is a last resort; None is
  better than a guess.
- `host`: the hosting service (MSN, Yahoo, Blogger, ...) when the page is served by one for many
  outlets; `outlet` is then the content owner.
- `authors`: people only. `credits`: organisations named where the authors go (wire services, other
  outlets, publishers), which provenance reads as credits. Placeholders ("Admin") are neither.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Literal

from lxml.html import HtmlElement

from ..document import Metadata, OutletSource
from ..outlets import OutletDatabase, looks_like_domain, parse_host
from ..outlets import normalise_alias as _normalise_alias
from . import _name_lists as W

__all__ = ["Credited", "PageNames", "read_page_names", "settle_names"]

MAX_NAME_CHARS = 60
MAX_NAME_WORDS = 8
MAX_PERSON_WORDS = 5
MAX_ABBREVIATION_WORDS = 8
MAX_TITLE_NAME_WORDS = 5
TITLE: OutletSource = "page title"
LOGO: OutletSource = "site logo"
# often a headline, a company, or another site's logo
NEEDS_CORROBORATION: frozenset[OutletSource] = frozenset({TITLE, "publisher meta tag", LOGO})
MAX_LOGOS = 3
FILE_NAME = re.compile(r"[-_.](?:logo|image|img|png|svg|jpe?g)\b", re.I)  # "ascom-image-Logo" names a file


@dataclass(frozen=True)
class Credited:
    """A name given as an author, and whether the page typed it as an organisation."""

    name: str
    organisation: bool = False


@dataclass(frozen=True)
class PageNames:
    """What a page's head says about its outlet and authors."""

    publishers: tuple[str, ...] = ()
    providers: tuple[str, ...] = ()  # JSON-LD provider / sourceOrganization: who supplied the content
    site_name: str | None = None
    application_name: str | None = None
    publisher_meta: tuple[str, ...] = ()
    title: str | None = None
    handle: str | None = None
    json_ld_authors: tuple[Credited, ...] = ()
    meta_authors: tuple[str, ...] = ()
    logos: tuple[str, ...] = ()  # alt text of the site's logo images, in page order


# ---------------------------------------------------------------- reading the page


def read_page_names(tree: HtmlElement) -> PageNames:
    metas = _meta_values(tree)
    items = _json_ld_items(tree)
    known = {item["@id"]: item for item in items if isinstance(item.get("@id"), str) and "name" in item}
    publishers = [c.name for item in items for c in _credited(item.get("publisher"), known)]
    providers = [
        c.name for item in items for key in ("provider", "sourceOrganization") for c in _credited(item.get(key), known)
    ]
    authors = [
        c
        for item in items
        if any(W.ARTICLE_TYPES.search(kind) for kind in _types(item))
        for c in _credited(item.get("author"), known)
    ]
    titles = [text.strip() for text in tree.xpath("//head/title/text() | //title/text()") if text.strip()]
    handles = metas.get("twitter:site", [])
    return PageNames(
        publishers=tuple(dict.fromkeys(publishers)),
        providers=tuple(dict.fromkeys(providers)),
        site_name=next(iter(metas.get("og:site_name", [])), None),
        application_name=next(iter(metas.get("application-name", [])), None),
        publisher_meta=tuple(value for key in sorted(W.PUBLISHER_META) for value in metas.get(key, [])),
        title=titles[0] if titles else None,
        handle=handles[0].rstrip("/").rsplit("/", 1)[-1].lstrip("@") if handles else None,
        json_ld_authors=tuple(dict.fromkeys(authors)),
        meta_authors=tuple(
            dict.fromkeys(value for key in sorted(W.AUTHOR_META) for value in metas.get(key, []) if "://" not in value)
        ),
        logos=_logo_names(tree),
    )


def _logo_names(tree: HtmlElement) -> tuple[str, ...]:
    """Alt texts of images marked as a logo (in their class, id, file name or alt), the noise words removed."""
    marked = tree.xpath(
        "//img[@alt][contains(translate(concat(@class, ' ', @id, ' ', @src, ' ', @alt), 'LOGO', 'logo'), 'logo')]"
    )
    names = (W.LOGO_NOISE.sub("", " ".join(img.get("alt", "").split())).strip() for img in marked)
    return tuple(dict.fromkeys(name for name in names if name and not FILE_NAME.search(name)))[:MAX_LOGOS]


def _meta_values(tree: HtmlElement) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = meta.get("property") or meta.get("name")
        content = " ".join((meta.get("content") or "").split())
        if key and content:
            values.setdefault(key.strip().lower(), []).append(content)
    return values


def _json_ld_items(tree: HtmlElement) -> list[dict[str, Any]]:
    """Top-level JSON-LD objects and the members of their @graph (nested objects are not items)."""
    items: list[dict[str, Any]] = []
    for text in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(text, strict=False)
        except (ValueError, RecursionError):  # malformed or absurdly nested: the page's other fields remain
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict):
                items.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    items.extend(node for node in graph if isinstance(node, dict))
    return items


def _types(item: dict[str, Any]) -> list[str]:
    kinds = item.get("@type")
    return [kind for kind in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(kind, str)]


def _credited(value: Any, known: dict[str, dict[str, Any]]) -> Iterator[Credited]:
    for entry in value if isinstance(value, list) else [value]:
        if isinstance(entry, str) and entry.strip() and "://" not in entry:
            yield Credited(" ".join(entry.split()))
        elif isinstance(entry, dict):
            if "name" not in entry and isinstance(entry.get("@id"), str):
                entry = known.get(entry["@id"], entry)
            name = entry.get("name")
            if isinstance(name, str) and name.strip() and "://" not in name:
                organisation = any("organization" in kind.lower() for kind in _types(entry))
                yield Credited(" ".join(name.split()), organisation)


# ---------------------------------------------------------------- comparing names

normalise_alias = lru_cache(maxsize=8192)(_normalise_alias)  # a pure function, called often per page


def _key(name: str) -> str:
    return normalise_alias(name).replace(" ", "")


def _words(name: str) -> list[str]:
    return normalise_alias(name).split()


def _same_key(a: str, b: str) -> bool:
    return bool(a) and (a == b or a.removeprefix("the") == b.removeprefix("the"))


def _abbreviates(token: str, words: Sequence[str]) -> bool:
    """True when `token` is made of leading letters of `words`, in order ("nytimes": New York Times).

    Inside the name only small words and numbers may be left out ("nbcdfw": NBC 5 Dallas-Fort Worth);
    any words may be left out at its end ("inexhibit": Inexhibit magazine).
    """
    if not token or len(words) > MAX_ABBREVIATION_WORDS:
        return False

    @cache
    def walk(position: int, index: int) -> bool:
        if position == len(token):
            return True
        if index == len(words):
            return False
        word = words[index]
        for size in range(min(len(word), len(token) - position), 0, -1):
            if token.startswith(word[:size], position) and walk(position + size, index + 1):
                return True
        return (word in W.SKIPPABLE_WORDS or word.isdigit()) and walk(position, index + 1)

    return walk(0, 0)


def _agrees(token: str, name: str) -> bool:
    """Does a compact token (a domain label, a handle) name the same outlet as `name`?"""
    if len(token) < 2:
        return False
    return _same_key(_key(name), token) or _abbreviates(token, _words(name))


def _names_agree(a: str, b: str) -> bool:
    return _agrees(_key(a), b) or _agrees(_key(b), a)


# ---------------------------------------------------------------- the site


@dataclass(frozen=True)
class Site:
    """What the page's address says: its domain, the outlet table's name for it, a hosting service."""

    registered: str = ""
    label: str = ""
    handle: str = ""
    service: str | None = None
    table_name: str | None = None
    curated: bool = False

    @classmethod
    def of(cls, metadata: Metadata, page: PageNames | None, db: OutletDatabase) -> Site:
        handle = _key(page.handle) if page is not None and page.handle else ""
        parts = parse_host(metadata.url or metadata.domain or "")
        if parts is None or not parts.registered_domain:
            return cls(handle=handle)
        registered = parts.registered_domain
        service = W.HOSTING_SERVICES.get(registered)
        if service is not None:  # a blog's own label: "linknaija" of linknaija.blogspot.com
            below = parts.host[: -len(registered)].rstrip(".")
            return cls(registered, below.rsplit(".", 1)[-1] if below else "", handle, service)
        owner = W.CONTENT_OWNER_HOSTS.get(registered)
        named = (owner, True) if owner else db.outlet_name(parts)
        label = _key(registered.split(".", 1)[0])
        if named is None:
            return cls(registered, label, handle)
        return cls(registered, label, handle, None, named[0], named[1])

    def agrees(self, name: str) -> bool:
        return _agrees(self.label, name) or _agrees(self.handle, name)


# ---------------------------------------------------------------- outlet name


@dataclass
class Candidate:
    name: str
    source: OutletSource
    kind: Literal["proper", "domain", "slug"]  # "domain": a bare domain of this site; "slug": one lower-case word
    order: int = 0
    corroborated: bool = False

    @property
    def tier(self) -> int:
        if self.kind == "proper":
            return 0 if self.corroborated else 1
        return 2 if self.kind == "domain" else 3


def _raw_names(metadata: Metadata, page: PageNames | None, site: Site) -> list[tuple[str, OutletSource]]:
    raw: list[tuple[str, OutletSource]] = []
    if page is not None:
        if site.service is not None:  # on MSN or Yahoo the content's supplier is the outlet
            raw += [(name, "JSON-LD publisher") for name in page.providers]
        raw += [(name, "JSON-LD publisher") for name in page.publishers]
        raw += [(name, "og:site_name") for name in [page.site_name] if name]
        raw += [(name, "application-name") for name in [page.application_name] if name]
        raw += [(name, "publisher meta tag") for name in page.publisher_meta]
        raw += [(name, TITLE) for name in [page.title] if name]
    elif metadata.site_name:
        raw.append((metadata.site_name, "page header"))
    if site.table_name and not site.curated:
        raw.append((W.TABLE_NAME_PREFIX.sub("", site.table_name), "outlet table"))
    return raw


def _segments(value: str, source: OutletSource, site: Site, headline: str | None) -> list[str]:
    """The parts of a field that may be the outlet's name: no copyright line, tagline or headline."""
    text = " ".join(W.COPYRIGHT.sub(" ", value).split()).strip(" .,;:'\"“”")
    if not text or text.startswith("@"):
        return []
    parts = [part.strip(" .,;:'\"“”") for part in W.NAME_SEPARATORS.split(text)]
    parts = [part for part in parts if part]
    if source == TITLE:  # "Headline - Outlet", "Outlet | Headline": never the headline itself
        if len(parts) < 2:
            return []
        own = normalise_alias(headline or "")
        return [part for part in parts if normalise_alias(part) != own and len(part.split()) <= MAX_TITLE_NAME_WORDS]
    if len(parts) > 1:
        return [part for part in parts if site.agrees(part)] or parts[:1]
    return parts


def _candidate(segment: str, source: OutletSource, site: Site) -> Candidate | None:
    alias = normalise_alias(segment)
    if not alias or len(segment) > MAX_NAME_CHARS or len(segment.split()) > MAX_NAME_WORDS:
        return None
    if alias in W.PLATFORM_NAMES or alias in W.SECTION_NAMES or not any(ch.isalpha() for ch in segment):
        return None
    if site.service is not None and f"{alias} ".startswith(normalise_alias(site.service) + " "):
        return None  # the service's own name ("Yahoo News") does not name the content's owner
    if "://" in segment or segment.lower().startswith("www.") or looks_like_domain(segment):
        parts = parse_host(segment)
        if parts is None or not site.registered or parts.registered_domain != site.registered:
            return None  # another site's address is no name for this one
        if "://" in segment or segment.lower().startswith("www.") or segment == segment.lower():
            return Candidate(parts.host, source, "domain")
        return Candidate(segment, source, "proper")  # a stylised name: "Space.com"
    slug = segment.isascii() and " " not in segment and segment == segment.lower()
    return Candidate(segment, source, "slug" if slug else "proper")


def outlet_candidates(metadata: Metadata, page: PageNames | None, site: Site) -> list[Candidate]:
    found = [
        candidate
        for value, source in _raw_names(metadata, page, site)
        for segment in _segments(value, source, site, metadata.title)
        if (candidate := _candidate(segment, source, site)) is not None
    ]
    for order, candidate in enumerate(found):
        candidate.order = order
        candidate.corroborated = (
            candidate.kind == "domain"
            or site.agrees(candidate.name)
            or any(other.source != candidate.source and _names_agree(candidate.name, other.name) for other in found)
        )
    return [c for c in found if c.source not in NEEDS_CORROBORATION or c.corroborated]


def logo_candidates(page: PageNames | None, site: Site) -> list[Candidate]:
    """The last resort: a logo's alt text that spells the site's domain ("Catch it Kansas" on catchitkansas.com)."""
    logos = page.logos if page is not None else ()
    found = [
        candidate
        for logo in logos
        for segment in _segments(logo, LOGO, site, None)
        if (candidate := _candidate(segment, LOGO, site)) is not None and site.agrees(candidate.name)
    ]
    for candidate in found:
        candidate.corroborated = True
    return found


def _fuller(best: Candidate, other: Candidate) -> bool:
    """`other` is the same name written out: "Space" -> "Space.com", "WSJ" -> "Wall Street Journal"."""
    if other is best or other.kind != "proper" or other.tier > best.tier:
        return False
    short, long = _words(best.name), _words(other.name)
    if long[: len(short)] == short and len(long) > len(short):
        return all(word in W.DOMAIN_ENDINGS for word in long[len(short) :])
    return len(short) == 1 and len(long) > 1 and " " not in best.name and _abbreviates(short[0], long)


def choose_outlet(candidates: list[Candidate]) -> Candidate | None:
    if not candidates:
        return None
    best = min(candidates, key=lambda c: (c.tier, c.order))
    fuller = [other for other in candidates if _fuller(best, other)]
    return min(fuller, key=lambda c: (c.tier, c.order)) if fuller else best


# ---------------------------------------------------------------- authors and credits


@dataclass
class Credits:
    """Author fields read into people and organisations; what names the outlet itself is dropped."""

    site: Site
    own: list[str]
    db: OutletDatabase
    organisations: list[str] = field(default_factory=list)
    _credited: set[str] = field(default_factory=set)

    def read(self, entries: Iterable[Credited]) -> list[str]:
        """The people among `entries`; organisations are collected on the side."""
        people: list[str] = []
        for entry in entries:
            after_person = False
            for segment in _split_credit(entry.name):
                person = self._read_segment(segment, entry.organisation, after_person)
                if person:
                    people.append(person)
                after_person = bool(person)
        return people

    def _read_segment(self, segment: str, typed_organisation: bool, after_person: bool) -> str | None:
        segment = W.AUTHOR_LABEL.sub("", segment).strip(" .,;:|")
        alias = normalise_alias(segment)
        if not alias or alias in W.PLACEHOLDER_AUTHORS or alias.split()[-1].endswith("admin"):
            return None
        head, *tails = re.split(r"\s+(?:for|at)\s+", segment)  # "NJ Advance Media for NJ.com"
        for tail in tails:
            if self.resolves(tail) or _organisation(tail):
                self.credit(tail)
        glued = self._person_before_own_name(head)
        if glued or self.is_own(head):
            return glued
        if self.resolves(head):
            self.credit(head)
            return None
        if W.ROLE_WORDS.search(head):  # "AP Auto Writer": the organisation, if any, leads
            self._credit_leading_outlet(head)
            return None
        if typed_organisation or _organisation(head):
            self.credit(head)
            return None
        if after_person and " " not in head:
            return None  # an affiliation after a name ("Victor Tangermann, Futurism"), not a second author
        return _person(head)

    def _person_before_own_name(self, text: str) -> str | None:
        """'Finian Cunningham Sputnik International': the person before the page's own outlet, glued on."""
        words = text.split()
        for size in range(min(4, len(words) - 2), 0, -1):
            if self.is_own(" ".join(words[-size:])):
                return _person(" ".join(words[:-size]))
        return None

    def is_own(self, name: str) -> bool:
        """Does `name` name the page's own outlet (its name, a desk of it, its domain, label or handle)?"""
        alias = normalise_alias(name)
        key = alias.replace(" ", "")
        if not alias:
            return False
        if looks_like_domain(name):
            parts = parse_host(name)
            return parts is not None and parts.registered_domain == self.site.registered
        single = " " not in alias
        for own in self.own:
            if alias == own or f" {own} " in f" {alias} " or (single and f" {alias} " in f" {own} "):
                return True
        tokens = [token for token in (self.site.label, self.site.handle) if len(token) >= 2]
        return any(_same_key(key, token) or (single and len(key) >= 5 and key in token) for token in tokens)

    def resolves(self, name: str) -> bool:
        """Is `name` an outlet the outlet table knows by that name (a wire service, another outlet)?"""
        return len(name) > 1 and self.db.resolve_name(name, compact=False) is not None

    def credit(self, name: str) -> None:
        """Record an organisation once ("AP" after "Associated Press" is the same outlet)."""
        name = name.strip(" .,;:|")
        if not name or self.is_own(name):
            return
        key = self.db.resolve_name(name, compact=False) or normalise_alias(name)
        if key not in self._credited:
            self._credited.add(key)
            self.organisations.append(name)

    def _credit_leading_outlet(self, segment: str) -> None:
        words = W.ROLE_WORDS.split(segment, maxsplit=1)[0].split()
        for size in range(len(words), 0, -1):
            if self.resolves(" ".join(words[:size])):
                self.credit(" ".join(words[:size]))
                return


def _split_credit(name: str) -> list[str]:
    """'A and B', 'A; B', 'A | Org', 'A, Org', 'A. Org' (not after an initial: 'Sarah E. Needleman')."""
    name = W.HONORIFIC.sub("", W.AUTHOR_LABEL.sub("", " ".join(name.split())))
    parts = re.split(r"\s*(?:;|\||,|&|\band\b|(?<=\w\w)\.(?=\s+[A-Z]))\s*", name)
    return [part.strip() for part in parts if part and part.strip()]


def _organisation(name: str) -> bool:
    alias = normalise_alias(name)
    return bool(W.ORGANISATION_WORDS.search(name)) or alias in W.MEDIA_COMPANIES or name.lower().startswith("the ")


def _person(name: str) -> str | None:
    """The name written as a person's name ('TOM KRISHER' -> 'Tom Krisher'), or None."""
    tokens = name.split()
    if not 1 <= len(tokens) <= MAX_PERSON_WORDS or re.search(r"[\d@/:_#()\[\]]", name):
        return None
    for token in tokens:
        if token.lower() in W.NAME_PARTICLES:
            continue
        if not token[0].isalpha() or token[0].islower():
            return None
    if len(tokens) == 1:
        token = tokens[0]
        cased = token[:1].isupper() and token[1:].islower()
        uncased = not token.isupper() and not token.islower()  # scripts without case
        if len(token) < 2 or not (cased or (uncased and not token.isascii())):
            return None
    if all(token.isupper() and len(token) > 1 for token in tokens if token.isalpha()):
        return " ".join(token.capitalize() for token in tokens)
    return " ".join(tokens)


def _own_names(outlet: str | None, candidates: list[Candidate], site: Site) -> list[str]:
    """The page's outlet, the table's and the hosting service's names, and the candidates that agree with them."""
    names = [name for name in (outlet, site.table_name, site.service) if name]
    names += [c.name for c in candidates if site.agrees(c.name) or any(_names_agree(c.name, n) for n in names)]
    aliases = (normalise_alias(name) for name in names)
    return list(dict.fromkeys(alias for alias in aliases if alias and alias not in W.PLATFORM_NAMES))


# ---------------------------------------------------------------- settling


def settle_names(metadata: Metadata, page: PageNames | None, db: OutletDatabase) -> None:
    """Set `outlet`, `outlet_source`, `host`, `authors` (people) and `credits` from the evidence."""
    site = Site.of(metadata, page, db)
    candidates = outlet_candidates(metadata, page, site)
    if site.table_name and site.curated:
        metadata.outlet, metadata.outlet_source = site.table_name, "outlet table"
    elif (chosen := choose_outlet(candidates) or choose_outlet(logo_candidates(page, site))) is not None:
        metadata.outlet, metadata.outlet_source = chosen.name, chosen.source
    metadata.host = site.service
    credits = Credits(site, _own_names(metadata.outlet, candidates, site), db)
    sources: list[list[Credited]] = []
    if page is not None:
        sources += [list(page.json_ld_authors), [Credited(name) for name in page.meta_authors]]
        for name in page.publishers + page.providers:  # another outlet supplied the content (AP)
            if credits.resolves(name):
                credits.credit(name)
    sources.append([Credited(name) for name in metadata.authors])
    people: list[str] = []
    for entries in sources:
        found = credits.read(entries)
        people = people or found
    metadata.authors = list({normalise_alias(name): name for name in people}.values())
    metadata.credits = credits.organisations
