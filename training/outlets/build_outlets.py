"""Compile the outlet table shipped in ``src/newsprobe/data/outlets.sqlite``.

Inputs (read their READMEs for licences and caveats):

- ``shared/data/source-ratings/lin2023_domain_pc1.csv`` — Lin et al. (2023) aggregate pc1 only; the
  per-rater columns of ``lin2023_domain_ratings.csv`` are derived from proprietary ratings and are
  deliberately not read.
- ``shared/data/source-ratings/hanley2024_specious_sites_biased_unreliable.txt`` — Specious Sites list.
- ``shared/data/state-media/asd_state_media_matrix.csv`` — ASD / State Media Monitor typology.
- ``shared/data/state-media/asd_laundromat_sites_of_concern.csv`` — ASD Information Laundromat
  comparison corpus, without the "Wikidata All News" rows (generic news sites, not sites of concern).
- ``training/outlets/aliases.csv`` — hand-curated outlet names ("RT News" -> rt.com).

Usage::

    .venv/bin/python training/outlets/build_outlets.py [--data ../shared/data] [--out src/newsprobe/data/outlets.sqlite]

The build is deterministic: rows are inserted in sorted order and the file is vacuumed, so two
builds from the same inputs give the same table contents (``tests/provenance/test_build_outlets.py``).
"""

from __future__ import annotations

import argparse
import bisect
import csv
import hashlib
import sqlite3
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from newsprobe.outlets import normalise_alias, parse_host

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "src" / "newsprobe" / "data" / "outlets.sqlite"
ALIASES = Path(__file__).with_name("aliases.csv")
EXCLUDED_LAUNDROMAT_SOURCES = frozenset({"Wikidata All News"})

DATASETS = {
    "lin2023": {
        "title": "Lin et al. 2023 aggregate domain quality (pc1 only)",
        "file": "source-ratings/lin2023_domain_pc1.csv",
        "citation": (
            "Lin, H., Lasser, J., Lewandowsky, S., Cole, R., Gully, A., Rand, D. G., & Pennycook, G. (2023). "
            "High level of correspondence across different news domain quality rating sets. PNAS Nexus 2(9), "
            "pgad286. doi:10.1093/pnasnexus/pgad286"
        ),
        "licence": "no formal licence; authors: 'Feel free to reuse the data'. Only the aggregate pc1 is shipped.",
    },
    "hanley2024": {
        "title": "Specious Sites: unreliable and biased news websites",
        "file": "source-ratings/hanley2024_specious_sites_biased_unreliable.txt",
        "citation": (
            "Hanley, H. W. A., Kumar, D., & Durumeric, Z. (2024). Specious Sites: Tracking the Spread and Sway "
            "of Spurious News Stories at Scale. IEEE S&P 2024, pp. 1609-1627."
        ),
        "licence": "Apache-2.0 (hanshanley/specious-sites)",
    },
    "asd_state_media": {
        "title": "ASD State Media Matrix (typology by the State Media Monitor)",
        "file": "state-media/asd_state_media_matrix.csv",
        "citation": (
            "Alliance for Securing Democracy (GMF), State Media Profiles (2023), State_Media_Matrix.csv; "
            "typology by the State Media Monitor, Media and Journalism Research Center (statemediamonitor.com)."
        ),
        "licence": "MIT (ASD-at-GMF/state-media-profiles)",
    },
    "asd_laundromat": {
        "title": "ASD Information Laundromat sites of concern (leads, not verdicts)",
        "file": "state-media/asd_laundromat_sites_of_concern.csv",
        "citation": (
            "Alliance for Securing Democracy (GMF), Information Laundromat, sites_of_concern.csv (2023), "
            "Benzoni, Bargar & Chaturvedi. 'Wikidata All News' rows excluded."
        ),
        "licence": "MIT (ASD-at-GMF/disinfo-laundromat)",
    },
    "curated": {
        "title": "newsprobe curated outlet names",
        "file": "training/outlets/aliases.csv",
        "citation": "newsprobe maintainers, training/outlets/aliases.csv",
        "licence": "Apache-2.0 (newsprobe)",
    },
}

