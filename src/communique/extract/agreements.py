"""Agreements from AGREEMENT mentions: title, kind, parties, status, date, evidence.

Status comes from the predicate above the mention ("подписали соглашение", "были подписаны
документы, в том числе Совместная декларация"); parties from the event that signs it, else
the actors and countries its sentence names."""

from __future__ import annotations

from communique.extract.event_args import TextView
from communique.extract.events import EVENTS
from communique.extract.spans import SpanIndex
from communique.lang.ru.words import fold_spelling
from communique.record import (
    ActorKind,
    Agreement,
    AgreementStatus,
    Event,
    EventStatus,
    Mention,
    MentionType,
    Span,
)

_PARTY_KINDS = {ActorKind.PERSON, ActorKind.ORGANIZATION, ActorKind.COUNTRY}
# Acts that complete at one moment; «важность реализации» is of an agreement in force.
_COMPLETED_ACTS = {AgreementStatus.SIGNED, AgreementStatus.RATIFIED}


def extract_agreements(view: TextView, events: list[Event]) -> list[Agreement]:
    mentions = _outermost([m for m in view.record.mentions if m.type is MentionType.AGREEMENT])
    return [_agreement(view, events, mention, i) for i, mention in enumerate(mentions)]


def _outermost(mentions: list[Mention]) -> list[Mention]:
    return [
        m
        for m in mentions
        if not any(o is not m and o.start <= m.start and m.end <= o.end for o in mentions)
    ]


def _agreement(view: TextView, events: list[Event], mention: Mention, number: int) -> Agreement:
    head = _head_token(view, mention)
    predicate, status = _status(view, head)
    event = _event_of(events, predicate, view) if predicate is not None else None
    if event is not None and event.status in (EventStatus.NEGATED, EventStatus.PLANNED):
        status = AgreementStatus.PLANNED  # «пока не подписано» is not signed yet
    elif predicate is not None and status in _COMPLETED_ACTS and _not_done_yet(view, predicate):
        status = AgreementStatus.PLANNED
    parties = _parties(view, mention, event)
    sentence = view.annotation.sentences[mention.sentence or 0]
    return Agreement(
        id=f"g{number}",
        mention=mention.id,
        title=mention.normal,
        kind=_kind(view, mention, head),
        unnamed=_unnamed(mention),
        parties=parties,
        countries=_countries(view, mention, parties),
        status=status,
        date=event.date if event is not None else None,
        event=event.id if event is not None else None,
        evidence=Span(start=sentence.start, end=sentence.end),
        extractor=EVENTS,
    )


def _head_token(view: TextView, mention: Mention) -> int:
    inside = [t.index for t in view.annotation.tokens_in(mention.start, mention.end)]
    return next((i for i in inside if view.tokens[i].head not in inside), inside[0])


def _not_done_yet(view: TextView, predicate: int) -> bool:
    """A signing or ratification that is negated («до сих пор не подписана»), awaited
    («скорейшей ратификации») or wanted («важность ратификации», «процедуры, необходимые для
    подписания»): it has not happened."""
    lexicon = view.lexicon
    if view.has_child_lemma(predicate, lexicon.negations) is not None:
        return True
    if view.has_child_lemma(predicate, lexicon.agreement_pending_modifiers) is not None:
        return True
    wanting = lexicon.agreement_pending_governors | lexicon.planned_governors
    return any(view.tokens[a].lemma in wanting for a in view.ancestors(predicate, 2))


def _status(view: TextView, head: int) -> tuple[int | None, AgreementStatus]:
    """A participle on the title («подписанный в апреле меморандум»), else the first predicate
    above the mention with a status verb, within four steps."""
    verbs = view.lexicon.agreement_status_verbs
    for child in [*view.children(head, "acl", "amod"), *_participle_before(view, head)]:
        status = verbs.get(view.tokens[child].lemma)
        if status and view.tokens[child].feats.get("VerbForm") == "Part":
            return child, AgreementStatus(status)
    first = head
    while view.tokens[first].rel == "conj" and view.tokens[first].head is not None:
        first = view.tokens[first].head  # «подписали Соглашение ... и Меморандум ...»: shared
    for ancestor in [head, *view.ancestors(first, 4)]:
        status = verbs.get(view.tokens[ancestor].lemma)
        if status and ancestor != head:
            return ancestor, AgreementStatus(status)
    return None, AgreementStatus.MENTIONED


_PARTICIPLE_REACH = 6


def _participle_before(view: TextView, head: int) -> list[int]:
    """A participle phrase right before the title that agrees with it in case («подписанный в
    апреле прошлого года меморандум»), when the parse hung it elsewhere."""
    tokens = view.tokens
    case = tokens[head].case
    first = head
    while first > 0 and tokens[first - 1].head == head and tokens[first - 1].rel == "amod":
        first -= 1  # «межправительственное Соглашение»
    for index in range(first - 1, max(-1, first - 1 - _PARTICIPLE_REACH), -1):
        token = tokens[index]
        if token.sentence != tokens[head].sentence or token.pos == "PUNCT":
            break
        if token.feats.get("VerbForm") == "Fin":
            break
        if token.feats.get("VerbForm") == "Part" and token.case == case:
            return [index]
    return []


def _event_of(events: list[Event], predicate: int, view: TextView) -> Event | None:
    token = view.tokens[predicate]
    return next((e for e in events if e.trigger.start == token.start), None)


def _parties(view: TextView, mention: Mention, event: Event | None) -> list[str]:
    if event is not None and (event.source or event.target):
        return list(dict.fromkeys(event.source + event.target))
    actors = [
        m.actor
        for m in view.record.mentions
        if m.sentence == mention.sentence and m.actor and m.type is not MentionType.AGREEMENT
    ]
    kinds = {a.id: a.kind for a in view.record.actors}
    return list(dict.fromkeys(a for a in actors if kinds.get(a) in _PARTY_KINDS))


def _countries(view: TextView, mention: Mention, parties: list[str]) -> list[str]:
    inner = SpanIndex.of(view.record.mentions).within(mention.start, mention.end)
    named = [c for m in inner if _inside(m, mention) for c in m.countries]
    countries = [*named, *mention.countries]
    countries += [c for a in parties if (c := view.country_of(a))]
    return list(dict.fromkeys(countries))


def _inside(inner: Mention, outer: Mention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and inner is not outer


def _kind(view: TextView, mention: Mention, head: int) -> str | None:
    kinds = view.lexicon.agreement_kinds
    lemma = view.tokens[head].lemma
    return kinds.get(lemma) or kinds.get(fold_spelling(lemma)) or mention.label


def _unnamed(mention: Mention) -> bool:
    """ "межправительственные соглашения", "документ": generic, not a title."""
    return not mention.text[:1].isupper() and "«" not in mention.text and '"' not in mention.text
