"""The document page's model: the text cut into plain runs and mentions, and every fact beside it
with its evidence span, its review status and the fields a correction may change."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from communique.coding.cameo import cameo_table
from communique.extract.topics import topic_entries
from communique.record import (
    Actor,
    ActorKind,
    Agreement,
    AgreementStatus,
    Commitment,
    Event,
    EventStatus,
    Mention,
    MentionType,
    Occupation,
    Record,
    Topic,
)
from communique.store.reviews import CORRECTABLE, Review, ReviewState
from communique.store.rows import key_of

MACHINE = "machine"


@dataclass(frozen=True)
class Part:
    """A piece of a segment's text: a match of the search the page was opened from, or not;
    `first` for the text's first match, the one the page scrolls to."""

    text: str
    match: bool = False
    first: bool = False


@dataclass(frozen=True)
class Segment:
    """A run of the text: plain, or one mention; `parts` cuts it at the search's matches."""

    text: str
    mention: Mention | None = None
    parts: tuple[Part, ...] = ()


def segments(
    text: str, mentions: list[Mention], matches: list[tuple[int, int]] | None = None
) -> list[Segment]:
    """The text as consecutive runs, so that joined they give the text back exactly (the page's
    JavaScript counts characters in it). A mention overlapping an earlier, longer one is left
    unmarked: marks cannot overlap in HTML. `matches` (spans of a search, in order) mark words
    inside the runs, a mention's too."""
    runs = _runs(text, mentions)
    position, first = 0, True
    cut: list[Segment] = []
    for run in runs:
        end = position + len(run.text)
        parts: list[Part] = []
        at = position
        for start, stop in matches or ():
            start, stop = max(start, position), min(stop, end)
            if start >= stop:
                continue
            if start > at:
                parts.append(Part(text[at:start]))
            parts.append(Part(text[start:stop], match=True, first=first))
            first, at = False, stop
        if at < end:
            parts.append(Part(text[at:end]))
        cut.append(Segment(run.text, run.mention, tuple(parts)))
        position = end
    return cut


def _runs(text: str, mentions: list[Mention]) -> list[Segment]:
    runs: list[Segment] = []
    position = 0
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if mention.start < position or mention.end <= mention.start or mention.end > len(text):
            continue
        if mention.start > position:
            runs.append(Segment(text[position : mention.start]))
        runs.append(Segment(text[mention.start : mention.end], mention))
        position = mention.end
    if position < len(text):
        runs.append(Segment(text[position:]))
    return runs


@dataclass(frozen=True)
class Correctable:
    """A field of a correction form: its current value and, when the values are a closed set,
    the choices."""

    name: str
    current: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class FactView:
    fact: str
    fact_id: str
    start: int | None  # the evidence span, when the fact has one
    end: int | None
    status: str  # machine, confirmed, corrected, rejected, added
    title: str
    details: list[tuple[str, str]]
    fields: list[Correctable]
    history: list[Review] = field(default_factory=list)
    actor_key: str | None = None  # an actor's identity across documents: its page

    @property
    def anchor(self) -> str:
        return f"fact-{self.fact}-{self.fact_id}"


@dataclass(frozen=True)
class FactGroup:
    name: str  # the fact kind, as reviews name it
    title: str
    facts: list[FactView]


@cache
def plover_types() -> tuple[str, ...]:
    return cameo_table().categories()


@cache
def _topic_labels() -> tuple[str, ...]:
    return tuple(entry.en for entry in topic_entries())


def _choices(fact: str, name: str) -> tuple[str, ...]:
    closed: dict[tuple[str, str], tuple[str, ...]] = {
        ("event", "type"): plover_types(),
        ("event", "status"): tuple(s.value for s in EventStatus),
        ("agreement", "status"): tuple(s.value for s in AgreementStatus),
        ("actor", "kind"): tuple(k.value for k in ActorKind),
        ("mention", "type"): tuple(t.value for t in MentionType),
        ("topic", "label_en"): _topic_labels(),
    }
    return closed.get((fact, name), ())


def _fields(fact: str, current: dict[str, str | None]) -> list[Correctable]:
    return [
        Correctable(name, current.get(name) or "", _choices(fact, name))
        for name in CORRECTABLE[fact]
    ]