SCHEMA = """
CREATE TABLE datasets (id TEXT PRIMARY KEY, title TEXT, citation TEXT, licence TEXT, sha256 TEXT,
                       rows_used INTEGER, rows_skipped INTEGER);
CREATE TABLE outlets (key TEXT PRIMARY KEY, registered_domain TEXT, label TEXT, name TEXT, country TEXT,
                      pc1 REAL, pc1_percentile REAL, pc1_band TEXT, state_typology TEXT, state_owner TEXT);
CREATE TABLE names (alias TEXT, name TEXT, key TEXT, priority INTEGER, origin TEXT);
CREATE TABLE flags (key TEXT, kind TEXT, value TEXT, dataset TEXT, detail TEXT);
CREATE INDEX names_alias ON names(alias);
CREATE INDEX names_key ON names(key);
CREATE INDEX flags_key ON flags(key);
CREATE INDEX outlets_label ON outlets(label);
"""

# Alias priority: lower wins when one name points at several outlets.
PRIORITY_CURATED, PRIORITY_ASSET, PRIORITY_COMPANY = 0, 1, 2


@dataclass
class Outlet:
    key: str
    registered_domain: str
    name: str | None = None
    country: str | None = None
    pc1: float | None = None
    pc1_percentile: float | None = None
    pc1_band: str | None = None
    state_typology: str | None = None
    state_owner: str | None = None


