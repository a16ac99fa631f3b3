"""English commitments: what an AGREE event undertakes ("agreed to hold the next round in
Astana", "invited the President to visit Doha", "expressed readiness to expand flights", "pledged
support for the initiative"), of which kind, by whom, to whom and by when.

English puts the undertaking after its verb, as the verb's complement: an infinitive ("to
hold"), a clause ("that the sides would ..."), an object and its own complement ("the President
to visit Doha"), a prepositional object ("on the dates", "to deepening ties"). The trigger's kind
(agreed step, invitation, proposal, promise, intent) is the event lexicon's `commitment`; a
trigger that needs a word ("expressed readiness") takes the complement of that word too. An act
a side plans ("Tokayev will pay a state visit to Egypt") is that side's intent, its clause the
undertaking, unless it is what a commitment already states ("invited X to visit Y"). The Russian
reader (`extract/commitments.py`) records the same.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from communique.extract.commitments import build_commitment
from communique.extract.dates import published_date
from communique.extract.event_build import stated_date
from communique.lang.en.extract import (
    DateMention,
    date_mentions,
    dateline_date,
    english_event_lexicon,
    match_trigger,
)
from communique.record import Commitment, Event, EventDate, EventStatus, Record, Span

COMMITMENTS_EN = "lang.en.commitments@0.1.0"
# The dependents of a trigger that say what it undertakes, and the prepositions that introduce
# it ("agreed on the dates", "committed to", "support for"); others say how or where ("agreed
# through diplomatic channels").
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "dative", "prep", "acomp", "oprd", "acl"})
COMPLEMENT_PREPOSITIONS = frozenset({"on", "to", "upon", "for", "about"})
AGREE = "AGREE"


def english_commitments(doc: Doc, record: Record) -> list[Commitment]:
    """The commitments the record's AGREE events state, in text order."""
    lexicon = english_event_lexicon()
    partner_words = frozenset(lexicon.case_with | lexicon.case_in)
    token_at = {token.idx: token for token in doc}
    dates = date_mentions(doc, published_date(record.published) or dateline_date(doc))
    commitments: list[Commitment] = []
    for event in record.events:
        trigger = token_at.get(event.trigger.start)
        draft = match_trigger(trigger, lexicon) if trigger is not None else None
        if draft is None or event.status is EventStatus.NEGATED:
            continue
        kind = draft.entry.commitment if event.type == AGREE else None
        if kind is not None:
            what = _undertaking([draft.token, *draft.used], partner_words)
        elif event.status is EventStatus.PLANNED and event.source and _own_act(draft.token):
            kind, what = "intent", _planned_act(draft.token)
            if any(c.what_span.start <= event.trigger.start < c.what_span.end for c in commitments):
                continue  # "invited X to visit Y": the invitation states it
        else:
            continue
        if what is None:
            continue
        deadline = _deadline(event, dates, *what)
        commitments.append(
            build_commitment(
                len(commitments), kind, event, record.text, what, deadline, COMMITMENTS_EN
            )
        )
    return commitments


def _undertaking(heads: list[Token], partner_words: frozenset[str]) -> tuple[int, int] | None:
    """The character span of the heads' complements after the trigger: every dependent that
    says what is undertaken, without the partner ("with X") or the place of the talks."""
    trigger = heads[0]
    tokens: list[Token] = []
    for head in heads:
        for child in head.children:
            if (
                child.i > trigger.i
                and child not in heads
                and child.dep_ in COMPLEMENT_DEPS
                and not (child.dep_ == "prep" and _no_complement(child, partner_words))
            ):
                tokens += [t for t in child.subtree if not t.is_punct or t.i < child.right_edge.i]
    if not tokens:
        return None
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _no_complement(preposition: Token, partner_words: frozenset[str]) -> bool:
    word = preposition.lower_
    return word in partner_words or word not in COMPLEMENT_PREPOSITIONS


def _own_act(trigger: Token) -> bool:
    """Whether a planned act is one its side undertakes ("will visit", "to pay a visit"), not one
    the text speaks of ("discussed preparations for the next meeting", "the upcoming visit")."""
    return trigger.pos_ == "VERB" or (trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB")


def _planned_act(trigger: Token) -> tuple[int, int] | None:
    """The planned act's own words: its verb ("pay" of "pay a visit") and what follows it ("pay a
    state visit to Egypt next year"), not the subject or an opening phrase."""
    anchor = trigger.head if trigger.dep_ == "dobj" else trigger
    tokens = [anchor]
    for child in anchor.children:
        if child.i > anchor.i and child.dep_ not in ("punct", "cc", "conj"):
            tokens += list(child.subtree)
    last = max(tokens, key=lambda t: t.i)
    return anchor.idx, last.idx + len(last.text)


def _deadline(event: Event, dates: list[DateMention], start: int, end: int) -> EventDate | None:
    """A date written inside the undertaking ("to hold the next round in May"), else the date
    of the planned act the commitment is."""
    for mention in dates:
        if start <= mention.entity.start_char < end:
            written = Span(start=mention.entity.start_char, end=mention.entity.end_char)
            return stated_date(mention.resolved, written)
    if event.status is EventStatus.PLANNED and event.date is not None:
        return event.date
    return None
