"""Cross-validation on the train side: folds of sentence blocks, scores pooled over the folds."""

from __future__ import annotations

from communique.lang.kk.corpus import BLOCK_SIZE, Sentence
from communique.lang.kk.training import CV_FOLDS, cross_validate

# Written for this test: two sentence shapes, one with a person and a country, one with a title.
PERSON_SENTENCE = Sentence(
    ("Дипломат", "Асқар", "Нұрланов", "Түркияға", "барды", "."),
    ("O", "B-PERSON", "I-PERSON", "B-GPE", "O", "O"),
)
TITLE_SENTENCE = Sentence(
    ("Елші", "Мадина", "Серікова", "Сеулде", "сөйледі", "."),
    ("B-POSITION", "B-PERSON", "I-PERSON", "B-GPE", "O", "O"),
)


def test_each_fold_is_tagged_by_a_model_trained_on_the_others() -> None:
    # Each block holds one shape only and the blocks alternate, so every fold has both shapes in
    # its training blocks and a model that learnt them tags the held-out fold without a miss.
    blocks = [PERSON_SENTENCE if block % 2 else TITLE_SENTENCE for block in range(CV_FOLDS * 2)]
    sentences = [sentence for sentence in blocks for _ in range(BLOCK_SIZE)]
    scores = cross_validate(sentences, {"c1": 0.0, "c2": 0.01, "max_iterations": 50})
    assert scores == {"GPE": 1.0, "PERSON": 1.0, "POSITION": 1.0, "ALL": 1.0}


def test_a_fold_never_trains_on_its_own_sentences() -> None:
    # The title's shape stands only in the first block: its fold is tagged by a model that never
    # saw a POSITION, so none is found, while persons and countries are learnt from the others.
    blocks = [TITLE_SENTENCE] + [PERSON_SENTENCE] * (CV_FOLDS - 1)
    sentences = [sentence for sentence in blocks for _ in range(BLOCK_SIZE)]
    scores = cross_validate(sentences, {"c1": 0.0, "c2": 0.01, "max_iterations": 50})
    assert scores["POSITION"] == 0.0
    assert scores["PERSON"] == 1.0
