"""Agreements named in English text: title, kind, status, parties, date, evidence.

An agreement is a noun of a kind (`agreement_kinds` of `data/event_lexicon_en.json`) written as a
title ("the Agreement on the Promotion and Mutual Protection of Investments", "a Joint
Statement"), or in lower case with a complement that says what it is about ("an agreement on visa
facilitation"); plural or bare kinds ("the agreements reached") are no document. The title is the
noun with its modifiers and complements, never a relative or participial clause ("signed in
2023"), nor another document joined to it ("an Agreement ... and a Memorandum ...").

Its status is the predicate above it ("signed an Agreement", "the Convention has not been signed
yet", "the preparation of an agreement", "the early ratification of the Agreement") or a
participle on it ("the Agreement, signed in October 2023"); a negated, future, intended or awaited
act ("agreed to draft", "the importance of the early ratification") is not done: planned.
"""

from __future__ import annotations

import json
from functools import cache

from spacy.tokens import Doc, Token

from communique.extract.event_lexicon import EventLexicon
from communique.lang.en.dates import resolve_english_date, sets_time
from communique.lang.en.extract import (
    EVENT_LEXICON_EN_FILE,
    EVENTS_EN,
    english_event_lexicon,
    planned_at,
)
from communique.record import (
    Agreement,
    AgreementStatus,
    Event,
    EventDate,
    EventStatus,
    Mention,
    MentionType,
    Record,
    Span,
)

# What an agreement in lower case is about: "an agreement on visa facilitation".
ABOUT_PREPOSITIONS = frozenset({"on", "of", "for", "between", "in"})
LEADING_WORDS = frozenset({"a", "an", "the", "this", "that", "its", "their"})
# Dependents of the kind noun that are not part of its title.
NOT_TITLE = frozenset({"relcl", "acl", "appos", "punct", "advcl", "cc", "det", "poss", "nummod"})
STATUS_REACH = 4  # heads above the noun to look for its predicate
_NOT_TAKEN_PLACE = (
    EventStatus.NEGATED,
    EventStatus.PLANNED,
)  # heads above the noun to look for its predicate


@cache
def unnamed_kinds() -> frozenset[str]:
    data = json.loads(EVENT_LEXICON_EN_FILE.read_text(encoding="utf-8"))
    return frozenset(data["agreement_unnamed_kinds"])


def _is_agreement(token: Token, lexicon: EventLexicon) -> bool:
    kind = lexicon.agreement_kinds.get(token.lower_)
    if kind is None or token.pos_ not in ("NOUN", "PROPN") or token.tag_ in ("NNS", "NNPS"):
        return False
    if token.ent_type_ in ("ORG", "GPE", "PERSON", "NORP"):
        entity = next(e for e in token.doc.ents if e.start <= token.i < e.end)
        if entity.root.i != token.i:
            return False  # "Collective Security Treaty Organization"
    if token.text[:1].isupper():
        return True
    return token.lower_ in unnamed_kinds() and any(
        c.dep_ == "prep" and c.lower_ in ("on", "of", "for", "between", "in")
        for c in token.children
    )


def _title_tokens(token: Token, lexicon: EventLexicon) -> list[Token]:
    kept = [token]
    for child in token.children:
        if child.dep_ in NOT_TITLE:
            continue
        if child.dep_ == "conj" and child.lower_ in lexicon.agreement_kinds:
            continue  # another document: "an Agreement ... and a Memorandum ..."
        if child.dep_ == "conj":
            continue
        kept += list(child.subtree)
    participle = _participle(token, lexicon)
    if participle is not None:
        kept = [t for t in kept if t.i < participle.left_edge.i]
    indices = sorted(t.i for t in kept)
    # the contiguous run around the noun
    start = end = token.i
    present = set(indices)
    while start - 1 in present:
        start -= 1
    while end + 1 in present:
        end += 1
    doc = token.doc
    while start < token.i and doc[start].lower_ in LEADING_WORDS:
        start += 1
    while end > token.i and (doc[end].is_punct or doc[end].lower_ in ("and", "or")):
        end -= 1
    return list(doc[start : end + 1])


def _participle(token: Token, lexicon: EventLexicon) -> Token | None:
    """A participle or relative clause that says the agreement's act: "the Programme signed in
    May", "a memorandum between the two academies, signed in April" (the parse may hang it on
    the title's last noun)."""
    for child in token.subtree:
        if child.dep_ not in ("acl", "relcl") or child.lemma_.lower() not in (
            lexicon.agreement_status_verbs
        ):
            continue
        if child.head.i == token.i or token.doc[child.left_edge.i - 1].text == ",":
            return child
    return None


