"""Provenance: who published this article, whose story it is, and through whom it travelled.

The analyser finds the host outlet (URL, else site name, footer e-mail/URL, dateline), the outlets
the page credits (republication notices, outlet bylines, wire credits, canonical/og URLs pointing
elsewhere, og:site_name) and — when a near-duplicate index is configured — earlier copies of the
text at other outlets. It returns the chain original -> republisher(s) with evidence for every link
and each outlet's profile, and a verdict:

- ``suspected_laundering``: the story comes, uncredited, from an outlet that a list flags (state media
  with editorial control, the Information Laundromat's sites of concern, the specious-sites list): an
  earlier copy in the index, or the outlet's residue in the text (a teaser such as "Also on rt.com");
  the list is cited in ``laundering_basis``;
- ``uncredited_copy``: the same without a listed origin (an uncredited earlier copy of a BBC story);
- ``attributed_republication``: the page credits another outlet as the source;
- ``wire_copy``: the only credit is a wire agency (Reuters, AP, AFP, TASS, ...);
- ``original``: no provenance signal; said with low confidence, never with an invented origin.

Residue fingerprints (``data/residue_fingerprints.json``) add wire credits (datelines such as
"MOSCOW, March 4. /TASS/."), residue (teasers) and image credits (photo credits, embeds); outbound
links are grouped by outlet; with the original's text (from the index, or fetched with
``fetch_origin``) the result lists what the copy changed.

Evidence says where it comes from: a span of ``article.text``, a removed boilerplate block (its index
in ``article.removed`` and offsets inside its text), a metadata field, or an index entry.

Configuration (``ProvenanceConfig``): ``index_dir`` — a directory made by ``newsprobe index add``;
``min_shared`` — the share of the shorter text two copies must have in common (default 0.5);
``fetch_origin`` — fetch the original from a URL the page credits, to compare the copy with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from ...dedup import EditComparison, IndexMatch, NearDuplicateIndex, compare_texts, overlap, shingle_hashes
from ...document import Article, Span
from ...ingest.url import FETCH_POLICY_RESOURCE, FetchPolicy
from ...outlets import (
    OutletDatabase,
    OutletEvidence,
    OutletProfile,
    laundering_source_evidence,
    normalise_alias,
    parse_host,
)
from ..base import Analyser, AnalysisContext, register
from . import patterns as P
from .fingerprints import Fingerprints, load_fingerprints
from .models import (
    ChainLink,
    CopyMatch,
    EvidenceKind,
    OutletRef,
    ProvenanceEvidence,
    ProvenanceResult,
    Verdict,
)
from .origin import Original, credited_urls, fetch_first, original_from_index
from .outbound import image_credits, link_summary

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ProvenanceAnalyser", "ProvenanceConfig"]

HOST_CUE_KINDS = frozenset({"dateline", "contact_email", "footer_url"})  # name the host, never an origin
NOT_CREDITS = frozenset({"residue", "index_match", "image_credit", "embed", "link"})  # point at, not credited
STRONG_KINDS = frozenset({"republication_notice", "canonical_url", "og_url", "wire_credit"})
CONFIDENCE_ORIGINAL_NO_INDEX = 0.3
CONFIDENCE_ORIGINAL_INDEX_CHECKED = 0.5


class ProvenanceConfig(BaseModel):
    index_dir: str | None = Field(None, description="Near-duplicate index directory (`newsprobe index add`).")
    min_shared: float = Field(0.5, ge=0.0, le=1.0, description="Share of the shorter text two copies must share.")
    fetch_origin: bool = Field(
        False,
        description="Fetch the original from a URL the page credits, through the app's SSRF-guarded fetch policy, "
        "to list what the copy changed.",
    )


# ---------------------------------------------------------------- scanning lines


@dataclass
class Cue:
    kind: EvidenceKind
    strength: Literal["strong", "weak"]
    name: str
    evidence: ProvenanceEvidence


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


def iter_lines(text: str) -> Iterator[Line]:
    """Non-blank lines with their offsets (leading/trailing spaces trimmed)."""
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = position + (len(raw) - len(raw.lstrip()))
            yield Line(start, start + len(stripped), stripped)
        position += len(raw) + 1


def clean_name(raw: str) -> str | None:
    """The outlet named at the start of ``raw``: markdown, URLs, dates and trailing text cut off."""
    raw = P.MARKDOWN_LINK.sub(lambda m: m.group(1) if m.group(2) in ("", "#") else f"{m.group(1)} {m.group(2)}", raw)
    url = P.URL_IN_NAME.search(raw)
    if url is not None and url.start() < 3:
        return url.group(0).rstrip(".,;")
    name = raw.strip().strip("\"'“”‘’*_[]")
    stop = P.NAME_STOPS.search(name)
    if stop is not None:
        name = name[: stop.start()]
    name = name.strip().strip("\"'“”‘’*_:[]().").strip()
    if not name or name.casefold() in P.NOT_OUTLETS or len(name.split()) > P.MAX_NAME_WORDS:
        return None
    if not any(ch.isalpha() for ch in name):
        return None
    return name


def _notice_cue(line: str) -> tuple[P.NoticePattern, str] | None:
    if P.CAPTION_PREFIX.match(line):
        return None
    for pattern in P.NOTICE_PATTERNS:
        match = pattern.regex.match(line)
        if match is None:
            continue
        name = clean_name(match.group("name"))
        if name is not None:
            return pattern, name
    return None


def _wire_cue(line: str) -> str | None:
    for regex in P.WIRE_PATTERNS:
        match = regex.search(line)
        if match is not None:
            return match.group("name")
    return None


def _evidence_at(kind: EvidenceKind, name: str, line: Line, block: int | None) -> ProvenanceEvidence:
    span = Span(start=line.start, end=line.end)
    if block is None:
        return ProvenanceEvidence(kind=kind, where="text", quote=line.text, name=name, span=span)
    return ProvenanceEvidence(
        kind=kind, where="removed", quote=line.text, name=name, removed_block=block, removed_span=span
    )


def _residue_cues(line: Line, block: int | None, fingerprints: Fingerprints) -> Iterator[Cue]:
    """Fingerprints in a line: datelines and credit formats are wire credits, teasers are residue."""
    for match in Fingerprints.matches(line.text, fingerprints.text):
        fingerprint = match.fingerprint
        kind: EvidenceKind = "residue" if fingerprint.kind == "teaser" else "wire_credit"
        found = Line(line.start + match.start, line.start + match.end, line.text[match.start : match.end])
        evidence = _evidence_at(kind, fingerprint.name, found, block).model_copy(update={"fingerprint": fingerprint.id})
        yield Cue(kind, "strong", fingerprint.outlet, evidence)


def _wire_line_cues(wire: str, line: Line, block: int | None, residue: list[Cue]) -> Iterator[Cue]:
    """The line's wire credit (tagged with the fingerprint of the same agency, if one matched), then the rest."""
    evidence = _evidence_at("wire_credit", wire, line, block)
    same = next((c for c in residue if c.kind == "wire_credit" and c.evidence.name == wire), None)
    if same is not None:
        evidence = evidence.model_copy(update={"fingerprint": same.evidence.fingerprint})
    yield Cue("wire_credit", "strong", wire, evidence)
    yield from (c for c in residue if c is not same)


