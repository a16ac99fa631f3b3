"""Actors: the people, organisations and places a document talks about, each mention merged.

Persons merge on surname (full name, surname alone, a title used as a name, "собеседник");
organisations on their knowledge-base id or nominative form; countries on ISO code.
"""

from __future__ import annotations

from bisect import insort
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from communique.extract.lexicon import Lexicons
from communique.extract.roles import RoleFact, title_of
from communique.extract.spans import SpanIndex
from communique.lang.ru.words import russian_words
from communique.nlp import Annotation, lemma_key
from communique.nlp.translit import transliterate
from communique.record import (
    Actor,
    ActorKind,
    CountryBasis,
    Mention,
    MentionForm,
    MentionType,
    Occupation,
    Span,
)

# Raise with any change to what this stage outputs: `communique reprocess` re-extracts the stored
# documents of every other version.
RESOLVER = "resolve.actors@0.4.0"
_WORDS = russian_words("actors")

_ACTOR_KINDS = {
    MentionType.PERSON: ActorKind.PERSON,
    MentionType.ORGANIZATION: ActorKind.ORGANIZATION,
    MentionType.COUNTRY: ActorKind.COUNTRY,
    MentionType.CITY: ActorKind.CITY,
    MentionType.LOCATION: ActorKind.LOCATION,
}
_SUBJECT_RELS = ("nsubj", "nsubj:pass")


@dataclass
class _Draft:
    kind: ActorKind
    key: str
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None
    basis: CountryBasis | None = None
    kb_id: str | None = None
    name_latin: str | None = None
    positions: list[str] = field(default_factory=list)


@dataclass
class Resolution:
    actors: list[Actor]
    occupations: list[Occupation]
    mentions: list[Mention]  # the input mentions with `actor` set, plus descriptor mentions
    home_country: str | None


def resolve(
    annotation: Annotation,
    mentions: list[Mention],
    roles: list[RoleFact],
    lexicons: Lexicons,
    source_country: str | None = None,
) -> Resolution:
    # the publisher's country as its source states it (resolve.publisher), never a guess from
    # the countries the text names: those are what it is about
    home = source_country
    mentions = _share_kb_ids([_link_organization(m, lexicons, home) for m in mentions])
    drafts = _group(mentions)
    by_mention = {m.id: d for d in drafts for m in d.mentions}
    _link_titles(roles, by_mention)
    _country_before_name(annotation, mentions, by_mention)
    _sides_named(annotation, mentions, by_mention, lexicons)
    occupations = _occupations(annotation, roles, mentions, home, lexicons)
    _settle_countries(by_mention, occupations)
    occupations += _titles_as_names(
        annotation, mentions, roles, lexicons, by_mention, occupations, home
    )
    _protagonist_titles(annotation, mentions, roles, by_mention)
    _settle_countries(by_mention, occupations)
    descriptors = _interlocutors(
        annotation, lexicons, mentions, drafts, by_mention, home, len(mentions)
    )

    actors = [_actor(d, i, lexicons) for i, d in enumerate(drafts)]
    actor_of = {m.id: a.id for a, d in zip(actors, drafts, strict=True) for m in d.mentions}
    linked = [m.model_copy(update={"actor": actor_of.get(m.id)}) for m in mentions + descriptors]
    stated = [
        o.model_copy(
            update={
                "person": actor_of[o.person],
                "organization": actor_of.get(o.organization) if o.organization else None,
                "place": actor_of.get(o.place) if o.place else None,
            }
        )
        for o in occupations
        if o.person in actor_of
    ]
    positions_of: dict[str, list[str]] = {}
    for occupation in stated:
        positions_of.setdefault(occupation.person, []).append(occupation.position)
    for actor in actors:
        actor.positions = list(dict.fromkeys(positions_of.get(actor.id, ())))
    final_occupations = _distinct([o for o in stated if o.organization or o.place or o.country])
    return Resolution(
        actors, final_occupations, sorted(linked, key=lambda m: (m.start, -m.end)), home
    )


