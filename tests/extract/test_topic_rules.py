"""One case per phenomenon of topic matching (extract/topics.py): word-start stems over the words
of a text, multi-word patterns, hyphenated words, case and ё. Sentences are written for these
tests; most use a small table of topics of their own, so a change to `topics.json` moves none."""

from __future__ import annotations

import re

import pytest

from communique.extract.topics import TopicEntry, topic_entries, topics_in_tokens

ENTRIES = (
    TopicEntry("trade", "trade", "торговля", "сауда", (("торгов",), ("экспорт",))),
    TopicEntry("economy", "economy", "экономика", "экономика", (("экономическ",),)),
    TopicEntry(
        "agriculture", "agriculture", "сельское хозяйство", "ауыл", (("сельск", "хозяйств"),)
    ),
    TopicEntry("sport", "sport", "спорт", "спорт", (("спорт",),)),
    TopicEntry("energy", "energy", "энергетика", "энергетика", (("энерг",), ("энергетическ",))),
    TopicEntry("forest", "forest", "ёлки", "шырша", (("елк",),)),
    TopicEntry("water", "water", "вода", "су", (("водн", "ресурс", "бассейн"),)),
)


def _tokens(text: str) -> list[tuple[str, int]]:
    """Words (hyphenated ones whole, as the parsers give them), numbers and punctuation."""
    return [(m[0], m.start()) for m in re.finditer(r"\w+(?:-\w+)*|[^\w\s]", text)]


def _found(text: str) -> list[tuple[str, str]]:
    return [
        (hit.topic, text[hit.start : hit.end]) for hit in topics_in_tokens(_tokens(text), ENTRIES)
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param(
            "Обсудили вопросы торговли.", [("trade", "торговли")], id="stem-starts-a-word"
        ),
        pytest.param("Торговля выросла.", [("trade", "Торговля")], id="capitalised-word"),
        pytest.param("Развивают спорт.", [("sport", "спорт")], id="word-as-long-as-the-stem"),
        pytest.param("Говорили о торге.", [], id="word-shorter-than-the-stem"),
        pytest.param("Внешнеторговый баланс.", [], id="stem-inside-a-word-is-no-topic"),
        pytest.param(
            "Развитие торгово-экономического сотрудничества.",
            [("trade", "торгово"), ("economy", "экономического")],
            id="each-part-of-a-hyphenated-word",
        ),
        pytest.param(
            "Рост агро-экспорта.", [("trade", "экспорта")], id="second-part-keeps-its-offset"
        ),
        pytest.param(
            "О поддержке сельского хозяйства.",
            [("agriculture", "сельского хозяйства")],
            id="two-word-pattern-spans-both-words",
        ),
        pytest.param(
            "О поддержке сельского, хозяйства.",
            [("agriculture", "сельского, хозяйства")],
            id="punctuation-between-pattern-words-is-skipped",
        ),
        pytest.param("Развитие сельского туризма.", [], id="second-word-of-a-pattern-missing"),
        pytest.param("Жители сельской", [], id="pattern-cut-by-the-end-of-the-text"),
        pytest.param(
            "Водные ресурсы бассейна Арала.",
            [("water", "Водные ресурсы бассейна")],
            id="three-word-pattern",
        ),
        pytest.param("Водные ресурсы", [], id="three-word-pattern-cut-after-two"),
        pytest.param("Новогодние ёлки.", [("forest", "ёлки")], id="yo-read-as-ye"),
        pytest.param(
            "Энергетическое партнерство.",
            [("energy", "Энергетическое")],
            id="two-stems-of-one-topic-one-hit",
        ),
        pytest.param(
            "Экспорт и торговля; торговля.",
            [("trade", "Экспорт"), ("trade", "торговля"), ("trade", "торговля")],
            id="every-place-in-text-order",
        ),
        pytest.param(
            "2025 год, «торговля».", [("trade", "торговля")], id="numbers-and-quotes-are-no-words"
        ),
    ],
)
def test_topic_matching(text: str, found: list[tuple[str, str]]) -> None:
    assert _found(text) == found


def test_topics_at_one_place_are_ordered_by_name() -> None:
    entries = (
        TopicEntry("zeta", "z", "z", "z", (("рост",),)),
        TopicEntry("alpha", "a", "a", "a", (("рост",),)),
    )
    hits = topics_in_tokens(_tokens("Рост."), entries)
    assert [hit.topic for hit in hits] == ["alpha", "zeta"]


def test_the_data_file_names_each_topic_in_three_languages() -> None:
    entries = topic_entries()
    assert len({e.id for e in entries}) == len(entries)
    for entry in entries:
        assert entry.en and entry.ru and entry.kk, entry.id
        assert entry.patterns and all(entry.patterns), entry.id
