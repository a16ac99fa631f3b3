"""Events from trigger lexicons and the dependency tree: PLOVER type, CAMEO code, Goldstein
weight, source and target actors, status, date, location, evidence and topics.

A trigger is a lemma (`event_lexicon.json`), sometimes with a dependent it needs ("выразил
признательность", "высоко оценил", "провел переговоры"). Verbs are read before nouns; a noun
trigger the verb already covers ("провел переговоры", "прибыл с визитом") is no second event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from communique.extract.dates import ResolvedDate, published_date, resolve_date
from communique.extract.event_args import TextView
from communique.extract.event_build import EventParts, build_event, event_date
from communique.extract.event_lexicon import TriggerEntry
from communique.extract.meetings import (
    delegation_heads,
    join_participants,
    merge_meetings,
    split_enumerations,
    state_ids,
)
from communique.extract.topics import TopicHit
from communique.lang.ru.words import russian_words
from communique.nlp import Token
from communique.record import (
    Event,
    EventDate,
    EventStatus,
    MentionType,
    Span,
)

# Raise with any change to what this stage outputs: `communique reprocess` re-extracts the stored
# documents of every other version.
EVENTS = "extract.events@0.4.1"
_EVENT_WORDS = russian_words("events")
_SOURCE_RELS = ("nsubj",)
_TARGET_RELS = ("obj", "iobj")
_CONSULT = "CONSULT"
_WITH_PARTNER = frozenset({"CONSULT", "AGREE", "COOPERATE", "REJECT"})  # "с X" is a partner
_COMPLEMENT_RELS = frozenset({"xcomp", "obj", "obl", "nmod", "ccomp", "csubj", "acl"})


@dataclass
class Draft:
    """An event while it is being read; `Event` once finished."""

    token: int
    entry: TriggerEntry
    used: set[int] = field(default_factory=set)  # tokens the trigger consumed
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    joint: bool = False
    location: str | None = None
    cameo: str = ""
    inferred: bool = False  # participants taken from the sentence or the text's two sides
    invited: bool = False  # a visit or participation someone is invited to: still ahead
    sides_guessed: bool = False  # «стороны»: the sides are the text's two sides, for now

    def __post_init__(self) -> None:
        self.cameo = self.cameo or self.entry.cameo.code


def find_triggers(view: TextView) -> list[Draft]:
    drafts: list[Draft] = []
    used: set[int] = set()  # tokens a specific trigger consumed ("переговоры" of "провел")
    for pos in ("VERB", "NOUN"):
        for token in view.tokens:
            if token.index in used or (pos == "NOUN") != (token.pos in ("NOUN", "PROPN")):
                continue
            draft = _match(view, token)
            if draft is None or _covered(view, draft, drafts, used):
                continue
            drafts.append(draft)
            used |= draft.used
    return sorted(drafts, key=lambda d: d.token)


def _match(view: TextView, token: Token) -> Draft | None:
    for entry in view.lexicon.triggers.get(token.lemma, ()):
        if not entry.takes_pos(token.pos):
            continue
        used = _requirements(view, token, entry)
        if used is not None:
            return Draft(token.index, entry, used)
    return None


def _requirements(view: TextView, token: Token, entry: TriggerEntry) -> set[int] | None:
    """The tokens a specific entry needs (empty for a plain one), or None if they are absent."""
    if entry.with_actor:
        return _received(view, token)
    if not entry.with_:
        return set()
    child = view.has_child_lemma(token.index, entry.with_)
    if child is None:
        return None
    if entry.with_also and view.has_child_lemma(child, entry.with_also) is None:
        return None
    return {child, *view.children(child, "nmod", "obj")}


def _received(view: TextView, token: Token) -> set[int] | None:
    """«принял Посла X», passive «был принят Президентом X»: the guest or the host names an
    actor; an accepted invitation («принял приглашение») is no reception."""
    guest = _received_guest(view, token.index)
    if guest is not None:
        if view.tokens[guest].lemma in view.lexicon.invitation_words:
            return None
        return set() if view.actors_of(guest) else None
    agents = [k for k in view.children(token.index, "obl") if view.tokens[k].rel == "obl:agent"]
    return set() if agents and view.actors_of(agents[0]) else None


def _received_guest(view: TextView, index: int) -> int | None:
    """The object of a reception verb. An animate accusative has the genitive's form («принял
    Посла»), so a parse may hang it on a genitive chain before the verb («Председатель Сената
    ... принял Посла» read as «Сената Посла»): then the first noun after the verb in its clause,
    in the accusative or the genitive, with no preposition, that names an actor."""
    objects = view.children(index, "obj")
    if objects:
        return objects[0]
    sentence = view.tokens[index].sentence
    for position in range(index + 1, len(view.tokens)):
        token = view.tokens[position]
        if token.sentence != sentence or token.pos in ("VERB", "PUNCT"):
            return None
        if token.pos in ("NOUN", "PROPN") and token.rel.split(":")[0] != "flat":
            if token.case in ("Acc", "Gen") and view.preposition(position) is None:
                return position if view.actors_of(position) else None
            return None
    return None


def _covered(view: TextView, draft: Draft, drafts: list[Draft], used: set[int]) -> bool:
    """A noun trigger under a verb trigger of the same type ("прибыл с визитом")."""
    token = view.tokens[draft.token]
    if token.pos not in ("NOUN", "PROPN"):
        return False
    return token.head in used or any(
        d.token == token.head and d.entry.plover == draft.entry.plover for d in drafts
    )


# --- participants ------------------------------------------------------------------------
def read_participants(view: TextView, draft: Draft) -> None:
    token = view.tokens[draft.token]
    if token.pos in ("NOUN", "PROPN"):
        _noun_participants(view, draft)
    else:
        _verb_participants(view, draft)
    draft.location = draft.location or _location(view, draft)
    _read_invitation(view, draft)
    _host_of_visit(view, draft)
    draft.target = [a for a in draft.target if a not in draft.source]


def _verb_participants(view: TextView, draft: Draft) -> None:
    if _passive_participants(view, draft):
        return
    subject = _subject(view, draft.token)
    if subject is not None:
        draft.source = view.actors_of(subject)
        draft.joint = draft.entry.joint and (
            len(draft.source) > 1 or (not draft.source and view.is_joint_word(subject))
        )
        if not draft.source and view.is_joint_word(subject):
            draft.source, draft.inferred, draft.sides_guessed = view.sides(), True, True
    draft.target = _targets(view, [draft.token, *draft.used], draft)
    if draft.entry.with_actor and not view.children(draft.token, "obj"):
        guest = _received_guest(view, draft.token)  # a parse that missed the object
        if guest is not None:
            draft.target = list(dict.fromkeys([*draft.target, *view.actors_of(guest)]))


def _passive_participants(view: TextView, draft: Draft) -> bool:
    """«X был принят Президентом Y»: the agent is the source, the passive subject the target."""
    agents = [k for k in view.children(draft.token) if view.tokens[k].rel == "obl:agent"]
    patients = [k for k in view.children(draft.token) if view.tokens[k].rel == "nsubj:pass"]
    if not agents or not patients:
        return False
    draft.source = view.actors_of(agents[0])
    draft.target = view.actors_of(patients[0])
    return bool(draft.source)


def _subject(view: TextView, index: int) -> int | None:
    found = _parsed_subject(view, index)
    if found is None and view.tokens[index].pos == "VERB":
        return _nominative_before(view, index)
    return found


def _nominative_before(view: TextView, index: int) -> int | None:
    """A parse with no subject ("посол Италии Сандали встретился" read as a dependent of the
    object): the nearest nominative noun before the verb, outside any prepositional phrase."""
    sentence = view.annotation.sentence_of(index)
    for position in range(index - 1, sentence.first_token - 1, -1):
        token = view.tokens[position]
        nominal = token.pos in ("NOUN", "PROPN") and token.case == "Nom" and token.rel != "flat"
        if nominal and not view.children(position, "case") and view.actors_of(position):
            return position
    return None


def _parsed_subject(view: TextView, index: int) -> int | None:
    current: int | None = index
    for _ in range(3):
        if current is None:
            return None
        subjects = view.children(current, *_SOURCE_RELS)
        subjects = [s for s in subjects if view.tokens[s].rel != "nsubj:pass"]
        if subjects:
            return subjects[0]
        rel = view.tokens[current].rel.split(":")[0]
        if rel not in ("conj", "xcomp", "advcl"):
            return None
        current = _previous_predicate(view, current) if rel == "conj" else view.tokens[current].head
    return None


def _previous_predicate(view: TextView, index: int) -> int | None:
    """The verb a conjunct shares its subject with: the nearest one before it among its head
    and the head's other conjuncts ("«…», – сказал Спикер и поздравил": сказал, not the quote)."""
    head = view.tokens[index].head
    if head is None:
        return None
    siblings = [
        k
        for k in view.children(head, "conj", "parataxis")
        if k < index and view.tokens[k].pos == "VERB"
    ]
    return max([head, *siblings]) if siblings else head


