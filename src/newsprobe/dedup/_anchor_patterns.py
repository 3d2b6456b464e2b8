"""What survives translation: numbers, names (in Latin script) and links; and how names are spelt alike.

The Cyrillic table is the common Russian/Ukrainian romanisation (BGN/PCGN, simplified: no diacritics).
The spelling rules fold the ways languages write one foreign name ("Lavrov", "Lawrow", "Лавров";
"Zakharova", "Sacharowa") onto one key; they are applied in order.
"""

from __future__ import annotations

import re

CYRILLIC_TO_LATIN = {
    **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziiklmnoprstufye", strict=True)),
    "ё": "e",
    "ж": "zh",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ь": "",
    "ю": "yu",
    "я": "ya",
    "і": "i",
    "ї": "yi",
    "є": "ye",
    "ґ": "g",
}

SPELLING_RULES: tuple[tuple[str, str], ...] = (
    ("tsch", "ch"),
    ("sch", "sh"),
    ("ch", "h"),
    ("kh", "h"),
    ("ph", "f"),
    ("w", "v"),
    ("x", "ks"),
    ("c", "k"),
    ("q", "k"),
    ("z", "s"),
    ("y", "i"),
    ("j", "i"),
)
VOWELS = frozenset("aeiou")
MIN_KEY_CHARS = 3  # shorter name keys ("al", "de") match too much

#: A word starting with a capital in Latin, Cyrillic or Greek script (the ranges hold some lower-case letters
#: too: the caller checks), hyphenated parts included; a name when it does not open a sentence.
CAPITALISED = re.compile(r"(?<![\w-])[A-ZÀ-ÞĀ-ſА-ЯЁЂ-ЏΑ-Ω][^\W\d_]+(?:-[^\W\d_]+)*")
SENTENCE_END = frozenset('.!?:\n«“„"')
#: A number with its grouping and decimal separators ("1,200", "1 200", "3,5", "2017").
NUMBER = re.compile(
    r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?:[.,]\d+)?(?![\w])|(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])"
)
MIN_NUMBER = 10  # small whole numbers ("two", "3") are everywhere; years, counts and sums are not
URL = re.compile(r"https?://[^\s\"'<>)\]]+|www\.[^\s\"'<>)\]]+")