def _distinct(occupations: list[Occupation]) -> list[Occupation]:
    """The same person, title and organisation stated twice is one fact (the first evidence)."""
    seen: set[tuple[str, str, str | None, str | None, str | None]] = set()
    kept = []
    for occupation in occupations:
        key = (
            occupation.person,
            lemma_key(occupation.position),
            occupation.organization,
            occupation.place,
            occupation.country,
        )
        if key not in seen:
            seen.add(key)
            kept.append(occupation.model_copy(update={"id": f"o{len(kept)}"}))
    return kept


def _country_before_name(
    annotation: Annotation, mentions: list[Mention], by_mention: dict[str, _Draft]
) -> None:
    """«с главами МИД Малайзии Мохамадом Хашимом, Египта Тареком Мансуром»: a country in the
    genitive right before a name, with no preposition of its own, is the complement of the
    person's title (said once for the whole enumeration): that person's country."""
    ordered = sorted(mentions, key=lambda m: m.start)
    organizations = [m for m in mentions if m.type is MentionType.ORGANIZATION]
    titles = [m for m in mentions if m.type is MentionType.POSITION]
    for country, person in pairwise(ordered):
        if country.type is not MentionType.COUNTRY or person.type is not MentionType.PERSON:
            continue
        in_body = any(o.start <= country.start and country.end <= o.end for o in organizations)
        closes_title = any(t.start < country.start and t.end == country.end for t in titles)
        if in_body and not closes_title:
            continue  # «... с Великим Государственным Хуралом Монголии Серик Жумагалиев»: the
            # country of a body his title deals with, not of his own («главами МИД Малайзии X»)
        if not country.country or annotation.text[country.end : person.start].strip():
            continue
        draft = by_mention.get(person.id)
        tokens = annotation.tokens_over(country.start, country.end)
        if draft is None or draft.country is not None or not tokens or tokens[0].case != "Gen":
            continue
        before = tokens[0].index - 1
        if before >= 0 and annotation.tokens[before].pos == "ADP":
            continue  # «из Египта Тарек Мансур»: where he came from, not whom he serves
        draft.country, draft.basis = country.country, CountryBasis.TEXT


def _sides_named(
    annotation: Annotation,
    mentions: list[Mention],
    by_mention: dict[str, _Draft],
    lexicons: Lexicons,
) -> None:
    """«С казахстанской стороны во встрече приняли участие сенаторы X и Y», «Казахстанскую
    сторону возглавил X, российскую – Y»: the people named after a country's side, up to the
    next country's adjective (the same side word elided), serve that country."""
    side_words = set(lexicons.triggers["side_words"])
    ordered = sorted(mentions, key=lambda m: m.start)
    sentences_with_sides: set[int | None] = set()
    side: str | None = None
    for mention in ordered:
        adjective = mention.type is MentionType.COUNTRY and mention.form is MentionForm.ADJECTIVE
        if adjective and mention.country:
            tokens = annotation.tokens_over(mention.start, mention.end)
            after = tokens[-1].index + 1 if tokens else len(annotation.tokens)
            names_a_side = (
                after < len(annotation.tokens) and annotation.tokens[after].lemma in side_words
            )
            if names_a_side:
                sentences_with_sides.add(mention.sentence)
            if names_a_side or mention.sentence in sentences_with_sides:
                side = mention.country
            continue
        if mention.sentence not in sentences_with_sides:
            side = None
            continue
        if mention.type is MentionType.PERSON and side:
            draft = by_mention.get(mention.id)
            if draft is not None and draft.country is None:
                draft.country, draft.basis = side, CountryBasis.TEXT


def _link_organization(mention: Mention, lexicons: Lexicons, home: str | None) -> Mention:
    if mention.type is not MentionType.ORGANIZATION or mention.kb_id:
        return mention
    hint = mention.country or home
    organization = lexicons.knowledge.organization_by_name(mention.text, country_hint=hint)
    if organization is None:
        return mention
    return mention.model_copy(
        update={
            "kb_id": organization.id,
            "country": mention.country or organization.country,
            "latin": organization.name_en or mention.latin,
        }
    )


def _link_titles(roles: list[RoleFact], by_mention: dict[str, _Draft]) -> None:
    """ "Президента страны Касым-Жомарта Токаева": the title names the person too, so it is one
    of the person's mentions (and the record says whose title it is)."""
    for role in roles:
        person = by_mention.get(role.person.id)
        if person is not None and role.position.id not in by_mention:
            person.mentions.append(role.position)
            by_mention[role.position.id] = person


