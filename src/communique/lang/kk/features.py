"""Kazakh CRF tagger features: word form, shape, affixes, case ending, gazetteer, context.

Kazakh marks a name's role with a case ending on its last word (Тоқаевпен, Астанада), so the word's
stem without that ending and the case itself are features, next to the raw suffixes a CRF learns
from. Changing anything here changes the model: retrain with scripts/train_kk_tagger.py (the test
of the shipped model compares a fingerprint of this file and the data files it reads).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

from communique.lang.kk import gazetteer, suffixes
from communique.lang.kk.gazetteer import Gazetteer, kazakh_gazetteer
from communique.lang.kk.suffixes import SUFFIXES_FILE, case_analysis, strip_possessive

_SHAPE_RUNS = re.compile(r"(.)\1+")


def word_shape(word: str) -> str:
    """Letters as X/x, digits as d, others kept; runs collapsed (`Қасым-Жомарт` -> Xx-Xx)."""
    shape = "".join(
        "X" if char.isupper() else "x" if char.isalpha() else "d" if char.isdigit() else char
        for char in word
    )
    return _SHAPE_RUNS.sub(r"\1", shape)


def _word_features(word: str, gazetteer: Gazetteer) -> dict[str, str]:
    lower = word.lower()
    features = {
        "w": lower,
        "shape": word_shape(word),
        "s1": lower[-1:],
        "s2": lower[-2:],
        "s3": lower[-3:],
        "s4": lower[-4:],
        "p2": lower[:2],
        "p3": lower[:3],
        "title": str(word[:1].isupper()),
        "upper": str(word.isupper() and len(word) > 1),
        "len": str(min(len(word), 12)),
    }
    analysis = case_analysis(word)
    stem = word if analysis is None else analysis[0]
    if analysis is not None:
        features["case"] = analysis[1]
        features["stem"] = stem.lower()
    # The stem's own ending tells the kind of name (-овка, -ск, -стан, -ов), inflected or not.
    features["stem_s3"] = stem.lower()[-3:]
    # The head of a compound title or organisation name carries the third-person possessive
    # (Сыртқы істер министрі, Ұлттық Жиналысы, ынтымақтастық ұйымы), with or without a case
    # ending after it; the noun without both is the word's lemma-like stem.
    noun = strip_possessive(stem)
    if noun != stem:
        features["poss"] = "1"
        features["lemma"] = noun.lower()
    for kind in gazetteer.kinds(word):
        features[f"gaz_{kind}"] = "1"
    return features


def _capital_runs(tokens: Sequence[str]) -> list[str]:
    """Each token's place in a run of capitalised words: B(egin), I(nside), E(nd), S(ingle) or O.

    A multiword Kazakh organisation name capitalises each of its words (Ұлы Ұлттық Жиналысы,
    Жогорку Кеңес), while a person's name is two capitalised words and a title's words are
    lower case after the first; the run's shape and length tell them apart."""
    capital = [token[:1].isupper() for token in tokens]
    places = []
    for index, is_capital in enumerate(capital):
        if not is_capital:
            places.append("O")
            continue
        before = index > 0 and capital[index - 1]
        after = index + 1 < len(capital) and capital[index + 1]
        places.append("I" if before and after else "E" if before else "B" if after else "S")
    return places


def _run_lengths(places: Sequence[str]) -> list[int]:
    lengths = [0] * len(places)
    start = 0
    for index in range(len(places) + 1):
        if index == len(places) or places[index] in ("B", "S", "O"):
            for inside in range(start, index):
                lengths[inside] = index - start if places[start] != "O" else 0
            start = index
    return lengths


def _in_quotes(tokens: Sequence[str]) -> list[bool]:
    """Whether each token stands inside «...»: names of projects, events and companies."""
    inside = False
    found = []
    for token in tokens:
        if token == "«":
            inside = True
        found.append(inside and token not in ("«", "»"))
        if token == "»":
            inside = False
    return found


_NEIGHBOUR_KEYS = ("w", "shape", "s3", "title", "case", "stem", "poss", "lemma")
_FAR_NEIGHBOUR_KEYS = ("w", "shape", "title", "case", "poss")


def sentence_features(tokens: Sequence[str], gazetteer: Gazetteer | None = None) -> list[list[str]]:
    """One list of `name=value` features per token, for python-crfsuite."""
    gazetteer = gazetteer or kazakh_gazetteer()
    words = [_word_features(token, gazetteer) for token in tokens]
    runs = _capital_runs(tokens)
    lengths = _run_lengths(runs)
    quoted = _in_quotes(tokens)
    last_word = max((i for i, token in enumerate(tokens) if token[:1].isalnum()), default=-1)
    result: list[list[str]] = []
    for index, own in enumerate(words):
        features = ["bias", *(f"{name}={value}" for name, value in own.items())]
        if index == 0:
            features.append("first")  # a capital here says nothing of a name
        if index == last_word:
            features.append("last")  # Kazakh puts the verb last: no name stands there
        features.append(f"run={runs[index]}")
        if runs[index] != "O":
            features.append(f"runlen={min(lengths[index], 5)}")
        if quoted[index]:
            features.append("quoted")
        for offset in (-2, -1, 1, 2):
            position = index + offset
            if not 0 <= position < len(words):
                features.append(f"{offset}:edge")
                continue
            other = words[position]
            keys = _NEIGHBOUR_KEYS if abs(offset) == 1 else _FAR_NEIGHBOUR_KEYS
            features.extend(f"{offset}:{key}={other[key]}" for key in keys if key in other)
            features.extend(f"{offset}:{key}" for key in other if key.startswith("gaz_"))
            if abs(offset) == 1:
                features.append(f"{offset}:run={runs[position]}")
        if index + 1 < len(words):
            features.append(f"bigram+1={own['w']}|{words[index + 1]['w']}")
        if index > 0:
            features.append(f"bigram-1={words[index - 1]['w']}|{own['w']}")
        result.append(features)
    return result


def features_fingerprint() -> str:
    """SHA-256 over what decides the features: this file, the suffix stripper's code and data,
    and the gazetteer's code and words."""
    digest = hashlib.sha256()
    for module in (__file__, suffixes.__file__, gazetteer.__file__):
        digest.update(Path(module).read_bytes())
    digest.update(SUFFIXES_FILE.read_bytes())
    names = kazakh_gazetteer()
    for words in (
        names.country_words,
        names.organization_words,
        names.base_forms,
        names.place_words,
    ):
        digest.update("\n".join(sorted(words)).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()
