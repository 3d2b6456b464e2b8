"""spaCy's attribute ruler with its one-token matches looked up once per kind of token.

en_core_web_sm's ruler sets parts of speech, morphology and some lemmas with 179 Matcher patterns,
and the Matcher tries every pattern at every token: 20 µs a token, a tenth of the fast profile's
parse. Almost every pattern looks at one token only, through attributes that its (orth, tag, dep)
fix, so their matches are found once per such triple. The few longer patterns keep a Matcher of their
own. The result is the ruler's: matches found on the Doc as the tagger and parser left it, then set
in pattern order, a later pattern overriding an earlier one.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

__all__ = ["COMPONENT", "memoise_attribute_ruler"]

COMPONENT = "newsprobe_memoised_attribute_ruler"
# what a one-token pattern may read for (orth, tag, dep) to decide its match
KEYED_ATTRIBUTES = frozenset({"ORTH", "LOWER", "IS_SPACE", "TAG", "DEP"})
MAX_KINDS = 500_000  # (orth, tag, dep) triples remembered before starting over: bounds a long run's memory


def _one_token(patterns: list[list[dict[str, Any]]]) -> bool:
    return all(len(pattern) == 1 and set(pattern[0]) <= KEYED_ATTRIBUTES for pattern in patterns)


class MemoisedAttributeRuler:
    """A pipeline component standing in for spaCy's `AttributeRuler` (filled by `take`)."""

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab
        self.one_token: Matcher = Matcher(nlp.vocab)
        self.longer: Matcher = Matcher(nlp.vocab)
        self.attrs: list[dict[Any, Any]] = []
        self.indices: list[int] = []
        self.kinds: dict[tuple[int, int, int], list[int]] = {}

    def take(self, ruler: Any) -> None:
        """The patterns (in order) of spaCy's `AttributeRuler` `ruler`."""
        self.attrs, self.indices = list(ruler.attrs), list(ruler.indices)
        for number, entry in enumerate(ruler.patterns):
            matcher = self.one_token if _one_token(entry["patterns"]) else self.longer
            matcher.add(str(number), entry["patterns"])

    def __call__(self, doc: Doc) -> Doc:
        numbers_at: dict[int, list[int]] = {}
        for match_id, start, end in self.longer(doc, allow_missing=True, as_spans=False):
            number = int(self.vocab.strings[match_id])
            numbers_at.setdefault(doc[start:end][self.indices[number]].i, []).append(number)
        if len(self.kinds) > MAX_KINDS:
            self.kinds.clear()
        for token in doc:
            key = (token.orth, token.tag, token.dep)
            numbers = self.kinds.get(key)
            if numbers is None:
                found = self.one_token(doc[token.i : token.i + 1], allow_missing=True, as_spans=False)
                numbers = self.kinds[key] = sorted(int(self.vocab.strings[match_id]) for match_id, _, _ in found)
            if token.i in numbers_at:
                numbers = sorted(numbers + numbers_at[token.i])
            for number in numbers:
                set_token_attrs(token, self.attrs[number])
        return doc


def memoise_attribute_ruler(nlp: Language) -> None:
    """Replace `nlp`'s attribute ruler by the memoised one, with the same patterns and name."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT, func=lambda nlp, name: MemoisedAttributeRuler(nlp))
    ruler = nlp.get_pipe("attribute_ruler")
    memoised: Any = nlp.replace_pipe("attribute_ruler", COMPONENT)
    memoised.take(ruler)