def _share_kb_ids(mentions: list[Mention]) -> list[Mention]:
    """ "Сенат РК" is the knowledge base's Senate when "Сенат" inside it is."""
    organizations = SpanIndex([m for m in mentions if m.type is MentionType.ORGANIZATION])
    shared = []
    for mention in mentions:
        if mention.type is MentionType.ORGANIZATION and mention.kb_id is None:
            inner = next(
                (
                    o
                    for o in organizations.starting_in(mention.start, mention.start + 1)
                    if o.kb_id and o.end < mention.end
                ),
                None,
            )
            if inner is not None:
                mention = mention.model_copy(
                    update={
                        "kb_id": inner.kb_id,
                        "latin": inner.latin,
                        "country": mention.country or inner.country,
                    }
                )
        shared.append(mention)
    return shared


def _group(mentions: list[Mention]) -> list[_Draft]:
    drafts: dict[tuple[ActorKind, str], _Draft] = {}
    outer_orgs: list[tuple[Mention, _Draft]] = []
    persons: list[_Draft] = []
    names = _PersonNames()
    for mention in mentions:
        kind = _ACTOR_KINDS.get(mention.type)
        if kind is None or mention.form is MentionForm.DESCRIPTOR:
            continue
        if kind is ActorKind.PERSON:
            draft = _person_draft(mention, persons, names)
            names.add(draft, mention)
        elif kind is ActorKind.ORGANIZATION and (inner := _inside_org(mention, outer_orgs)):
            draft = inner  # "Великим Государственным Хуралом" inside "... Хуралом Монголии"
        else:
            key = _actor_key(mention, kind)
            draft = drafts.setdefault((kind, key), _Draft(kind, key))
        draft.mentions.append(mention)
        if kind is ActorKind.ORGANIZATION:
            outer_orgs.append((mention, draft))
        if mention.country and draft.country is None:
            draft.country = mention.country
            draft.basis = CountryBasis.KNOWLEDGE if mention.kb_id else CountryBasis.TEXT
        draft.kb_id = draft.kb_id or mention.kb_id
        if draft.kind is not ActorKind.PERSON and mention.latin and draft.name_latin is None:
            draft.name_latin = mention.latin
    return [*drafts.values(), *persons]


def _actor_key(mention: Mention, kind: ActorKind) -> str:
    if kind is ActorKind.COUNTRY and mention.country:
        return mention.country
    return mention.kb_id or lemma_key(mention.normal)


def _inside_org(mention: Mention, orgs: list[tuple[Mention, _Draft]]) -> _Draft | None:
    for outer, draft in orgs:  # few: one per organisation named so far
        if outer.start == mention.start and mention.end <= outer.end:
            return draft
    return None


class _PersonNames:
    """The lemma of every word of each person draft's mentions, their given names as written,
    and the drafts having each word, kept as mentions join: a name is looked up, not compared
    with every person's."""

    def __init__(self) -> None:
        self.of: dict[int, set[str]] = {}
        self.given: dict[int, list[str]] = {}  # draft -> given names as its mentions write them
        self.having: dict[str, list[int]] = {}  # word -> creation numbers of drafts, ascending
        self.number: dict[int, int] = {}
        self.drafts: list[_Draft] = []

    def add(self, draft: _Draft, mention: Mention) -> None:
        if id(draft) not in self.number:
            self.number[id(draft)] = len(self.drafts)
            self.drafts.append(draft)
        names = self.of.setdefault(id(draft), set())
        words = _name_words(mention.normal)
        if len(words) > 1:
            self.given.setdefault(id(draft), []).append(words[0].lower())
        for word in words:
            key = lemma_key(word)
            if key not in names:
                names.add(key)
                insort(self.having.setdefault(key, []), self.number[id(draft)])

    def with_word(self, word: str) -> list[tuple[_Draft, set[str], list[str]]]:
        """The drafts one of whose names has `word`, first created first, with their name
        lemmas and given names."""
        return [
            (self.drafts[n], self.of[id(self.drafts[n])], self.given.get(id(self.drafts[n]), []))
            for n in self.having.get(word, ())
        ]


