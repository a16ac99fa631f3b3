"""One meeting, one CONSULT event.

A release that reports one meeting describes it in several sentences: the headline («X обсудил с
послом Y ...»), the report («X принял Y»), and what was said at it («в ходе встречи стороны
обсудили ...», «собеседники отметили ...»). Each sentence has a consultation trigger, but they are
one contact: counting them as several meetings would make pair pages and exports count sentences.

Two CONSULT events of a text are the same meeting when
- both took place (happened or as reported), or both are planned; a negated one is never merged;
- the participants of one are among those of the other (by actor), or one names nobody of its
  own (its sides are taken from the text or from another event: «стороны обсудили»), or one
  names states only, each a state of the other's participants: a state meets through its people
  (the headline «Kazakhstan and Azerbaijan hold consultations» restates the body's «Deputy
  Minister X met with Deputy Minister Y»; the states then add no side of their own);
- they have the same mode, or one is a call and the other says what was discussed in it, or one
  is a reception («принял Посла X») and the other the meeting it was (a visit agreed in a call
  and the talks held during a trip are other contacts); and
- they are not dated to different days.
The merged event keeps the fuller event's trigger and sides, with the other's participants added
to them (never one actor or country on both sides); the other sentences become its
`more_evidence`, their topics join its topics. Language-neutral: it reads events only.
Other events said at the meeting (SUPPORT, AGREE) stay events of their own.

A reception is the guest's visit. The triggers read it as the host's act (CAMEO 043 "Host a
visit": «X принял Y», «X received Y», «X Y-ты қабылдады» have the host as subject); the record
states it as PLOVER does, one CONSULT `visit` whose actor is the visitor: CAMEO 042 "Make a
visit", the guest as source, the host as target. So every export reads the sides one way.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from communique.coding import cameo_table
from communique.extract.event_args import TextView
from communique.record import ActorKind, Event, EventStatus, MentionType, Record, Span

_CONSULT = "CONSULT"
_HOSTING = "043"  # CAMEO "Host a visit": the source hosts the target
_VISITING = "042"  # CAMEO "Make a visit": the source visits the target
_TOOK_PLACE = frozenset({EventStatus.HAPPENED, EventStatus.REPORTED})


# What may stand between two names of an enumeration besides countries and titles.
_ENUMERATION_GLUE = re.compile(r"^[\s,;]*(?:(?:и|а\s+также|and|as\s+well\s+as|мен|пен|бен)\s+)?$")


_HEAD_REACH = 120  # characters from the marker to the head's name (a title may stand between)


def delegation_heads(view: TextView, events: list[Event]) -> list[Event]:
    """«встретился с делегацией Министерства ... во главе с заместителем министра X»: the head
    of a delegation is its side in the meeting, added to the partners where the parse left
    him out."""
    markers = view.lexicon.delegation_head_markers
    if not markers:
        return events
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(m) for m in markers) + r")(?!\w)", re.IGNORECASE
    )
    persons = sorted(
        (m for m in view.record.mentions if m.type is MentionType.PERSON and m.actor),
        key=lambda m: m.start,
    )
    out = []
    for event in events:
        if event.type != _CONSULT or event.participants_inferred:
            out.append(event)
            continue
        text = view.record.text[event.evidence.start : event.evidence.end]
        heads = []
        for match in pattern.finditer(text):
            start = event.evidence.start + match.end()
            head = next((p for p in persons if p.start >= start), None)
            if head and head.end <= event.evidence.end and head.start - start <= _HEAD_REACH:
                heads.append(head.actor)
        added = [h for h in dict.fromkeys(heads) if h not in event.source + event.target]
        if added:
            countries = [c for h in added if (c := view.country_of(h))]
            event = event.model_copy(
                update={
                    "target": [*event.target, *added],
                    "target_countries": list(
                        dict.fromkeys(
                            [
                                *event.target_countries,
                                *(c for c in countries if c not in event.source_countries),
                            ]
                        )
                    ),
                }
            )
        out.append(event)
    return out


def split_enumerations(view: TextView, events: list[Event]) -> list[Event]:
    """«встретился с главами МИД Малайзии X, Египта Y, Омана Z и Пакистана W»: one bilateral
    meeting with each partner of the enumeration that continues the event's partner, each its
    own CONSULT event (the first keeps the id, the others get `<id>-2`, `<id>-3`, ...)."""
    out: list[Event] = []
    for event in events:
        partners = _enumerated_partners(view, event) if event.type == _CONSULT else []
        if len(partners) < 2:
            out.append(event)
            continue
        others = [t for t in event.target if t not in partners]
        for number, partner in enumerate(partners, start=1):
            country = view.country_of(partner)
            out.append(
                event.model_copy(
                    update={
                        "id": event.id if number == 1 else f"{event.id}-{number}",
                        "target": [partner, *others],
                        "target_countries": [country] if country else [],
                    }
                )
            )
    return out


def _enumerated_partners(view: TextView, event: Event) -> list[str]:
    """The person partners of the event, continued by the names enumerated after the last one
    in its sentence (only commas, «и», countries and titles between them)."""
    if event.participants_inferred:
        return []
    kinds = {a.id: a.kind.value for a in view.record.actors}
    targets = [t for t in event.target if kinds.get(t) == "person"]
    if not targets:
        return []
    mentions = sorted(
        (
            m
            for m in view.record.mentions
            if event.evidence.start <= m.start and m.end <= event.evidence.end
        ),
        key=lambda m: m.start,
    )
    last = max(
        (i for i, m in enumerate(mentions) if m.actor in targets and m.type is MentionType.PERSON),
        default=None,
    )
    if last is None:
        return targets
    partners = list(targets)
    end = mentions[last].end
    for mention in mentions[last + 1 :]:
        if mention.start < end:
            continue  # inside the previous mention
        if mention.type in (MentionType.COUNTRY, MentionType.POSITION):
            if not _ENUMERATION_GLUE.match(view.record.text[end : mention.start]):
                break
            end = mention.end
            continue
        if mention.type is not MentionType.PERSON or not mention.actor:
            break
        if not _ENUMERATION_GLUE.match(view.record.text[end : mention.start]):
            break
        if mention.actor not in partners and mention.actor not in event.source:
            partners.append(mention.actor)
        end = mention.end
    return partners


def join_participants(events: list[Event], joining: set[str]) -> list[Event]:
    """«Во встрече также приняли участие X и Y»: the events in `joining` (participations in a
    meeting) add their participants, evidence and topics to the meeting the text reported last
    before them (a held CONSULT event), each participant on the side of his country, and are
    no events of their own. With no such meeting before, a participation stays an event."""
    kept: list[Event] = []
    for event in events:
        meeting = next(
            (
                e
                for e in reversed(kept)
                if e.type == _CONSULT and e.status in _TOOK_PLACE and e.status == event.status
            ),
            None,
        )
        if event.id not in joining or meeting is None or event.status not in _TOOK_PLACE:
            kept.append(event)
            continue
        kept[kept.index(meeting)] = _joined_meeting(meeting, event)
    return kept


def _joined_meeting(meeting: Event, participation: Event) -> Event:
    newcomers = [
        a
        for a in participation.source + participation.target
        if a not in meeting.source + meeting.target
    ]
    theirs = [*participation.source_countries, *participation.target_countries]
    to_source = bool(set(theirs) & set(meeting.source_countries)) or not (
        meeting.source or set(theirs) & set(meeting.target_countries)
    )
    side, other = ("source", "target") if to_source else ("target", "source")
    spans = {(s.start, s.end) for s in [*meeting.more_evidence, participation.evidence]}
    spans.discard((meeting.evidence.start, meeting.evidence.end))
    states = {*meeting.source_countries, *meeting.target_countries, *theirs}
    return meeting.model_copy(
        update={
            "mode": "multilateral" if meeting.mode is None and len(states) > 2 else meeting.mode,
            side: [*getattr(meeting, side), *newcomers],
            f"{side}_countries": _joined(
                getattr(meeting, f"{side}_countries"),
                theirs,
                getattr(meeting, f"{other}_countries"),
            ),
            "more_evidence": [Span(start=a, end=b) for a, b in sorted(spans)],
            "topics": list(dict.fromkeys([*meeting.topics, *participation.topics])),
        }
    )


def merge_meetings(events: list[Event], states: AbstractSet[str] = frozenset()) -> list[Event]:
    """The events with each meeting's CONSULT events merged into one, in text order: the merged
    event stands where (and with the id) its first sentence was. `states` are the ids of the
    record's country actors (`state_ids`)."""
    kept: list[Event] = []
    for event in events:
        anchor = _same_meeting(event, kept, states) if event.type == _CONSULT else None
        if anchor is None:
            kept.append(event)
            continue
        first, second = anchor, event
        if _represented(second, first, states):
            second = _without_sides(second)
        elif _represented(first, second, states):
            first = _without_sides(first)
        kept[kept.index(anchor)] = _merged(first, second)
    kept = _headline_restated(kept)
    return [_as_visit(event) if event.cameo == _HOSTING else event for event in kept]


