"""The Russian event lexicon (`knowledge/data/event_lexicon.json`), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from communique.coding import CameoCode, cameo_table
from communique.knowledge.files import data_path, read_data

LEXICON_PATH = data_path("event_lexicon.json")


@dataclass(frozen=True)
class TriggerEntry:
    lemma: str
    cameo: CameoCode
    plover: str
    pos: str  # VERB (ADJ entries also take VERB: short participles are tagged either way), NOUN
    with_: frozenset[str] = frozenset()
    with_also: frozenset[str] = frozenset()
    with_actor: bool = False
    mode: str | None = None
    joint: bool = False
    commitment: str | None = None

    @property
    def specific(self) -> bool:
        return bool(self.with_ or self.with_actor)

    def takes_pos(self, pos: str) -> bool:
        if self.pos == "NOUN":
            return pos in ("NOUN", "PROPN")
        if self.pos == "ADJ":
            return pos in ("ADJ", "VERB")
        return pos == "VERB"


@dataclass(frozen=True)
class EventLexicon:
    triggers: dict[str, tuple[TriggerEntry, ...]]  # by lemma, specific entries first
    speech_verbs: frozenset[str]
    planned_governors: frozenset[str]
    planned_modifiers: frozenset[str]
    negations: frozenset[str]
    joint_subjects: frozenset[str]
    first_person: dict[str, str]
    third_person: frozenset[str]
    case_with: frozenset[str]
    case_in: frozenset[str]
    agreement_kinds: dict[str, str]
    agreement_status_verbs: dict[str, str]
    agreement_pending_governors: frozenset[str]
    agreement_pending_modifiers: frozenset[str]
    delegation_head_markers: tuple[str, ...]


def _entry(raw: dict[str, object]) -> TriggerEntry:
    code = cameo_table().code(str(raw["cameo"]))
    if not (raw.get("plover") or code.plover):
        raise ValueError(f"{raw['lemma']}: CAMEO {code.code} has no PLOVER category")
    return TriggerEntry(
        lemma=str(raw["lemma"]),
        cameo=code,
        plover=str(raw.get("plover") or code.plover),
        pos=str(raw.get("pos", "VERB")),
        with_=frozenset(raw.get("with", ())),  # type: ignore[arg-type]
        with_also=frozenset(raw.get("with_also", ())),  # type: ignore[arg-type]
        with_actor=bool(raw.get("with_actor", False)),
        mode=raw.get("mode") or code.mode,  # type: ignore[arg-type]
        joint=bool(raw.get("joint", False)),
        commitment=raw.get("commitment"),  # type: ignore[arg-type]
    )


@cache
def event_lexicon(path: Path = LEXICON_PATH) -> EventLexicon:
    data = read_data(path)
    triggers: dict[str, list[TriggerEntry]] = {}
    for raw in data["triggers"]:
        entry = _entry(raw)
        triggers.setdefault(entry.lemma, []).append(entry)
    return EventLexicon(
        triggers={k: tuple(sorted(v, key=lambda e: not e.specific)) for k, v in triggers.items()},
        speech_verbs=frozenset(data["speech_verbs"]),
        planned_governors=frozenset(data["planned_governors"]),
        planned_modifiers=frozenset(data["planned_modifiers"]),
        negations=frozenset(data["negations"]),
        joint_subjects=frozenset(data["joint_subjects"]),
        first_person=dict(data["first_person"]),
        third_person=frozenset(data["third_person"]),
        case_with=frozenset(data["case_with"]),
        case_in=frozenset(data["case_in"]),
        agreement_kinds=dict(data["agreement_kinds"]),
        agreement_status_verbs=dict(data["agreement_status_verbs"]),
        agreement_pending_governors=frozenset(data["agreement_pending_governors"]),
        agreement_pending_modifiers=frozenset(data["agreement_pending_modifiers"]),
        delegation_head_markers=tuple(data["delegation_head_markers"]),
    )
