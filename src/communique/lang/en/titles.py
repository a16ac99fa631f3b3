"""Repairs after the NER for English diplomatic text: whole titles, and names that follow a title.

English writes a title in front of the name it belongs to ("President of Kazakhstan Kassym-Jomart
Tokayev", "Ambassador of Malaysia to Kazakhstan Khairul Nizam Yusof"). The small model reads the
country and the name as one organisation; once the ruler has fixed the country, the NER leaves the
name unlabelled. So a run of proper nouns that closes a title phrase (a title, then only names of
countries and organisations joined by of/to/the/and) is a person's name.

A title's modifiers ("Foreign Minister", "Deputy Prime Minister", "Senate Chairman") are words the
parser attaches to the title's head as compound or adjective: they join the title.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from communique.lang.en.countries import english_countries
from communique.lang.en.organizations import is_head
from communique.lang.en.ruler import TITLE_LABEL, common_name_words

# Words that join the parts of a title phrase: "Ambassador of Malaysia to Kazakhstan".
TITLE_JOINERS = frozenset({"of", "to", "the", "for", "and", "in", "at", "on"})
# Those that only go on to more of a title phrase, never follow a person's name.
ONWARD_JOINERS = frozenset({"of", "for", "on"})
# Entities a title phrase may name between the title and the person.
TITLE_PARTS = frozenset({TITLE_LABEL, "GPE", "ORG", "NORP"})
MODIFIER_DEPS = frozenset({"compound", "amod"})
HYPHENS = frozenset({"-", "‐", "‑"})
# What the small model calls a name after a title ("Kazakhstan Kassym-Jomart Tokayev" as an
# organisation); a LOC after a title ("of Central Asia") is a region, not a person.
MISREAD_NAME_LABELS = frozenset({"ORG", "GPE"})


def _is_name_token(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ == ""


def _name_run_end(doc: Doc, start: int) -> int:
    """One past the last token of the proper-noun run at `start` (hyphenated parts included)."""
    end = start
    while end < len(doc):
        token = doc[end]
        if _is_name_token(token):
            end += 1
        elif token.text in HYPHENS and end + 1 < len(doc) and _is_name_token(doc[end + 1]):
            end += 2
        else:
            break
    return end


def _joined_onwards(doc: Doc, end: int) -> bool:
    """Whether the token at `end` makes what comes before part of a longer title phrase
    ("Parliament of ..."); a name may be followed by "and", "to", "at"."""
    return end < len(doc) and doc[end].lower_ in ONWARD_JOINERS


# Words an "of"-phrase of a title may hold between its head and the name: "Head of the Mazhilis
# group for cooperation with the Parliament of the United Kingdom Assel Nurpeissova".
PHRASE_NOUN_JOINERS = frozenset({"with"})
BRACKETS = frozenset({"(", ")"})


def _is_capitalised_part(token: Token) -> bool:
    return token.text[:1].isupper() and (token.ent_type_ in TITLE_PARTS or token.pos_ == "PROPN")


def crosses_title_phrase(doc: Doc, position: int, name_start: int, title_found: bool) -> bool:
    """Whether the token at `position`, met going back from a name towards its title, is inside
    the title phrase beyond its entities, joiners and proper nouns:

    - a comma between capitalised words lists a portfolio ("Minister of Digital Development,
      Innovation and Aerospace Industry of Kazakhstan Daniyar Seitov"), unless it stands right
      before the name at `name_start`;
    - brackets gloss a foreign title ("Toraga (Speaker) of the Jogorku Kenesh ...");
    - a possessive names whose body it is ("Head of the Kazakh Senate's group ...");
    - lower-case nouns, adjectives and "with" make the body a title's "of"-phrase names ("group for
      cooperation with the State Great Khural"), only before the title itself is reached: after
      it, they belong to the sentence ("talks with Minister X"); the caller checks that the title
      goes on with an "of"-phrase ("an official visit to X" is no title phrase)."""
    token = doc[position]
    before = doc[position - 1] if position > 0 else None
    after = doc[position + 1] if position + 1 < len(doc) else None
    if token.text == ",":
        return (
            position + 1 < name_start
            and before is not None
            and after is not None
            and _is_capitalised_part(before)
            and _is_capitalised_part(after)
            and after.ent_type_ != "PERSON"
        )
    if token.text in BRACKETS:
        inside = after if token.text == "(" else before
        return inside is not None and inside.ent_type_ == TITLE_LABEL
    if token.tag_ == "POS":
        return before is not None and _is_capitalised_part(before)
    return not title_found and (
        token.lower_ in PHRASE_NOUN_JOINERS or (token.pos_ in ("NOUN", "ADJ") and token.is_lower)
    )


def _closes_title_phrase(doc: Doc, index: int) -> bool:
    """Whether the tokens before `index` end a title phrase: a TITLE, then names of countries and
    organisations (the ruler's, or proper nouns the phrase goes on from: "Parliament of",
    "Medical Industry of") and joiners."""
    position = index - 1
    onward_run = False  # the proper nouns met so far run on to an "of"
    crossed_words = False  # lower-case words crossed: the title must go on to them
    while position >= 0:
        token = doc[position]
        if token.ent_type_ == TITLE_LABEL:
            return not crossed_words or _joined_onwards(doc, position + 1)
        crossed_words = crossed_words or (token.is_lower and token.lower_ not in TITLE_JOINERS)
        name_onward = _is_name_token(token) and (onward_run or _joined_onwards(doc, position + 1))
        if (
            token.ent_type_ in TITLE_PARTS
            or token.lower_ in TITLE_JOINERS
            or name_onward
            or crosses_title_phrase(doc, position, index, title_found=False)
        ):
            # once the phrase has gone on from a name, the names, joiners and commas before it
            # are the phrase's too ("Water Resources and Irrigation of")
            onward_run = onward_run or name_onward
            position -= 1
            continue
        return False
    return False


def _widen_titles(doc: Doc) -> list[SpacySpan]:
    """TITLE entities grown leftwards over the modifiers the parser hangs on their head."""
    entities = list(doc.ents)
    for number, entity in enumerate(entities):
        if entity.label_ != TITLE_LABEL:
            continue
        start = entity.start
        while (
            start > 0
            and doc[start - 1].ent_type_ == ""
            and doc[start - 1].dep_ in MODIFIER_DEPS
            and doc[start - 1].head.i in range(start, entity.end)
            and doc[start - 1].text[:1].isupper()
        ):
            start -= 1
        if start != entity.start:
            entities[number] = SpacySpan(
                doc, start, entity.end, label=entity.label, kb_id=entity.kb_id
            )
    return entities


def _is_demonym(entity: SpacySpan) -> bool:
    """Whether an entity is only demonyms ("Kazakh", "Kazakh-Uzbek"), which the NER calls a person
    or an organisation before a title."""
    parts = [token.text for token in entity if token.text not in HYPHENS]
    countries = english_countries()
    return bool(parts) and all(countries.by_demonym(part) for part in parts)


def _cleaned(doc: Doc, entity: SpacySpan) -> SpacySpan | None:
    """The NER's entity as a name can be: demonyms are NORP; a person's name ends at a line break
    (a headline runs into the dateline), does not start with a demonym ("Kazakh MFA") and is no
    acronym ("PM", "FM")."""
    if entity.ent_id_:
        return entity
    if entity.label_ != "NORP" and _is_demonym(entity):
        return SpacySpan(doc, entity.start, entity.end, label="NORP")
    if entity.label_ != "PERSON":
        return entity
    end = next(
        (
            token.i if token.is_space else token.i + 1
            for token in entity
            if "\n" in token.text_with_ws and token.i + 1 < entity.end
        ),
        None,
    )
    if end is not None and end > entity.start:
        entity = SpacySpan(doc, entity.start, end, label="PERSON")
    if _is_demonym(entity[:1]):
        return SpacySpan(doc, entity.start, entity.start + 1, label="NORP")
    if all(token.is_upper or token.is_punct for token in entity):
        return None
    if entity[-1].tag_ == "NNPS":
        return None  # a name is singular: "Committee on Agrarian Issues"
    if is_head(entity[-1]) or not _is_capitalised_name(entity):
        # A name is capitalised and has no organisation's head: "the Kazakh foreign ministry",
        # "Al-Azhar University".
        return SpacySpan(doc, entity.start, entity.end, label="ORG")
    return entity


def _is_adjective_use(entity: SpacySpan) -> bool:
    """A one-word title in lower case that modifies a noun is an adjective: "an official visit"."""
    token = entity[0]
    return (
        entity.label_ == TITLE_LABEL
        and len(entity) == 1
        and token.is_lower
        and token.pos_ == "ADJ"
        and token.dep_ == "amod"
    )


def _relabel_demonyms(doc: Doc) -> list[SpacySpan]:
    cleaned = (_cleaned(doc, entity) for entity in doc.ents if not _is_adjective_use(entity))
    return [entity for entity in cleaned if entity is not None]


def _is_common_noun(doc: Doc, entity: SpacySpan) -> bool:
    """A one-word "name" that is a common noun capitalised in a heading or a title: English writes
    it in lower case elsewhere in the text, or it is a word of an organisation's name or a title."""
    word = entity.text.lower()
    return word in common_name_words() or any(
        token.text == word for token in doc if token.i not in range(entity.start, entity.end)
    )


# Lower-case words inside a name, between its parts: "Hamoud bin Salem Al-Busaidi", "Abdel Fattah
# el-Sisi", "Ursula von der Leyen".
NAME_CONNECTORS = frozenset(
    {"bin", "bint", "ibn", "al", "el", "de", "da", "di", "du"}
    | {"van", "von", "der", "den", "la", "le"}
)


class _NameWords:
    """Which untagged words of a text may be part of a person's name: capitalised proper nouns
    that are no word of a title or an organisation's name and that the text never writes in
    lower case."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.lower_case = frozenset(token.text for token in doc if token.is_lower)

    def __call__(self, index: int) -> bool:
        if not 0 <= index < len(self.doc):
            return False
        token = self.doc[index]
        return (
            _is_name_token(token)
            and token.tag_ != "NNPS"  # a name is singular
            and token.lower_ not in common_name_words()
            and token.lower_ not in self.lower_case
        )

    def joined(self, index: int) -> bool:
        """Whether the token at `index` continues the line of the token before it."""
        previous = self.doc[index - 1]
        return not previous.is_space and "\n" not in previous.whitespace_


def _is_misread_nationality(entity: SpacySpan) -> bool:
    """A NORP entity of proper nouns that names no country's people ("Christoph", "Amanov"): the
    small model reads unfamiliar given names and surnames as nationalities."""
    return (
        entity.label_ == "NORP"
        and not entity.ent_id_
        and all(token.pos_ == "PROPN" or token.text in HYPHENS for token in entity)
        and not _is_demonym(entity)
    )


def _grown_names(doc: Doc) -> list[SpacySpan]:
    """Persons' names the NER took in part, made whole:

    - a name the NER called a nationality, next to another part of the name ("Christoph" +
      "Lange", "Nurmukhammed" + "Amanov");
    - a given name the NER left untagged before the rest ("led by Mehmet" + "Emin Ozturk"),
      unless the words close a title phrase (`title_names` tells the phrase's words from the
      name's there);
    - the parts of an Arabic name after a connector ("Hamoud bin" + "Salem" + "Al-Busaidi").
    """
    is_name_word = _NameWords(doc)
    entity_at = {entity.start: entity for entity in doc.ents}
    entity_ending = {entity.end: entity for entity in doc.ents}

    def next_to_name(entity: SpacySpan) -> bool:
        before, after = entity_ending.get(entity.start), entity_at.get(entity.end)
        return (
            is_name_word(entity.start - 1)
            or is_name_word(entity.end)
            or any(e is not None and e.label_ == "PERSON" for e in (before, after))
        )

    grown: list[SpacySpan] = []
    claimed = -1  # the last token a grown name took
    for entity in doc.ents:
        label = entity.label_
        if _is_misread_nationality(entity) and next_to_name(entity):
            label = "PERSON"
        if label != "PERSON" or entity.ent_id_:
            grown.append(entity)
            continue
        start, end = entity.start, entity.end
        while start - 1 > claimed and is_name_word(start - 1) and is_name_word.joined(start):
            start -= 1
        if start > 0 and (
            doc[start - 1].lower_ in TITLE_JOINERS or doc[start - 1].ent_type_ in TITLE_PARTS
        ):
            # The words close a title phrase: "... of World and Traditional Religions X".
            start = entity.start
        while (
            end < len(doc)
            and is_name_word.joined(end)
            and (
                is_name_word(end)
                or (
                    doc[end].lower_ in NAME_CONNECTORS
                    and (is_name_word(end + 1) or bool(doc[end + 1 : end + 2].ents))
                )
            )
        ):
            end += 1
        claimed = end - 1
        grown.append(SpacySpan(doc, start, end, label="PERSON"))
    return grown


def _named_elsewhere(doc: Doc) -> list[SpacySpan]:
    """A name the NER labelled otherwise ("Kassym-Jomart Tokayev" an organisation) whose last
    word it labels a person elsewhere in the text ("Tokayev thanked ..."): one text names one
    person with one surname."""
    surnames = {entity[-1].text for entity in doc.ents if entity.label_ == "PERSON"}
    relabelled = []
    for entity in doc.ents:
        if (
            entity.label_ in ("ORG", "GPE", "NORP")
            and not entity.ent_id_
            and entity[-1].text in surnames
            and entity[0].text[:1].isupper()
            and all(token.pos_ == "PROPN" or token.text in HYPHENS for token in entity)
            and not any(token.lower_ in common_name_words() for token in entity)
            and not _is_demonym(entity)
        ):
            entity = SpacySpan(doc, entity.start, entity.end, label="PERSON")
        relabelled.append(entity)
    return relabelled


def _introduced(doc: Doc) -> list[SpacySpan]:
    """Persons as a release introduces them: with a given name and a surname, or a title. A one-
    word "name" that never has either in the text is a holiday, a place or a word of a heading
    the NER took for a person ("on Naadam", "the Baiterek complex")."""
    full_names = {
        entity.text.split()[-1]
        for entity in doc.ents
        if entity.label_ == "PERSON" and len(entity.text.split()) > 1
    }
    kept = []
    for entity in doc.ents:
        if (
            entity.label_ == "PERSON"
            and len(entity.text.split()) == 1
            and not entity.ent_id_
            and (
                entity[0].tag_ == "NNPS"  # a name is singular: "Committee on Agrarian Issues"
                or (
                    entity.text not in full_names
                    and not _closes_title_phrase(doc, entity.start)
                    and not _appositive_title_follows(doc, entity.end)
                )
            )
        ):
            continue
        kept.append(entity)
    return kept


def _appositive_title_follows(doc: Doc, end: int) -> bool:
    """Whether ", <title>" follows: "Lange, head of the group"."""
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ == TITLE_LABEL


def _merge_split_names(doc: Doc) -> list[SpacySpan]:
    """One person's name that the NER cut in two ("Dashiin" + "Oyuunchimeg") is one PERSON; a
    one-word PERSON that is a common noun ("Investment", "Council") is none."""
    merged: list[SpacySpan] = []
    for entity in doc.ents:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.label_ == "PERSON"
            and previous.end == entity.start
            and _is_name_entity(entity)
        ):
            merged[-1] = SpacySpan(doc, previous.start, entity.end, label="PERSON")
            continue
        merged.append(entity)
    return [
        entity
        for entity in merged
        if not (entity.label_ == "PERSON" and len(entity) == 1 and _is_common_noun(doc, entity))
    ]


# A person's name keeps at least a given name and a surname.
NAME_TOKENS = 2


def _title_tails_cut(doc: Doc) -> tuple[list[SpacySpan], set[int]]:
    """A person's name without the end of the title phrase the NER took into it: English closes
    a title's "of"-phrase with capitalised words and writes the name right after ("Minister of
    Foreign Affairs and Trade Gabor Nemeth", "Special Representative for Central Asia Klaus
    Riedel"), so the words of titles and organisation names at the start of a name that closes a
    title phrase are the phrase's, not the name's."""
    entities = []
    phrase_words: set[int] = set()  # the tokens cut off, which no later step makes a name
    for entity in doc.ents:
        if (
            entity.label_ == "PERSON"
            and not entity.ent_id_
            and _closes_title_phrase(doc, entity.start)
        ):
            cut = _after_phrase_words(doc, entity.start, entity.end - NAME_TOKENS)
            if cut != entity.start:
                phrase_words.update(range(entity.start, cut))
                entity = SpacySpan(doc, cut, entity.end, label="PERSON")
        entities.append(entity)
    return entities, phrase_words


def _after_phrase_words(doc: Doc, start: int, end: int) -> int:
    """Where a name may start in the proper nouns from `start` to `end` that close a title phrase:
    after the last word of titles and organisation names among them."""
    words = common_name_words()
    for token in doc[start:end]:
        if token.lower_ in words:
            start = token.i + 1
    return start


def _is_name_entity(entity: SpacySpan) -> bool:
    """An entity the NER found that is only proper nouns and hyphens, not from the ruler, written
    as a name is and not ending in an organisation's head ("Al-Azhar University")."""
    return (
        entity.label_ not in ("NORP", TITLE_LABEL)
        and not entity.ent_id_
        and all(token.pos_ == "PROPN" or token.text in HYPHENS for token in entity)
        and _is_capitalised_name(entity)
        and not is_head(entity[-1])
    )


def _is_capitalised_name(entity: SpacySpan) -> bool:
    """Whether every word of an entity starts with a capital, as a name's do, but the connectors
    of an Arabic name and the parts after a hyphen ("Park Jong-ho"): the small model tags "the
    Kazakh foreign ministry" a proper noun."""
    doc = entity.doc
    return entity[0].text[:1].isupper() and not any(
        token.is_lower
        and token.is_alpha
        and token.lower_ not in NAME_CONNECTORS
        and not (token.i > 0 and doc[token.i - 1].text in HYPHENS)
        for token in entity
    )


@Language.component("title_names")
def title_names(doc: Doc) -> Doc:
    """Demonyms as NORP, titles widened over their modifiers, and the names that close a title
    phrase labelled PERSON (a proper-noun run the NER left, or an NER name it mislabelled)."""
    doc.ents = _relabel_demonyms(doc)
    doc.ents = _grown_names(doc)
    doc.ents = _merge_split_names(doc)
    doc.ents, phrase_words = _title_tails_cut(doc)
    doc.ents = _widen_titles(doc)
    relabelled: dict[int, SpacySpan] = {}
    removed: set[int] = set()
    persons: list[SpacySpan] = []
    entity_at = {entity.start: entity for entity in doc.ents}
    index = 0
    while index < len(doc):
        entity = entity_at.get(index)
        if entity is not None:
            # the NER may cut the misread name in two: "Natalia" + "Koroleva", both places
            parts = [entity]
            while (following := entity_at.get(parts[-1].end)) is not None and (
                following.label_ in MISREAD_NAME_LABELS and _is_name_entity(following)
            ):
                parts.append(following)
            end = parts[-1].end
            if (
                entity.label_ in MISREAD_NAME_LABELS
                and _is_name_entity(entity)
                and _closes_title_phrase(doc, index)
                and not _joined_onwards(doc, end)
                and not (end - entity.start == 1 and _is_common_noun(doc, entity))
            ):
                relabelled[entity.start] = SpacySpan(doc, entity.start, end, label="PERSON")
                removed.update(part.start for part in parts[1:])
                index = end
                continue
            index = entity.end
        elif (
            index not in phrase_words
            and _is_name_token(doc[index])
            and _closes_title_phrase(doc, index)
        ):
            end = _name_run_end(doc, index)
            # The NER may have taken the surname alone: "Assel" + "Nurpeissova" is one name.
            following = entity_at.get(end)
            # ... but a title's or an organisation's words close the title phrase: "of
            # Investment" + "Fahd bin Abdullah" (the NER's name is whole), "for Central Asia
            # Klaus Riedel" (a name keeps its given name and surname).
            if following is None or not _is_name_entity(following):
                following = None
                index = _after_phrase_words(doc, index, end - NAME_TOKENS)
            else:
                index = _after_phrase_words(doc, index, end)
                if index == end:
                    continue
            name = SpacySpan(doc, index, following.end if following else end, label="PERSON")
            # "Parliament of ...": the phrase goes on; "the Senate": a common noun; "PM".
            if not (
                _joined_onwards(doc, name.end)
                or (len(name) == 1 and _is_common_noun(doc, name))
                or all(token.is_upper for token in name)
            ):
                persons.append(name)
                if following is not None:
                    removed.add(following.start)
            index = name.end
        else:
            index += 1
    if relabelled or persons:
        kept = [entity for entity in doc.ents if entity.start not in removed]
        doc.ents = [relabelled.get(entity.start, entity) for entity in kept] + persons
    doc.ents = _named_elsewhere(doc)
    doc.ents = _introduced(doc)
    return doc