def scan_lines(text: str, block: int | None, fingerprints: Fingerprints | None = None) -> Iterator[Cue]:
    """Notice, byline, wire, dateline and residue cues in ``text`` (article text when ``block`` is None)."""
    for line in iter_lines(text):
        residue = list(_residue_cues(line, block, fingerprints)) if fingerprints is not None else []
        wire = _wire_cue(line.text)
        if wire is not None:
            yield from _wire_line_cues(wire, line, block, residue)
            continue
        yield from residue
        found = _notice_cue(line.text)
        if found is not None:
            pattern, name = found
            yield Cue(pattern.kind, pattern.strength, name, _evidence_at(pattern.kind, name, line, block))
            continue
        dateline = P.SITE_DATELINE.match(line.text)
        if dateline is not None:
            name = dateline.group("name").strip()
            yield Cue("dateline", "weak", name, _evidence_at("dateline", name, line, block))
        elif block is not None:
            yield from _footer_cues(line, block)


def _footer_cues(line: Line, block: int) -> Iterator[Cue]:
    """E-mail addresses and bare www. URLs in boilerplate lines that are not notices: host evidence."""
    footer_patterns: tuple[tuple[EvidenceKind, re.Pattern[str]], ...] = (
        ("contact_email", P.FOOTER_EMAIL),
        ("footer_url", P.FOOTER_URL),
    )
    for kind, regex in footer_patterns:
        for match in regex.finditer(line.text):
            value = match.group(0).rstrip(".")
            span = Line(line.start + match.start(), line.start + match.start() + len(value), value)
            yield Cue(kind, "weak", value, _evidence_at(kind, value, span, block))


