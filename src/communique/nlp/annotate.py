"""One pass of Natasha over a text: the spaCy-like annotated document every extractor reads."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

import natasha
from natasha.segment import Sent

from communique.nlp.models import natasha_models
from communique.nlp.morph import analyzer, lemma


class Tag(Protocol):
    """A word's grammatical reading, in OpenCorpora's grammemes ("nomn", "sing", "Surn")."""

    POS: str | None
    case: str | None
    number: str | None
    gender: str | None
    grammemes: frozenset[str]

    def __contains__(self, grammeme: object) -> bool: ...


class Reading(Protocol):
    """One reading of a word: its form, its dictionary form, and the word in other grammemes."""

    word: str
    normal_form: str
    tag: Tag
    is_known: bool

    def inflect(self, grammemes: set[str] | frozenset[str]) -> Reading | None: ...


class Morphology(Protocol):
    """What the stages ask a language's morphology (pymorphy3's analyzer for Russian, from
    `lang/ru/morphology.py`): a word's readings, most likely first, and whether the dictionary
    knows it."""

    def parse(self, word: str) -> list[Reading]: ...

    def word_is_known(self, word: str) -> bool: ...


def default_morphology() -> Morphology:
    """The morphology of the language Natasha annotates (Russian's, pymorphy3)."""
    morphology: Morphology = analyzer()
    return morphology


@dataclass(frozen=True)
class Token:
    index: int  # position in Annotation.tokens
    sentence: int
    start: int
    end: int
    text: str
    lemma: str  # pymorphy3 normal form, lower case, ё as е (same as knowledge keys)
    pos: str  # Universal POS from slovnet
    feats: dict[str, str]
    head: int | None  # index of the syntactic head in Annotation.tokens, None for the root
    rel: str  # Universal Dependencies relation to the head

    @property
    def case(self) -> str | None:
        return self.feats.get("Case")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    first_token: int
    last_token: int  # exclusive


@dataclass(frozen=True)
class NerSpan:
    type: str  # PER, ORG, LOC
    start: int
    end: int
    first_token: int
    last_token: int  # exclusive


@dataclass
class Annotation:
    text: str
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    ner: list[NerSpan] = field(default_factory=list)
    # The language's morphology, for the stages that decline words (a name to its nominative).
    morphology: Morphology = field(default_factory=default_morphology, repr=False, compare=False)
    _children: dict[int, list[int]] | None = None

    def children(self, index: int) -> list[int]:
        if self._children is None:
            children: dict[int, list[int]] = {}
            for token in self.tokens:
                if token.head is not None:
                    children.setdefault(token.head, []).append(token.index)
            self._children = children
        return self._children.get(index, [])

    def subtree(self, index: int, skip_rels: frozenset[str] = frozenset()) -> list[int]:
        """Indices of `index` and its descendants, not entering edges whose rel is in skip_rels."""
        seen = {index}  # the parser's trees may hold cycles
        stack = [index]
        while stack:
            for child in self.children(stack.pop()):
                if child not in seen and self.tokens[child].rel.split(":")[0] not in skip_rels:
                    seen.add(child)
                    stack.append(child)
        return sorted(seen)

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens lying wholly within text[start:end]. Tokens are in text order, so this is
        two binary searches, not a scan: extraction asks it once per mention."""
        first = bisect_left(self.tokens, start, key=lambda t: t.start)
        last = bisect_right(self.tokens, end, key=lambda t: t.end)
        return self.tokens[first:last]

    def tokens_over(self, start: int, end: int) -> list[Token]:
        """The tokens sharing a character with text[start:end]: a mention that starts inside a
        token ("президента" in "экс-президента") has that token as its first."""
        first = bisect_right(self.tokens, start, key=lambda t: t.end)
        last = bisect_left(self.tokens, end, key=lambda t: t.start)
        return self.tokens[first:last]

    def span_text(self, first: int, last: int) -> str:
        return self.text[self.tokens[first].start : self.tokens[last - 1].end]

    def sentence_of(self, token_index: int) -> Sentence:
        return self.sentences[self.tokens[token_index].sentence]


def annotate(text: str) -> Annotation:
    """Segment, tag, parse and find names in `text`; offsets index `text` unchanged."""
    return annotate_many([text])[0]


def annotate_many(texts: list[str]) -> list[Annotation]:
    """`annotate` for several texts at once: their sentences share the taggers' batches, which
    are then fuller and more even in length (faster than one text at a time)."""
    models = natasha_models()
    segmenter = _BlankLineAwareSegmenter(models.segmenter)
    docs = []
    for text in texts:
        doc = natasha.Doc(text)
        doc.segment(segmenter)
        docs.append(doc)
    pieces = [[piece for sent in doc.sents for piece in _pieces(sent)] for doc in docs]
    sentences = [
        [tok.text for tok in piece.tokens] for doc_pieces in pieces for piece in doc_pieces
    ]
    morph = iter(_map_by_length(models.morph_tagger, sentences))
    syntax = iter(_map_by_length(models.syntax_parser, sentences))
    annotations = []
    for doc, doc_pieces in zip(docs, pieces, strict=True):
        annotation = Annotation(text=doc.text)
        for piece in doc_pieces:
            _add_sentence(annotation, piece, next(morph), next(syntax))
        annotation.ner = _ner_spans(annotation, _names(models.ner_tagger, doc.text, doc_pieces))
        annotations.append(annotation)
    return annotations


# The NER model reads a text as one sequence: its memory grows with the text's length (a 540,000
# character text took 1.4 GB). A longer text is tagged in windows of whole sentences (or pieces)
# of about this many characters, so memory stays bounded; a text this short or shorter, as every
# news release is, is tagged whole, exactly as before.
NER_WINDOW_CHARACTERS = 20_000


def _names(tagger: Any, text: str, pieces: list[_Piece]) -> list[tuple[str, int, int]]:
    """(type, start, end) of each name the NER model finds in `text`."""
    if not text.strip():
        return []
    if len(text) <= NER_WINDOW_CHARACTERS:
        return [(span.type, span.start, span.stop) for span in tagger(text).spans]
    names = []
    for start, end in _windows(pieces):
        window = text[start:end]
        if window.strip():
            names += [(s.type, start + s.start, start + s.stop) for s in tagger(window).spans]
    return names


def _windows(pieces: list[_Piece]) -> Iterator[tuple[int, int]]:
    """Runs of consecutive pieces of about NER_WINDOW_CHARACTERS at most (one piece longer than
    that is a window of its own)."""
    start = end = None
    for piece in pieces:
        if start is not None and end is not None and piece.stop - start > NER_WINDOW_CHARACTERS:
            yield start, end
            start = None
        if start is None:
            start = piece.start
        end = piece.stop
    if start is not None and end is not None:
        yield start, end


# The syntax parser scores every pair of a sentence's tokens: its time and memory grow with the
# square of the sentence's length (a 50 KB text with no full stop took gigabytes). Longer runs of
# tokens go to the models in pieces of at most this many, so any document costs memory bounded
# by this length and time linear in its own. Far above real sentences: the longest of
# FactRuEval's 1,534 has 198 tokens, of the Kazakh releases' 335 has 45.
MAX_SENTENCE_TOKENS = 256
# Punctuation that ends a clause: a piece is cut after the last one in its second half, so that
# clauses stay whole where the text has them.
_CLAUSE_ENDS = frozenset(",;:—–()")


@dataclass(frozen=True)
class _Piece:
    """A sentence, or one piece of an over-long one: what the taggers see as a sentence."""

    start: int
    stop: int
    tokens: list[Any]


def _pieces(sent: Any) -> list[_Piece]:
    """`sent` whole, or cut into pieces of at most MAX_SENTENCE_TOKENS tokens."""
    tokens: list[Any] = sent.tokens
    pieces: list[_Piece] = []
    start = sent.start
    while len(tokens) > MAX_SENTENCE_TOKENS:
        cut = _cut(tokens)
        pieces.append(_Piece(start, tokens[cut - 1].stop, tokens[:cut]))
        tokens = tokens[cut:]
        start = tokens[0].start
    pieces.append(_Piece(start, sent.stop, tokens))
    return pieces


def _cut(tokens: list[Any]) -> int:
    """How many of `tokens` the next piece takes: up to the last clause end in the second half
    of the longest piece allowed, else the longest piece."""
    for position in range(MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS // 2, -1):
        if tokens[position - 1].text in _CLAUSE_ENDS:
            return position
    return MAX_SENTENCE_TOKENS


def _add_sentence(annotation: Annotation, sent: Any, morph: Any, syntax: Any) -> None:
    index = len(annotation.sentences)
    first = len(annotation.tokens)
    for tok, tagged, parsed in zip(sent.tokens, morph.tokens, syntax.tokens, strict=True):
        head = int(parsed.head_id) - 1 if parsed.head_id not in ("0", parsed.id) else None
        annotation.tokens.append(
            Token(
                index=len(annotation.tokens),
                sentence=index,
                start=tok.start,
                end=tok.stop,
                text=tok.text,
                lemma=lemma(tok.text),
                pos=tagged.pos or "X",
                feats=dict(tagged.feats or {}),
                head=None if head is None else first + head,
                rel=parsed.rel or "dep",
            )
        )
    annotation.sentences.append(
        Sentence(index, sent.start, sent.stop, first, len(annotation.tokens))
    )


def _map_by_length(model: Any, sentences: list[list[str]]) -> list[Any]:
    """Run a slovnet model over sentences batched by length: padding a short sentence to a long
    one's length wastes most of a batch (measured: ~1.6x faster on FactRuEval)."""
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    results: list[Any] = [None] * len(sentences)
    for position, markup in zip(order, model.map([sentences[i] for i in order]), strict=True):
        results[position] = markup
    return results


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")


class _BlankLineAwareSegmenter:
    """razdel's sentences, also cut at blank lines: a heading or photo credit is no sentence
    of the paragraph below it, though it lacks a final full stop."""

    def __init__(self, segmenter: natasha.Segmenter) -> None:
        self._segmenter = segmenter

    def tokenize(self, text: str) -> Iterator[object]:
        return self._segmenter.tokenize(text)

    def sentenize(self, text: str) -> Iterator[Sent]:
        for sent in self._segmenter.sentenize(text):
            start = sent.start
            for gap in _BLANK_LINE.finditer(sent.text):
                piece = sent.text[start - sent.start : gap.start()]
                if piece.strip():
                    yield Sent(start, sent.start + gap.start(), piece)
                start = sent.start + gap.end()
            if start < sent.stop:
                yield Sent(start, sent.stop, text[start : sent.stop])


def _ner_spans(annotation: Annotation, names: list[tuple[str, int, int]]) -> list[NerSpan]:
    starts = {t.start: t.index for t in annotation.tokens}
    ends = {t.end: t.index + 1 for t in annotation.tokens}
    spans = []
    for kind, start, stop in names:
        first, last = starts.get(start), ends.get(stop)
        if first is not None and last is not None:
            spans.append(NerSpan(kind, start, stop, first, last))
    return spans
