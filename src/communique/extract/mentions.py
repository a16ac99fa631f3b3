"""Typed mentions with offsets, nominative forms, Latin forms and the countries they name."""

from __future__ import annotations

from communique.extract.candidates import Candidate, generate
from communique.extract.lexicon import Lexicons
from communique.extract.normalize import nominative
from communique.extract.select import select
from communique.lang.ru.words import russian_words
from communique.nlp import Annotation
from communique.nlp.translit import transliterate
from communique.record import Mention, MentionForm, MentionType

# Raise with any change to what this stage outputs: `communique reprocess` re-extracts the stored
# documents of every other version.
EXTRACTOR = "extract.mentions@0.4.0"

# Names a reader would transliterate; titles, dates and agreements get no Latin form here.
_TRANSLITERATED = {
    MentionType.PERSON,
    MentionType.ORGANIZATION,
    MentionType.CITY,
    MentionType.LOCATION,
    MentionType.EVENT,
}


def extract_mentions(annotation: Annotation, lexicons: Lexicons) -> list[Mention]:
    chosen = select(generate(annotation, lexicons))
    return [_mention(annotation, lexicons, c, i) for i, c in enumerate(chosen)]


def _mention(
    annotation: Annotation, lexicons: Lexicons, candidate: Candidate, index: int
) -> Mention:
    tokens = annotation.tokens
    start, end = tokens[candidate.first].start, tokens[candidate.last - 1].end
    if candidate.chars:
        start, end = candidate.chars
    normal = nominative(annotation, candidate.first, candidate.last, candidate.type)
    if candidate.form is MentionForm.ADJECTIVE and candidate.countries:
        normal = lexicons.knowledge.country(candidate.countries[0]).name_ru
    if candidate.type is MentionType.POSITION:
        start, normal = _without_former(annotation.text, start, end, normal)
    countries = list(dict.fromkeys(candidate.countries))
    latin = None
    if candidate.type is MentionType.COUNTRY and countries:
        latin = lexicons.knowledge.country(countries[0]).name_en
    elif candidate.label and candidate.type is MentionType.ORGANIZATION and candidate.kb_id:
        latin = candidate.label
    elif candidate.type in _TRANSLITERATED:
        latin = transliterate(normal)
    return Mention(
        id=f"m{index}",
        type=candidate.type,
        start=start,
        end=end,
        text=annotation.text[start:end],
        normal=normal,
        latin=latin,
        label=candidate.label,
        kb_id=candidate.kb_id,
        form=candidate.form,
        country=countries[0] if len(countries) == 1 else None,
        countries=countries,
        sentence=tokens[candidate.first].sentence,
        extractor=f"{EXTRACTOR}:{candidate.source}",
    )


_FORMER: str = russian_words("mentions")["former_prefix"]


def _without_former(text: str, start: int, end: int, normal: str) -> tuple[int, str]:
    """ "экс-президента США" holds the title "президента США": "экс-" dates it, as "бывший"
    does, and is no part of it."""
    if text[start : start + len(_FORMER)].lower() != _FORMER or end - start <= len(_FORMER):
        return start, normal
    if normal[: len(_FORMER)].lower() == _FORMER:
        normal = normal[len(_FORMER) :]
    return start + len(_FORMER), normal