def _person_draft(
    mention: Mention, persons: list[_Draft], known: _PersonNames | None = None
) -> _Draft:
    words = _name_words(mention.normal)
    surname = lemma_key(words[-1]) if words else mention.normal.lower()
    # given names compared as written: a dictionary lemma of a foreign given name is a guess
    # («Маулен» -> «маульный»)
    first = words[0].lower() if len(words) > 1 else None
    if known is None:
        known = _PersonNames()
        for draft in persons:
            for named in draft.mentions:
                known.add(draft, named)
    for draft, names, given in known.with_word(surname):
        if (
            first is None
            or first in names
            or len(names) == 1
            or any(_same_given_name(first, g) for g in given)
        ):
            return draft
    draft = _Draft(ActorKind.PERSON, surname)
    persons.append(draft)
    return draft


def _name_words(name: str) -> list[str]:
    """The words of a name, a hyphenated given name («Касым-Жомарт») kept whole."""
    return [w for w in name.split() if w[:1].isalpha()]


def _same_given_name(a: str, b: str) -> bool:
    """One given name in two forms: the same word, an initial («С.») and the name it abbreviates,
    or two case forms of it, which in Russian differ only in an ending of at most two letters
    («Маулен», «Маулена», «Мауленом») after a shared stem."""
    if a == b:
        return True
    if _is_initial(a) or _is_initial(b):
        return a[0] == b[0]
    shared = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return shared >= 3 and len(a) - shared <= 2 and len(b) - shared <= 2


def _is_initial(word: str) -> bool:
    return len(word.replace(".", "").strip()) == 1


def _occupations(
    annotation: Annotation,
    roles: list[RoleFact],
    mentions: list[Mention],
    home: str | None,
    lexicons: Lexicons,
) -> list[Occupation]:
    occupations = []
    subject_country = _dominant_country(mentions, home)
    by_id: dict[str, Mention] = {}
    for mention in mentions:
        by_id.setdefault(mention.id, mention)
    for index, role in enumerate(roles):
        organization = role.organization
        country = role.place.country if role.place else None
        basis = CountryBasis.TEXT if country else None
        if organization is not None and country is None:
            linked = by_id[organization.id]
            country = linked.country
            basis = CountryBasis.KNOWLEDGE if linked.kb_id else CountryBasis.TEXT
        if country is None and _says_home_country(annotation, role.position):
            country, basis = home, CountryBasis.INFERRED
        if country is None and organization is None and _is_state_title(lexicons, role.title):
            country, basis = subject_country, CountryBasis.INFERRED
        occupations.append(
            Occupation(
                id=f"o{index}",
                person=role.person.id,  # mention ids until actors exist
                person_mention=role.person.id,
                position=role.title,
                position_en=role.title_en,
                title=Span(start=role.position.start, end=role.position.end),
                organization=organization.id if organization else None,
                place=role.place.id
                if role.place and role.place.type is not MentionType.COUNTRY
                else None,
                country=country,
                country_basis=basis if country else None,
                evidence=Span(start=role.evidence[0], end=role.evidence[1]),
                extractor=RESOLVER,
            )
        )
    return occupations


_HOME_WORDS = frozenset(_WORDS["home_words"])
# Titles that belong to a state: with no country beside them, the text means its own subject.
_STATE_CATEGORIES = {"head_of_state", "head_of_government", "government", "parliament"}


def _is_state_title(lexicons: Lexicons, title: str) -> bool:
    position = lexicons.knowledge.position(title)
    return position is not None and position.category in _STATE_CATEGORIES


def _dominant_country(mentions: list[Mention], home: str | None) -> str | None:
    """The country the document is about: the most mentioned one, the publisher's on a tie."""
    counts = _country_counts(mentions)
    if not counts:
        return home
    best = max(counts.values())
    leaders = [c for c, n in counts.items() if n == best]
    return home if home in leaders else leaders[0]