def page_cues(article: Article, fingerprints: Fingerprints | None = None) -> list[Cue]:
    cues = list(scan_lines(article.text, None, fingerprints))
    for index, block in enumerate(article.removed):
        cues.extend(scan_lines(block.text, index, fingerprints))
    return cues


def _metadata_evidence(kind: EvidenceKind, field: str, value: str, name: str | None = None) -> ProvenanceEvidence:
    return ProvenanceEvidence(kind=kind, where="metadata", quote=value, name=name or value, field=field)


def metadata_cues(article: Article) -> list[Cue]:
    """Bylines, authors and credited organisations that may name an outlet ("RT News", "Reuters")."""
    meta = article.metadata
    cues = []
    if meta.byline:
        name = clean_name(_strip_by(meta.byline))
        if name:
            cues.append(Cue("byline", "weak", name, _metadata_evidence("byline", "byline", meta.byline, name)))
    for author in meta.authors:
        name = clean_name(_strip_by(author))
        if name:
            cues.append(Cue("byline", "weak", name, _metadata_evidence("byline", "authors", author, name)))
    for credit in meta.credits:  # organisations named as authors: "Reuters" is a wire credit
        name = clean_name(credit)
        if name and re.fullmatch(P.WIRE_NAMES, name):
            cues.append(Cue("wire_credit", "strong", name, _metadata_evidence("wire_credit", "credits", credit, name)))
        elif name:
            cues.append(Cue("byline", "weak", name, _metadata_evidence("byline", "credits", credit, name)))
    return cues


def _strip_by(value: str) -> str:
    value = value.strip()
    return value[3:] if value.lower().startswith("by ") else value


# ---------------------------------------------------------------- resolving outlets


class Resolver:
    """Names and domains to outlet references, via the outlet table."""

    def __init__(self, db: OutletDatabase) -> None:
        self.db = db

    def profile(self, name: str, *, compact: bool = True) -> OutletProfile | None:
        url = P.URL_IN_NAME.search(name)
        query = url.group(0) if url is not None else name
        profile = self.db.lookup(query, compact=compact)
        if profile.status == "known":
            return profile
        if profile.domain is not None and not profile.is_ip and profile.registered_domain:
            return profile  # an unknown but real domain: still a concrete outlet
        # a name several papers share ('the Daily News'); not a person's, whose namesake is a site named after them
        return profile if compact and profile.namesakes else None

    def _outlet_after_person(self, name: str) -> tuple[str, OutletProfile] | None:
        """'Tyler Durden at Zero Hedge' -> ('Zero Hedge', zerohedge.com) when the tail is a known alias or domain."""
        tail = _outlet_part(name)
        if tail is None:
            return None
        profile = self.profile(tail, compact=False)
        return (tail, profile) if profile is not None and profile.status == "known" else None

    def ref(self, name: str, evidence: list[ProvenanceEvidence], *, compact: bool = True) -> OutletRef:
        profile = self.profile(name, compact=compact)
        if profile is None or profile.status == "unknown":
            outlet = self._outlet_after_person(name)
            if outlet is not None:
                name, profile = outlet
        domain = profile.domain if profile is not None else None
        known = profile is not None and profile.status == "known"
        display = name
        if P.URL_IN_NAME.search(name) or parse_host(name) is not None and "." in name and " " not in name:
            display = (profile.name if known and profile is not None else None) or domain or name
        registered = profile.registered_domain if profile is not None else None
        return OutletRef(
            name=display,
            domain=domain,
            resolved=known,
            profile=profile,
            is_wire=registered in P.WIRE_DOMAINS or domain in P.WIRE_DOMAINS,
            evidence=evidence,
        )


def _add_evidence(ref: OutletRef, evidence: list[ProvenanceEvidence]) -> None:
    for item in evidence:
        if item not in ref.evidence:
            ref.evidence.append(item)


def _outlet_part(name: str) -> str | None:
    parts = P.PERSON_AT_OUTLET.split(name)
    return parts[-1].strip() if len(parts) > 1 else None


def outlet_key(ref: OutletRef) -> str:
    if ref.profile is not None and ref.profile.registered_domain:
        return ref.profile.registered_domain
    return ref.domain or normalise_alias(ref.name)


