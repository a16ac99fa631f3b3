"""Lookup keys for knowledge entries.

`lemma_key` is the one function that turns text into a key, shared with extraction
(`communique.nlp.morph`): a token sequence in a text matches an entry when the lemmas agree.

Its lemmas come from pymorphy3's first parse, which is not always the same word for every case
of a name: "Великое национальное собрание" gives "великое ...", but "Великого национального
собрания" gives "великий ..."; "Временный поверенный" gives "временный", "Временного
поверенного" gives "временной". `name_keys` therefore indexes a name under the lemma keys of
its words' case forms too, so that any inflected form finds its entry.

A case form whose first parse is another dictionary word ("Политика", genitive of "Политик",
reads as "политика", policy; "о после" as "после") would make a one-word name match that other
word, so one-word names skip such forms (they stay unresolved: the text itself is ambiguous).
In a phrase the other words keep a match specific, and every case form counts.

Inflecting every word costs more than a load may take, so the case-form lemmas of the words in
the data files are precomputed in `data/lemma_variants.json` (build/build_lemma_variants.py);
words not in it are inflected when first met.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import islice, product
from typing import NamedTuple

from communique.lang.ru.words import fold_spelling, russian_words
from communique.nlp.morph import analyzer, lemma, lemma_key

__all__ = [
    "CaseFormLemmas",
    "adjective_stem",
    "case_form_lemmas",
    "lemma",
    "lemma_key",
    "name_keys",
    "preload_case_forms",
    "tokenize",
    "words_only",
]

# Same tokenisation as communique.nlp.morph.lemma_key: words (hyphenated ones whole) and
# single punctuation marks.
_WORD_RE = re.compile(r"[\w]+(?:[-‐–][\w]+)*|[^\w\s]", re.UNICODE)
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_NUMBERS = ("sing", "plur")
_MAX_VARIANTS = 64
_PERSONAL_NAME = frozenset({"Name", "Surn", "Patr"})

# Adjective endings, longest first; "о" ends a compound's first part (казахстанско-).
_ADJECTIVE_ENDINGS = tuple(russian_words("keys")["adjective_endings"])


class CaseFormLemmas(NamedTuple):
    """Lemmas that the case forms of a word get: `same` where the first parse is still the
    word itself (its own lemma included), `other` where it reads as another word."""

    same: tuple[str, ...]
    other: tuple[str, ...] = ()


def tokenize(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def words_only(key: str) -> str:
    """The key without punctuation tokens: "папуа — новый гвинея" -> "папуа новый гвинея"."""
    return " ".join(token for token in key.split() if any(ch.isalnum() for ch in token))


def name_keys(text: str, every_form: bool | None = None) -> set[str]:
    """Every key a name is indexed under: its lemma key, the keys of its case forms, and each
    of these without punctuation tokens. `every_form` (default: for phrases only) also takes
    the case forms that read as other dictionary words."""
    words = tokenize(text)
    keys = {lemma_key(words)}
    every = len(words) > 1 if every_form is None else every_form
    options = [_word_options(word, every) for word in words]
    keys.update(" ".join(c) for c in islice(product(*options), _MAX_VARIANTS))
    keys |= {words_only(key) for key in keys}
    keys.discard("")
    return keys


def keys_of(names: Iterable[str]) -> set[str]:
    keys: set[str] = set()
    for name in names:
        keys |= name_keys(name)
    return keys


_preloaded: dict[str, CaseFormLemmas] = {}


def preload_case_forms(words: Mapping[str, Mapping[str, list[str]]]) -> None:
    """Take case-form lemmas from data/lemma_variants.json instead of inflecting the words."""
    _preloaded.update(
        {
            word: CaseFormLemmas(tuple(forms["same"]), tuple(forms.get("other", ())))
            for word, forms in words.items()
        }
    )
    _word_options.cache_clear()


@lru_cache(maxsize=50_000)
def _word_options(word: str, every: bool) -> tuple[str, ...]:
    if "-" in word and not word.startswith("-"):
        parts = [_word_options(part, every) for part in word.split("-")]
        return tuple(sorted({"-".join(c) for c in islice(product(*parts), _MAX_VARIANTS)}))
    forms = _preloaded.get(word.lower()) or case_form_lemmas(word)
    other = forms.other if every else [o for o in forms.other if not _is_dictionary_word(o)]
    return tuple(sorted({*forms.same, *other}))


def _is_dictionary_word(word: str) -> bool:
    return bool(analyzer().word_is_known(word))


def case_form_lemmas(word: str) -> CaseFormLemmas:
    """Lemmas (first parse) of the case forms, singular and plural, of `word` read as a
    nominative: what the tokens of an inflected mention of a name with `word` will carry."""
    own = lemma(word)
    if not any(ch.isalpha() for ch in word):
        return CaseFormLemmas((own,))
    # Names are written in the nominative, so the word itself is a lemma too ("Рика" of
    # "Коста-Рика", which pymorphy reads as a genitive of "рик").
    same, other = {own, fold_spelling(word.lower())}, set()
    for parse in analyzer().parse(word.lower()):
        if "nomn" not in parse.tag or _PERSONAL_NAME & parse.tag.grammemes:
            continue  # "Королева" is no form of the surname "Королёв" here
        for case, number in product(_CASES, _NUMBERS):
            form = parse.inflect({case, number})
            if form is not None:
                found = lemma(form.word)
                (same if found == fold_spelling(parse.normal_form) else other).add(found)
    return CaseFormLemmas(tuple(sorted(same)), tuple(sorted(other - same)))


def adjective_stem(word: str) -> str | None:
    """Stem of an adjective form or compound first part: "российской" -> "российск",
    "казахстанско" -> "казахстанск". None when the word has no adjective ending."""
    word = fold_spelling(word.lower())
    for ending in _ADJECTIVE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return None


def common_prefix_length(first: str, second: str) -> int:
    """How many leading characters two words share (a stem and its inflected forms)."""
    length = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        length += 1
    return length
