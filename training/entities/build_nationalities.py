"""Build the nationality table: 'Russian' -> Russia, for every country, from countryinfo's data (MIT).

Entities read it to tell a nationality before a name ('Russian FM Sergey Lavrov') from a given name ('Kristi
Noem', 'Christian Bale'), and speakers to read the country of a role ('the Iranian foreign minister').

    .venv/bin/pip install countryinfo==1.0.1 && .venv/bin/python training/entities/build_nationalities.py
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import countryinfo

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "newsprobe" / "data" / "nationalities.tsv"

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    table = build()
    header = "# demonym\tcountry — from countryinfo 1.0.1 (MIT), training/entities/build_nationalities.py\n"
    args.out.write_text(header + "".join(f"{key}\t{name}\n" for key, name in table.items()), encoding="utf-8")
    print(f"{len(table)} nationalities -> {args.out}")


if __name__ == "__main__":
    main()