def same_outlet(a: OutletRef, b: OutletRef) -> bool:
    """One outlet: the same domain or name, or a domain written as the other's name shortened ('New York Post'
    on nypost.com, which the outlet table files under newyorkpost.com; 'BBC News' on bbc.com)."""
    return (
        outlet_key(a) == outlet_key(b)
        or normalise_alias(a.name) == normalise_alias(b.name)
        or _named_short(a, b)
        or _named_short(b, a)
    )


def _named_short(ref: OutletRef, other: OutletRef) -> bool:
    domain = (ref.profile.registered_domain if ref.profile is not None else None) or ref.domain
    return domain is not None and abbreviates(domain.split(".")[0], other.name)


def abbreviates(label: str, name: str) -> bool:
    """Whether a domain's first label is `name` written short: each word whole or by its first letter in order,
    generic words ('The', 'News') whole, short or left out, and one word of three letters or more whole ('nypost'
    for New York Post, 'bbc' for BBC News, 'theverge' for The Verge; not 'post' for Washington Post)."""
    words = re.findall(r"[a-z0-9]+", name.lower())

    def fits(index: int, at: int, whole_word: bool) -> bool:
        if index == len(words):
            return at == len(label) and whole_word
        word = words[index]
        return (
            (label.startswith(word, at) and fits(index + 1, at + len(word), whole_word or len(word) >= 3))
            or (label.startswith(word[0], at) and fits(index + 1, at + 1, whole_word))
            or (word in P.GENERIC_OUTLET_WORDS and fits(index + 1, at, whole_word))
        )

    return bool(words) and fits(0, 0, False)


# ---------------------------------------------------------------- host


def _host_candidates(article: Article, cues: list[Cue]) -> Iterator[tuple[str, ProvenanceEvidence]]:
    """(name or domain, evidence) in order of trust: URL, domain, site name, footer, dateline, canonical."""
    meta = article.metadata
    if meta.url:
        yield meta.url, _metadata_evidence("url", "url", meta.url)
    if meta.domain:
        yield meta.domain, _metadata_evidence("domain", "domain", meta.domain)
    if meta.site_name:
        yield meta.site_name, _metadata_evidence("site_name", "site_name", meta.site_name)
    for email in meta.contact_emails:
        yield email.rsplit("@", 1)[-1], _metadata_evidence("contact_email", "contact_emails", email)
    for url in meta.footer_urls:
        yield url, _metadata_evidence("footer_url", "footer_urls", url)
    for cue in cues:
        if cue.kind in HOST_CUE_KINDS:
            yield cue.name, cue.evidence
    for field in ("canonical_url", "og_url"):
        value = getattr(meta, field)
        if value:
            yield value, _metadata_evidence(field, field, value)


def _webmail(ref: OutletRef) -> bool:
    return (ref.profile is not None and ref.profile.registered_domain or "") in P.WEBMAIL_DOMAINS


def find_host(article: Article, cues: list[Cue], resolver: Resolver) -> OutletRef | None:
    host: OutletRef | None = None
    for value, evidence in _host_candidates(article, cues):
        candidate = resolver.ref(value, [evidence])
        if host is None:
            if candidate.profile is None and evidence.kind not in ("site_name", "dateline"):
                continue
            if evidence.kind == "contact_email" and _webmail(candidate):
                continue
            host = candidate
        elif same_outlet(host, candidate):
            _add_evidence(host, [evidence])
    if host is not None and _on_the_page_domain(host, article.metadata.domain):
        host.name = article.metadata.outlet or host.name  # as the report's header names the outlet
    return host


def _on_the_page_domain(host: OutletRef, domain: str | None) -> bool:
    return bool(domain) and (host.domain == domain or (host.domain or "").endswith(f".{domain}"))


# ---------------------------------------------------------------- origins


def _url_origins(article: Article, host: OutletRef | None, resolver: Resolver) -> list[Cue]:
    """Canonical/og URLs and og:site_name naming another outlet than the host."""
    meta = article.metadata
    if host is None:
        return []
    cues = []
    for field in ("canonical_url", "og_url"):
        value = getattr(meta, field)
        parts = parse_host(value) if value else None
        if parts is not None and parts.registered_domain and parts.registered_domain != outlet_key(host):
            cues.append(Cue(field, "strong", value, _metadata_evidence(field, field, value)))
    if meta.site_name and host.evidence[0].kind == "url":
        cues.append(
            Cue("site_name", "weak", meta.site_name, _metadata_evidence("site_name", "site_name", meta.site_name))
        )
    return cues


