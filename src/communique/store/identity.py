"""Stable actor identity across documents: `actor_key`, computed from the record alone.

The pipeline already merges an actor's mentions inside one document ("Сергей Лавров", "Лаврова",
"министр Лавров" → one actor) and gives its name in the nominative, so inflections never reach
this function. It only has to make the same actor meet across documents, from what each document's
actor row says, with no lookup: the key is the same on every run and on both backends.

- a country with its ISO code: `country:KZ`; another non-person actor with a knowledge-base id:
  `organization:<kb_id>` (`<kind>:<kb_id>`);
- a person: `person:<surname> <first initial>` ("Сергей Лавров", "С. Лавров", "Лавров С.В." →
  `person:лавров с`), or `person:<surname>` when no first name or initial is given. Lower case,
  ё → е. When the name has no Cyrillic letters the Latin name (if any) is used instead, so
  transliterations meet only through `name_latin`;
- anything else: `<kind>:<lower-cased name>`, with `@<country>` when the country is known.

Limits: two people with the same surname and first initial get one key; a surname written alone
("Лавров") does not meet the same surname with an initial.
"""

from __future__ import annotations

import re
import unicodedata

_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*\.?|\.")  # a word, its trailing dot kept
_INITIALS = re.compile(r"(?:[^\W\d_]{1,2}\.)+|[^\W\d_]")  # "С.", "С.В.", "Ж.", a lone letter


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().replace("ё", "е")
    return " ".join(text.split())


def person_key(name: str) -> str:
    """`surname initial` (or `surname`) of a person's name, lower case, ё → е."""
    words = [w for w in _WORD.findall(_plain(name)) if w != "."]
    if not words:
        return ""
    # The surname is the last word that is not an initial ("Лавров С.В." puts initials last).
    full = [i for i, w in enumerate(words) if not _INITIALS.fullmatch(w)]
    at = full[-1] if full else len(words) - 1
    surname = words[at].rstrip(".")
    others = [w for i, w in enumerate(words) if i != at]
    return f"{surname} {others[0][0]}" if others else surname


def actor_key(
    kind: str,
    name: str,
    *,
    name_latin: str | None = None,
    country: str | None = None,
    kb_id: str | None = None,
) -> str:
    """The actor's identity across documents (see the module's docstring)."""
    if kind == "country" and country:
        return f"country:{country.upper()}"
    if kind != "person" and kb_id:
        return f"{kind}:{kb_id}"
    if kind == "person":
        source = name if _CYRILLIC.search(name) or not name_latin else name_latin
        return f"person:{person_key(source) or _plain(source)}"
    key = f"{kind}:{_plain(name)}"
    return f"{key}@{country.upper()}" if country else key
