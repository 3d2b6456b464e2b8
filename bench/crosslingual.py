"""Copies across languages by language-independent anchors, on simulated translations of PTC articles.

There is no translated text in the shared data and no translation model on this machine, so the
"translations" are built: each English article's names are written in Cyrillic (some with a Russian
case ending), its numbers in Russian style ("1 200", "3,5"), a fifth of its sentences dropped, and
every other word replaced by a made-up word (nothing of its wording survives). This measures the
anchor matching under a translation that keeps the names, numbers and links, not translation itself:
real translations also rephrase numbers as words and drop names, so real recall will be lower.

Every original is compared with every translation, anchors weighted by their rarity in all these texts;
a pair counts as found when `AnchorMatch.is_copy`.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import time
from pathlib import Path

from _common import SHARED_DATA, print_table, write_result

from newsprobe.dedup.anchors import AnchorWeights, compare_anchors, text_anchors

LATIN_TO_CYRILLIC = [
    ("shch", "щ"),
    ("sh", "ш"),
    ("ch", "ч"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ts", "ц"),
    ("ya", "я"),
    ("yu", "ю"),
    *zip("abvgdezijklmnoprstufhcwxyq", "абвгдезийклмнопрстуфхцвкык", strict=True),
]
ENDINGS = ("а", "у", "ом", "е")
TOKEN = re.compile(r"\w+|\W+")
NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def cyrillic(word: str, rng: random.Random) -> str:
    text = word.lower()
    for latin, cyr in LATIN_TO_CYRILLIC:
        text = text.replace(latin, cyr)
    text = text[:1].upper() + text[1:]
    return text + (rng.choice(ENDINGS) if rng.random() < 0.3 else "")


def russian_number(written: str) -> str:
    return written.replace(",", "\u00a0").replace(".", ",") if any(c.isdigit() for c in written) else written


def made_up(word: str, rng: random.Random) -> str:
    return "".join(rng.choice("абвгдежзиклмнопрстуфхцчшыэюя") for _ in range(max(2, len(word))))


def translate(text: str, rng: random.Random) -> str:
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    kept = [s for s in sentences if rng.random() >= 0.2] or sentences[:1]
    out = []
    for sentence in kept:
        words = []
        for index, token in enumerate(TOKEN.findall(sentence)):
            if NUMBER.fullmatch(token):
                words.append(russian_number(token))
            elif token[:1].isalpha() and token[0].isupper() and index > 0:
                words.append(cyrillic(token, rng))
            elif token[:1].isalpha():
                words.append(made_up(token, rng))
            else:
                words.append(token)
        out.append("".join(words))
    return " ".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=SHARED_DATA / "ptc" / "train" / "train-articles")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument(
        "--offset", type=int, default=300, help="the first 300 articles chose MIN_CONTAINMENT; these are the next"
    )
    args = parser.parse_args()
    rng = random.Random(22)
    paths = sorted(args.data.glob("*.txt"))[args.offset : args.offset + args.articles]
    texts = [t for t in (p.read_text(encoding="utf-8") for p in paths) if len(t.split()) >= 150]
    started = time.process_time()
    originals = [text_anchors(t) for t in texts]
    copies = [text_anchors(translate(t, rng)) for t in texts]
    anchoring_ms = (time.process_time() - started) * 1000 / (2 * len(texts))
    weights = AnchorWeights(originals + copies)
    found = false = 0
    for i, original in enumerate(originals):
        for j, copy in enumerate(copies):
            if compare_anchors(original, copy, weights).is_copy:
                found += i == j
                false += i != j
    precision = found / (found + false) if found + false else 1.0
    recall = found / len(texts)
    print_table(
        f"Copies across languages (simulated), {len(texts)} originals x {len(texts)} translations",
        ["precision", "recall", "false pairs", "ms per text"],
        [[precision, recall, false, anchoring_ms]],
    )
    path = write_result(
        "crosslingual",
        {
            "articles": f"PTC train articles {args.offset}-{args.offset + len(paths) - 1} of at least 150 words",
            "originals": len(texts),
            "pairs_compared": len(texts) ** 2,
            "simulated_translations": True,
            "precision": precision,
            "recall": recall,
            "false_pairs": false,
            "anchoring_cpu_ms_per_text": anchoring_ms,
            "load_average": os.getloadavg()[0],
        },
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
