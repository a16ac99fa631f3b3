"""Personal names the tagger reads in pieces or runs on, made whole and cleaned.

A name holds no title, place or abbreviation: the tagger's PERSON spans lose a dash before them,
words from an abbreviation on («АӨСШК Аға»), and what follows a country's name («Мәулен
Әшімбаев Малайзия») or begins a body's name before its lower-case head noun («Әсел
Нұрпейісова Қауымдар палатасының»); a span ending in an office noun is a title («Сенат
Төрағасы»), one that names a known place is that place («Маскат»). Then three phenomena, each
stated once (word lists in `data/names.json`):
- An Arabic name is one name over its lineage word and article: «Тамим бин Хамад Әл Тани»,
  «Хамуд бин Салем әл-Бусаиди». KazNERD holds few of them, so the tagger tends to cut them at
  «бин» or at the article, or to miss them; two capitalised words joined by «бин» are a name by
  themselves.
- The items of a list are of one kind: after a name with a case ending, a joining word and
  capitalised words up to one with the same ending are a name too («Хашиммен, Мохаммад Реза
  Каримимен және Фам Тхань Лонгпен»), whatever the tagger made of them.
- A name keeps its label through a text (one sense per discourse): a person's name of two or
  more words, read once, is that person wherever its words stand again, in any case ending on its
  last word, even where the tagger ran it into a neighbour there («Режеп Тайып Ердоғанды
  Республика» beside «Режеп Тайып Ердоғанмен»).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

from communique.lang.kk.countries import PLACE_NAME_WORDS
from communique.lang.kk.events import joins_list
from communique.lang.kk.suffixes import base_form, known_case_analysis
from communique.lang.kk.tagger import Entity

NAMES_FILE = Path(__file__).parent / "data" / "names.json"
PERSON = "PERSON"
TITLE_LABELS = frozenset({"POSITION", "ORGANISATION"})


@cache
def _name_words() -> tuple[frozenset[str], tuple[str, ...]]:
    data = json.loads(NAMES_FILE.read_text(encoding="utf-8"))
    return frozenset(data["lineage"]), tuple(data["articles"])


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() and any(char.islower() for char in word)


def _is_article(word: str) -> bool:
    """«әл-Харти», «Әл-Махмуд», or a capitalised «Әл» of its own (a lower-case «ал» is the
    conjunction 'and, but')."""
    _, articles = _name_words()
    head, hyphen, rest = word.partition("-")
    if head.lower() not in articles:
        return False
    return rest[:1].isupper() if hyphen else _is_capitalised(head)


def _is_separate_article(word: str) -> bool:
    """«Әл» in «Әл Тани»: the article written apart, so the name after it is the name's."""
    return "-" not in word and _is_article(word)


def _is_lineage(words: Sequence[str], index: int) -> bool:
    lineage, _ = _name_words()
    return (
        words[index].lower() in lineage
        and 0 < index < len(words) - 1
        and _is_capitalised(words[index - 1])
        and _is_capitalised(words[index + 1])
    )


def _arabic_name_end(words: Sequence[str], start: int) -> int:
    """One past the last word of the Arabic name going on from `start` (its lineage words, the
    names after them, an article and the name it precedes)."""
    end = start + 1
    while end < len(words):
        word = words[end]
        after_name_word = _is_capitalised(word) and (
            _is_lineage(words, end - 1) or _is_separate_article(words[end - 1])
        )
        article = _is_article(word) and (
            "-" in word or (end + 1 < len(words) and _is_capitalised(words[end + 1]))
        )
        if not (_is_lineage(words, end) or after_name_word or article):
            break
        end += 1
    return end


def _arabic_name_start(words: Sequence[str], start: int) -> int:
    """The first word of the Arabic name around `start`, going back over «X бин» before it."""
    while start >= 2 and _is_lineage(words, start - 1):
        start -= 2
    return start


