"""Cyrillic to Latin, and the spelling skeleton that lets one name meet across scripts.

`transliterate`: Russian Cyrillic to Latin, close to the BGN/PCGN-style spellings used in English
news (Токаев -> Tokayev, Ашимбаев -> Ashimbayev), plus the Kazakh and Mongolian letters.

`kazakh_latin`: Kazakh Cyrillic to the Kazakh Latin alphabet of 2021 (Әшімбаев -> Äşımbaev,
Тоқаев -> Toqaev, Жомарт -> Jomart).

`name_skeleton`: a name in any of these spellings, or as an English text writes it, folded to one
comparison form. Each fold states a difference between the spelling systems, not a name:
- letters the systems write differently for one sound: Kazakh Latin ä/ö/ü/ū/ı/ş/ç/ñ/ğ and the
  Kazakh Cyrillic letters, Russian `kh`/`zh`/`dzh` against Kazakh Latin and English `h`/`j`;
- Russian writes a foreign h as г (Гаджиев, Hajiyev; Гусейнов, Huseynov), so g and h are one;
- the glide between vowels and at a word's start is y in English, absent in Kazakh Latin (Tokayev,
  Toqaev; Yerlan, Erlan), and y/i/iy/ii alternate in English (Dmitry, Dmitriy, Dmitrii);
- Russian ю/ё after a consonant render a foreign ü/ö (Озтюрк, Ozturk);
- English doubles a consonant (Kassym, Issetov) and writes Arabic and Turkish sounds as th, ou,
  w, c (Al-Harthi, Аль-Харти; Mansour, Мансур; Fawaz, Фаваз; Kilic, Кылыч); a Latin c before a
  back vowel or a consonant is Russian к (Christoph, Кристоф);
- the Arabic article, assimilated or not, is no part of the skeleton (el-Sisi, ас-Сиси);
- Russian writes the Chinese zh as чж (Чжан, Zhang).
"""

from __future__ import annotations

import re
import unicodedata

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

# The Kazakh Latin alphabet approved in 2021 (31 letters, with ç for ч).
_KAZAKH_LATIN = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ё": "io",
    "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n",
    "ң": "ñ", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū",
    "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ç", "ш": "ş", "щ": "şş", "ъ": "",
    "ы": "y", "і": "ı", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}  # fmt: skip
# Letters only Kazakh (of the two Cyrillic orthographies here) has.
KAZAKH_LETTERS = frozenset("әғқңөұүһі")
_CYRILLIC = re.compile(r"[а-яё" + "".join(sorted(KAZAKH_LETTERS)) + "]", re.IGNORECASE)

# Latin letters with marks, to the letter the skeleton keeps (ı has no decomposition).
_LATIN_FOLDS = {"ı": "i", "ş": "sh", "ç": "ch", "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe"}
# Spelling folds, in order (see the module's docstring); each applies to the result of the last.
_SKELETON_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^(?:a|e)[lsdrtzn]-", ""),  # the Arabic article: al-Harthi, as-Sisi, el-Sisi
        (r"shch", "sh"),
        (r"chzh|d?zh|dj", "j"),  # чж: how Russian writes the Chinese zh (Чжан, Zhang)
        (r"kh|gh|g", "h"),
        (r"th", "t"),
        (r"ph", "f"),
        (r"ch", "c"),
        (r"ou", "u"),
        (r"w", "v"),
        (r"x", "ks"),
        (r"q|ck", "k"),
        (r"y", "i"),
        (r"c(?![ei])", "k"),  # a Latin c before a back vowel or a consonant: Christoph, Кристоф
        (r"(?<=[^aeiou\W])i(?=[uo])", ""),  # ю/ё after a consonant: a foreign ü, ö
        (r"(\w)\1+", r"\1"),  # doubled letters, ii included
        (r"(?<=[aeiou])i(?=[aeiou])", ""),  # the glide between vowels
        (r"\bi(?=e)", ""),  # the glide at a word's start: Yerlan, Erlan
        (r"[\W_]+", ""),  # hyphens, apostrophes, dots: Al-Harthi, аль-Харти, O'Neill
    )
)


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
    return _cased(word, "".join(out))


def _cased(word: str, latin_word: str) -> str:
    if len(word) > 1 and word.isupper():
        return latin_word.upper()
    if word[:1].isupper():
        return latin_word[:1].upper() + latin_word[1:]
    return latin_word


def kazakh_latin(text: str) -> str:
    """Kazakh Cyrillic in the Kazakh Latin alphabet of 2021."""

    def word(match: re.Match[str]) -> str:
        written = match.group()
        return _cased(written, "".join(_KAZAKH_LATIN.get(c, c) for c in written.lower()))

    return _WORD.sub(word, text)


def is_kazakh(text: str) -> bool:
    """Whether `text` has a letter of the Kazakh Cyrillic alphabet that Russian lacks."""
    return any(char in KAZAKH_LETTERS for char in text.lower())


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


def to_latin(text: str) -> str:
    """A name in Latin letters: Kazakh Cyrillic by the 2021 alphabet, Russian Cyrillic as English
    texts spell it, Latin as written."""
    if not has_cyrillic(text):
        return text
    return kazakh_latin(text) if is_kazakh(text) else transliterate(text)


def name_skeleton(text: str) -> str:
    """The comparison form of a name (or one word of it) in any script: lower case, Latin
    letters, each spelling difference of the module's docstring folded. Words stay apart."""
    latin = "".join(_LATIN_FOLDS.get(c, c) for c in to_latin(text).lower())
    plain = "".join(c for c in unicodedata.normalize("NFKD", latin) if not unicodedata.combining(c))
    words = []
    for written in plain.split():
        word = written
        for pattern, replacement in _SKELETON_RULES:
            word = pattern.sub(replacement, word)
        if word:
            words.append(word)
    return " ".join(words)
