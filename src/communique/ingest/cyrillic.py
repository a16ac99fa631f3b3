"""How much a decoded text looks like real Cyrillic prose, used to pick among 8-bit encodings.

cp1251 and KOI8-R both map every high byte to some Cyrillic letter, so each decodes the other's
bytes without error, and charset-normalizer alone confuses them on short texts. A wrong choice
permutes the alphabet (frequent о, а, и become rare ю, х, ъ...) and so turns common letter pairs
into rare ones, inverts letter case (KOI8-R puts lowercase where cp1251 has uppercase, so "Москва"
comes out as "мОСКВА"-shaped words) and turns cp1251 punctuation such as « » — into KOI8-R
box-drawing characters. The score charges for each of these, in bits per Cyrillic letter.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise

# Russian letter frequencies in percent (national corpus counts, rounded). ё and ъ are raised from
# 0.04 %: texts that write ё use it far more often, and an honest rare letter must not outweigh
# the evidence of everything around it.
_RUSSIAN_FREQUENCY = {
    "о": 10.97, "е": 8.45, "а": 8.01, "и": 7.35, "н": 6.70, "т": 6.26, "с": 5.47, "р": 4.73,
    "в": 4.54, "л": 4.40, "к": 3.49, "м": 3.21, "д": 2.98, "п": 2.81, "у": 2.62, "я": 2.01,
    "ы": 1.90, "ь": 1.74, "г": 1.70, "з": 1.65, "б": 1.59, "ч": 1.44, "й": 1.21, "х": 0.97,
    "ж": 0.94, "ш": 0.73, "ю": 0.64, "ц": 0.48, "щ": 0.36, "э": 0.32, "ф": 0.26, "ъ": 0.10,
    "ё": 0.20,
}  # fmt: skip
# Ukrainian, Belarusian and Kazakh letters are legitimate in cp1251/kz1048 text: uncommon for a
# Russian model but not suspicious. Any other Cyrillic letter (Serbian ђ, ћ, џ, Old Church
# Slavonic...) in an 8-bit text is almost always a sign of the wrong code page.
_NEIGHBOUR_LETTERS = "іїєґўәғқңөұүһ"
_NEIGHBOUR_COST = 10.0
_RARE_LETTER_COST = 13.0
# The 150 most frequent letter pairs inside the 229K Cyrillic words of natasha's navec news
# vocabulary (counted once per word, ё folded into е). They are 78 % of the pairs in Russian text
# but about 20 % in the cp1251/KOI8-R swap, which makes pairs the strongest evidence on short texts.
_COMMON_PAIR_LIST = (
    "ов но ра ро ст ко ен ан ва ер ни ск ре на ал ны пр ли по ом ин ор ка ос го "
    "ат ри те та не то во ле нн ар ла ми он ти ль ел ки ол ло ес ог ет ит од тр "
    "за ав ис ве ам ой ас от ма ил де ив ир ев ме до ся об ик ем ть им ед со че "
    "ви мо пе да ру ие ди вы аз ая ьн ым ад ку ич нт оп ий ок нс ей са па ак га "
    "из ци бо ую ну си сп бе ых тв кр се ши ек ия ое ба тс тн ые ше ур му гр чи "
    "оз аю сь ый ус рн ля ае ту щи пи сл аб вш ах же ющ бр ул их сс би ег ио ще"
)
_COMMON_PAIRS = frozenset(_COMMON_PAIR_LIST.split())
_COMMON_PAIR_COST = -math.log2(0.78)
_RARE_PAIR_COST = -math.log2(0.22)
# Charged once per anomaly, in bits: a word with a lowercase-to-uppercase step ("мОСКВА"), a
# word mixing Cyrillic with another script ("cafй"), or a symbol that prose does not use.
_ANOMALY_COST = 12.0
# Non-letters outside ASCII that real text uses; everything else (box drawing, maths, controls,
# unassigned code points) counts as an anomaly.
_PROSE_CATEGORIES = frozenset({"Zs", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sc"})
_PROSE_SYMBOLS = frozenset("№°©®™±×§")
# Scoring more than this adds time, not certainty.
_SAMPLE_CHARS = 20_000
# Russian prose scores about 5 bits per letter, its cp1251/KOI8-R swap and random Cyrillic letters
# 7.5 or more. The bound is looser for short texts, whose scores spread more (about 7.5/sqrt(n)
# for n letters), so that a short real text is read rather than refused.
_TYPICAL_BITS_PER_LETTER = 5.0
_SPREAD = 7.5
_MIN_BOUND = 6.5

_WORD = re.compile(r"[^\W\d_]+")


def _letter_cost(letter: str) -> float:
    lower = letter.lower()
    if lower in _RUSSIAN_FREQUENCY:
        return -math.log2(_RUSSIAN_FREQUENCY[lower] / 100)
    if lower in _NEIGHBOUR_LETTERS:
        return _NEIGHBOUR_COST
    return _RARE_LETTER_COST


def _pairs_cost(word: str) -> float:
    return sum(
        _COMMON_PAIR_COST if word[i : i + 2] in _COMMON_PAIRS else _RARE_PAIR_COST
        for i in range(len(word) - 1)
    )


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u052f"


def _is_odd_symbol(char: str) -> bool:
    if char.isascii() or char.isalpha() or char in _PROSE_SYMBOLS:
        return False
    return unicodedata.category(char) not in _PROSE_CATEGORIES


def _has_inner_capital(word: str) -> bool:
    return any(a.islower() and b.isupper() for a, b in pairwise(word))


@dataclass(frozen=True)
class CyrillicScore:
    letters: int
    bits: float

    @property
    def bits_per_letter(self) -> float:
        return self.bits / self.letters if self.letters else math.inf

    @property
    def plausible(self) -> bool:
        bound = max(_MIN_BOUND, _TYPICAL_BITS_PER_LETTER + _SPREAD / math.sqrt(self.letters or 1))
        return self.bits_per_letter <= bound


def score_cyrillic(text: str) -> CyrillicScore:
    """Cost of `text` as Cyrillic prose: lower is more plausible, no Cyrillic at all infinite."""
    sample = text[:_SAMPLE_CHARS]
    letters = 0
    bits = _ANOMALY_COST * sum(map(_is_odd_symbol, sample))
    for word in _WORD.findall(sample):
        cyrillic = [char for char in word if _is_cyrillic(char)]
        if not cyrillic:
            continue
        letters += len(cyrillic)
        bits += sum(map(_letter_cost, cyrillic))
        bits += _pairs_cost(word.lower().replace("ё", "е"))
        if len(cyrillic) < len(word):
            bits += _ANOMALY_COST
        if _has_inner_capital(word):
            bits += _ANOMALY_COST
    return CyrillicScore(letters=letters, bits=bits)
