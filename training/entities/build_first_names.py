"""Build the table of known first names the entity rules read ('Taylor Swift' is a person, not 'Taylor' and 'Swift').

The names are the US Census Bureau's 1990 first names (5,163 male and female; public domain), as shipped in the
`names` package (MIT, pinned in the `train` extra). A census first name that is also an English word is kept only
when the training texts (PTC train articles and PolNeAR train texts) write it capitalised inside a sentence at
least as often as lower-case: 'Taylor', 'Marshall' and 'Tanner' stay, 'will', 'grant', 'hope' and 'art' go. A name
the gazetteer labels other than a person ('Georgia', 'Dallas', 'China') goes too, and so do titles ('King',
'Prince'). Months stay ('June Carter', 'April Ryan'): the rules read a lone month as a date.

Each kept name's gender is written too when the census gives it to one sex at least ten times as often as to the
other ('michelle' f, 'barack' absent, 'taylor' neither; a name one list leaves out counts as that list's rarest):
the entity grouping reads it to tell 'Mrs. Obama' from 'Mr. Obama', and the speakers a pronoun's antecedent.

    .venv/bin/python training/entities/build_first_names.py          # a few seconds
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from build_gazetteer import SHARED, training_texts

from newsprobe.analyse.entities.names import TITLE_WORDS
from newsprobe.analyse.entities.rules import load_gazetteer

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "newsprobe" / "data" / "first_names.json"
SOURCE = "US Census Bureau, 1990 Census name files (dist.male.first, dist.female.first), via the `names` 0.3.0 package"
# a word inside a sentence: after a lower-case word, a comma or a quote mark, not after a full stop or a line break
_INSIDE_SENTENCE = re.compile(r"(?<=[a-z,;:“\"] )([A-Za-z]+)\b")


# a name is a woman's (a man's) when the census gives it to women (men) this many times as often as to the other sex
GENDER_RATIO = 10.0


def census_frequencies() -> dict[str, dict[str, float]]:
    """Per sex ('m', 'f'), each census first name and the share of that sex's people who bear it (percent)."""
    import names  # the `train` extra

    shares: dict[str, dict[str, float]] = {}
    for key, sex in (("first:male", "m"), ("first:female", "f")):
        with open(names.FILES[key], encoding="ascii") as table:
            rows = [line.split() for line in table if line.strip()]
        shares[sex] = {row[0].lower(): float(row[1]) for row in rows}
    return shares


def genders(shares: dict[str, dict[str, float]], kept: list[str]) -> dict[str, str]:
    """The lists stop at 90% of each sex's people, so a name missing from one list may be borne by up to that list's
    smallest share: it is the other sex's only when its share there is at least that ('hillary' 0.013% of
    women, missing from the men's list whose rarest is 0.004%, is a woman's; 'kristian', 0.003% of women, is
    neither)."""
    male, female = shares["m"], shares["f"]
    least = {"m": min(male.values()), "f": min(female.values())}
    found: dict[str, str] = {}
    for name in kept:
        his, hers = male.get(name), female.get(name)
        if his is None or hers is None:
            sex, share, other = ("f", hers, "m") if his is None else ("m", his, "f")
            if share is not None and share >= least[other]:
                found[name] = sex
        elif hers >= GENDER_RATIO * his:
            found[name] = "f"
        elif his >= GENDER_RATIO * hers:
            found[name] = "m"
    return found


def written_forms(texts: list[str], words: set[str]) -> tuple[Counter[str], Counter[str]]:
    """How often each word stands lower-case, and capitalised inside a sentence."""
    lower: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    for text in texts:
        for match in _INSIDE_SENTENCE.finditer(text):
            word = match.group(1)
            key = word.lower()
            if key not in words:
                continue
            if word == key:
                lower[key] += 1
            elif word[0].isupper() and word[1:].islower():
                capitalised[key] += 1
    return lower, capitalised


def first_names(census: set[str], texts: list[str], gazetteer: dict[str, str]) -> list[str]:
    lower, capitalised = written_forms(texts, census)
    return sorted(
        name
        for name in census - TITLE_WORDS
        if lower[name] <= capitalised[name] and gazetteer.get(name, "PERSON") == "PERSON" and len(name) > 1
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=SHARED)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    shares = census_frequencies()
    census = set(shares["m"]) | set(shares["f"])
    kept = first_names(census, training_texts(args.data), dict(load_gazetteer()))
    table = {
        "source": SOURCE,
        "licence": "public domain (census data); the package is MIT",
        "names": kept,
        "genders": genders(shares, kept),
    }
    args.out.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(kept)} of {len(census)} census first names kept -> {args.out}")


if __name__ == "__main__":
    main()
