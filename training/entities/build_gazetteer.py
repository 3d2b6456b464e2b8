"""Build the fast profile's entity gazetteer: en_core_web_sm's NER distilled into a lookup table.

The fast profile skips spaCy's statistical NER (about half of spaCy's time per article) and labels
proper-noun chunks by looking them up here. The table is what the full NER says about each name across
the training texts: PTC train articles and PolNeAR train texts (research use; only names and counts are kept).

    .venv/bin/python training/entities/build_gazetteer.py          # ~5 min on one core
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from newsprobe.analyse.entities.rules import LABELLED, normalise_name
from newsprobe.analyse.nlp import SharedNLP

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "newsprobe" / "data" / "entity_gazetteer.json"
MIN_COUNT = 2


def training_texts(data: Path) -> list[str]:
    paths = sorted((data / "ptc" / "train" / "train-articles").glob("*.txt"))
    paths += sorted((data / "quotes" / "polnear" / "raw" / "train" / "text").glob("*.txt"))
    return [path.read_text(encoding="utf-8") for path in paths]


def count_labels(texts: list[str]) -> tuple[dict[str, Counter[str]], Counter[str]]:
    """Labels per name, and how often each word stands inside a person's name of two or more words."""
    nlp = SharedNLP("accurate").nlp
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    in_full_names: Counter[str] = Counter()
    for doc in nlp.pipe(texts, batch_size=16, disable=["lemmatizer"]):
        for ent in doc.ents:
            if ent.label_ in LABELLED:
                name = normalise_name(ent.text)
                counts[name][ent.label_] += 1
                if ent.label_ == "PERSON" and " " in name:
                    in_full_names.update(name.split())
    return counts, in_full_names


def one_word_label(name: str, labels: Counter[str], in_full_names: Counter[str]) -> str | None:
    """A lone word the NER labels other than a person, at most as often as it stands inside people's full names
    (twice or more), is a name part it mislabels ('sean' NORP, 'kasich' GPE, 'hollande' ORG): left out, a lone
    'Kasich' is a person only where the page names him in full."""
    label, seen = labels.most_common(1)[0]
    if " " not in name and label != "PERSON" and in_full_names[name] >= max(seen, 2):
        return None
    return label


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=SHARED)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    texts = training_texts(args.data)
    counts, in_full_names = count_labels(texts)
    labels = {name: one_word_label(name, found, in_full_names) for name, found in sorted(counts.items())}
    table = {
        name: label
        for name, label in labels.items()
        if name and label is not None and sum(counts[name].values()) >= MIN_COUNT
    }
    args.out.write_text(
        json.dumps(
            {
                "source": "en_core_web_sm 3.8.0 NER over PTC train + PolNeAR train texts",
                "min_count": MIN_COUNT,
                "names": table,
            },
            ensure_ascii=False,
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(texts)} texts, {len(counts)} names, {len(table)} kept -> {args.out}")


if __name__ == "__main__":
    main()
