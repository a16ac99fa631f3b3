"""Lenient text comparison for fact slots: normalised tokens, inflection-tolerant equality."""

from __future__ import annotations

import re
from collections.abc import Iterable

from communique.knowledge.keys import common_prefix_length

# fmt: off
STOP_WORDS = frozenset({
    "и", "в", "во", "на", "по", "с", "со", "к", "ко", "о", "об", "обо", "от", "до", "из", "за",
    "для", "у", "при", "без", "над", "под", "а", "но", "или", "ли", "же", "не",
})

# Words that name the kind of an organisation or place, not which one: dropped before comparing.
GENERIC_DESCRIPTORS = frozenset({
    "компания", "корпорация", "концерн", "холдинг", "группа", "фирма", "предприятие",
    "оао", "зао", "ооо", "пао", "ао", "гуп", "фгуп", "нко",
    "министерство", "ведомство", "служба", "агентство", "департамент", "управление",
    "комитет", "комиссия", "администрация", "правительство", "аппарат",
    "банк", "фонд", "организация", "партия", "движение", "союз", "ассоциация", "объединение",
    "совет", "палата", "собрание", "университет", "институт", "академия", "центр",
})
# fmt: on

_WORD = re.compile(r"\w+(?:-\w+)*")
_MIN_INFLECTED_LENGTH = 4
_MAX_LONGER_ENDING = 3
_MAX_SHORTER_ENDING = 2


def normalise(text: str) -> list[str]:
    """Lower-cased word tokens, `ё`→`е`, hyphenated words whole, stop words dropped."""
    lowered = text.lower().replace("ё", "е")
    return [word for word in _WORD.findall(lowered) if word not in STOP_WORDS]


def tokens_equal(first: str, second: str) -> bool:
    """Equal, or both ≥ 4 characters and differing only in short endings (`глава`~`главой`)."""
    if first == second:
        return True
    shorter, longer = sorted((first, second), key=len)
    if len(shorter) < _MIN_INFLECTED_LENGTH:
        return False
    prefix = common_prefix_length(shorter, longer)
    return (
        len(longer) - prefix <= _MAX_LONGER_ENDING and len(shorter) - prefix <= _MAX_SHORTER_ENDING
    )


def contains_token(tokens: Iterable[str], token: str) -> bool:
    return any(tokens_equal(candidate, token) for candidate in tokens)


def person_matches(predicted_names: Iterable[str], surname_keys: Iterable[str]) -> bool:
    """Some token of a predicted name equals a gold surname key."""
    keys = [key for surname in surname_keys for key in normalise(surname)]
    return any(contains_token(keys, token) for name in predicted_names for token in normalise(name))


def position_matches(predicted: Iterable[str], gold: Iterable[str]) -> bool:
    """Every token of the shorter phrase matches a token of the longer, for some pair."""
    gold_phrases = [normalise(phrase) for phrase in gold]
    return any(
        _phrase_within(normalise(phrase), gold_phrase)
        for phrase in predicted
        for gold_phrase in gold_phrases
    )


def place_matches(predicted: Iterable[str], gold: Iterable[str]) -> bool:
    """At least one shared token once generic descriptors are dropped, for some alias pair."""
    gold_names = [_distinctive(alias) for alias in gold]
    return any(
        _share_token(_distinctive(name), gold_name)
        for name in predicted
        for gold_name in gold_names
    )


def name_within(name: str, other: str) -> bool:
    """Every token of one whole name matches a token of the other (`Лавров` ~ `Сергей Лавров`)."""
    return _phrase_within(normalise(name), normalise(other))


def _phrase_within(first: list[str], second: list[str]) -> bool:
    if not first or not second:
        return False
    shorter, longer = sorted((first, second), key=len)
    return all(contains_token(longer, token) for token in shorter)


def _share_token(first: list[str], second: list[str]) -> bool:
    return any(contains_token(second, token) for token in first)


def _distinctive(name: str) -> list[str]:
    """The tokens of a name without generic descriptors; all of them if nothing else is left."""
    tokens = normalise(name)
    distinctive = [token for token in tokens if not contains_token(GENERIC_DESCRIPTORS, token)]
    return distinctive or tokens