def _says_home_country(annotation: Annotation, position: Mention) -> bool:
    """ "Президента страны", "Главы государства": the country is the publisher's own."""
    inside = annotation.tokens_over(position.start, position.end)[1:]
    after = annotation.tokens_in(position.end, len(annotation.text))[:1]
    return any(t.lemma in _HOME_WORDS and t.case == "Gen" for t in inside + after)


def _titles_as_names(
    annotation: Annotation,
    mentions: list[Mention],
    roles: list[RoleFact],
    lexicons: Lexicons,
    by_mention: dict[str, _Draft],
    occupations: list[Occupation],
    home: str | None,
) -> list[Occupation]:
    """ "…, – сказал Спикер Сената": a title in subject position, held by nobody named beside
    it, refers to the last person before it whose known positions do not contradict it."""
    used = SpanIndex([r.position for r in roles])
    found: list[Occupation] = []
    for position in [m for m in mentions if m.type is MentionType.POSITION]:
        inside_used = bool(used.covering(position.start, position.end))
        if inside_used or not _is_subject(annotation, position):
            continue
        organization = _organization_in(mentions, position)
        if organization is None:
            # a bare "премьер" stands for the last person named with that same title before
            _refer_back(position, mentions, by_mention, occupations + found)
            continue
        # «Глава МИД Казахстана»: a generic head title names the body's own title (the
        # knowledge base's «Министр иностранных дел»), which a person may hold with no body named
        holds_it = _holds_title(lexicons, position.text)
        holder = _last_compatible_person(
            mentions, position, organization, by_mention, occupations + found, holds_it
        )
        if holder is None:
            continue
        holder.mentions.append(position)
        sentence = annotation.sentences[position.sentence or 0]
        title, title_en = title_of(mentions, position)
        country = organization.country or by_mention[organization.id].country
        basis = CountryBasis.KNOWLEDGE if country else CountryBasis.INFERRED
        country = country or home
        found.append(
            Occupation(
                id=f"o{len(occupations) + len(found)}",
                person=holder.mentions[0].id,
                position=title,
                position_en=title_en,
                title=Span(start=position.start, end=position.end),
                organization=organization.id,
                country=country,
                country_basis=basis,
                evidence=Span(start=sentence.start, end=sentence.end),
                extractor=RESOLVER,
            )
        )
    return found


def _refer_back(
    position: Mention,
    mentions: list[Mention],
    by_mention: dict[str, _Draft],
    occupations: list[Occupation],
) -> None:
    """ "Премьер Маттео Ренци ... Премьер заявил": the title, used as a name, is one more
    mention of the person who was given it earlier (no new fact: nothing more is stated)."""
    if position.id in by_mention:
        return
    head = _head_lemma(position.normal)
    # the persons given a title of that head word: one pass, not one per person before
    titled = {
        id(draft)
        for o in occupations
        if (draft := by_mention.get(o.person)) is not None and _head_lemma(o.position) == head
    }
    if not titled:
        return  # nobody holds that title: no person before can be the one
    for person in reversed([m for m in mentions if m.type is MentionType.PERSON]):
        if person.end > position.start:
            continue
        draft = by_mention.get(person.id)
        if draft is not None and id(draft) in titled:
            draft.mentions.append(position)
            by_mention[position.id] = draft
            return


@lru_cache(maxsize=4096)
def _head_lemma(title: str) -> str:
    """The lemma of a title's first word ("премьер" of "премьер-министра Италии")."""
    return lemma_key(title.split(" ")[0])


_PROTAGONIST_MIN_NAMES = 3
# Titles that, alone, name somebody else than the person the text is about ("его адвокат",
# "представитель", "сотрудник"), no occupation ("кандидат", "член", "чемпион"), or a common
# word as well ("премьера" of a film): none of them ever stood for that person in NEREL train.
_NOT_THE_PROTAGONIST = frozenset(_WORDS["not_the_protagonist"])


