"""Outlet profiles: who an outlet is and what curated data sets say about it.

``source("RT News")``, ``source("https://de.rt.com/...")`` or ``source("globalresearch.ca")`` returns an
:class:`OutletProfile` built from the table shipped in ``newsprobe/data/outlets.sqlite`` (compiled by
``training/outlets/build_outlets.py``). Every flag carries its data set and citation. An outlet the
table does not know is ``status="unknown"`` — never "reliable".

Domains are handled with tldextract and its bundled public-suffix snapshot only (no network fetch):
IDNs are compared in their ASCII (punycode) form, ``www.``/``m.``/``amp.`` prefixes are dropped, a
subdomain with its own row (``de.rt.com``) gets that row plus its parent's flags, and bare IP
addresses are recognised and reported as such.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import unicodedata
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, computed_field

from .domains import HostParts, parse_host, to_unicode

__all__ = [
    "HostParts",
    "OutletDatabase",
    "OutletEvidence",
    "OutletProfile",
    "Reliability",
    "StateAffiliation",
    "database",
    "laundering_source_evidence",
    "normalise_alias",
    "parse_host",
    "source",
]

DEFAULT_TABLE = "outlets.sqlite"
EDITORIAL_CONTROL_TYPOLOGIES = frozenset({"SC", "CaPu", "CaPr"})
TYPOLOGY_LABELS = {
    "SC": "state-controlled",
    "CaPu": "captured public/state-managed",
    "CaPr": "captured private",
    "ISFM": "independent state-funded and state-managed",
    "ISFM?": "independent state-funded and state-managed (uncertain)",
    "ISF": "independent state-funded",
    "ISM": "independent state-managed",
    "IP": "independent public media",
}

LIST_FILTERS = {
    "state": "state_typology IN ('SC', 'CaPu', 'CaPr')",
    "specious": "key IN (SELECT key FROM flags WHERE kind = 'specious_sites')",
    "laundromat": "key IN (SELECT key FROM flags WHERE kind = 'laundromat')",
    "low": "pc1_band = 'low'",
}

_ALIAS_JUNK = re.compile(r"[^\w]+")
_LEADING_THE = re.compile(r"^the\s+")
_DOMAINISH = re.compile(r"^(?:[a-z][a-z0-9+.-]*:/{1,2})?[^\s/@]+\.[^\s/@.]{2,}(?:[:/?#].*)?$", re.IGNORECASE)
_HANDLE = re.compile(r"@(\w{1,30})")  # a social-media handle, no e-mail address


MAX_NAMESAKES = 10
# Words newspapers of many towns share in their names ('Daily News', 'The Sunday Times', 'Morning Star').
_MASTHEAD_WORDS = frozenset(
    """the daily news times post herald telegraph tribune journal gazette star sun mail express mirror observer
    chronicle independent standard guardian globe record review today weekly morning evening sunday courier
    press examiner sentinel dispatch inquirer register bulletin leader advertiser argus echo""".split()
)


def looks_like_domain(value: str) -> bool:
    """True for URLs, bare domains and IPs; False for outlet names like "RT News"."""
    value = value.strip()
    if not value or " " in value:
        return False
    if "://" in value or value.startswith("www."):
        return True
    parts = parse_host(value)
    if parts is None:
        return False
    return parts.is_ip or (bool(parts.registered_domain) and bool(_DOMAINISH.match(value)))


def normalise_alias(name: str) -> str:
    """The key an outlet name is looked up by: case-, accent- and punctuation-insensitive."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("&", " and ")
    text = _ALIAS_JUNK.sub(" ", text).replace("_", " ")
    return _LEADING_THE.sub("", " ".join(text.split()))


# ---------------------------------------------------------------- profile model


def laundromat_label(category: str) -> str:
    """'Information Laundromat (EuVsDisinfo)': the words every view uses for a Laundromat listing."""
    return f"Information Laundromat ({category})"