def _targets(view: TextView, heads: list[int], draft: Draft) -> list[str]:
    targets: list[str] = []
    for head in heads:
        for kid in view.children(head):
            targets += _target_of(view, draft, kid)
    if not targets and draft.entry.plover in ("AGREE", "COOPERATE", "SUPPORT"):
        targets = _partner_below(view, draft.token)
    return list(dict.fromkeys(targets))


def _target_of(view: TextView, draft: Draft, kid: int) -> list[str]:
    token = view.tokens[kid]
    rel = token.rel.split(":")[0]
    preposition = view.preposition(kid)
    if rel in _TARGET_RELS and kid not in draft.used:
        if draft.entry.plover == _CONSULT and draft.entry.mode is None:
            # «обсудили подготовку к визиту Президента»: the object of talks is what they were
            # about; whom they were with is «с X»
            return []
        return view.actors_of(kid) or _other_side(view, draft, kid)
    if rel in ("obl", "nmod") and preposition in view.lexicon.case_with:
        # «с казахстанской стороны», «с 2020 года»: «с» with the genitive is "from", no partner
        partner = draft.entry.plover in _WITH_PARTNER and token.case != "Gen"
        return view.actors_of(kid) if partner else []
    if rel in ("obl", "nmod") and preposition == _EVENT_WORDS["against"]:
        return view.actors_of(kid)
    if rel in ("obl", "iobj") and preposition is None and token.case == "Dat":
        return view.actors_of(kid)
    # "прибыл в Казахстан": where a visitor goes (043, hosting, shares the mode but not the place)
    visiting = draft.entry.mode == "visit" and draft.entry.cameo.code != "043"
    if visiting and preposition in view.lexicon.case_in and token.case == "Acc":
        draft.location = view.place_actor(kid)
        return view.actors_of(kid)
    return []