def collect_origins(cues: list[Cue], host: OutletRef | None, resolver: Resolver) -> list[OutletRef]:
    """Credited outlets other than the host, one per outlet, evidence merged, in order of first mention."""
    origins: list[OutletRef] = []
    for cue in cues:
        if cue.kind in HOST_CUE_KINDS:
            continue
        ref = resolver.ref(cue.name, [cue.evidence], compact=cue.kind != "byline")
        if cue.strength == "weak" and ref.profile is None:
            continue
        if cue.kind == "wire_credit":
            ref.is_wire = True
        if host is not None and same_outlet(ref, host):
            _add_evidence(host, [cue.evidence])
            continue
        existing = next((o for o in origins if same_outlet(o, ref)), None)
        if existing is None:
            origins.append(ref)
        else:
            _add_evidence(existing, ref.evidence)
            existing.is_wire = existing.is_wire or ref.is_wire
    for origin in origins:
        origin.credited = _credits(origin)
    return origins


def _credits(ref: OutletRef) -> bool:
    return any(e.kind not in NOT_CREDITS for e in ref.evidence)


# ---------------------------------------------------------------- index


def _date(value: str | None) -> str | None:
    if value and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    return None


def _order(match: IndexMatch, article: Article) -> Literal["earlier", "same_day", "later", "unknown"]:
    mine, theirs = _date(article.metadata.published), _date(match.published)
    if mine is None or theirs is None:
        return "unknown"
    return "earlier" if theirs < mine else "same_day" if theirs == mine else "later"


def find_copies(
    index: NearDuplicateIndex,
    article: Article,
    host: OutletRef | None,
    origins: list[OutletRef],
    resolver: Resolver,
    min_shared: float,
) -> list[CopyMatch]:
    copies = []
    own_urls = {u for u in (article.metadata.url, article.metadata.canonical_url) if u}
    for match in index.query(article.text, min_shared=min_shared):
        if match.url in own_urls or match.source in own_urls:
            continue
        ref = resolver.ref(match.domain or match.outlet or match.url or match.source, [])
        if match.outlet and not match.domain:
            ref = resolver.ref(match.outlet, [])
        if host is not None and same_outlet(ref, host):
            continue
        credited = any(origin.credited and same_outlet(ref, origin) for origin in origins)
        copies.append(CopyMatch(**match.model_dump(), order=_order(match, article), credited=credited))
    return copies


def _copy_evidence(copy: CopyMatch) -> ProvenanceEvidence:
    quote = (
        f"{copy.outlet or copy.domain or copy.source} ({copy.published or 'undated'}): "
        f"containment {copy.containment:.2f}, Jaccard {copy.jaccard:.2f}"
    )
    return ProvenanceEvidence(
        kind="index_match", where="index", quote=quote, name=copy.outlet or copy.domain, index_source=copy.source
    )


# ---------------------------------------------------------------- verdict


def _chain(host: OutletRef | None, origins: list[OutletRef], verdict: Verdict) -> list[ChainLink]:
    if verdict == "original":
        return [ChainLink(**host.model_dump(), role="original")] if host is not None else []
    primary = [o for o in origins if any(e.kind != "via" for e in o.evidence)]
    via = [o for o in origins if o not in primary]
    if not primary:
        primary, via = via, []
    links = [ChainLink(**o.model_dump(), role="original") for o in primary]
    links += [ChainLink(**o.model_dump(), role="intermediary") for o in via]
    if host is not None:
        links.append(ChainLink(**host.model_dump(), role="republisher"))
    return links


def _label(ref: OutletRef) -> str:
    return f"{ref.name} ({ref.domain})" if ref.domain and ref.domain != ref.name else ref.name


def _attribution_confidence(origins: list[OutletRef]) -> float:
    kinds = {e.kind for o in origins for e in o.evidence}
    base = 0.85 if kinds & STRONG_KINDS else 0.6
    return round(min(0.97, base + 0.04 * (len(kinds) - 1)), 2)


@dataclass(frozen=True)
class Uncredited:
    """An outlet the story comes from that the page does not credit: an earlier index copy, or its residue."""

    ref: OutletRef
    confidence: float
    finding: str
    basis: list[OutletEvidence]
    same_state: bool = False