def _protagonist_titles(
    annotation: Annotation,
    mentions: list[Mention],
    roles: list[RoleFact],
    by_mention: dict[str, _Draft],
) -> None:
    """ "Панфилов обратился к творчеству Солженицына ещё при жизни самого писателя": a lone
    title in the singular that follows a mention of the person the text is mostly about (named
    three times at least), in the same sentence or the next, stands for that person."""
    persons = [m for m in mentions if m.type is MentionType.PERSON and m.form is MentionForm.NAME]
    counts = Counter(id(by_mention[m.id]) for m in persons if m.id in by_mention)
    if not counts:
        return
    (top, named), *rest = counts.most_common(2)
    if named < _PROTAGONIST_MIN_NAMES or (rest and rest[0][1] == named):
        return
    used = [r.position for r in roles]
    positions = [m for m in mentions if m.type is MentionType.POSITION]
    titles = SpanIndex(positions + used)
    for position in positions:
        if position.id in by_mention or not position.text[:1].islower():
            continue
        if any(o is not position for o in titles.covering(position.start, position.end)):
            continue
        last = max(
            (p for p in persons if p.end <= position.start), key=lambda p: p.start, default=None
        )
        draft = by_mention.get(last.id) if last else None
        if draft is None or id(draft) != top:
            continue
        if (position.sentence or 0) - (last.sentence or 0) > 1:
            continue
        if _lone_title(annotation, position):
            draft.mentions.append(position)
            by_mention[position.id] = draft


def _lone_title(annotation: Annotation, position: Mention) -> bool:
    """A title in the singular that is no modifier ("президентской") nor a place ("в
    министерстве")."""
    for token in annotation.tokens_over(position.start, position.end):
        head = token.head
        if head is None or not position.start <= annotation.tokens[head].start < position.end:
            return (
                token.feats.get("Number") != "Plur"
                and token.rel != "amod"
                and token.case != "Loc"
                and token.lemma not in _NOT_THE_PROTAGONIST
            )
    return False


def _is_subject(annotation: Annotation, mention: Mention) -> bool:
    for token in annotation.tokens_over(mention.start, mention.end):
        head = token.head
        if head is None or not mention.start <= annotation.tokens[head].start < mention.end:
            return token.rel in _SUBJECT_RELS
    return False


def _organization_in(mentions: list[Mention], position: Mention) -> Mention | None:
    return next(
        (
            m
            for m in SpanIndex.of(mentions).within(position.start + 1, position.end)
            if m.type is MentionType.ORGANIZATION
        ),
        None,
    )


def _holds_title(lexicons: Lexicons, title: str) -> Callable[[Occupation], bool]:
    """Whether an occupation is the known title `title` stands for, however it is written."""
    known = lexicons.knowledge.position(title)

    def holds(occupation: Occupation) -> bool:
        held = lexicons.knowledge.position(occupation.position)
        return known is not None and held is not None and held.ru == known.ru

    return holds


def _last_compatible_person(
    mentions: list[Mention],
    position: Mention,
    organization: Mention,
    by_mention: dict[str, _Draft],
    occupations: list[Occupation],
    holds_title: Callable[[Occupation], bool],
) -> _Draft | None:
    org_draft = by_mention.get(organization.id)
    earlier = [m for m in mentions if m.type is MentionType.PERSON and m.end <= position.start]
    # «Заместитель Председателя Сената Динара Кенжебаева приняла ... Кристофа Ланге ...
    # Вице-спикер Сената отметила»: the title goes to whoever was named with a post in that
    # body, before anyone nearer of whom no post is known
    for person in reversed(earlier):
        draft = by_mention[person.id]
        if any(
            by_mention.get(o.person) is draft and by_mention.get(o.organization or "") is org_draft
            for o in occupations
        ):
            return draft
    body_country = organization.country or (org_draft.country if org_draft else None)
    for person in reversed(earlier):
        draft = by_mention[person.id]
        if body_country and draft.country and draft.country != body_country:
            continue  # a foreign guest holds no post in this country's body
        held = [o for o in occupations if by_mention.get(o.person) is draft]
        if all(
            (o.organization and by_mention.get(o.organization) is org_draft)
            or (not o.organization and holds_title(o))
            for o in held
        ):
            return draft
    return None