class OutletEvidence(BaseModel):
    """One statement a data set makes about an outlet, with where it comes from."""

    kind: Literal["reliability_score", "state_affiliation", "specious_sites", "laundromat"]
    value: str = Field(description="What the data set says, e.g. 'pc1=0.18', 'SC', 'RT Mirror/Repost'.")
    dataset: str = Field(description="Data set id, e.g. 'lin2023', 'asd_state_media', 'hanley2024'.")
    citation: str
    detail: str = ""
    inherited_from: str | None = Field(None, description="Parent domain the flag belongs to, if not this host.")

    @property
    def list_label(self) -> str:
        """The statement in plain words, the same in explanations, reports and the corpus dashboard."""
        if self.kind == "state_affiliation":
            return f"state media list ({TYPOLOGY_LABELS.get(self.value, self.value)})"
        if self.kind == "laundromat":
            return laundromat_label(self.value)
        if self.kind == "specious_sites":
            return "specious-sites list"
        return f"Lin et al. score ({self.value.removeprefix('pc1=')})"


class Reliability(BaseModel):
    score: float = Field(description="Lin et al. (2023) aggregate pc1, 0 (lowest quality) to 1 (highest).")
    percentile: float = Field(description="Share of the 11,520 rated domains scoring at or below this one, 0-100.")
    band: Literal["low", "middle", "high"] = Field(description="Tercile of the Lin et al. distribution.")
    domain: str = Field(description="The domain the score was given to.")
    citation: str

    @property
    def display(self) -> str:
        """'low Lin et al. score (0.29)': the words every view uses for the score."""
        return f"{self.band} Lin et al. score ({self.score:.2f})"

    @property
    def standing(self) -> str:
        """Where the score stands, the same words in every view: '16% of the rated domains score the same or lower'."""
        return f"{self.percentile:.0f}% of the rated domains score the same or lower"

    @property
    def explanation(self) -> str:
        """The tooltip: what the score measures and where it stands among the rated domains."""
        return (
            f"Domain quality score {self.score:.2f} on a scale from 0 (lowest) to 1 (highest); "
            f"{self.standing} ({self.band} third). {self.citation}"
        )


class StateAffiliation(BaseModel):
    typology: str = Field(description="State Media Monitor code: SC, CaPu, CaPr, ISFM, ISF, ISM, IP.")
    label: str
    editorial_control: bool = Field(description="True only for SC, CaPu and CaPr.")
    owner: str | None = None
    country: str | None = None
    citation: str

    @property
    def display(self) -> str:
        """'state-controlled (Russia)': the words every view uses for the affiliation."""
        return f"{self.label} ({self.country or 'state'})"


class OutletProfile(BaseModel):
    query: str
    status: Literal["known", "unknown"]
    domain: str | None = Field(None, description="Host the profile is for (registered domain or listed subdomain).")
    registered_domain: str | None = None
    unicode_domain: str | None = None
    is_ip: bool = False
    name: str | None = None
    names: list[str] = Field(default_factory=list)
    country: str | None = None
    state_affiliation: StateAffiliation | None = None
    reliability: Reliability | None = None
    reliability_label: str = Field(
        "unknown", description="'unknown', or the Lin et al. tercile ('low', 'middle', 'high'); never 'reliable'."
    )
    specious_sites: bool = False
    laundromat_categories: list[str] = Field(default_factory=list)
    evidence: list[OutletEvidence] = Field(default_factory=list)
    namesakes: list[str] = Field(
        default_factory=list,
        description="For an unknown name: the listed outlets (by domain) it fits, none of them its own.",
    )
    matched_by: Literal["domain", "parent_domain", "alias", "none"] = "none"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def flags(self) -> list[str]:
        """Short labels of the concerns raised, for reports."""
        found = []
        if self.state_affiliation and self.state_affiliation.editorial_control:
            found.append(self.state_affiliation.display)
        if self.specious_sites:
            found.append("specious-sites list")
        found.extend(laundromat_label(category) for category in self.laundromat_categories)
        if self.reliability and self.reliability.band == "low":
            found.append(self.reliability.display)
        return found