def _predicate(token: Token, lexicon: EventLexicon) -> tuple[Token | None, AgreementStatus]:
    """The act the text says of the agreement, and the status it gives."""
    participle = _participle(token, lexicon)
    if participle is not None:
        return participle, AgreementStatus(
            lexicon.agreement_status_verbs[participle.lemma_.lower()]
        )
    current = token
    for _ in range(STATUS_REACH):
        if current.head is current:
            break
        if current.dep_ not in ("dobj", "nsubjpass", "nsubj", "pobj", "prep", "conj", "appos"):
            break
        current = current.head
        status = lexicon.agreement_status_verbs.get(current.lemma_.lower())
        if status is not None:
            return current, AgreementStatus(status)
    return None, AgreementStatus.MENTIONED


def _not_done_yet(predicate: Token, agreement: Token, lexicon: EventLexicon) -> bool:
    """A signing or ratification negated ("has not been signed yet"), awaited ("the early
    ratification", "the importance of ratifying"), intended or future ("agreed to sign"). A
    participle on the agreement ("the Programme signed in May") tells of a past act whatever
    governs the agreement ("the importance of implementing the Programme signed ...")."""
    if any(c.dep_ == "neg" for c in predicate.children):
        return True
    if predicate.i > agreement.i and predicate in agreement.subtree:
        return False
    words = [c.lemma_.lower() for c in predicate.children if c.dep_ in ("amod", "advmod")]
    if any(w in lexicon.agreement_pending_modifiers for w in words):
        return True
    current = predicate
    for _ in range(STATUS_REACH):
        if current.head is current:
            break
        current = current.head
        if current.lemma_.lower() in lexicon.agreement_pending_governors:
            return True
    return planned_at(predicate, lexicon)


def _date(predicate: Token) -> EventDate | None:
    """A date said of the signing ("signed in October 2023")."""
    for entity in predicate.doc.ents:
        if entity.label_ != "DATE" or not sets_time(entity):
            continue
        if entity.root.head.i == predicate.i or entity.root.head.head.i == predicate.i:
            resolved = resolve_english_date(entity.text, None)
            if resolved is not None:
                return EventDate(
                    value=resolved.value,
                    precision=resolved.precision,
                    basis=resolved.basis,
                    span=Span(start=entity.start_char, end=entity.end_char),
                )
    return None


def extract_agreements(doc: Doc, record: Record, events: list[Event]) -> list[Agreement]:
    lexicon = english_event_lexicon()
    agreements = []
    sentence_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}
    for token in doc:
        if not _is_agreement(token, lexicon):
            continue
        title_tokens = _title_tokens(token, lexicon)
        start, end = title_tokens[0].idx, title_tokens[-1].idx + len(title_tokens[-1].text)
        title = doc.text[start:end]
        mention = Mention(
            id=f"m{len(record.mentions) + 1}",
            type=MentionType.AGREEMENT,
            start=start,
            end=end,
            text=title,
            normal=title,
            latin=title,
            sentence=sentence_of.get(token.i),
            extractor=EVENTS_EN,
        )
        record.mentions.append(mention)
        predicate, status = _predicate(token, lexicon)
        event = _event_at(events, predicate)
        pending = predicate is not None and _not_done_yet(predicate, token, lexicon)
        if pending or (event is not None and event.status in _NOT_TAKEN_PLACE):
            status = AgreementStatus.PLANNED
        parties = list(dict.fromkeys([*event.source, *event.target])) if event else []
        countries = (
            list(dict.fromkeys([*event.source_countries, *event.target_countries])) if event else []
        )
        sentence = token.sent
        agreements.append(
            Agreement(
                id=f"g{len(agreements)}",
                mention=mention.id,
                title=title,
                kind=lexicon.agreement_kinds[token.lower_],
                unnamed=not token.text[:1].isupper(),
                parties=parties,
                countries=countries,
                status=status,
                date=_date(predicate) if predicate is not None else None,
                event=event.id if event else None,
                evidence=Span(start=sentence.start_char, end=sentence.end_char),
                extractor=EVENTS_EN,
            )
        )
    return agreements


def _event_at(events: list[Event], predicate: Token | None) -> Event | None:
    if predicate is None:
        return None
    start = predicate.idx
    return next((e for e in events if e.trigger.start == start), None)