def _other_side(view: TextView, draft: Draft, kid: int) -> list[str]:
    """ "поздравил делегацию": a joint word as the object is the side the source is not."""
    if not view.is_joint_word(kid):
        return []
    return [a for a in view.sides() if a not in draft.source][:1]


def _partner_below(view: TextView, index: int) -> list[str]:
    """ "заинтересованы в углублении сотрудничества с Хуралом": the partner is deeper down."""
    for descendant in view.annotation.subtree(index, frozenset({"conj", "parataxis", "nsubj"})):
        token = view.tokens[descendant]
        if token.rel.split(":")[0] in ("nmod", "obl") and view.preposition(descendant) in (
            view.lexicon.case_with
        ):
            actors = view.actors_of(descendant)
            if actors:
                return actors
    return []


def _host_of_visit(view: TextView, draft: Draft) -> None:
    """«X, находящийся с визитом в Турции»: a visit to another state with no host named is
    hosted by that state (its capital stands for it)."""
    if draft.entry.mode != "visit" or draft.target or not draft.source or not draft.location:
        return
    host = view.country_of(draft.location)
    if host and host not in {view.country_of(a) for a in draft.source}:
        draft.target = [draft.location]


def _read_invitation(view: TextView, draft: Draft) -> None:
    """«X пригласил Y посетить Z», «передал Y приглашение X посетить Z», «принял приглашение
    посетить Z»: a visit (or a participation) one is invited to is planned; its visitor is the
    invited side, not the inviter the parse gives as subject, and the inviter is its host."""
    if draft.entry.plover != _CONSULT or draft.entry.mode not in ("visit", "multilateral"):
        return
    word = _invitation_word(view, draft.token)
    if word is None:
        return
    draft.invited = True
    visitor, host = _invitation_sides(view, word)
    if not visitor:
        return
    place = [a for a in draft.target if a not in visitor]
    if host:
        # «пригласил коллегу посетить Ташкент»: the inviter hosts; the city or state to be
        # visited is where, not a side.
        places = [a for a in place if view.place_kind(a)]
        draft.location = draft.location or next(iter(places), None)
        place = [a for a in place if a not in places]
    draft.source = visitor
    draft.target = list(dict.fromkeys(a for a in [*host, *place] if a not in visitor))
    draft.joint = False