def _respan(
    entity: Entity, words: Sequence[str], start: int, end: int, known: Collection[str]
) -> Entity:
    text = " ".join(words[start:end])
    return replace(entity, start=start, end=end, text=text, base=base_form(text, known))


def _joins(word: str) -> bool:
    """A word that joins two phrases: punctuation, or a conjunction («және», «мен»)."""
    return not any(char.isalnum() for char in word) or joins_list(word)


def _replace_overlapping(
    entities: list[Entity], person: Entity, words: Sequence[str], known: Collection[str]
) -> list[Entity]:
    """`entities` with `person` in: others it covers go, others it overlaps lose those words."""
    kept: list[Entity] = []
    for other in entities:
        if other.end <= person.start or other.start >= person.end:
            kept.append(other)
            continue
        if other.label == PERSON and other.start >= person.start and other.end <= person.end:
            continue  # a piece of the name
        # What stands outside the name on either side stays, without the word joining it.
        end = person.start
        while end > other.start and _joins(words[end - 1]):
            end -= 1
        if end > other.start and (other.label != PERSON or _is_capitalised(words[end - 1])):
            kept.append(_respan(other, words, other.start, end, known))
        start = person.end
        while start < other.end and _joins(words[start]):
            start += 1  # «... Бьянкимен және Жапонияның ... орынбасары»: the title after
        if start < other.end and (other.label != PERSON or _is_capitalised(words[start])):
            kept.append(_respan(other, words, start, other.end, known))  # another name
    kept.append(person)
    return sorted(kept, key=lambda entity: entity.start)


def join_arabic_names(
    words: Sequence[str], entities: list[Entity], known: Collection[str]
) -> list[Entity]:
    """The sentence's entities with each Arabic name whole: a PERSON span grown over the lineage
    words and articles around it, and «X бин Y ...» a PERSON where the tagger found none."""
    result = list(entities)
    index = 0
    while index < len(words):
        person = next((e for e in result if e.label == PERSON and e.start <= index < e.end), None)
        starts_lineage = index + 1 < len(words) and _is_lineage(words, index + 1)
        if person is None and not starts_lineage:
            index += 1
            continue
        start = _arabic_name_start(words, person.start if person else index)
        end = _arabic_name_end(words, person.end - 1 if person else index)
        if person is not None:
            end = max(end, person.end)
        if person is None or start < person.start or end > person.end:
            base = person or Entity(PERSON, start, end, "", "")
            result = _replace_overlapping(
                result, _respan(base, words, start, end, known), words, known
            )
        index = end
    return result


def _name_key(words: Sequence[str], known: Collection[str]) -> tuple[str, ...]:
    """A name's words in lower case, the last in its base form."""
    lowered = [word.lower() for word in words]
    return (*lowered[:-1], base_form(lowered[-1], known).lower())


def document_persons(
    sentences: Sequence[Sequence[str]],
    entities: Sequence[list[Entity]],
    known: Collection[str],
) -> list[list[Entity]]:
    """Each sentence's entities with every person's name of two or more words, read anywhere in
    the text, a PERSON wherever its words stand (the last in any case ending)."""
    names = {
        _name_key(words[entity.start : entity.end], known)
        for words, found in zip(sentences, entities, strict=True)
        for entity in found
        if entity.label == PERSON and entity.end - entity.start >= 2
    }
    # A span the tagger ran over two names («Тоқаев Си Цзиньпинмен»), each read elsewhere, is
    # no name of its own: it splits where the first ends.
    composite = {
        name
        for name in names
        if any(name[:cut] in names and name[cut:] in names for cut in range(2, len(name) - 1))
    }
    names -= composite
    longest_first = sorted(names, key=len, reverse=True)
    result = []
    for words, found in zip(sentences, entities, strict=True):
        found = list(found)
        index = 0
        while index < len(words):
            match = next(
                (
                    name
                    for name in longest_first
                    if index + len(name) <= len(words)
                    and _name_key(words[index : index + len(name)], known) == name
                ),
                None,
            )
            if match is None:
                index += 1
                continue
            end = index + len(match)
            same = any(e.label == PERSON and e.start == index and e.end == end for e in found)
            if not same:
                person = Entity(PERSON, index, end, "", "")
                found = _replace_overlapping(
                    found, _respan(person, words, index, end, known), words, known
                )
            index = end
        result.append(found)
    return result