# ---------------------------------------------------------------- database


def default_table_path() -> Path:
    return Path(str(resources.files("newsprobe") / "data" / DEFAULT_TABLE))


class OutletDatabase:
    """Read-only access to the compiled outlet table."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_table_path()
        self._local = threading.local()

    @property
    def connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            if not self.path.exists():
                from .errors import InputError

                raise InputError(f"outlet table not found: {self.path} (run training/outlets/build_outlets.py)")
            conn = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
        return conn

    @cached_property
    def citations(self) -> dict[str, str]:
        return {row["id"]: row["citation"] for row in self.connection.execute("SELECT id, citation FROM datasets")}

    @cached_property
    def dataset_titles(self) -> dict[str, str]:
        """{'lin2023': 'Lin et al. 2023 aggregate domain quality (pc1 only)', ...}: what the views call a data set."""
        return {row["id"]: row["title"] for row in self.connection.execute("SELECT id, title FROM datasets")}

    def datasets(self) -> list[dict[str, object]]:
        return [dict(row) for row in self.connection.execute("SELECT * FROM datasets ORDER BY id")]

    def count(self) -> int:
        return int(self.connection.execute("SELECT COUNT(*) FROM outlets").fetchone()[0])

    def list_outlets(
        self, *, flag: str | None = None, country: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[OutletProfile]:
        """Outlets with a flag ('state', 'specious', 'laundromat', 'low') and/or in a country, by domain."""
        where, params = self._list_filter(flag, country)
        sql = f"SELECT key FROM outlets{where} ORDER BY key LIMIT ? OFFSET ?"
        keys = [row["key"] for row in self.connection.execute(sql, (*params, limit, offset))]
        return [self._profile(key, key, matched_by="domain") for key in keys]

    def count_outlets(self, *, flag: str | None = None, country: str | None = None) -> int:
        """How many outlets `list_outlets` lists with these filters (without a limit)."""
        where, params = self._list_filter(flag, country)
        return int(self.connection.execute(f"SELECT COUNT(*) FROM outlets{where}", params).fetchone()[0])

    def _list_filter(self, flag: str | None, country: str | None) -> tuple[str, list[str]]:
        where, params = [], []
        if flag is not None:
            if flag not in LIST_FILTERS:
                from .errors import InputError

                raise InputError(f"unknown flag {flag!r} (choose from: {', '.join(LIST_FILTERS)})")
            where.append(LIST_FILTERS[flag])
        if country:
            where.append("lower(country) = lower(?)")
            params.append(country)
        return (" WHERE " + " AND ".join(where) if where else ""), params

    def countries(self) -> list[str]:
        """The countries the state-media data names, for the outlet list's filter."""
        rows = self.connection.execute("SELECT DISTINCT country FROM outlets WHERE country IS NOT NULL ORDER BY 1")
        return [row[0] for row in rows]

    # -- lookup

    def lookup(self, query: str, *, compact: bool = True) -> OutletProfile:
        """Profile for an outlet name, domain, URL, e-mail address, social-media handle ('@nytimes', read as the
        name it spells) or IP (``compact``: see resolve_name)."""
        query = query.strip()
        handle = _HANDLE.fullmatch(query)
        if handle is None and (looks_like_domain(query) or "@" in query):
            parts = parse_host(query)
            if parts is not None:
                return self.by_host(parts, query)
        name = handle.group(1) if handle is not None else query
        key = self.resolve_name(name, compact=compact)
        if key is not None:
            profile = self._profile(key, query, matched_by="alias")
            return profile
        return OutletProfile(query=query, status="unknown", name=query or None, namesakes=self.namesakes(name))

    def namesakes(self, name: str) -> list[str]:
        """The listed outlets a name fits that no one of them owns ('Daily News': four papers), by domain."""
        alias = normalise_alias(name)
        if not alias:
            return []
        label = alias.replace(" ", "")
        rows = self.connection.execute(
            "SELECT key FROM names WHERE alias = ? UNION SELECT key FROM outlets WHERE label IN (?, ?)",
            (alias, label, f"the{label}"),  # 'The Times' is thetimes.co.uk as well as times.co.zm
        )
        return sorted({str(row["key"]) for row in rows})[:MAX_NAMESAKES]

    def resolve_name(self, name: str, *, compact: bool = True) -> str | None:
        """Host key for an outlet name via the alias table ("RT News" -> "rt.com"), else None: also when the
        name is the alias of several outlets alike, or a name of masthead words only ("Daily News", "Mirror")
        that only a data set, not the curated list, gives to one outlet.

        With ``compact``, a name that is not an alias but equals exactly one domain's label without
        spaces ("Global Research" -> globalresearch.ca) resolves too, unless it is made of masthead words
        only; callers reading person bylines turn it off, since many columnists own a domain named after them.
        """
        alias = normalise_alias(name)
        if not alias:
            return None
        masthead = set(alias.split()) <= _MASTHEAD_WORDS  # 'Daily News', 'Mirror', 'Today': many papers' names
        rows = [
            row
            for row in self.connection.execute("SELECT key, priority, origin FROM names WHERE alias = ?", (alias,))
            if row["origin"] == "curated" or not masthead
        ]
        if rows:  # one outlet, or several the name fits alike, so none
            best = min(row["priority"] for row in rows)
            keys = {str(row["key"]) for row in rows if row["priority"] == best}
            return keys.pop() if len(keys) == 1 else None
        if not compact or masthead:
            return None
        label = alias.replace(" ", "")
        rows = self.connection.execute("SELECT key FROM outlets WHERE label = ? LIMIT 2", (label,)).fetchall()
        return str(rows[0]["key"]) if len(rows) == 1 else None

    def outlet_name(self, parts: HostParts) -> tuple[str, bool] | None:
        """The table's name for the outlet at a host (most specific named row first), and whether a
        maintainer curated it (``training/outlets/aliases.csv``) rather than a data set supplying it."""
        for key in parts.lookup_keys():
            row = self._row(key)
            if row is not None and row["name"]:
                curated = self.connection.execute(
                    "SELECT 1 FROM names WHERE key = ? AND origin = 'curated' LIMIT 1", (key,)
                ).fetchone()
                return str(row["name"]), curated is not None
        return None

    def by_host(self, parts: HostParts, query: str) -> OutletProfile:
        keys = parts.lookup_keys()
        for index, key in enumerate(keys):
            if self._row(key) is not None:
                matched_by: Literal["domain", "parent_domain"] = "domain" if index == 0 else "parent_domain"
                return self._profile(key, query, matched_by=matched_by)
        return OutletProfile(
            query=query,
            status="unknown",
            domain=parts.host,
            registered_domain=parts.registered_domain or None,
            unicode_domain=parts.unicode_host,
            is_ip=parts.is_ip,
        )

    def _row(self, key: str) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.connection.execute("SELECT * FROM outlets WHERE key = ?", (key,)).fetchone()
        return row

    def _evidence(self, key: str, inherited_from: str | None = None) -> list[OutletEvidence]:
        rows = self.connection.execute(
            "SELECT kind, value, dataset, detail FROM flags WHERE key = ? ORDER BY kind, dataset, value, detail", (key,)
        )
        return [
            OutletEvidence(
                kind=row["kind"],
                value=row["value"],
                dataset=row["dataset"],
                citation=self.citations.get(row["dataset"], row["dataset"]),
                detail=row["detail"],
                inherited_from=inherited_from,
            )
            for row in rows
        ]

    def _profile(
        self, key: str, query: str, *, matched_by: Literal["domain", "parent_domain", "alias"]
    ) -> OutletProfile:
        row = self._row(key)
        if row is None:
            return OutletProfile(query=query, status="unknown", name=query)
        names = [
            r["name"]
            for r in self.connection.execute("SELECT name FROM names WHERE key = ? ORDER BY priority, name", (key,))
        ]
        names = list(dict.fromkeys(names))
        evidence = self._evidence(key)
        parent = row["registered_domain"]
        parent_row = self._row(parent) if parent and parent != key else None
        if parent_row is not None:
            evidence += self._evidence(parent, inherited_from=parent)
        return _assemble(query, row, parent_row, names, evidence, matched_by, self.citations)