def _invitation_word(view: TextView, index: int) -> int | None:
    """The invitation the trigger depends on: its head («приглашение посетить»), or the head's
    object when both hang on one verb («передал приглашение ... посетить»)."""
    words = view.lexicon.invitation_words
    head = view.tokens[index].head
    if head is not None:
        if view.tokens[head].lemma in words:
            return head
        sibling = [k for k in view.children(head, "obj") if view.tokens[k].lemma in words]
        if sibling:
            return sibling[0]
    # a parse that hangs the infinitive elsewhere: the invitation just before it in its clause
    before = _clause_before(view, index)
    return next((k for k in reversed(before) if view.tokens[k].lemma in words), None)


def _clause_before(view: TextView, index: int) -> list[int]:
    """The tokens before `index` back to the previous verb or punctuation mark (that verb
    included), in text order."""
    sentence = view.tokens[index].sentence
    found: list[int] = []
    for position in range(index - 1, -1, -1):
        token = view.tokens[position]
        if token.sentence != sentence or token.pos == "PUNCT":
            break
        found.append(position)
        if token.pos == "VERB":
            break
    return found[::-1]


def _invitation_sides(view: TextView, word: int) -> tuple[list[str], list[str]]:
    """(visitor, host) of an invitation: the object and subject of «пригласить»; of the noun
    «приглашение», its dative and genitive, else the dative and subject of the verb it is the
    object of («передал Y приглашение»), the subject being the visitor for an acceptance."""
    token = view.tokens[word]
    if token.pos == "VERB":
        objects = view.children(word, "obj")
        subject = _subject(view, word)
        return (
            view.actors_of(objects[0]) if objects else [],
            view.actors_of(subject) if subject is not None else [],
        )
    visitor = _case_dependent(view, word, "Dat")
    host = _case_dependent(view, word, "Gen")
    verb = token.head if token.rel.split(":")[0] == "obj" else None
    if verb is None:  # a parse that misses the object: the verb just before the noun
        verb = next((k for k in _clause_before(view, word) if view.tokens[k].pos == "VERB"), None)
    if verb is None:
        return visitor, host
    subject = _subject(view, verb)
    said_by = view.actors_of(subject) if subject is not None else []
    if view.tokens[verb].lemma in view.lexicon.invitation_acceptance:
        return visitor or said_by, host
    return visitor or _case_dependent(view, verb, "Dat"), host or said_by


