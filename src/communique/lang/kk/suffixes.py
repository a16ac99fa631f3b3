"""Kazakh names and titles back to their base form by stripping one case ending.

Kazakh inflects only the last word of a noun phrase, and a case ending's first consonant follows
the stem's last sound (`data/suffixes.json` states which allomorph follows which sound), so one
ending is stripped from the last word, and only where the sound before it allows that allomorph:
`Әшімбаевпен` -> `Әшімбаев`, `Қасым-Жомарт Тоқаевқа` -> `Қасым-Жомарт Тоқаев`, while `Алматы`
keeps its -ты (after м the accusative is -ды). An ending after the third-person possessive
(`министріне`, `Сенатының`) leaves the possessive, which belongs to the base form of a compound
title (`Сыртқы істер министрі`); `strip_possessive` removes it where the bare noun is wanted.

The rules cannot know a base form that merely looks inflected (`Канада`, `Ақорда` end like a
locative); pass such forms as `known` and they are kept.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

SUFFIXES_FILE = Path(__file__).parent / "data" / "suffixes.json"


@dataclass(frozen=True)
class CaseEnding:
    """One allomorph of a case ending and the stem-final sounds it follows."""

    case: str
    ending: str
    after: frozenset[str]  # letters the stem may end in; empty when after_possessive
    after_possessive: bool


@dataclass(frozen=True)
class SuffixTable:
    version: str
    min_stem: int
    cases: tuple[CaseEnding, ...]  # longest ending first, so -нан is tried before -н
    possessive: tuple[tuple[str, frozenset[str]], ...]
    plural: tuple[str, ...]


@cache
def suffix_table(path: Path = SUFFIXES_FILE) -> SuffixTable:
    """The suffix data file, read once."""
    data = json.loads(path.read_text(encoding="utf-8"))
    classes: dict[str, str] = data["classes"]

    def letters(names: list[str]) -> frozenset[str]:
        unknown = set(names) - set(classes)
        if unknown:
            raise ValueError(f"{path.name}: unknown sound class {sorted(unknown)}")
        return frozenset("".join(classes[name] for name in names))

    cases = [
        CaseEnding(
            case=entry["case"],
            ending=ending,
            after=letters(entry.get("after", [])),
            after_possessive=bool(entry.get("after_possessive", False)),
        )
        for entry in data["cases"]
        for ending in entry["endings"]
    ]
    cases.sort(key=lambda item: -len(item.ending))
    possessive = tuple(
        (ending, letters(entry["after"]))
        for entry in data["possessive"]
        for ending in entry["endings"]
    )
    return SuffixTable(
        version=str(data["version"]),
        min_stem=int(data["min_stem"]),
        cases=tuple(cases),
        possessive=tuple(sorted(possessive, key=lambda item: -len(item[0]))),
        plural=tuple(data["plural"]),
    )


def _last_sound(stem: str) -> str:
    """The stem's last sounding letter: the soft and hard signs have no sound of their own, so
    the ending follows the consonant before them (Морельмен, Игорьдің)."""
    stripped = stem.rstrip("ьъ")
    return stripped[-1] if stripped else ""


def _possessive_split(word: str, table: SuffixTable) -> str | None:
    """The noun before a final third-person possessive (`министрі` -> `министр`), if it has one."""
    lower = word.lower()
    for ending, after in table.possessive:
        stem_length = len(word) - len(ending)
        if (
            lower.endswith(ending)
            and stem_length >= table.min_stem
            and _last_sound(lower[:stem_length]) in after
        ):
            return word[:stem_length]
    return None


def case_analysis(word: str, table: SuffixTable | None = None) -> tuple[str, str] | None:
    """(stem, case) for a word ending in a case ending its stem allows; None for a bare stem."""
    if table is None:
        return _default_case_analysis(word)
    return _case_analysis(word, table)


@lru_cache(maxsize=65536)  # the readers ask of the same words many times
def _default_case_analysis(word: str) -> tuple[str, str] | None:
    return _case_analysis(word, suffix_table())


def _case_analysis(word: str, table: SuffixTable) -> tuple[str, str] | None:
    lower = word.lower()
    for entry in table.cases:
        stem_length = len(word) - len(entry.ending)
        if not lower.endswith(entry.ending) or stem_length < table.min_stem:
            continue
        stem = word[:stem_length]
        if entry.after_possessive:
            if _possessive_split(stem, table) is not None:
                return stem, entry.case
        elif _last_sound(lower[:stem_length]) in entry.after:
            return stem, entry.case
    return None


def known_case_analysis(word: str, known: Collection[str]) -> tuple[str, str] | None:
    """`case_analysis`, but None for a word in `known` (lower case): already a base form that
    only looks inflected («Ланге», «Алматы»)."""
    return None if word.lower() in known else case_analysis(word)


def strip_case(word: str, known: Collection[str] = ()) -> str:
    """The word without its case ending; a word in `known` (lower case) is already a base form."""
    analysis = known_case_analysis(word, known)
    return word if analysis is None else analysis[0]


def strip_possessive(word: str) -> str:
    """The noun without its third-person possessive: `министрі` -> `министр`."""
    stem = _possessive_split(word, suffix_table())
    return word if stem is None else stem


def base_form(phrase: str, known: Collection[str] = ()) -> str:
    """A name or title phrase in its base form: the case ending comes off its last word only.

    A hyphenated last word is one name (`Қасым-Жомартқа`), so only its last part is inflected.
    """
    head, separator, last = phrase.rstrip().rpartition(" ")
    if phrase.lower() in known:
        return phrase
    return f"{head}{separator}{strip_case(last, known)}"


def without_plural(word: str) -> str:
    """The noun without a final plural suffix: `депутаттар` -> `депутат`."""
    table = suffix_table()
    lower = word.lower()
    for plural in table.plural:
        if lower.endswith(plural) and len(word) - len(plural) >= table.min_stem:
            return word[: -len(plural)]
    return word


def singular(word: str) -> str:
    """A plural noun, possessive or not, as its singular: `депутаттары` -> `депутаты`,
    `министрлері` -> `министрі`, `басшылары` -> `басшысы` (after a vowel the possessive is
    -сы/-сі), `депутаттар` -> `депутат`."""
    table = suffix_table()
    noun = _possessive_split(word, table)
    plural_noun = word if noun is None else noun
    stem = without_plural(plural_noun)
    if stem == plural_noun:
        return word
    if noun is None:
        return stem
    harmony = word[-1:].lower()  # ы or і, as vowel harmony chose it
    sound = _last_sound(stem.lower())
    for ending, after in table.possessive:
        if ending.endswith(harmony) and sound in after:
            return stem + ending
    return word
