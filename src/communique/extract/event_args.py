"""Reading a parsed text for events: which actor a token names, who is speaking, what a
clause covers. One `TextView` a document, built from the annotation and the resolved record."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from communique.extract.event_lexicon import EventLexicon
from communique.lang.ru.words import russian_words
from communique.nlp import Annotation, Token
from communique.record import ActorKind, Mention, MentionType, Record

# The lemma that stands for the noun its clause hangs on («..., которые встречаются»).
_RELATIVE_PRONOUN: str = russian_words("events")["relative_pronoun"]
_ACTOR_PRIORITY = {
    MentionType.PERSON: 0,
    MentionType.ORGANIZATION: 1,
    MentionType.COUNTRY: 2,
    MentionType.CITY: 3,
    MentionType.LOCATION: 4,
    MentionType.POSITION: 5,
}
_PLACES = {MentionType.COUNTRY, MentionType.CITY, MentionType.LOCATION}
_PLACE_KINDS = {ActorKind.COUNTRY, ActorKind.CITY, ActorKind.LOCATION}
_NOT_INTO = frozenset({"acl", "conj", "parataxis", "ccomp", "advcl", "xcomp", "punct", "cc"})
_CLAUSE_STOP = frozenset({"conj", "parataxis"})


@dataclass
class TextView:
    annotation: Annotation
    record: Record
    lexicon: EventLexicon
    covering: dict[int, list[Mention]] = field(default_factory=dict)  # token -> mentions
    speakers: dict[int, str | None] = field(default_factory=dict)  # token -> speaker actor id

    @classmethod
    def build(cls, annotation: Annotation, record: Record, lexicon: EventLexicon) -> TextView:
        view = cls(annotation, record, lexicon)
        view.covering = _covering(annotation, record.mentions)
        view.speakers = _speakers(view)
        return view

    @property
    def tokens(self) -> list[Token]:
        return self.annotation.tokens

    def children(self, index: int, *rels: str) -> list[int]:
        kids = self.annotation.children(index)
        if not rels:
            return kids
        return [k for k in kids if self.tokens[k].rel.split(":")[0] in rels]

    def preposition(self, index: int) -> str | None:
        case = self.children(index, "case")
        return self.tokens[case[0]].lemma if case else None

    def has_child_lemma(self, index: int, lemmas: frozenset[str]) -> int | None:
        return next((k for k in self.children(index) if self.tokens[k].lemma in lemmas), None)

    # --- actors -------------------------------------------------------------------------
    def mention_actor(self, index: int) -> tuple[Mention, str] | None:
        """The best actor-bearing mention covering token `index`."""
        best = [m for m in self.covering.get(index, []) if m.actor and m.type in _ACTOR_PRIORITY]
        if not best:
            return None
        mention = min(best, key=lambda m: (_ACTOR_PRIORITY[m.type], -(m.end - m.start)))
        return mention, mention.actor or ""

    def actors_of(self, index: int) -> list[str]:
        """Actor ids a noun phrase headed at `index` names, its conjuncts included."""
        antecedent = self._relative_antecedent(index)
        if antecedent is not None:
            return self.actors_of(antecedent)
        actors = []
        for head in [index, *self._conjuncts(index)]:
            actor = self._phrase_actor(head)
            if actor:
                actors.append(actor)
        return list(dict.fromkeys(actors))

    def _relative_antecedent(self, index: int) -> int | None:
        """ "Миллер и Озерец, которые встречаются": "которые" stands for the noun its clause
        hangs on."""
        if self.tokens[index].lemma != _RELATIVE_PRONOUN:
            return None
        verb = self.tokens[index].head
        if verb is None or not self.tokens[verb].rel.startswith("acl"):
            return None
        return self.tokens[verb].head

    def _conjuncts(self, index: int) -> list[int]:
        found, stack = [], [index]
        while stack:
            for kid in self.children(stack.pop(), "conj"):
                if self.tokens[kid].pos in ("NOUN", "PROPN", "PRON") and kid not in found:
                    found.append(kid)
                    stack.append(kid)
        return found

    def _phrase_actor(self, head: int) -> str | None:
        token = self.tokens[head]
        pronoun = self.lexicon.first_person.get(token.lemma)
        if pronoun and head in self.speakers:
            return self._first_person(pronoun, self.speakers[head])
        if token.lemma in self.lexicon.third_person:
            return self._antecedent(token.start)
        candidates = []
        for index in self._phrase(head):
            found = self.mention_actor(index)
            if found:
                mention, actor = found
                rank = (index != head, _ACTOR_PRIORITY[mention.type], abs(index - head))
                candidates.append((*rank, actor))
        if not candidates:
            return self._named_title_holder(head)
        best = min(candidates)
        holder = self.record.actor_by_id(best[-1])
        if best[1] > _ACTOR_PRIORITY[MentionType.PERSON] and not (
            holder is not None and holder.kind is ActorKind.PERSON
        ):
            return self._title_holder(head, best[-1]) or best[-1]
        return best[-1]

    def _title_holder(self, head: int, place: str) -> str | None:
        """ "президент Франции" with no name beside it: the person the text gives that title
        for that country or organisation elsewhere."""
        titles = [m for m in self.covering.get(head, []) if m.type is MentionType.POSITION]
        if not titles:
            return None
        word = titles[0].normal.split(" ")[0].lower()
        country = self.country_of(place)
        for occupation in self.record.occupations:
            if occupation.position.lower() != word:
                continue
            if occupation.organization == place or (
                country and occupation.country == country and occupation.organization is None
            ):
                return occupation.person
        return None

    def _named_title_holder(self, head: int) -> str | None:
        """ "пригласил Главу государства" with no name beside it: the one person the text
        gives that very title."""
        titles = [m for m in self.covering.get(head, []) if m.type is MentionType.POSITION]
        if not titles:
            return None
        title = titles[0].normal.lower()
        holders = {
            a.id
            for a in self.record.actors
            if a.kind is ActorKind.PERSON and title in (p.lower() for p in a.positions)
        }
        holders |= {o.person for o in self.record.occupations if o.position.lower() == title}
        return holders.pop() if len(holders) == 1 else None

    def _phrase(self, head: int) -> list[int]:
        """The head and its dependents, not crossing into clauses, conjuncts or "с X"."""
        seen, stack = [head], [head]
        while stack:
            for kid in self.children(stack.pop()):
                rel = self.tokens[kid].rel.split(":")[0]
                if rel in _NOT_INTO or kid in seen or (kid < head and rel in ("nmod", "appos")):
                    continue
                if self.preposition(kid) in self.lexicon.case_with or self._where(kid):
                    continue
                seen.append(kid)
                stack.append(kid)
        return seen

    def _where(self, index: int) -> bool:
        """A place in the locative after «в»/«на» says where the thing is, not who it is:
        «обсудили ситуацию в Афганистане», «посол в Турции» (but «доля в отделении банка X»
        goes on to X)."""
        return (
            self.preposition(index) in self.lexicon.case_in
            and self.tokens[index].case == "Loc"
            and self.place_actor(index) is not None
        )

    def _antecedent(self, before: int) -> str | None:
        """ "Он также выразил...": the person last named before the pronoun."""
        persons = [
            m for m in self.record.mentions
            if m.type is MentionType.PERSON and m.actor and m.end <= before
        ]  # fmt: skip
        return max(persons, key=lambda m: m.start).actor if persons else None

    def _first_person(self, kind: str, speaker: str | None) -> str | None:
        if speaker is None or kind != "organization":
            return speaker
        occupation = next((o for o in self.record.occupations if o.person == speaker), None)
        return (occupation.organization if occupation else None) or speaker

    def is_joint_word(self, index: int) -> bool:
        return self.tokens[index].lemma in self.lexicon.joint_subjects

    def place_actor(self, index: int) -> str | None:
        found = [m for m in self.covering.get(index, []) if m.actor and m.type in _PLACES]
        return found[0].actor if found else None

    def is_organization(self, actor_id: str) -> bool:
        actor = self.record.actor_by_id(actor_id)
        return actor is not None and actor.kind is ActorKind.ORGANIZATION

    def place_kind(self, actor_id: str) -> bool:
        """The actor is a place: a state, a city or another location."""
        actor = self.record.actor_by_id(actor_id)
        return actor is not None and actor.kind in _PLACE_KINDS

    def country_of(self, actor_id: str) -> str | None:
        actor = self.record.actor_by_id(actor_id)
        return actor.country if actor else None

    def sides(self) -> list[str]:
        return bilateral_sides(self.record)

    # --- clauses ------------------------------------------------------------------------
    def clause_head(self, index: int) -> int:
        """The nearest predicate at or above `index`."""
        current, steps = index, 0
        while steps < 8:
            token = self.tokens[current]
            if token.pos in ("VERB", "AUX") or (token.pos == "ADJ" and token.head is None):
                return current
            if token.head is None:
                return current
            current, steps = token.head, steps + 1
        return index

    def clause_span(self, head: int) -> tuple[int, int]:
        indices = self.annotation.subtree(head, _CLAUSE_STOP)
        indices = [i for i in indices if self.tokens[i].rel != "punct" or i == indices[-1]]
        sentence = self.annotation.sentence_of(head)
        start = max(min(self.tokens[i].start for i in indices), sentence.start)
        end = min(max(self.tokens[i].end for i in indices), sentence.end)
        return start, end

    def ancestors(self, index: int, limit: int = 4) -> list[int]:
        found, current = [], self.tokens[index].head
        while current is not None and len(found) < limit and current not in found:
            found.append(current)
            current = self.tokens[current].head
        return found


def _covering(annotation: Annotation, mentions: list[Mention]) -> dict[int, list[Mention]]:
    covering: dict[int, list[Mention]] = {}
    ends = [t.end for t in annotation.tokens]  # tokens are in text order
    for mention in mentions:
        index = bisect_right(ends, mention.start)
        while index < len(ends) and annotation.tokens[index].start < mention.end:
            covering.setdefault(index, []).append(mention)
            index += 1
    return covering


def _speakers(view: TextView) -> dict[int, str | None]:
    """Tokens inside quotes or reported clauses, mapped to the speaker's actor id."""
    speakers: dict[int, str | None] = {}
    for first, last, verb in _quotes(view):
        speaker = _subject_actor(view, verb) if verb is not None else None
        for index in range(first, last):
            speakers[index] = speaker
    for token in view.tokens:
        if token.lemma in view.lexicon.speech_verbs and token.pos == "VERB":
            speaker = _subject_actor(view, token.index)
            for kid in view.children(token.index, "ccomp", "parataxis"):
                for index in view.annotation.subtree(kid):
                    speakers.setdefault(index, speaker)
    return speakers