def _case_dependent(view: TextView, index: int, case: str) -> list[str]:
    """Actors of the first dependent in that case with no preposition («приглашение Главе»)."""
    for kid in view.children(index, "iobj", "obl", "nmod"):
        if view.tokens[kid].case == case and view.preposition(kid) is None:
            actors = view.actors_of(kid)
            if actors:
                return actors
    return []


def _noun_participants(view: TextView, draft: Draft) -> None:
    """ "визит Президента в Монголию", "встреча с X"; else the clause around the noun:
    "В ходе встречи X ознакомил Y"."""
    sources = []
    for kid in view.children(draft.token, "nmod"):
        if view.preposition(kid) is None and view.tokens[kid].case == "Gen":
            sources += view.actors_of(kid)
    if draft.entry.mode == "multilateral":
        # «саммит ШОС»: the organisation names the gathering (and hosts it), it is no side
        sources = [a for a in sources if not view.is_organization(a)]
    draft.source = list(dict.fromkeys(sources))
    draft.target = _targets(view, [draft.token, *draft.used], draft)
    if draft.source or draft.target:
        return
    head = view.tokens[draft.token].head
    if head is not None and view.tokens[draft.token].rel.split(":")[0] in ("obl", "nmod"):
        subject = _subject(view, head)
        draft.source = view.actors_of(subject) if subject is not None else []
        objects = view.children(head, "obj")
        draft.target = view.actors_of(objects[0]) if objects else []


def _location(view: TextView, draft: Draft) -> str | None:
    heads = [draft.token, *draft.used]
    head = view.tokens[draft.token].head
    if head is not None and view.tokens[draft.token].pos in ("NOUN", "PROPN"):
        heads.append(head)
    for index in heads:
        for kid in view.children(index, "obl", "nmod"):
            token = view.tokens[kid]
            if view.preposition(kid) in view.lexicon.case_in and token.case == "Loc":
                place = view.place_actor(kid)
                if place:
                    return place
    return None


def share_participants(view: TextView, drafts: list[Draft]) -> None:
    """Passive or subjectless acts take the participants of another event of their sentence
    ("в ходе визита X в Y были подписаны документы"), else the text's two sides."""
    for draft in drafts:
        if draft.source or draft.target:
            continue
        sentence = view.tokens[draft.token].sentence
        other = next(
            (
                d
                for d in drafts
                if d is not draft
                and (d.source or d.target)
                and view.tokens[d.token].sentence == sentence
            ),
            None,
        )
        if other is not None:
            draft.source, draft.target = list(other.source), list(other.target)
            draft.sides_guessed = other.sides_guessed
        elif draft.entry.joint or draft.entry.plover == _CONSULT:
            draft.source, draft.joint, draft.sides_guessed = view.sides(), True, True
        draft.inferred = True


def sides_of_the_meeting(view: TextView, drafts: list[Draft]) -> None:
    """«Стороны», «собеседники» name the two sides of the meeting just reported, as an anaphor
    names its antecedent: the last meeting before them whose two sides the text states (one
    partner state on the other side: a list of partners is several meetings), else the text's
    two sides."""
    for draft in drafts:
        if not draft.sides_guessed:
            continue
        meeting = next(
            (d for d in reversed(drafts) if d.token < draft.token and _two_sides(view, d)), None
        )
        if meeting is None:
            continue
        sides = list(dict.fromkeys([*meeting.source, *meeting.target]))
        draft.source, draft.joint = sides, True
        draft.target = [a for a in draft.target if a not in sides]


def _two_sides(view: TextView, draft: Draft) -> bool:
    if draft.entry.plover != _CONSULT or draft.inferred or not draft.source or not draft.target:
        return False
    return len({view.country_of(a) for a in draft.target}) == 1