def _case(word: str, known: Collection[str]) -> str | None:
    analysis = known_case_analysis(word, known)
    return analysis[1] if analysis else None


def _name_word(word: str) -> bool:
    return _is_capitalised(word) or _is_article(word) or word.lower() in _name_words()[0]


def complete_list_names(
    words: Sequence[str], entities: list[Entity], known: Collection[str]
) -> list[Entity]:
    """The sentence's entities with each item of a list of inflected names a name: after a name
    with a case ending and a joining word, the capitalised words up to one with the same ending
    («Хашиммен, Мохаммад Реза Каримимен және Фам Тхань Лонгпен»), whatever the tagger made of
    them."""
    result = list(entities)
    index = 0
    while index < len(words):
        person = next((e for e in result if e.label == PERSON and e.end - 1 == index), None)
        case = _case(words[index], known) if person else None
        if case is None:
            index += 1
            continue
        start = index + 1
        while start < len(words) and _joins(words[start]):
            start += 1
        end = start
        while end < len(words) and _name_word(words[end]) and _case(words[end], known) != case:
            end += 1
        if (
            start == index + 1  # no joining word: not a list
            or end >= len(words)
            or end == start
            or not _is_capitalised(words[end])
            or _case(words[end], known) != case
        ):
            index += 1
            continue
        # A title before the name («... және Қырғыз Республикасы ... Төрағасы Улан Ахметовпен»)
        # is no part of it.
        titled = {i for e in result if e.label in TITLE_LABELS for i in range(e.start, e.end)}
        while start < end and start in titled:
            start += 1
        item = Entity(PERSON, start, end + 1, "", "")
        if not any(e.label == PERSON and (e.start, e.end) == (start, end + 1) for e in result):
            result = _replace_overlapping(
                result, _respan(item, words, start, end + 1, known), words, known
            )
        index = end
    return result


def _is_abbreviation(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalpha()


def clean_persons(
    words: Sequence[str],
    entities: list[Entity],
    known: Collection[str],
    is_place: Callable[[str], bool],
    is_office: Callable[[str], bool],
    is_body_head: Callable[[str], bool],
) -> list[Entity]:
    """The sentence's PERSON spans without what no name holds (see the module's docstring)."""
    result = []
    for entity in entities:
        if entity.label != PERSON:
            result.append(entity)
            continue
        start, end = entity.start, entity.end
        while start < end and not any(char.isalnum() for char in words[start]):
            start += 1
        for index in range(start, end):
            if _is_abbreviation(words[index]):
                end = index
                break
            if index > start and any(
                is_place(base_form(" ".join(words[index : index + size]), known))
                for size in range(1, PLACE_NAME_WORDS + 1)
                if index + size <= len(words)
            ):
                end = index  # «Данияр Сейітов Біріккен Араб Әмірліктеріне»: a place begins
                break
        if (
            end == entity.end
            and end - start > 2
            and end < len(words)
            and words[end][:1].islower()
            and is_body_head(words[end])
        ):
            end -= 1  # «Әсел Нұрпейісова Қауымдар палатасының»: the body's name begins
        if start == end:
            continue
        cleaned = _respan(entity, words, start, end, known)
        if is_office(words[end - 1]):
            cleaned = replace(cleaned, label="POSITION")
        elif is_place(cleaned.base):
            cleaned = replace(cleaned, label="GPE")
        result.append(cleaned)
    return result