@dataclass
class Table:
    outlets: dict[str, Outlet] = field(default_factory=dict)
    names: set[tuple[str, str, str, int, str]] = field(default_factory=set)
    flags: set[tuple[str, str, str, str, str]] = field(default_factory=set)
    counts: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    def outlet(self, value: str, dataset: str) -> Outlet | None:
        parts = parse_host(value)
        if parts is None or parts.is_ip or not parts.registered_domain:
            self.counts[dataset][1] += 1
            return None
        self.counts[dataset][0] += 1
        if parts.host not in self.outlets:
            self.outlets[parts.host] = Outlet(key=parts.host, registered_domain=parts.registered_domain)
        return self.outlets[parts.host]

    def add_name(self, name: str, key: str, priority: int, origin: str) -> None:
        name = " ".join(name.split())
        alias = normalise_alias(name)
        if alias:
            self.names.add((alias, name, key, priority, origin))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_lin(path: Path, table: Table) -> None:
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    scores = sorted(round(float(row["pc1"]), 4) for row in rows)
    low, high = scores[len(scores) // 3], scores[2 * len(scores) // 3]
    for row in rows:
        outlet = table.outlet(row["domain"], "lin2023")
        if outlet is None:
            continue
        pc1 = round(float(row["pc1"]), 4)
        outlet.pc1 = pc1
        outlet.pc1_percentile = round(100.0 * bisect.bisect_right(scores, pc1) / len(scores), 1)
        outlet.pc1_band = "low" if pc1 < low else "middle" if pc1 < high else "high"
        detail = f"percentile {outlet.pc1_percentile:g} of {len(scores)} domains; tercile '{outlet.pc1_band}'"
        table.flags.add((outlet.key, "reliability_score", f"pc1={outlet.pc1:.2f}", "lin2023", detail))


def read_specious(path: Path, table: Table) -> None:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        outlet = table.outlet(line, "hanley2024")
        if outlet is not None:
            table.flags.add((outlet.key, "specious_sites", "listed", "hanley2024", "biased/unreliable list"))


def read_state_media(path: Path, table: Table) -> None:
    for row in csv.DictReader(path.open(encoding="utf-8", newline="")):
        if not row["URL"].strip():
            table.counts["asd_state_media"][1] += 1
            continue
        outlet = table.outlet(row["URL"], "asd_state_media")
        if outlet is None:
            continue
        typology = row["Typology"].strip()
        asset, company = row["Main assets"].strip(), row["Media company"].strip()
        if typology and outlet.state_typology is None:
            outlet.state_typology, outlet.state_owner = typology, company or None
        outlet.country = outlet.country or row["Country"].strip() or None
        outlet.name = outlet.name or asset or None
        detail = f"{asset} ({company}), {row['Country'].strip()}"
        if row["Status"].strip():
            detail += f"; status: {row['Status'].strip()}"
        table.flags.add((outlet.key, "state_affiliation", typology or "unknown", "asd_state_media", detail))
        if asset:
            table.add_name(asset, outlet.key, PRIORITY_ASSET, "asd_state_media")
        if company:
            table.add_name(company, outlet.key, PRIORITY_COMPANY, "asd_state_media")


def read_laundromat(path: Path, table: Table) -> None:
    for row in csv.DictReader(path.open(encoding="utf-8", newline="")):
        category = row["Source"].strip()
        if category in EXCLUDED_LAUNDROMAT_SOURCES:
            table.counts["asd_laundromat"][1] += 1
            continue
        outlet = table.outlet(row["Domain"], "asd_laundromat")
        if outlet is not None:
            table.flags.add(
                (outlet.key, "laundromat", category, "asd_laundromat", "site of concern (lead, not verdict)")
            )


def read_aliases(path: Path, table: Table) -> None:
    for row in csv.DictReader(path.open(encoding="utf-8", newline="")):
        outlet = table.outlet(row["domain"], "curated")
        if outlet is None:
            continue
        outlet.name = outlet.name or row["name"]
        table.add_name(row["name"], outlet.key, PRIORITY_CURATED, "curated")


def drop_ambiguous_company_names(table: Table) -> None:
    """A media company name ("Rossiya Segodnya") naming outlets on several registered domains is no alias."""
    domains: dict[str, set[str]] = defaultdict(set)
    for alias, _name, key, priority, _origin in table.names:
        if priority == PRIORITY_COMPANY:
            domains[alias].add(table.outlets[key].registered_domain)
    table.names = {n for n in table.names if n[3] != PRIORITY_COMPANY or len(domains[n[0]]) == 1}
    # a company name shared by subdomains (RT -> rt.com, de.rt.com, ...) names the registered domain
    table.names = {
        (alias, name, table.outlets[key].registered_domain if priority == PRIORITY_COMPANY else key, priority, origin)
        for alias, name, key, priority, origin in table.names
        if priority != PRIORITY_COMPANY or table.outlets[key].registered_domain in table.outlets
    }


def compile_table(data: Path) -> Table:
    table = Table()
    read_lin(data / DATASETS["lin2023"]["file"], table)
    read_specious(data / DATASETS["hanley2024"]["file"], table)
    read_state_media(data / DATASETS["asd_state_media"]["file"], table)
    read_laundromat(data / DATASETS["asd_laundromat"]["file"], table)
    read_aliases(ALIASES, table)
    drop_ambiguous_company_names(table)
    return table


def write_table(table: Table, data: Path, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    conn.executescript(SCHEMA)
    for dataset_id, info in sorted(DATASETS.items()):
        source = ALIASES if dataset_id == "curated" else data / info["file"]
        used, skipped = table.counts[dataset_id]
        conn.execute(
            "INSERT INTO datasets VALUES (?,?,?,?,?,?,?)",
            (dataset_id, info["title"], info["citation"], info["licence"], sha256(source), used, skipped),
        )
    for key in sorted(table.outlets):
        o = table.outlets[key]
        label = o.registered_domain.split(".")[0] if key == o.registered_domain else None
        conn.execute(
            "INSERT INTO outlets VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                key,
                o.registered_domain,
                label,
                o.name,
                o.country,
                o.pc1,
                o.pc1_percentile,
                o.pc1_band,
                o.state_typology,
                o.state_owner,
            ),
        )
    conn.executemany("INSERT INTO names VALUES (?,?,?,?,?)", sorted(table.names))
    conn.executemany("INSERT INTO flags VALUES (?,?,?,?,?)", sorted(table.flags))
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    tmp.replace(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    table = compile_table(args.data)
    write_table(table, args.data, args.out)
    size = args.out.stat().st_size
    print(
        f"{len(table.outlets)} outlets, {len(table.names)} names, {len(table.flags)} flags -> {args.out} "
        f"({size / 1e6:.1f} MB)"
    )
    for dataset_id, (used, skipped) in sorted(table.counts.items()):
        print(f"  {dataset_id}: {used} rows used, {skipped} skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