def _copy_ref(copy: CopyMatch, resolver: Resolver) -> OutletRef:
    ref = resolver.ref(copy.domain or copy.outlet or copy.source, [_copy_evidence(copy)])
    if copy.outlet and not ref.resolved:
        ref.name = copy.outlet
    return ref


def _uncredited(ref: OutletRef, host: OutletRef | None, confidence: float, finding: str) -> Uncredited:
    basis = laundering_source_evidence(ref.profile, host.profile if host else None)
    same_state = not basis and bool(laundering_source_evidence(ref.profile))
    return Uncredited(ref, confidence, finding, basis, same_state)


def uncredited_sources(
    origins: list[OutletRef],
    copies: list[CopyMatch],
    host: OutletRef | None,
    resolver: Resolver,
    fingerprints: Fingerprints,
) -> list[Uncredited]:
    """Earlier uncredited copies in the index, and outlets whose residue the text carries but does not credit."""
    found = []
    for copy in copies:
        if copy.order == "earlier" and not copy.credited:
            ref = _copy_ref(copy, resolver)
            where = f"{ref.name} ({ref.domain}, {copy.published})" if ref.domain else f"{ref.name} ({copy.published})"
            finding = f"an earlier copy at {where} shares {copy.shared_fraction:.0%} of the text"
            found.append(_uncredited(ref, host, round(min(0.9, 0.5 + 0.4 * copy.shared_fraction), 2), finding))
    confidence_of = {f.id: f.confidence for f in fingerprints.entries}
    for origin in origins:
        residue = [e for e in origin.evidence if e.kind == "residue"]
        if residue and not origin.credited:
            finding = f"the text carries {origin.name}'s own teaser line “{residue[0].quote}”, left over from its pages"
            confidence = max(confidence_of.get(e.fingerprint or "", 0.5) for e in residue)
            found.append(_uncredited(origin, host, confidence, finding))
    return found


LIST_ORDER = {"state_affiliation": 0, "laundromat": 1, "specious_sites": 2}


def _uncredited_verdict(uncredited: list[Uncredited]) -> tuple[Verdict, float, str, list[OutletEvidence]]:
    flagged = [u for u in uncredited if u.basis]
    best = max(flagged or uncredited, key=lambda u: u.confidence)
    name = best.ref.name
    finding = f"{best.finding} and the article does not credit {name}"
    if flagged:
        basis = sorted(best.basis, key=lambda e: LIST_ORDER.get(e.kind, 3))
        lists = ", ".join(dict.fromkeys(e.list_label for e in basis))
        return "suspected_laundering", best.confidence, f"{finding}; {name} is on the {lists}", basis
    if best.same_state:
        return "uncredited_copy", best.confidence, f"{finding}; both are state media of the same country", []
    reason = "is on none of the state-media, laundromat or specious-sites lists"
    return "uncredited_copy", best.confidence, f"{finding}; {name} {reason}", []


def decide(
    origins: list[OutletRef], copies: list[CopyMatch], index_checked: bool, uncredited: list[Uncredited]
) -> tuple[Verdict, float, str, list[OutletEvidence]]:
    if uncredited:
        return _uncredited_verdict(uncredited)
    verdict, confidence, explanation = _credited_verdict([o for o in origins if o.credited], copies, index_checked)
    return verdict, confidence, explanation, []


def _credited_verdict(
    credits: list[OutletRef], copies: list[CopyMatch], index_checked: bool
) -> tuple[Verdict, float, str]:
    credited = [o for o in credits if not o.is_wire]
    if credited:
        names = ", ".join(_label(o) for o in credited)
        return "attributed_republication", _attribution_confidence(credited), f"the page credits {names} as the source"
    if credits:
        names = ", ".join(_label(o) for o in credits)
        kinds = {e.kind for o in credits for e in o.evidence}
        return "wire_copy", 0.8 if "wire_credit" in kinds else 0.7, f"the page credits the wire service {names}"
    unordered = [c for c in copies if c.order in ("same_day", "unknown") and not c.credited]
    if unordered:
        where = ", ".join(sorted({c.outlet or c.domain or c.source for c in unordered}))
        return (
            "original",
            CONFIDENCE_ORIGINAL_NO_INDEX,
            (f"no credit found; uncredited copies at {where} exist but which came first cannot be told from the dates"),
        )
    if index_checked:
        return (
            "original",
            CONFIDENCE_ORIGINAL_INDEX_CHECKED,
            (
                "no republication notice, outlet byline, wire credit or foreign canonical URL, "
                "and no earlier uncredited copy in the index"
            ),
        )
    return (
        "original",
        CONFIDENCE_ORIGINAL_NO_INDEX,
        (
            "no republication notice, outlet byline, wire credit or foreign canonical URL was found; "
            "without a near-duplicate index, earlier copies elsewhere cannot be ruled out"
        ),
    )


