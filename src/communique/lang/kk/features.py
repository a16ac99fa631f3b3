"""Kazakh CRF tagger features: word form, shape, affixes, case ending, gazetteer, context.

Kazakh marks a name's role with a case ending on its last word (Тоқаевпен, Астанада), so the word's
stem without that ending and the case itself are features, next to the raw suffixes a CRF learns
from; the noun without case and possessive (`bare`: «қаласында» -> «қала») lets a neighbour's
kind tell a name's («Хэфэй қаласы», «Белоусовка кентінің»), and a capital with a case
(`capcase`) marks an inflected name. A Kazakh noun phrase ends in its head, so a body's name runs
up to a head noun of a body (`data/organizations.json`: «... қалалық сотында», «... жазушылар
одағының»): that word and the word three before it are marked. Words inside «...» are marked
(the names of companies and projects stand there). Changing anything here changes the model:
retrain with scripts/train_kk_tagger.py (the test of the shipped model compares a fingerprint of
this file and the data files it reads).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path

from communique.lang.kk import gazetteer, suffixes
from communique.lang.kk.gazetteer import Gazetteer, kazakh_gazetteer
from communique.lang.kk.organizations import ORGANIZATIONS_FILE, is_body_head
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
    if analysis is not None:
        stem, case = analysis
        features["case"] = case
        features["stem"] = stem.lower()
        # The stem's own ending tells the kind of name (-овка, -ск, -стан, -ов), inflected or not.
        features["stem_s3"] = stem.lower()[-3:]
    else:
        features["stem_s3"] = lower[-3:]
    stem = features.get("stem", lower)
    bare = strip_possessive(stem)
    features["bare"] = bare
    if bare != stem:
        features["poss"] = "1"
    if "case" in features:
        features["capcase"] = f"{features['title']}|{features['case']}"
    if is_body_head(bare):
        features["gaz_orghead"] = "1"
    for kind in gazetteer.kinds(word):
        features[f"gaz_{kind}"] = "1"
    return features


def sentence_features(tokens: Sequence[str], gazetteer: Gazetteer | None = None) -> list[list[str]]:
    """One list of `name=value` features per token, for python-crfsuite."""
    gazetteer = gazetteer or kazakh_gazetteer()
    words = [_word_features(token, gazetteer) for token in tokens]
    quoted = inside_quotes(tokens)
    result: list[list[str]] = []
    for index, own in enumerate(words):
        features = ["bias", *(f"{name}={value}" for name, value in own.items())]
        if quoted[index]:
            features.append("quoted")
        if index + 3 < len(words) and "gaz_orghead" in words[index + 3]:
            features.append("+3:gaz_orghead")  # «Атырау облыстық қалалық сотында»
        if index == 0:
            features.append("first")  # a capital here says nothing of a name
        for offset in (-2, -1, 1, 2):
            position = index + offset
            if not 0 <= position < len(words):
                features.append(f"{offset}:edge")
                continue
            other = words[position]
            keys = (
                ("w", "shape", "s3", "title", "case", "stem", "bare")
                if abs(offset) == 1
                else ("w", "title", "shape")
            )
            features.extend(f"{offset}:{key}={other[key]}" for key in keys if key in other)
            features.extend(f"{offset}:{key}" for key in other if key.startswith("gaz_"))
        if index + 1 < len(words):
            features.append(f"bigram+1={own['w']}|{words[index + 1]['w']}")
        if index > 0:
            features.append(f"bigram-1={words[index - 1]['w']}|{own['w']}")
        result.append(features)
    return result


_OPENING_QUOTES = frozenset({"«", "\u201c"})
_CLOSING_QUOTES = frozenset({"»", "\u201d"})


def inside_quotes(tokens: Sequence[str]) -> list[bool]:
    """Whether each token stands inside quotes (not the quotes themselves); a straight quote
    opens or closes as it comes."""
    inside = False
    found = []
    for token in tokens:
        if token in _OPENING_QUOTES or (token == '"' and not inside):
            inside = True
            found.append(False)
        elif token in _CLOSING_QUOTES or (token == '"' and inside):
            inside = False
            found.append(False)
        else:
            found.append(inside)
    return found


def features_fingerprint() -> str:
    """SHA-256 over what decides the features: this file, the suffix stripper's code and the
    parts of its data it reads, the gazetteer's code and words, and the head nouns of bodies."""
    digest = hashlib.sha256()
    for module in (__file__, suffixes.__file__, gazetteer.__file__):
        digest.update(Path(module).read_bytes())
    # The suffix data the case stripper reads: not its description, version or plural endings.
    suffix_data = json.loads(SUFFIXES_FILE.read_text(encoding="utf-8"))
    used = {key: suffix_data[key] for key in ("classes", "min_stem", "cases", "possessive")}
    digest.update(json.dumps(used, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    heads = json.loads(ORGANIZATIONS_FILE.read_text(encoding="utf-8"))["heads"]
    digest.update("\n".join(sorted(heads)).encode("utf-8") + b"\0")
    names = kazakh_gazetteer()
    for words in (names.country_words, names.organization_words, names.base_forms):
        digest.update("\n".join(sorted(words)).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()