def _reliability(row: sqlite3.Row, citations: dict[str, str]) -> Reliability | None:
    if row["pc1"] is None:
        return None
    return Reliability(
        score=row["pc1"],
        percentile=row["pc1_percentile"],
        band=row["pc1_band"],
        domain=row["key"],
        citation=citations.get("lin2023", "lin2023"),
    )


def _state(row: sqlite3.Row, citations: dict[str, str]) -> StateAffiliation | None:
    typology = row["state_typology"]
    if not typology:
        return None
    return StateAffiliation(
        typology=typology,
        label=TYPOLOGY_LABELS.get(typology, typology),
        editorial_control=typology in EDITORIAL_CONTROL_TYPOLOGIES,
        owner=row["state_owner"],
        country=row["country"],
        citation=citations.get("asd_state_media", "asd_state_media"),
    )


def _assemble(
    query: str,
    row: sqlite3.Row,
    parent: sqlite3.Row | None,
    names: list[str],
    evidence: list[OutletEvidence],
    matched_by: Literal["domain", "parent_domain", "alias"],
    citations: dict[str, str],
) -> OutletProfile:
    reliability = _reliability(row, citations) or (_reliability(parent, citations) if parent is not None else None)
    state = _state(row, citations) or (_state(parent, citations) if parent is not None else None)
    laundromat = sorted({e.value for e in evidence if e.kind == "laundromat"})
    return OutletProfile(
        query=query,
        status="known",
        domain=row["key"],
        registered_domain=row["registered_domain"] or None,
        unicode_domain=to_unicode(row["key"]),
        name=row["name"] or (names[0] if names else None),
        names=names,
        country=row["country"] or (parent["country"] if parent is not None else None),
        state_affiliation=state,
        reliability=reliability,
        reliability_label=reliability.band if reliability else "unknown",
        specious_sites=any(e.kind == "specious_sites" for e in evidence),
        laundromat_categories=laundromat,
        evidence=evidence,
        matched_by=matched_by,
    )