def _attach_copies(origins: list[OutletRef], copies: list[CopyMatch], resolver: Resolver) -> list[OutletRef]:
    """Earlier copies become origins (laundering) or extra evidence on the origin they match."""
    origins = [o.model_copy(deep=True) for o in origins]
    for copy in copies:
        if copy.order != "earlier":
            continue
        ref = _copy_ref(copy, resolver)
        existing = next((o for o in origins if same_outlet(o, ref)), None)
        if existing is None:
            origins.append(ref)
        else:
            _add_evidence(existing, ref.evidence)
    return origins


@register
class ProvenanceAnalyser(Analyser[ProvenanceResult, ProvenanceConfig]):
    name = "provenance"
    version = 1
    title = "Provenance"
    description = "Host outlet, credited origins and earlier copies, with outlet profiles and a verdict."
    uses_doc = False
    Result = ProvenanceResult
    Config = ProvenanceConfig

    def run(self, article: Article, doc: Doc | None, context: AnalysisContext) -> ProvenanceResult:
        config = self.config
        resolver = Resolver(context.resource("outlets.database", OutletDatabase))
        fingerprints = context.resource("provenance.fingerprints", load_fingerprints)
        cues = page_cues(article, fingerprints) + metadata_cues(article)
        host = find_host(article, cues, resolver)
        origins = collect_origins(cues + _url_origins(article, host, resolver), host, resolver)
        index = self._index(context)
        copies = find_copies(index, article, host, origins, resolver, config.min_shared) if index is not None else []
        uncredited = uncredited_sources(origins, copies, host, resolver, fingerprints)
        verdict, confidence, explanation, basis = decide(origins, copies, index is not None, uncredited)
        if any(c.order == "earlier" for c in copies):
            origins = _attach_copies(origins, copies, resolver)
        edits, edits_note = self._compare(article, origins, copies, index, context)

        def is_host(ref: OutletRef) -> bool:
            return host is not None and same_outlet(ref, host)

        return ProvenanceResult(
            verdict=verdict,
            confidence=confidence,
            explanation=explanation,
            host=host,
            origins=origins,
            chain=_chain(host, origins, verdict),
            copies=copies,
            index_checked=index is not None,
            laundering_basis=basis,
            image_credits=image_credits(article, fingerprints, resolver.ref, is_host),
            links=link_summary(article, resolver.ref, is_host),
            edits=edits,
            edits_note=edits_note,
        )

    def _index(self, context: AnalysisContext) -> NearDuplicateIndex | None:
        directory = self.config.index_dir
        if not directory:
            return None
        return context.resource(f"dedup.index:{directory}", lambda: NearDuplicateIndex(directory, create=False))

    def _compare(
        self,
        article: Article,
        origins: list[OutletRef],
        copies: list[CopyMatch],
        index: NearDuplicateIndex | None,
        context: AnalysisContext,
    ) -> tuple[EditComparison | None, str | None]:
        """The copy against its original: from the index when it kept the text, else fetched on request."""
        original: Original | None = original_from_index(index, copies) if index is not None else None
        note = None
        if original is None and self.config.fetch_origin:
            policy = context.resources.get(FETCH_POLICY_RESOURCE) or FetchPolicy()
            original, note = fetch_first(credited_urls(article, origins), policy, origins)
        elif original is None and any(c.order == "earlier" for c in copies):
            note = "the index holds an earlier copy but not its text (it was indexed without it)"
        if original is None:
            return None, note
        shared = overlap(shingle_hashes(article.text), shingle_hashes(original.text))
        share = max(shared.query_in_match, shared.match_in_query)
        if share < self.config.min_shared:
            return None, f"the page at {original.document.source} shares only {share:.0%} of the text; not compared"
        edits = compare_texts(original.document, original.text, original.title, article.text, article.metadata.title)
        return edits, None
