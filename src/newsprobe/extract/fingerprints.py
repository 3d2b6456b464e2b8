"""Site fingerprints: tracking and advertising IDs, generator, theme and page template, read from the raw HTML.

Read from the whole page's tree (the template needs all of it; trafilatura prunes a copy). Costs about 1.5 ms a
page, most of it looking for the IDs' literals in the raw HTML (a regex runs only where one occurs); the template
is a depth-limited walk over the page's block elements only.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ..document import SiteFingerprint
from ._fingerprint_patterns import (
    BODY_MARKERS,
    BODY_TAGS,
    CLASSLESS_TAGS,
    EVIDENCE_CHARS,
    ID_PATTERNS,
    LEAF_TAGS,
    MAX_TEMPLATE_DEPTH,
    MIN_TEMPLATE_BLOCKS,
    SHARED_IDS,
    SHARED_THEME_FOLDERS,
    STOCK_THEMES,
    STRUCTURAL_TAGS,
    THEME_FOLDERS,
    THEME_LITERAL,
    THEME_PARENTS,
    THEME_PATTERN,
    VOLATILE_CLASS,
)

__all__ = ["read_site_fingerprints", "template_skeleton"]

MAX_PER_KIND = 5  # a page loading more IDs of one kind than this is an ad network's, not an owner's


def read_site_fingerprints(tree: Any, content: str) -> list[SiteFingerprint]:
    """The page's fingerprints in a fixed order: tracking IDs, generator, theme, page template."""
    found = _tracking_ids(content)
    found += _generators(tree)
    theme = _theme(content)
    found += [theme] if theme else []
    template = _template(tree, theme)
    found += [template] if template else []
    return found


def _evidence(content: str, start: int, end: int) -> str:
    text = content[max(0, start - EVIDENCE_CHARS) : end + EVIDENCE_CHARS]
    return " ".join(text.split())


def _matches(content: str, literal: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The pattern's matches starting where the literal occurs (at the start of a word, if it starts with one)."""
    whole_word = literal[0].isalnum()
    position = content.find(literal)
    while position >= 0:
        if not (whole_word and position and content[position - 1].isalnum()):
            match = pattern.match(content, position)
            if match:
                yield match
        position = content.find(literal, position + len(literal))


def _tracking_ids(content: str) -> list[SiteFingerprint]:
    found: dict[tuple[str, str], SiteFingerprint] = {}
    gates: dict[str, bool] = {}  # each gate is looked for once: a scan of the page costs about 0.05 ms
    for kind, gate, literal, pattern in ID_PATTERNS:
        if gate != literal:  # (a gate that is the literal itself costs nothing more than looking for it)
            if gate not in gates:
                gates[gate] = gate in content
            if not gates[gate]:
                continue
        for match in _matches(content, literal, pattern):
            value = match.group(1)
            if (kind, value) not in found and sum(f.kind == kind for f in found.values()) < MAX_PER_KIND:
                found[kind, value] = SiteFingerprint(
                    kind=kind,
                    value=value,
                    evidence=_evidence(content, match.start(), match.end()),
                    shared=SHARED_IDS.get(value),
                )
    return list(found.values())


def _generators(tree: Any) -> list[SiteFingerprint]:
    head = tree.find("head")
    metas = head.iterfind("meta") if head is not None else ()
    values = [
        " ".join(meta.get("content", "").split())[:100]
        for meta in metas
        if (meta.get("name") or "").lower() == "generator"
    ]
    return [
        SiteFingerprint(kind="generator", value=value, evidence=f'<meta name="generator" content="{value}">')
        for value in dict.fromkeys(values)
        if value
    ][:MAX_PER_KIND]


def _theme(content: str) -> SiteFingerprint | None:
    """The first theme the page loads files from (a child theme's files come first when it has one)."""
    for match in _matches(content, THEME_LITERAL, THEME_PATTERN):
        value = match.group(1)
        start = match.start()
        if value.startswith(THEME_FOLDERS) or any(
            content.startswith(parent, start - len(parent)) for parent in THEME_PARENTS
        ):
            value = value.removeprefix("contrib/").removeprefix("custom/")
            evidence = _evidence(content, start, match.end())
            return SiteFingerprint(kind="theme", value=value, evidence=evidence, shared=_stock(value))
    return None


def _stock(theme: str) -> str | None:
    folder, _, name = theme.rpartition("/")
    return SHARED_THEME_FOLDERS.get(folder) or STOCK_THEMES.get(name.lower())


def _template(tree: Any, theme: SiteFingerprint | None) -> SiteFingerprint | None:
    body = tree.find("body")
    if body is None:
        return None
    skeleton, blocks = template_skeleton(body)
    if blocks < MIN_TEMPLATE_BLOCKS:
        return None
    digest = hashlib.sha1(skeleton.encode()).hexdigest()[:16]
    outline = ", ".join(dict.fromkeys(_label(child) for child in body if _label(child)))
    evidence = f"{blocks} page blocks outside the article: {outline[:160] or 'unnamed blocks'}"
    shared = f"built from the stock theme {theme.value}: {theme.shared}" if theme and theme.shared else None
    return SiteFingerprint(kind="page template", value=digest, evidence=evidence, shared=shared)


def _label(element: Any) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag not in STRUCTURAL_TAGS:
        return ""
    classes = _classes(element)
    return f"{tag}.{classes[0]}" if classes else tag


def _classes(element: Any) -> tuple[str, ...]:
    if element.tag in CLASSLESS_TAGS:
        return ()
    element_id = element.get("id")
    return _stable_classes(element.get("class") or "", element_id.lower() if element_id else "")


@lru_cache(maxsize=8192)
def _stable_classes(classes: str, element_id: str) -> tuple[str, ...]:
    """Class names (and the id, as '#id') that stay the same on every page of a site, sorted."""
    tokens = classes.lower().split() + ([f"#{element_id}"] if element_id else [])
    return tuple(sorted({token for token in tokens if not VOLATILE_CLASS.search(token.lstrip("#"))}))


@lru_cache(maxsize=8192)
def _is_body(classes: tuple[str, ...]) -> bool:
    return any(BODY_MARKERS.search(token) for token in classes)


def template_skeleton(body: Any) -> tuple[str, int]:
    """The page's block structure outside the article, text removed, and how many blocks it has.

    Tags and stable class names of block elements, to a fixed depth; the article itself is one empty
    block; repeated children (menu items, teasers, list entries) count once, in first-seen order.
    """
    blocks = 0

    def walk(element: Any, depth: int) -> str:
        nonlocal blocks
        blocks += 1
        tag = element.tag
        classes = _classes(element)
        head = ".".join([tag, *classes])
        if depth >= MAX_TEMPLATE_DEPTH or tag in BODY_TAGS or tag in LEAF_TAGS or _is_body(classes):
            return head
        # iterchildren picks the structural children in lxml, without a Python object for each of the others
        children = dict.fromkeys(walk(child, depth + 1) for child in element.iterchildren(*STRUCTURAL_TAGS))
        return head + ("(" + ",".join(children) + ")" if children else "")

    skeleton = walk(body, 0)
    return skeleton, blocks
