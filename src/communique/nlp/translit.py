"""Russian Cyrillic to Latin, close to the BGN/PCGN-style spellings used in English news
(Токаев -> Tokayev, Ашимбаев -> Ashimbayev), plus the Kazakh and Mongolian letters."""

from __future__ import annotations

import re

_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "і": "i",
}  # fmt: skip
_VOWELS = frozenset("аеёиоуыэюяәөұүі")
_WORD = re.compile(r"\w+")


def transliterate(text: str) -> str:
    return _WORD.sub(lambda match: _word(match.group()), text)


def _word(word: str) -> str:
    out: list[str] = []
    previous = ""
    for char in word.lower():
        latin = _LETTERS.get(char, char)
        # е at a word start or after a vowel or sign sounds "ye": Yerlan, Tokayev
        if char == "е" and (not previous or previous in _VOWELS or previous in "ъь"):
            latin = "ye"
        out.append(latin)
        previous = char
    latin_word = "".join(out)
    if len(word) > 1 and word.isupper():
        return latin_word.upper()
    if word[:1].isupper():
        return latin_word[:1].upper() + latin_word[1:]
    return latin_word