# --- status, date, mode --------------------------------------------------------------------
def status_of(
    view: TextView, draft: Draft, when: ResolvedDate | None, published: date | None
) -> EventStatus:
    if _negated(view, draft.token):
        return EventStatus.NEGATED
    if _planned(view, draft) or after_publication(when, published):
        return EventStatus.PLANNED
    if draft.token in view.speakers:
        return EventStatus.REPORTED
    return EventStatus.HAPPENED


def _negated(view: TextView, index: int) -> bool:
    token = view.tokens[index]
    places = [index, *view.children(index, "aux", "cop")]
    if token.pos in ("NOUN", "PROPN") and token.head is not None:
        places.append(token.head)
    return any(view.has_child_lemma(p, view.lexicon.negations) is not None for p in places)


def _planned(view: TextView, draft: Draft) -> bool:
    token = view.tokens[draft.token]
    lexicon = view.lexicon
    if draft.invited:
        return True
    if token.feats.get("Tense") == "Fut" or _future_aux(view, draft.token):
        return True
    if view.has_child_lemma(draft.token, lexicon.planned_modifiers) is not None:
        return True
    if token.pos in ("NOUN", "PROPN"):
        # «сроки визита будут согласованы»: what a future clause speaks of is still ahead
        clause = view.clause_head(draft.token)
        if _future_aux(view, clause) or view.tokens[clause].feats.get("Tense") == "Fut":
            return True
    for ancestor in _governors(view, draft.token):
        if view.tokens[ancestor].lemma in lexicon.planned_governors:
            return True
        if _future_aux(view, ancestor) or view.tokens[ancestor].feats.get("Tense") == "Fut":
            return True
    return False


def _governors(view: TextView, index: int, limit: int = 3) -> list[int]:
    """Heads above `index` through complement relations only (not conj, parataxis)."""
    found: list[int] = []
    current = index
    while len(found) < limit:
        token = view.tokens[current]
        if token.head is None or token.rel.split(":")[0] not in _COMPLEMENT_RELS:
            break
        current = token.head
        found.append(current)
    return found


def _future_aux(view: TextView, index: int) -> bool:
    return any(
        view.tokens[k].text.lower().startswith(_EVENT_WORDS["future_auxiliary"])
        for k in view.children(index, "aux", "cop")
    )


def after_publication(when: ResolvedDate | None, published: date | None) -> bool:
    """A date later than the publication's (to its precision): the act is still to come."""
    if when is None or published is None:
        return False
    return when.value > published.isoformat()[: len(when.value)]


@dataclass(frozen=True)
class DateMention:
    token: int  # the head token of the mention
    clause: int
    span: Span
    resolved: ResolvedDate


def date_mentions(view: TextView, published: date | None) -> list[DateMention]:
    found = []
    tokens_of: dict[int, list[int]] = {}
    for index, covering in view.covering.items():
        for mention in covering:
            tokens_of.setdefault(id(mention), []).append(index)
    for mention in view.record.mentions:
        if mention.type is not MentionType.DATE:
            continue
        resolved = resolve_date(mention.text, published)
        indices = sorted(tokens_of.get(id(mention), []))
        if resolved is None or not indices:
            continue
        head = next((i for i in indices if view.tokens[i].head not in indices), indices[0])
        span = Span(start=mention.start, end=mention.end)
        found.append(DateMention(head, view.clause_head(head), span, resolved))
    return found


def date_of(view: TextView, draft: Draft, dates: list[DateMention]) -> DateMention | None:
    """A date of the event's own clause, or of a clause above it ("В 2024 году, в ходе визита
    ..., были подписаны": the date scopes over the visit)."""
    clause = view.clause_head(draft.token)
    above = {clause, *view.ancestors(clause, 6)}
    sentence = view.tokens[draft.token].sentence
    candidates = [
        d for d in dates if view.tokens[d.token].sentence == sentence and d.clause in above
    ]
    return min(candidates, key=lambda d: abs(d.token - draft.token)) if candidates else None