def state_ids(record: Record) -> frozenset[str]:
    """The ids of the record's country actors: the states `merge_meetings` sees through."""
    return frozenset(a.id for a in record.actors if a.kind is ActorKind.COUNTRY)


def _headline_restated(events: list[Event]) -> list[Event]:
    """A release's headline restates the meeting its text reports, often by titles alone
    («Главы МИД Казахстана и Азербайджана обсудили ...», «Токаев провел разговор с Эмиром
    Катара»): the meeting at the very start of the text is the first later one that may be
    the same contact between the same states."""
    first = next((e for e in events if e.type == _CONSULT), None)
    if first is None or first.evidence.start != 0:
        return events
    states = set(first.source_countries) | set(first.target_countries)
    for later in events[events.index(first) + 1 :]:
        if later.type != _CONSULT or not states:
            continue
        theirs = set(later.source_countries) | set(later.target_countries)
        # an actor named in both is the same naming: the participants already decided
        named_apart = not _participants(first) & _participants(later)
        if (
            named_apart
            and states <= theirs
            and _same_time(first, later)
            and _compatible_modes(first, later)
        ):
            # the report names the sides; the headline's titles and bodies add nobody
            merged = _merged(_without_sides(first), later)
            return [merged if e is first else e for e in events if e is not later]
    return events


