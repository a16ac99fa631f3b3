"""Annotations built by hand, so a rule is tested on the parse it is written for.

The parser's trees for a sentence written for a test change with the model; a rule that reads
the tree ("a participle the parser hung elsewhere") is tested on the tree it reads. A sentence is
written one token a line: `text lemma POS Feat=Val|Feat=Val head rel`, head being the 1-based
position of the head in the sentence (0 for the root), as in CoNLL-U; `_` stands for no
features. Sentences are separated by a blank line; tokens are joined with spaces."""

from __future__ import annotations

from communique.nlp.annotate import Annotation, Sentence, Token


def annotation(conll: str) -> Annotation:
    text = ""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    for block in conll.strip().split("\n\n"):
        first_token, sentence_start = len(tokens), len(text) + (1 if text else 0)
        for line in block.strip().splitlines():
            form, lemma, pos, feats, head, rel = line.split()
            if text:
                text += " "
            start = len(text)
            text += form
            tokens.append(
                Token(
                    index=len(tokens),
                    sentence=len(sentences),
                    start=start,
                    end=len(text),
                    text=form,
                    lemma=lemma,
                    pos=pos,
                    feats={} if feats == "_" else dict(f.split("=") for f in feats.split("|")),
                    head=None if head == "0" else first_token + int(head) - 1,
                    rel=rel,
                )
            )
        sentences.append(
            Sentence(len(sentences), sentence_start, len(text), first_token, len(tokens))
        )
    return Annotation(text=text, tokens=tokens, sentences=sentences)


def span_of(annotation: Annotation, words: str, occurrence: int = 0) -> tuple[int, int]:
    """Character span of `words` (its `occurrence`-th time) in the annotation's text."""
    start = -1
    for _ in range(occurrence + 1):
        start = annotation.text.index(words, start + 1)
    return start, start + len(words)
