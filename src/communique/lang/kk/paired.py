"""Paired lists: a list of states, a plural title, then as many names, the i-th name holding the
title for the i-th state.

Reports of talks on the sidelines pair them: «министр Малайзия, Мысыр және Оман сыртқы істер
министрлері – тиісінше X-пен, Y-пен және Z-пен кездесті» (respectively, said or not). Each name
then has the singular title with its own state («Мысыр сыртқы істер министрі») and that state as
its country; the plural title alone says no one's country.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from communique.lang.kk.countries import PLACE_NAME_WORDS
from communique.lang.kk.events import Word, joins_list, noun_bases
from communique.lang.kk.suffixes import base_form, case_analysis, singular, strip_case
from communique.lang.kk.titles import office_nouns

RESPECTIVELY = frozenset({"тиісінше", "сәйкесінше"})
DASHES = frozenset({"–", "—", "-"})


@dataclass(frozen=True)
class PairedTitle:
    person: int  # index of the name in the list given
    country: str  # alpha-2
    title: str  # the singular title with the state's name: «Мысыр сыртқы істер министрі»
    start: int  # character span of the state's name and the plural title
    end: int


def _singular_word(word: str) -> str:
    """A plural word of a title as the singular, its case ending kept: «министрлерінің» ->
    «министрінің», «басшылары» -> «басшысы»."""
    analysis = case_analysis(word)
    if analysis is not None and singular(analysis[0]) != analysis[0]:
        return singular(analysis[0]) + word[len(analysis[0]) :]
    return singular(word)


def _is_plural_office(word: str) -> bool:
    """An office noun in the plural, in any case: «министрлерінің», «басшылары»."""
    bare = strip_case(word.lower())
    return bool(noun_bases(bare) & office_nouns()) and singular(bare) != bare


def _countries_before(
    words: Sequence[Word],
    end: int,
    country_of: Callable[[str], str | None],
    known: Collection[str],
) -> list[tuple[str, int, int]]:
    """The list of states ending just before `end` (word index), first to last: (code, first
    word, one past the last word)."""
    found: list[tuple[str, int, int]] = []
    index = end
    while index > 0:
        match = None
        for size in range(min(PLACE_NAME_WORDS, index), 0, -1):
            window = words[index - size : index]
            if not all(word.text[:1].isupper() for word in window):
                continue  # a state's name is capitalised throughout, no comma or «және» in it
            name = " ".join(word.text for word in window)
            code = country_of(name) or country_of(base_form(name, known))
            if code:
                match = (code, index - size, index)
                break
        if match is None:
            break
        found.insert(0, match)
        index = match[1]
        if index > 0 and joins_list(words[index - 1].text):
            index -= 1
        else:
            break
    return found


def paired_titles(
    words: Sequence[Word],
    persons: Sequence[tuple[int, int]],
    country_of: Callable[[str], str | None],
    known: Collection[str],
) -> list[PairedTitle]:
    """Titles and countries of a list of names (`persons`: each name's first and one-past-last
    word index, in order) paired with a list of states before a plural title."""
    if len(persons) < 2:
        return []
    for (_, end), (start, _) in itertools.pairwise(persons):
        between = words[end:start]
        if not between or not all(joins_list(word.text) for word in between):
            return []
    index = persons[0][0]
    while index > 0 and (words[index - 1].lower in RESPECTIVELY or words[index - 1].text in DASHES):
        index -= 1
    title_end = index
    if title_end == 0 or not _is_plural_office(words[title_end - 1].text):
        return []
    title_start = title_end - 1
    while title_start > 0 and words[title_start - 1].text[:1].islower():
        if joins_list(words[title_start - 1].text):
            break
        title_start -= 1  # the title's lower-case words: «сыртқы істер министрлерінің»
    countries = _countries_before(words, title_start, country_of, known)
    if len(countries) != len(persons):
        return []
    *head, last = words[title_start:title_end]
    singular_title = " ".join(
        [*(_singular_word(word.text) for word in head), singular(base_form(last.text, known))]
    )
    return [
        PairedTitle(
            person=number,
            country=code,
            title=f"{' '.join(word.text for word in words[first:last_word])} {singular_title}",
            start=words[first].start,
            end=words[title_end - 1].end,
        )
        for number, (code, first, last_word) in enumerate(countries)
    ]
