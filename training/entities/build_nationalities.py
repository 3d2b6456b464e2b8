"""Build the nationality table: 'Russian' -> Russia, for every country, and the table of provinces: 'Punjab' ->
Pakistan, both from countryinfo's data (MIT).

Entities read the nationalities to tell a nationality before a name ('Russian FM Sergey Lavrov') from a given name
('Kristi Noem', 'Christian Bale'), and speakers to read the country of a role ('the Iranian foreign minister'). The
provinces tell a region the NER took for a nationality ('the Punjab province') from one.

    .venv/bin/pip install countryinfo==1.0.1 && .venv/bin/python training/entities/build_nationalities.py
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import countryinfo

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "newsprobe" / "data" / "nationalities.tsv"
PROVINCES_OUT = OUT.with_name("provinces.tsv")
POSITION_WORDS = frozenset(
    """north south east west northern southern eastern western central centre center middle upper lower
    northeast northwest southeast southwest north-east north-west south-east south-west inner outer""".split()
)

# Forms newsrooms write that countryinfo lists another way (it has 'Argentinean', 'Kirghiz', 'Tadzhik', ...), and
# demonyms it gives to a former union ('Serbia and Montenegro') rather than to today's country.
USUAL_FORMS = {
    "serbian": "Serbia",
    "montenegrin": "Montenegro",
    "saudi": "Saudi Arabia",
    "argentine": "Argentina",
    "argentinian": "Argentina",
    "ecuadorian": "Ecuador",
    "kyrgyz": "Kyrgyzstan",
    "tajik": "Tajikistan",
    "kazakh": "Kazakhstan",
    "uzbek": "Uzbekistan",
    "azeri": "Azerbaijan",
    "slovenian": "Slovenia",
    "maldivian": "Maldives",
    "cape verdean": "Cape Verde",
    "surinamese": "Suriname",
    "emirati": "United Arab Emirates",
    "european": "European Union",
}


def demonyms(country: countryinfo.CountryInfo) -> list[str]:
    """The country's demonyms that are words of their own ('Antiguan', 'Barbudan'; not 'Gibraltar', not 'Heard and
    McDonald Islander')."""
    own_name = re.compile(rf"\b{re.escape(country.name() or '')}\b", re.IGNORECASE)
    parts = [part.strip() for part in re.split(r"[,/]", country.demonym() or "")]
    return [part for part in parts if part and " and " not in part and not own_name.search(part)]


def build() -> dict[str, str]:
    """Demonym (lower case) -> country; a demonym several countries share goes to the most populous."""
    best: dict[str, tuple[int, str]] = {}
    for country in countryinfo.all_countries():
        population = country.population() or 0
        for word in demonyms(country):
            key = word.lower()
            if key not in best or population > best[key][0]:
                best[key] = (population, country.name())
    table = {key: name for key, (_, name) in best.items()}
    table.update(USUAL_FORMS)
    return dict(sorted(table.items()))


def provinces() -> dict[str, str]:
    """Province, state or region (lower case, without a parenthesised alias) -> country; one several countries
    name goes to the most populous. Nationality words and names made of position words only ('Western', 'North
    Central') are left out: as words they are adjectives far more often."""
    best: dict[str, tuple[int, str]] = {}
    demonym_words = build()
    for country in countryinfo.all_countries():
        population = country.population() or 0
        for name in country.provinces() or []:
            key = " ".join(re.sub(r"\s*\(.*?\)", "", name).lower().split())
            if (
                key
                and key not in demonym_words
                and not set(key.replace("-", " ").split()) <= POSITION_WORDS
                and (key not in best or population > best[key][0])
            ):
                best[key] = (population, country.name())
    return {key: name for key, (_, name) in sorted(best.items())}


def write_table(path: Path, header: str, table: dict[str, str]) -> None:
    path.write_text(header + "".join(f"{key}\t{name}\n" for key, name in table.items()), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--provinces-out", type=Path, default=PROVINCES_OUT)
    args = parser.parse_args()
    source = "— from countryinfo 1.0.1 (MIT), training/entities/build_nationalities.py\n"
    table = build()
    write_table(args.out, f"# demonym\tcountry {source}", table)
    print(f"{len(table)} nationalities -> {args.out}")
    regions = provinces()
    write_table(args.provinces_out, f"# province\tcountry {source}", regions)
    print(f"{len(regions)} provinces -> {args.provinces_out}")


if __name__ == "__main__":
    main()
