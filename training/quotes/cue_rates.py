"""How often PolNeAR train's annotators mark a word as a cue: `src/newsprobe/weights/quotes/cue_rates.tsv`.

For each (lemma, coarse part of speech) of a content word in the train texts, how often it occurs and how often
it lies inside an annotated cue. Every word inside a cue at least once, or seen at least MIN_SEEN times, is
written out. The quotes analyser drops a tagged attribution whose cue holds only words annotators almost never
mark ("finished second", "has since drastically reduced"), and an unquoted one whose cue holds no word they mark
often ("was photographed"). Train only: dev scores the effect (bench/quotes.py).

    OMP_NUM_THREADS=1 PYTHONPATH=src .venv/bin/python training/quotes/cue_rates.py ../shared/data/quotes/polnear
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from newsprobe.analyse.nlp import SharedNLP
from newsprobe.eval.polnear import first_annotation_per_file, read_jsonl, read_text

MIN_SEEN = 15
CONTENT_POS = ("VERB", "NOUN", "ADJ")
OUT = Path(__file__).resolve().parents[2] / "src" / "newsprobe" / "weights" / "quotes" / "cue_rates.tsv"


def cue_characters(record: dict) -> set[int]:
    return {i for att in record["attributions"] for start, end in att.get("cue") or [] for i in range(start, end)}


def count(root: Path) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    records = list(first_annotation_per_file(read_jsonl(root / "polnear_train.jsonl")).values())
    texts = [read_text(root, record["text_file"]) for record in records]
    seen: Counter[tuple[str, str]] = Counter()
    in_cue: Counter[tuple[str, str]] = Counter()
    nlp = SharedNLP().nlp  # the analyser's own pipeline, so the parts of speech are the ones it sees
    for record, doc in zip(records, nlp.pipe(texts, batch_size=20), strict=True):
        cues = cue_characters(record)
        for token in doc:
            if token.pos_ in CONTENT_POS:
                key = (token.lemma_.lower(), token.pos_)
                seen[key] += 1
                in_cue[key] += token.idx in cues
    return seen, in_cue


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("polnear", type=Path, help="the shared PolNeAR folder (polnear_train.jsonl, raw/)")
    args = parser.parse_args()
    seen, in_cue = count(args.polnear)
    rows = sorted(
        (lemma, pos)
        for (lemma, pos), n in seen.items()
        if (n >= MIN_SEEN or in_cue[lemma, pos]) and any(ch.isalpha() for ch in lemma)
    )
    lines = [f"# lemma, part of speech, times seen, times in a cue (PolNeAR train; {Path(__file__).name})"]
    lines += [f"{lemma}\t{pos}\t{seen[lemma, pos]}\t{in_cue[lemma, pos]}" for lemma, pos in rows]
    OUT.write_text("\n".join(lines) + "\n")
    print(f"{len(rows)} words written to {OUT}")


if __name__ == "__main__":
    main()