def refine_code(view: TextView, draft: Draft, drafts: list[Draft]) -> None:
    """AGREE about meeting -> 036; a CONSULT away from every participant's country -> 044,
    with more than two countries -> multilateral."""
    table = draft.entry.cameo
    if draft.entry.plover == "AGREE" and draft.cameo == "030":
        below = set(view.annotation.subtree(draft.token, frozenset({"conj", "parataxis"})))
        if any(d.entry.plover == _CONSULT and d.token in below for d in drafts if d is not draft):
            draft.cameo = "036"
    if draft.entry.plover != _CONSULT or table.code != "040":
        return
    countries = {view.country_of(a) for a in draft.source + draft.target} - {None}
    place = view.country_of(draft.location) if draft.location else None
    if place and countries and place not in countries and draft.entry.mode != "multilateral":
        draft.cameo = "044"  # a session of several states abroad stays multilateral


# --- the stage ---------------------------------------------------------------------------
def extract_events(view: TextView, hits: list[TopicHit]) -> list[Event]:
    published = published_date(view.record.published)
    drafts = find_triggers(view)
    for draft in drafts:
        read_participants(view, draft)
    share_participants(view, drafts)
    sides_of_the_meeting(view, drafts)
    dates = date_mentions(view, published)
    events = []
    for number, draft in enumerate(drafts):
        refine_code(view, draft, drafts)
        found = date_of(view, draft, dates)
        status = status_of(view, draft, found.resolved if found else None, published)
        events.append(_event(view, draft, number, status, _date(found, status, published), hits))
    joining = {
        event.id for event, draft in zip(events, drafts, strict=True) if _joins_meeting(view, draft)
    }
    events = split_enumerations(view, delegation_heads(view, events))
    return merge_meetings(join_participants(events, joining), state_ids(view.record))


def _joins_meeting(view: TextView, draft: Draft) -> bool:
    """«Во встрече также приняли участие X и Y»: a participation in a meeting (a meeting noun,
    not a session of several states) whose participants are named."""
    if not draft.entry.is_participation(view.lexicon.participation_words) or not draft.source:
        return False
    for index in [draft.token, *draft.used]:
        for kid in view.children(index, "obl", "nmod"):
            if view.preposition(kid) not in view.lexicon.case_in:
                continue
            entries = view.lexicon.triggers.get(view.tokens[kid].lemma, ())
            if any(e.plover == _CONSULT and e.pos == "NOUN" and e.mode is None for e in entries):
                return True
    return False


def _date(
    found: DateMention | None, status: EventStatus, published: date | None
) -> EventDate | None:
    if found is None:
        return event_date(None, None, status, published)
    return event_date(found.resolved, found.span, status, published)


def _event(
    view: TextView,
    draft: Draft,
    number: int,
    status: EventStatus,
    when: EventDate | None,
    hits: list[TopicHit],
) -> Event:
    token = view.tokens[draft.token]
    start, end = _evidence(view, draft)
    parts = EventParts(
        plover=draft.entry.plover,
        cameo=draft.cameo,
        mode=draft.entry.mode,
        trigger=Span(start=token.start, end=token.end),
        source=draft.source,
        target=draft.target,
        joint=draft.joint,
        inferred=draft.inferred,
        status=status,
        reported_by=view.speakers.get(draft.token),
        date=when,
        location=draft.location,
        evidence=Span(start=start, end=end),
        hits=hits,
    )
    return build_event(view.record, parts, f"e{number}", EVENTS)


def _evidence(view: TextView, draft: Draft) -> tuple[int, int]:
    token = view.tokens[draft.token]
    head = view.clause_head(draft.token) if token.pos in ("NOUN", "PROPN") else draft.token
    start, end = view.clause_span(head)
    subject = _subject(view, head)
    if subject is not None and view.tokens[subject].sentence == token.sentence:
        start = min(start, view.tokens[subject].start)
    return start, end
