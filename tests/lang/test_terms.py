"""Search terms per language (lang/terms.py): inflected forms of a word share a term, a query
word is read in every language, and the spans marked are the words whose forms meet it.
Sentences written for these tests."""

from __future__ import annotations

from communique.lang.terms import document_terms, forms, matches, query_terms


def test_inflected_forms_share_a_term_in_their_language() -> None:
    # Russian: every case of a noun and an adjective meets its lemma.
    assert "монголия" in forms("Монголией", "ru") & forms("Монголию", "ru")
    assert "стратегический" in forms("стратегического", "ru")
    assert "еж" in forms("Ёжа", "ru")  # ё is written е
    # Kazakh: the case ending comes off; a stem that only looks inflected keeps its spelling.
    assert "моңғолия" in forms("Моңғолиямен", "kk") & forms("Моңғолияның", "kk")
    assert "қазақстан" in forms("Қазақстан", "kk") & forms("Қазақстанға", "kk")
    # English: a Snowball stem.
    assert forms("agreements", "en") & forms("agreement", "en")
    assert forms("meetings", "en") & forms("meeting", "en")
    # No language (or one without rules): the spelling alone.
    assert forms("Monголии", None) == {"monголии"}
    assert forms("Häuser", "de") == {"häuser"}


def test_forms_are_read_in_the_document_language_only() -> None:
    # English stemming does not apply to a Russian document's Latin words, nor the reverse.
    assert forms("agreements", "ru") == {"agreements"}
    assert forms("Монголией", "en") == {"монголией"}


def test_a_query_word_is_read_in_every_language() -> None:
    words = query_terms("Monголия agreements агрессия agreements")
    assert len(words) == 3  # each word once
    english = words[1]
    assert {"agreements", "agreement"} <= english


def test_document_terms_count_hits_and_the_first_place_in_the_text() -> None:
    text = "Посол Монголии встретился с послом Японии."
    terms = document_terms(text, "Посол прибыл", "ru")
    assert terms["посол"].hits == 3  # twice in the text, once in the title
    assert terms["посол"].first == 0
    assert terms["япония"].first == text.index("Японии")
    assert terms["прибыть"].first is None  # the title's only
    assert terms["прибыть"].hits == 1


def test_matches_mark_the_inflected_words_and_the_written_text() -> None:
    text = "Визит в Монголию. Монгольская сторона и монголы."
    spans = matches(text, "Монголия", "ru")
    assert [text[a:b] for a, b in spans] == ["Монголию"]
    # The search as written marks part of a word, merged with a word mark where they overlap.
    written = matches(text, "монгол", "ru")
    # «монголы» (lemma «монгол») is a word match: the whole word is marked.
    assert [text[a:b] for a, b in written] == ["Монгол", "Монгол", "монголы"]
    # Only inside `within`, with offsets in the whole text.
    start = text.index("Монгольская")
    assert matches(text, "сторона", "ru", within=(start, len(text))) == [
        (text.index("сторона"), text.index("сторона") + len("сторона"))
    ]
    assert matches(text, "сторона", "ru", within=(0, start)) == []
