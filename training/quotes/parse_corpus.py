"""Parse PolNeAR train/dev once with the shared spaCy pipeline; cache as DocBin (not shipped).

OMP_NUM_THREADS=1 python training/quotes/parse_corpus.py /work/shared/data/quotes/polnear /tmp/quotes_cache
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from spacy.tokens import DocBin

from newsprobe.analyse.nlp import SharedNLP
from newsprobe.eval.polnear import first_annotation_per_file, read_jsonl, read_text


def main(root: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    nlp = SharedNLP().nlp
    for split in ("train", "dev"):
        rows = list(first_annotation_per_file(read_jsonl(root / f"polnear_{split}.jsonl")).values())
        texts = [read_text(root, row["text_file"]) for row in rows]
        bin_ = DocBin(store_user_data=False)
        for doc in nlp.pipe(texts, batch_size=16):
            bin_.add(doc)
        bin_.to_disk(out / f"{split}.spacy")
        (out / f"{split}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        print(split, len(rows), flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
