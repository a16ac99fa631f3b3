"""Stable actor identity across documents and languages: `actor_key`, computed from the record.

The readers already merge an actor's mentions inside one document ("Сергей Лавров", "Лаврова",
"министр Лавров" → one actor) and give its name in its base form, so inflections never reach this
function. It only has to make the same actor meet across documents and across the three languages
a release is published in, from what each document's actor row says: the key is the same on every
run and on both backends, whatever the document's language.

- a country with its ISO code: `country:KZ`; another non-person actor with a knowledge-base id:
  `organization:<kb_id>` (`<kind>:<kb_id>`);
- a person: `person:<surname> <first initial>@<country>`, the surname and initial as their
  spelling skeleton (nlp/translit.py), so that the Russian, Kazakh and English forms of one name
  meet: «Касым-Жомарт Токаев», «Қасым-Жомарт Тоқаев» and "Kassym-Jomart Tokayev" are all
  `person:tokaev k@KZ`; «Ашимбаев», «Әшімбаев» and "Ashimbayev" are `ashimbaev`. Without a first
  name or initial the key is `person:<surname>`, without a country it has no `@`. A known
  official of the knowledge base (knowledge/persons.py) is keyed by its entry's English name,
  when the text gives no other country: «Си Цзиньпин» and "Xi Jinping" are `person:xi j@CN`;
- anything else: `<kind>:<lower-cased name>`, with `@<country>` when the country is known.

The country is part of a person's key because a surname and an initial are no proof of identity:
two Ivanovs with the initial A. stay apart when the texts give them different countries. The price
is that a person whose country one document does not give stays apart from the same person where
it does, and a surname written alone does not meet the same surname with an initial. A person's
title is no part of the key: people change posts between releases.
"""

from __future__ import annotations

import re
import unicodedata

from communique.lang.ru.words import fold_spelling
from communique.nlp.translit import has_cyrillic, name_skeleton

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?|\.")  # a word, its trailing dot kept
_INITIALS = re.compile(r"(?:[^\W\d_]{1,2}\.)+|[^\W\d_]")  # "С.", "С.В.", "Ж.", a lone letter
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)


# Countries whose names put the family name first in every language of the project: Пак Чжон Хо,
# Park Jong-ho; Чжан Вэйдун, Zhang Weidong (Japanese names are given first in ru and en alike).
SURNAME_FIRST = frozenset({"CN", "TW", "HK", "MO", "KR", "KP", "VN"})


def _plain(text: str, *, yo: bool = False) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join((text if yo else fold_spelling(text)).split())


def person_key(name: str, country: str | None = None) -> str:
    """`surname initial` (or `surname`) of a person's name in any script, as spelling
    skeletons: "Сергей Лавров", "Лавров С.В." and "Sergei Lavrov" are all `lavrov s`. The
    surname is the first word for a person of a SURNAME_FIRST country."""
    words = [w for w in _WORD.findall(_plain(name, yo=True)) if w != "."]
    if not words:
        return ""
    # The surname is the last word that is not an initial ("Лавров С.В." puts initials last).
    full = [i for i, w in enumerate(words) if not _INITIALS.fullmatch(w)]
    first = bool(country) and str(country).upper() in SURNAME_FIRST
    at = (full[0] if first else full[-1]) if full else len(words) - 1
    surname = name_skeleton(words[at].rstrip("."))
    others = [name_skeleton(w.rstrip(".")) for i, w in enumerate(words) if i != at]
    others = [w for w in others if w]
    return f"{surname} {others[0][0]}" if others else surname


def known_person_key(name: str, country: str | None = None) -> str | None:
    """The key of the knowledge base's official `name` names, if any (see the docstring)."""
    from communique.knowledge.persons import person_aliases  # the KB only when a person is keyed

    known = person_aliases().find(name, country)
    if known is None:
        return None
    return f"{name_skeleton(known.surname)} {name_skeleton(known.given)[:1]}@{known.country}"


def actor_key(
    kind: str,
    name: str,
    *,
    name_latin: str | None = None,
    country: str | None = None,
    kb_id: str | None = None,
) -> str:
    """The actor's identity across documents and languages (see the module's docstring)."""
    if kind == "country" and country:
        return f"country:{country.upper()}"
    if kind != "person" and kb_id:
        return f"{kind}:{kb_id}"
    if kind == "person":
        # A name in neither script (a reader's odd output) falls back to its Latin form.
        written = (
            name if has_cyrillic(name) or _LATIN.search(name) or not name_latin else name_latin
        )
        known = known_person_key(written, country)
        if known is not None:
            return f"person:{known}"
        key = f"person:{person_key(written, country) or _plain(written)}"
        return f"{key}@{country.upper()}" if country else key
    key = f"{kind}:{_plain(name)}"
    return f"{key}@{country.upper()}" if country else key