def laundering_source_evidence(origin: OutletProfile | None, host: OutletProfile | None = None) -> list[OutletEvidence]:
    """The data-set entries that make an uncredited copy of ``origin``'s story suspected laundering.

    An origin qualifies when a list flags it: state-affiliated with editorial control (SC, CaPu, CaPr),
    the Information Laundromat's sites of concern, or the specious-sites list. A host that is itself
    state-controlled in the same country does not launder that state's media (RIA copying TASS).
    The corpus view ``laundering_candidates`` applies the same rule in SQL.
    """
    if origin is None or origin.status != "known":
        return []
    found = [
        e
        for e in origin.evidence
        if e.kind in ("laundromat", "specious_sites")
        or (e.kind == "state_affiliation" and e.value in EDITORIAL_CONTROL_TYPOLOGIES)
    ]
    if found and _same_state(origin, host):
        return []
    return found


def _same_state(origin: OutletProfile, host: OutletProfile | None) -> bool:
    state, host_state = origin.state_affiliation, host.state_affiliation if host is not None else None
    return bool(
        state
        and host_state
        and state.editorial_control
        and host_state.editorial_control
        and state.country is not None
        and state.country == host_state.country
    )


_DEFAULT: OutletDatabase | None = None
_DEFAULT_LOCK = threading.Lock()


def database() -> OutletDatabase:
    """The shipped table (opened once, read-only)."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = OutletDatabase()
        return _DEFAULT


def source(name_or_domain: str) -> OutletProfile:
    """Profile of an outlet given a name ("RT News"), domain ("rt.com"), URL, e-mail address, @handle or IP."""
    return database().lookup(name_or_domain)