class DocumentView:
    """The facts of one record, as the page shows them."""

    def __init__(
        self,
        record: Record,
        statuses: dict[tuple[str, str], str],
        states: dict[tuple[str, str], ReviewState],
        matches: list[tuple[int, int]] | None = None,
    ) -> None:
        self.record = record
        self._matches = matches
        self._statuses = statuses
        self._states = states
        self._actors = {a.id: a for a in record.actors}
        self._mentions = {m.id: m for m in record.mentions}

    def segments(self) -> list[Segment]:
        return segments(self.record.text, self.record.mentions, self._matches)

    def groups(self) -> list[FactGroup]:
        record = self.record
        return [
            FactGroup("event", "Events", [self._event(e) for e in record.events]),
            FactGroup("agreement", "Agreements", [self._agreement(g) for g in record.agreements]),
            FactGroup(
                "commitment", "Commitments", [self._commitment(c) for c in record.commitments]
            ),
            FactGroup("actor", "Actors", [self._actor(a) for a in record.actors]),
            FactGroup(
                "occupation", "Occupations", [self._occupation(o) for o in record.occupations]
            ),
            FactGroup("topic", "Topics", [self._topic(t) for t in record.topics]),
        ]

    def actor_names(self) -> list[str]:
        """The names of the document's actors, each once: what source, target and parties
        take."""
        return list(dict.fromkeys(a.name for a in self.record.actors))

    # --- one view per kind of fact --------------------------------------------------------------

    def _view(
        self,
        fact: str,
        fact_id: str,
        span: tuple[int, int] | None,
        title: str,
        details: list[tuple[str, str]],
        current: dict[str, str | None],
        actor_key: str | None = None,
    ) -> FactView:
        state = self._states.get((fact, fact_id))
        return FactView(
            fact=fact,
            fact_id=fact_id,
            start=span[0] if span else None,
            end=span[1] if span else None,
            status=self._statuses.get((fact, fact_id), MACHINE),
            title=title,
            details=[(label, value) for label, value in details if value],
            fields=_fields(fact, current),
            history=state.reviews if state else [],
            actor_key=actor_key,
        )

    def _names(self, ids: list[str]) -> str:
        return ", ".join(self._actors[i].name if i in self._actors else i for i in ids)

    def _event(self, e: Event) -> FactView:
        sides = self._names(e.source) or "?"
        if e.target:
            sides += f" → {self._names(e.target)}"
        return self._view(
            "event",
            e.id,
            (e.evidence.start, e.evidence.end),
            f"{e.type} · {e.cameo} {e.cameo_name or ''}".strip(),
            [
                ("sides", sides),
                ("status", e.status.value),
                ("date", e.date.value if e.date else ""),
                ("mode", e.mode or ""),
                ("trigger", e.trigger_text),
                ("countries", ", ".join(dict.fromkeys([*e.source_countries, *e.target_countries]))),
            ],
            {
                "type": e.type,
                "cameo": e.cameo,
                "status": e.status.value,
                "date": e.date.value if e.date else None,
                "mode": e.mode,
                "source": self._names(e.source),
                "target": self._names(e.target),
            },
        )

    def _agreement(self, g: Agreement) -> FactView:
        return self._view(
            "agreement",
            g.id,
            (g.evidence.start, g.evidence.end),
            g.title,
            [
                ("status", g.status.value),
                ("kind", g.kind or ""),
                ("date", g.date.value if g.date else ""),
                ("parties", self._names(g.parties)),
                ("countries", ", ".join(g.countries)),
            ],
            {
                "title": g.title,
                "kind": g.kind,
                "status": g.status.value,
                "date": g.date.value if g.date else None,
                "parties": self._names(g.parties),
            },
        )

    def _commitment(self, c: Commitment) -> FactView:
        return self._view(
            "commitment",
            c.id,
            (c.evidence.start, c.evidence.end),
            f"{c.kind}: {c.what}",
            [
                ("who", self._names(c.who)),
                ("to", self._names(c.to)),
                ("by", c.by.value if c.by else ""),
            ],
            {"what": c.what, "by": c.by.value if c.by else None},
        )

    def _actor(self, a: Actor) -> FactView:
        first = self._mentions.get(a.mentions[0]) if a.mentions else None
        return self._view(
            "actor",
            a.id,
            (first.start, first.end) if first else None,
            a.name,
            [
                ("id", a.id),
                ("kind", a.kind.value),
                ("country", a.country or ""),
                ("positions", ", ".join(a.positions)),
                ("mentions", str(len(a.mentions))),
            ],
            {"name": a.name, "country": a.country, "kind": a.kind.value},
            actor_key=key_of(a),
        )

    def _occupation(self, o: Occupation) -> FactView:
        where = [self._names([i]) for i in (o.organization, o.place) if i]
        return self._view(
            "occupation",
            o.id,
            (o.evidence.start, o.evidence.end),
            f"{self._names([o.person])} — {o.position}",
            [
                ("of", ", ".join(where)),
                ("country", o.country or ""),
                ("in English", o.position_en or ""),
            ],
            {"position": o.position, "country": o.country},
        )

    def _topic(self, t: Topic) -> FactView:
        first = t.evidence[0].span if t.evidence else None
        return self._view(
            "topic",
            t.id,
            (first.start, first.end) if first else None,
            t.label_en,
            [("in Russian", t.label_ru), ("stated", ", ".join(e.text for e in t.evidence[:5]))],
            {"label_en": t.label_en},
        )
