import importlib
from dataclasses import replace

import pytest

from communique.nlp import annotate, lemma_key
from communique.nlp.translit import transliterate


def test_offsets_index_the_text_unchanged() -> None:
    text = "Фото: Сенат РК\n\nМаулен Ашимбаев встретился с послом.\r\nОни обсудили торговлю."
    annotation = annotate(text)
    for token in annotation.tokens:
        assert text[token.start : token.end] == token.text
    first = annotation.sentences[0]
    assert text[first.start : first.end] == "Фото: Сенат РК"


def test_tokens_carry_lemmas_morphology_and_a_tree() -> None:
    annotation = annotate("Министр иностранных дел России прибыл в Астану.")
    by_text = {t.text: t for t in annotation.tokens}
    assert by_text["иностранных"].lemma == "иностранный"
    assert by_text["Астану"].feats["Case"] == "Acc"
    roots = [t for t in annotation.tokens if t.head is None]
    assert len(roots) == 1 and roots[0].text == "прибыл"
    assert annotation.tokens[by_text["Министр"].head].text == "прибыл"


def test_names_are_found() -> None:
    annotation = annotate("Сергей Лавров встретился в Москве с представителями ООН.")
    found = {(span.type, annotation.text[span.start : span.end]) for span in annotation.ner}
    assert ("PER", "Сергей Лавров") in found
    assert ("LOC", "Москве") in found


def test_lemma_key_is_the_same_for_every_inflection() -> None:
    assert lemma_key("Великим Государственным Хуралом") == lemma_key(
        "Великий Государственный Хурал"
    )
    assert lemma_key("казахстанско-монгольское") == "казахстанско-монгольский"


def test_transliteration_follows_news_spelling() -> None:
    assert transliterate("Касым-Жомарт Токаев") == "Kasym-Zhomart Tokayev"
    assert transliterate("Маулен Ашимбаев") == "Maulen Ashimbayev"
    assert transliterate("Ерлан Карин") == "Yerlan Karin"
    assert transliterate("МИД") == "MID"


def test_a_cycle_in_the_parse_does_not_hang_subtrees() -> None:
    from communique.nlp.annotate import Annotation, Token

    def token(index: int, head: int) -> Token:
        return Token(index, 0, index * 2, index * 2 + 1, "x", "x", "NOUN", {}, head, "nmod")

    # slovnet can return heads that loop; a naive walk would never end
    annotation = Annotation(text="x x x", tokens=[token(0, 1), token(1, 2), token(2, 0)])
    assert annotation.subtree(0) == [0, 1, 2]


def test_tokens_in_a_character_range() -> None:
    annotation = annotate("Министр иностранных дел России прибыл в Астану.")
    text = annotation.text
    start = text.index("иностранных")
    words = [t.text for t in annotation.tokens_in(start, text.index(" прибыл"))]
    assert words == ["иностранных", "дел", "России"]
    assert annotation.tokens_in(start + 1, start + 3) == []  # no whole token inside


def test_a_text_with_no_sentence_end_reaches_the_models_in_bounded_pieces() -> None:
    from communique.nlp.annotate import MAX_SENTENCE_TOKENS

    clause = "делегация парламента обсудила вопросы торговли и транзита грузов, "
    text = "Сенатор Иванов заявил что " + clause * 120 + "и визит завершился"
    annotation = annotate(text)
    assert len(annotation.tokens) > 3 * MAX_SENTENCE_TOKENS
    assert len(annotation.sentences) >= 4
    for sentence in annotation.sentences:
        assert sentence.last_token - sentence.first_token <= MAX_SENTENCE_TOKENS
        # a piece ends after a comma where one is near, so clauses stay whole
        if sentence.last_token < len(annotation.tokens):
            assert annotation.tokens[sentence.last_token - 1].text == ","
        for token in annotation.tokens[sentence.first_token : sentence.last_token]:
            assert token.sentence == sentence.index
            assert token.head is None or (sentence.first_token <= token.head < sentence.last_token)
    assert [t.text for t in annotation.tokens] == [text[t.start : t.end] for t in annotation.tokens]
    assert annotation.tokens[-1].text == "завершился"


def test_a_run_of_tokens_with_no_punctuation_is_cut_at_the_limit() -> None:
    from communique.nlp.annotate import MAX_SENTENCE_TOKENS

    text = " ".join(["слово"] * (2 * MAX_SENTENCE_TOKENS + 10))
    annotation = annotate(text)
    sizes = [s.last_token - s.first_token for s in annotation.sentences]
    assert sizes == [MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, 10]
    assert annotation.sentences[0].start == 0 and annotation.sentences[-1].end == len(text)


def test_a_long_text_is_tagged_for_names_in_windows_of_whole_sentences(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from communique.nlp.models import natasha_models

    # the module: communique.nlp exports its function `annotate` under the same name
    annotate_module = importlib.import_module("communique.nlp.annotate")

    tagger = natasha_models().ner_tagger
    lengths: list[int] = []

    def measured(text: str) -> object:
        lengths.append(len(text))
        return tagger(text)

    monkeypatch.setattr(annotate_module, "NER_WINDOW_CHARACTERS", 2_000)
    models = natasha_models()
    monkeypatch.setattr(
        annotate_module, "natasha_models", lambda: replace(models, ner_tagger=measured)
    )
    sentence = "Сергей Лавров встретился в Москве с министром иностранных дел Японии. "
    text = sentence * 100
    annotation = annotate(text)
    assert len(lengths) > 1 and max(lengths) <= 2_000
    names = [text[s.start : s.end] for s in annotation.ner if s.type == "PER"]
    assert names == ["Сергей Лавров"] * 100
    places = [text[s.start : s.end] for s in annotation.ner if s.type == "LOC"]
    assert places.count("Москве") == 100