def _as_visit(reception: Event) -> Event:
    """A reception as its guest's visit: the sides swapped, CAMEO 042 in place of 043."""
    code = cameo_table().code(_VISITING)
    return reception.model_copy(
        update={
            "cameo": code.code,
            "cameo_name": code.name,
            "goldstein": code.goldstein,
            "mode": reception.mode or code.mode,
            "source": reception.target,
            "target": reception.source,
            "source_countries": reception.target_countries,
            "target_countries": reception.source_countries,
        }
    )


def _same_meeting(event: Event, kept: list[Event], states: AbstractSet[str]) -> Event | None:
    """The meeting with the same participants (one's among the other's) or whose people the
    event's states are, else, for sides not stated (or a meeting kept with such sides), the
    first meeting that may be it."""
    candidates = [
        other
        for other in kept
        if other.type == _CONSULT and _same_time(event, other) and _compatible_modes(event, other)
    ]
    ours = _participants(event)
    for other in candidates:
        theirs = _participants(other)
        if ours and theirs and (ours <= theirs or theirs <= ours):
            return other
        if _represented(event, other, states) or _represented(other, event, states):
            return other
    # «стороны обсудили»: the sides of the meeting the text reports
    return next(
        (o for o in candidates if event.participants_inferred or o.participants_inferred), None
    )


def _represented(event: Event, other: Event, states: AbstractSet[str]) -> bool:
    """`event` names states only, and each is the state of a participant of `other`, which
    names someone who is no state (the states' people at the meeting)."""
    if event.participants_inferred or other.participants_inferred:
        return False  # the sides of the text, joined as they are
    ours = _participants(event)
    if not ours or not ours <= states or not _participants(other) - states:
        return False
    countries = {*event.source_countries, *event.target_countries}
    return bool(countries) and countries <= {*other.source_countries, *other.target_countries}


def _without_sides(event: Event) -> Event:
    """A meeting of states told again by its people: its evidence and topics, no sides."""
    return event.model_copy(
        update={"source": [], "target": [], "source_countries": [], "target_countries": []}
    )


def _participants(event: Event) -> frozenset[str]:
    return frozenset(event.source) | frozenset(event.target)


def _same_time(a: Event, b: Event) -> bool:
    if EventStatus.NEGATED in (a.status, b.status):
        return False
    same_status = (a.status in _TOOK_PLACE) == (b.status in _TOOK_PLACE)
    if not same_status:
        return False
    if a.date and b.date and a.date.precision == b.date.precision == "day":
        return a.date.value == b.date.value
    return True


def _compatible_modes(a: Event, b: Event) -> bool:
    """The same mode, a call and what its sides said in it («стороны обсудили»), or a reception
    and the meeting it was («принял Посла X. В ходе встречи стороны обсудили ...»)."""
    if a.mode == b.mode or {a.mode, b.mode} == {None, "phone"}:
        return True
    reception = next((e for e in (a, b) if e.cameo == _HOSTING), None)
    other = b if reception is a else a
    return reception is not None and other.mode is None


def _merged(first: Event, second: Event) -> Event:
    """The fuller of the two carries the meeting, a reception always (it says who is whose
    guest); the other adds its evidence and topics."""
    main, extra = (second, first) if _fuller(second, first) else (first, second)
    if extra.cameo == _HOSTING and main.cameo != _HOSTING and not extra.participants_inferred:
        main, extra = extra, main
    spans = [first.evidence, *first.more_evidence, second.evidence, *second.more_evidence]
    bounds = sorted({(s.start, s.end) for s in spans} - {(main.evidence.start, main.evidence.end)})
    return main.model_copy(
        update={
            "id": first.id,  # the meeting keeps the place (and id) of its first sentence
            "source": _joined(main.source, extra.source, main.target),
            "target": _joined(main.target, extra.target, main.source),
            "source_countries": _joined(
                main.source_countries, extra.source_countries, main.target_countries
            ),
            "target_countries": _joined(
                main.target_countries, extra.target_countries, main.source_countries
            ),
            "more_evidence": [Span(start=start, end=end) for start, end in bounds],
            "topics": list(dict.fromkeys([*main.topics, *extra.topics])),
            "mode": main.mode or extra.mode,  # what was said in a call is the call
            "location": main.location or extra.location,
            "date": main.date or extra.date,
        }
    )


def _fuller(a: Event, b: Event) -> bool:
    return (len(_participants(a)), not a.participants_inferred, bool(a.target)) > (
        len(_participants(b)),
        not b.participants_inferred,
        bool(b.target),
    )


def _joined(side: list[str], more: list[str], other_side: list[str]) -> list[str]:
    """A side with the other sentence's participants on it added, none put on both sides."""
    return list(dict.fromkeys([*side, *(x for x in more if x not in other_side)]))