def _subject_actor(view: TextView, verb: int) -> str | None:
    current: int | None = verb
    for _ in range(3):
        if current is None:
            return None
        subjects = view.children(current, "nsubj")
        if subjects:
            actors = view.actors_of(subjects[0])
            return actors[0] if actors else None
        if view.tokens[current].rel.split(":")[0] not in ("conj", "xcomp"):
            return None
        current = view.tokens[current].head
    return None


def _quotes(view: TextView) -> list[tuple[int, int, int | None]]:
    """(first token, last token exclusive, speech verb) of each outermost «…» with a verb."""
    tokens, found, depth, opened = view.tokens, [], 0, 0
    for token in tokens:
        if token.text == "«":
            if depth == 0:
                opened = token.index
            depth += 1
        elif token.text == "»" and depth:
            depth -= 1
            if depth == 0 and any(t.pos == "VERB" for t in tokens[opened : token.index]):
                found.append((opened, token.index + 1, _speech_verb(view, opened, token.index)))
    return found


def _speech_verb(view: TextView, opened: int, closed: int) -> int | None:
    """ "«…», – сказал X" after the closing quote, or "X заявил: «…»" before the opening one."""
    tokens, speech = view.tokens, view.lexicon.speech_verbs
    after = [t for t in tokens[closed + 1 : closed + 6] if t.sentence == tokens[closed].sentence]
    before = [
        t for t in tokens[max(0, opened - 8) : opened] if t.sentence == tokens[opened].sentence
    ]
    for token in [*after, *reversed(before)]:
        if token.lemma in speech and token.pos == "VERB":
            return token.index
    return None


def bilateral_sides(record: Record) -> list[str]:
    """The two sides of a bilateral text: the two most named persons of different countries,
    else the two most named countries (whatever the language it is read in)."""
    for kind in (ActorKind.PERSON, ActorKind.COUNTRY):
        ranked = sorted(
            (a for a in record.actors if a.kind is kind and a.country),
            key=lambda a: -len(a.mentions),
        )
        chosen: list[str] = []
        countries: set[str] = set()
        for actor in ranked:
            if actor.country not in countries:
                chosen.append(actor.id)
                countries.add(actor.country or "")
        if len(chosen) >= 2:
            return chosen[:2]
    return []