def _interlocutors(
    annotation: Annotation,
    lexicons: Lexicons,
    mentions: list[Mention],
    drafts: list[_Draft],
    by_mention: dict[str, _Draft],
    home: str | None,
    next_index: int,
) -> list[Mention]:
    """ "Ашимбаев ознакомил собеседника": the other side of the conversation."""
    words = set(lexicons.triggers["interlocutor_words"])
    persons = [d for d in drafts if d.kind is ActorKind.PERSON]
    foreign = _main_foreign_country(mentions, home)
    found = []
    for token in annotation.tokens:
        if token.lemma not in words or token.pos != "NOUN":
            continue
        subject = _sentence_subject(annotation, mentions, token.sentence, by_mention)
        others = [d for d in persons if d is not subject and not _same_country(d, subject)]
        if len(others) != 1 and subject is not None:
            others = [d for d in others if d.country in (None, foreign)]
        if not others:
            continue
        other = others[0] if len(others) == 1 else None
        if other is None:
            continue
        mention = Mention(
            id=f"m{next_index + len(found)}",
            type=MentionType.PERSON,
            start=token.start,
            end=token.end,
            text=token.text,
            normal=token.lemma,
            form=MentionForm.DESCRIPTOR,
            sentence=token.sentence,
            extractor=RESOLVER,
        )
        other.mentions.append(mention)
        if other.country is None and foreign and subject is not None and subject.country == home:
            other.country, other.basis = foreign, CountryBasis.INFERRED
        found.append(mention)
    return found


def _main_foreign_country(mentions: list[Mention], home: str | None) -> str | None:
    counts = _country_counts(mentions)
    counts.pop(home, None)
    return counts.most_common(1)[0][0] if counts else None


def _country_counts(mentions: list[Mention]) -> Counter[str]:
    """How often each country is named (compound adjectives name each of theirs)."""
    return Counter(c for m in mentions if m.type is MentionType.COUNTRY for c in m.countries)


def _sentence_subject(
    annotation: Annotation, mentions: list[Mention], sentence: int, by_mention: dict[str, _Draft]
) -> _Draft | None:
    for mention in mentions:
        is_person = mention.type is MentionType.PERSON
        if is_person and mention.sentence == sentence and _is_subject(annotation, mention):
            return by_mention.get(mention.id)
    return None


def _same_country(a: _Draft, b: _Draft | None) -> bool:
    return b is not None and a.country is not None and a.country == b.country


def _settle_countries(by_mention: dict[str, _Draft], occupations: list[Occupation]) -> None:
    """A person's country is that of the organisation or country of a stated position."""
    for occupation in occupations:
        person = by_mention.get(occupation.person)
        if person is None or person.country is not None:
            continue
        if occupation.country:
            person.country, person.basis = occupation.country, CountryBasis.TEXT


def _actor(draft: _Draft, index: int, lexicons: Lexicons) -> Actor:
    names = [m for m in draft.mentions if m.form is MentionForm.NAME and m.type.value in _NAMED]
    # the fullest name; among equally full ones a form the text itself writes so (a nominative
    # «Хайрул Низам Юсоф» over the normalised accusative «Хайрула Низама Юсофа»), then the longest
    canonical = max(
        names or draft.mentions,
        key=lambda m: (
            len(m.normal.split()),
            not any(_is_initial(w) for w in m.normal.split()),
            m.text == m.normal,
            len(m.normal),
        ),
    )
    name = canonical.normal
    if draft.kb_id:
        name = lexicons.knowledge.organization(draft.kb_id).name_ru
    elif draft.kind is ActorKind.COUNTRY and draft.country:
        name = lexicons.knowledge.country(draft.country).name_ru
    name_latin = draft.name_latin or transliterate(name)
    country, basis = draft.country, draft.basis
    if draft.kind is ActorKind.CITY and country is None:
        # a capital lies in its state: a visit to «Доха» is hosted by Qatar
        capital_of = lexicons.knowledge.country_by_capital(name)
        if capital_of is not None:
            country, basis = capital_of.alpha2, CountryBasis.KNOWLEDGE
    return Actor(
        id=f"a{index}",
        kind=draft.kind,
        name=name,
        name_latin=name_latin,
        country=country,
        country_basis=basis,
        kb_id=draft.kb_id,
        mentions=[m.id for m in sorted(draft.mentions, key=lambda m: m.start)],
    )


_NAMED = {"PERSON", "ORGANIZATION", "COUNTRY", "CITY", "LOCATION"}
