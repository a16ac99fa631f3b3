"""Phrase dictionaries keyed by lemma sequences, and the matcher that finds them in tokens.

Entries come from data files (the knowledge base, the gazetteer mined from NEREL train, the
trigger-word lexicons); this module only indexes and matches them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from communique.knowledge import Knowledge
from communique.knowledge.files import data_file, knowledge_version
from communique.lang.ru.words import russian_words
from communique.nlp import Morphology, Token, default_morphology
from communique.record import MentionType

# «80-летие»: a numbered anniversary is an EVENT head.
_ANNIVERSARY: str = russian_words("mentions")["anniversary_suffix"]


@dataclass(frozen=True)
class PhraseMatch:
    first: int  # token index
    last: int  # exclusive
    key: str
    entry: Any


class PhraseMatcher:
    """All dictionary phrases (any length, nested ones too) that occur in a token sequence."""

    def __init__(self, entries: dict[str, Any]) -> None:
        self._entries = entries
        self._max_words = max((k.count(" ") + 1 for k in entries), default=0)
        self._first_words = {k.split(" ", 1)[0] for k in entries}

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    def get(self, key: str) -> Any:
        return self._entries.get(key)

    def find(
        self, tokens: list[Token], first: int = 0, last: int | None = None
    ) -> Iterator[PhraseMatch]:
        last = len(tokens) if last is None else last
        for start in range(first, last):
            if tokens[start].lemma not in self._first_words:
                continue
            words: list[str] = []
            for end in range(start, min(last, start + self._max_words)):
                words.append(tokens[end].lemma)
                key = " ".join(words)
                entry = self._entries.get(key)
                if entry is not None:
                    yield PhraseMatch(start, end + 1, key, entry)


@dataclass(frozen=True)
class KbEntry:
    type: MentionType
    countries: tuple[str, ...] = ()
    kb_id: str | None = None
    label: str | None = None  # English name or title
    standalone: bool = True
    holds_organization: bool = False  # a title naming its organisation: "Председатель Сената"


@dataclass(frozen=True)
class GazetteerEntry:
    type: MentionType
    precision: float


_GAZETTEER_TYPES = {
    "ORGANIZATION": MentionType.ORGANIZATION,
    "PROFESSION": MentionType.POSITION,
    "EVENT": MentionType.EVENT,
    "LAW": MentionType.LAW,
    "COUNTRY": MentionType.COUNTRY,
    "CITY": MentionType.CITY,
    "STATE_OR_PROVINCE": MentionType.LOCATION,
    "LOCATION": MentionType.LOCATION,
    "DATE": MentionType.DATE,
}


class Lexicons:
    """Every dictionary extraction needs, built once per process from the data files."""

    def __init__(self, morphology: Morphology | None = None) -> None:
        """`morphology`: the language's, which tells a verb from a named event in the gazetteer
        (the annotator's by default)."""
        self.knowledge = Knowledge.load()
        triggers = data_file("triggers.json")
        self.triggers = triggers
        self._heads: dict[str, tuple[MentionType, str, bool]] = {}
        needs = set(triggers["agreement_modifiers_required"]) | set(
            triggers["event_heads_need_name"]
        )
        for table, kind in (
            ("agreement_heads", MentionType.AGREEMENT),
            ("law_heads", MentionType.LAW),
            ("event_heads", MentionType.EVENT),
        ):
            for head, label in triggers[table].items():
                self._heads[head] = (kind, label, head in needs)
        self.title_topics = frozenset(triggers.get("title_topic_prepositions", ()))
        self.organization_heads = frozenset(triggers["generic_organization_heads"])
        self.common_nouns = frozenset(triggers["common_nouns_read_as_names"])
        self.gazetteer = PhraseMatcher(_gazetteer_entries(morphology or default_morphology()))
        self.kb_matcher = PhraseMatcher(_kb_entries(self.knowledge))

    @property
    def version(self) -> str:
        """The versions of every knowledge data file, for the record's `pipeline`."""
        return knowledge_version()

    def head_kind(self, lemma: str) -> tuple[MentionType, str, bool] | None:
        if lemma.endswith(_ANNIVERSARY) and lemma[:1].isdigit():
            return (MentionType.EVENT, "anniversary", False)
        return self._heads.get(lemma)

    def event_kind(self, lemma: str) -> str | None:
        found = self.head_kind(lemma)
        return found[1] if found and found[0] is MentionType.EVENT else None

    def country_by_key(self, key: str) -> str | None:
        entry = self.kb_matcher.get(key)
        if entry is not None and entry.type is MentionType.COUNTRY:
            return entry.countries[0]
        return None

    def gazetteer_type(self, key: str) -> MentionType | None:
        entry = self.gazetteer.get(key)
        return entry.type if entry else None

    def is_title_word(self, lemma: str) -> bool:
        entry = self.kb_matcher.get(lemma)
        if entry is not None and entry.type is MentionType.POSITION:
            return True
        return self.gazetteer_type(lemma) is MentionType.POSITION

    def is_capital(self, key: str) -> bool:
        return key in self.knowledge.capital_keys


@cache
def lexicons(morphology: Morphology | None = None) -> Lexicons:
    return Lexicons(morphology)


def _gazetteer_entries(morphology: Morphology) -> dict[str, GazetteerEntry]:
    data = data_file("gazetteer_nerel_train.json")["entries"]
    entries = {}
    for key, value in data.items():
        kind = _GAZETTEER_TYPES[value["type"]]
        if kind is MentionType.EVENT and _starts_with_verb(morphology, key):
            continue  # NEREL marks event verbs ("скончался"); our EVENT mentions are named events
        entries[key] = GazetteerEntry(kind, value["precision"])
    return entries


def _starts_with_verb(morphology: Morphology, key: str) -> bool:
    tag = morphology.parse(key.split(" ", 1)[0])[0].tag
    return tag.POS in ("VERB", "INFN", "PRTF", "PRTS", "GRND")


def _kb_entries(knowledge: Knowledge) -> dict[str, KbEntry]:
    """Lemma keys of every country, organisation and position title the knowledge base knows.
    Ambiguous short names ("Сенат") enter without an id: resolution picks one by country."""
    entries: dict[str, KbEntry] = {}
    for key, position in knowledge.position_keys.items():
        entries[key] = KbEntry(
            MentionType.POSITION,
            label=position.en,
            standalone=position.standalone,
            holds_organization=position.org_ru is not None,
        )
    for key in knowledge.ambiguous_organization_keys:
        entries[key] = KbEntry(MentionType.ORGANIZATION)
    for key, organization in knowledge.organization_keys.items():
        countries = (organization.country,) if organization.country else ()
        entries[key] = KbEntry(
            MentionType.ORGANIZATION, countries, organization.id, organization.name_en
        )
    for key, country in knowledge.country_keys.items():
        entries[key] = KbEntry(MentionType.COUNTRY, (country.alpha2,), None, country.name_en)
    return entries
