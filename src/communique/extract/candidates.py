"""Candidate mentions from every source: the NER model, dictionaries, syntactic patterns, dates.

Candidates may overlap; `communique.extract.select` decides which become mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from communique.extract.lexicon import Lexicons
from communique.knowledge.sources import outlet_key, sources
from communique.lang.ru.words import russian_words
from communique.nlp import Annotation, Token
from communique.record import MentionForm, MentionType

# How far to trust each source when candidates of the same type collide.
_WORDS = russian_words("candidates")
_TOPIC_PREPOSITION: str = _WORDS["topic_preposition"]
PRIORITY = {"person": 4.5, "kb": 4.0, "ner": 3.0, "pattern": 2.5, "gazetteer": 2.0, "regex": 2.0}


@dataclass(frozen=True)
class Candidate:
    type: MentionType
    first: int  # token index
    last: int  # exclusive
    source: str
    priority: float
    countries: tuple[str, ...] = ()
    kb_id: str | None = None
    label: str | None = None  # English title, agreement/event kind...
    derived_from: tuple[int, int] | None = field(default=None, compare=False)
    form: MentionForm = MentionForm.NAME
    standalone: bool = True  # a title that names a position alone ("президент", not "член")
    chars: tuple[int, int] | None = None  # part of a token: "российско" in "российско-японский"

    @property
    def length(self) -> int:
        return self.last - self.first


def generate(annotation: Annotation, lexicons: Lexicons) -> list[Candidate]:
    candidates = [
        *ner_candidates(annotation, lexicons),
        *dictionary_candidates(annotation, lexicons),
        *adjective_candidates(annotation, lexicons),
        *head_phrase_candidates(annotation, lexicons),
        *date_candidates(annotation),
        *outlet_candidates(annotation),
    ]
    candidates += list(named_organization_candidates(annotation, lexicons))
    candidates += list(described_organizations(annotation, lexicons, candidates))
    candidates += list(complement_extensions(annotation, candidates))
    grown = list(syntactic_extensions(annotation, candidates))
    # "Министр связи и коммуникаций" + "РФ": a complement may follow a grown title
    candidates += grown + list(complement_extensions(annotation, candidates + grown, grown))
    return candidates


# --- outlets -----------------------------------------------------------------------------------
_OUTLET_WORDS = 3


def outlet_candidates(annotation: Annotation) -> Iterator[Candidate]:
    """A known outlet's name, capitalised as a name is («КАЗИНФОРМ», «БелТА», «РИА Новости»),
    is an organisation: in a dateline the parser reads it as no name at all."""
    names = sources().by_name
    tokens = annotation.tokens
    for first, token in enumerate(tokens):
        if not token.text[:1].isupper():
            continue
        for last in range(min(len(tokens), first + _OUTLET_WORDS), first, -1):
            words = tokens[first:last]
            if any(t.sentence != token.sentence for t in words):
                continue
            text = annotation.text[words[0].start : words[-1].end]
            if outlet_key(text) in names:
                yield Candidate(MentionType.ORGANIZATION, first, last, "kb", PRIORITY["kb"])
                break


# --- NER -------------------------------------------------------------------------------------


def ner_candidates(annotation: Annotation, lexicons: Lexicons) -> Iterator[Candidate]:
    tokens = annotation.tokens
    for span in annotation.ner:
        words = tokens[span.first_token : span.last_token]
        key = " ".join(t.lemma for t in words)
        if span.type == "PER":
            person = _person_extent(annotation, span.first_token, span.last_token, lexicons)
            if person is not None:
                yield Candidate(MentionType.PERSON, *person, "ner", PRIORITY["person"])
            continue
        if lexicons.is_title_word(words[0].lemma) and not any(
            t.text[:1].isupper() for t in words[1:]
        ):
            continue  # "Глав двух государств" is no organisation, whatever its capital letter
        country = lexicons.country_by_key(key)
        if country is not None:
            yield Candidate(
                MentionType.COUNTRY, span.first_token, span.last_token, "kb", 4.0, (country,)
            )
            continue
        if key in lexicons.common_nouns:
            continue  # "СМИ" is the media at large, not an organisation's name
        if span.type == "ORG":
            first = span.first_token
            while first < span.last_token - 1 and lexicons.is_title_word(tokens[first].lemma):
                first += 1  # "Замглавы Федеральной миграционной службы" is a title + an org
            if first > span.first_token:
                yield Candidate(MentionType.ORGANIZATION, first, span.last_token, "ner", 3.0)
                continue
            kind = MentionType.ORGANIZATION
            if lexicons.event_kind(words[0].lemma) is not None:
                kind = MentionType.EVENT
            yield Candidate(kind, span.first_token, span.last_token, "ner", 3.0)
        else:
            yield Candidate(
                _location_type(key, words, lexicons), span.first_token, span.last_token, "ner", 3.0
            )


_NAME_BREAKS = ("\n", "(", "•", "|")


def _person_extent(
    annotation: Annotation, first: int, last: int, lexicons: Lexicons
) -> tuple[int, int] | None:
    """The name alone: a span cut at a line break or bracket ("Джошуа Вольфа (Joshua Wolf"),
    without a title the model swept in ("Император Акихито", "Принц Филипп")."""
    tokens = annotation.tokens
    for index in range(first + 1, last):
        gap = annotation.text[tokens[index - 1].end : tokens[index].start]
        if any(b in gap for b in _NAME_BREAKS) or tokens[index].text in _NAME_BREAKS:
            last = index
            break
    while first < last - 1 and (
        lexicons.is_title_word(tokens[first].lemma) or _names_a_body([tokens[first]], lexicons)
    ):
        first += 1  # "Мажилис Асель Нурпеисова": the body she sits in, swept into the name
    while last > first and not tokens[last - 1].text[:1].isalnum():
        last -= 1
    if all(t.pos == "ADJ" for t in tokens[first:last]):
        return None  # "Казахстанско-монгольское" opening a sentence is no person
    if last - first == 1 and lexicons.is_title_word(tokens[first].lemma):
        return None  # a lone title ("Кардинал", "Эмир") is no name
    if _names_a_body(tokens[first:last], lexicons):
        return None  # a body ("Мажилиса", "Акорда", "Олий Мажлиса") is no person
    return (first, last) if last > first else None


def _names_a_body(words: list[Token], lexicons: Lexicons) -> bool:
    """Words the knowledge base knows as an organisation's name by themselves. (Not a
    country's: a lemma guessed for a foreign given name can be one, «Доминик» -> Dominica.)"""
    entry = lexicons.kb_matcher.get(" ".join(t.lemma for t in words))
    return entry is not None and entry.type is MentionType.ORGANIZATION


def _location_type(key: str, words: list[Token], lexicons: Lexicons) -> MentionType:
    known = lexicons.gazetteer_type(key)
    if known in (MentionType.CITY, MentionType.LOCATION, MentionType.COUNTRY):
        return known
    if lexicons.is_capital(key):
        return MentionType.CITY
    return MentionType.CITY if len(words) == 1 else MentionType.LOCATION


# --- dictionaries ----------------------------------------------------------------------------


# Words that date a title rather than name it: "Бывший президент США" holds "президент США".
_TIME_QUALIFIERS = frozenset(_WORDS["time_qualifiers"])


def dictionary_candidates(annotation: Annotation, lexicons: Lexicons) -> Iterator[Candidate]:
    for candidate in _dictionary_matches(annotation, lexicons):
        tokens = annotation.tokens
        first = candidate.first
        while first < candidate.last - 1 and tokens[first].lemma in _TIME_QUALIFIERS:
            first += 1
        if candidate.type is MentionType.POSITION and first > candidate.first:
            candidate = replace(candidate, first=first)
        yield candidate


def _dictionary_matches(annotation: Annotation, lexicons: Lexicons) -> Iterator[Candidate]:
    tokens = annotation.tokens
    for sentence in annotation.sentences:
        for match in lexicons.kb_matcher.find(tokens, sentence.first_token, sentence.last_token):
            entry = match.entry
            if not _plausible_name(tokens[match.first : match.last], entry.type):
                continue
            # "главой МИД": the organisation inside a compound title may have its own
            # complement ("МИД Японии"), which must win over the title's edge
            priority = PRIORITY["kb"] - (0.2 if entry.holds_organization else 0.0)
            yield Candidate(
                entry.type,
                match.first,
                match.last,
                "kb",
                priority,
                entry.countries,
                entry.kb_id,
                entry.label,
                form=_form(tokens[match.last - 1], entry.type),
                standalone=entry.standalone,
            )
        for match in lexicons.gazetteer.find(tokens, sentence.first_token, sentence.last_token):
            entry = match.entry
            if not _plausible_name(tokens[match.first : match.last], entry.type):
                continue
            yield Candidate(
                entry.type,
                match.first,
                match.last,
                "gazetteer",
                PRIORITY["gazetteer"] + entry.precision - 1.0,
                form=_form(tokens[match.last - 1], entry.type),
            )


def _form(last: Token, kind: MentionType) -> MentionForm:
    """ "Российской Федерации" is a name; "российской" alone is an adjective naming a country."""
    if kind in _CAPITALISED_TYPES and last.pos == "ADJ":
        return MentionForm.ADJECTIVE
    return MentionForm.NAME


def adjective_candidates(annotation: Annotation, lexicons: Lexicons) -> Iterator[Candidate]:
    """ "российских" -> RU; "казахстанско-монгольское" -> "казахстанско" KZ + "монгольское" MN."""
    knowledge = lexicons.knowledge
    for token in annotation.tokens:
        if token.pos != "ADJ" or not token.text[:1].isalpha():
            continue
        countries = knowledge.countries_in_adjective(token.text)
        if not countries:
            continue
        parts = token.text.split("-")
        if len(parts) == len(countries):
            spans, offset = [], token.start
            for part in parts:
                spans.append((offset, offset + len(part)))
                offset += len(part) + 1
            named = [((c.alpha2,), span) for c, span in zip(countries, spans, strict=True)]
        else:
            named = [(tuple(c.alpha2 for c in countries), None)]
        for codes, chars in named:
            yield Candidate(
                MentionType.COUNTRY,
                token.index,
                token.index + 1,
                "kb",
                PRIORITY["kb"],
                codes,
                form=MentionForm.ADJECTIVE,
                chars=chars,
            )


_CAPITALISED_TYPES = {MentionType.COUNTRY, MentionType.CITY, MentionType.LOCATION}


def _plausible_name(words: list[Token], kind: MentionType) -> bool:
    """Geographic names are capitalised: "мир" the world is no "Мир"; "Китай" yes, "китай" no."""
    if kind in _CAPITALISED_TYPES:
        return words[0].text[:1].isupper()
    return not all(t.pos in ("PUNCT", "ADP", "CCONJ") for t in words)


# --- heads with their phrase: agreements, laws, named events ---------------------------------

_LEFT_RELS = {"amod", "nummod", "det"}
_RIGHT_RELS = {"nmod", "flat", "flat:name", "flat:foreign", "appos", "nummod"}
_SKIP_LEFT = frozenset({"punct"})
_SKIP_RIGHT = frozenset({"punct", "acl", "parataxis", "advcl", "conj"})


def head_phrase_candidates(annotation: Annotation, lexicons: Lexicons) -> Iterator[Candidate]:
    for token in annotation.tokens:
        if token.pos not in ("NOUN", "PROPN"):
            continue
        found = lexicons.head_kind(token.lemma)
        if found is None:
            continue
        kind, label, needs_modifier = found
        first, last, modified = phrase_extent(annotation, token.index, lexicons)
        if kind is MentionType.EVENT and needs_modifier and not _named(annotation, token):
            continue
        if needs_modifier and not modified:
            continue
        yield Candidate(kind, first, last, "pattern", PRIORITY["pattern"], label=label)


def phrase_extent(
    annotation: Annotation, head: int, lexicons: Lexicons | None = None
) -> tuple[int, int, bool]:
    """The head's noun phrase: adjectives before it, genitive or prepositional complements
    after it (with `lexicons`, the nouns joined to a complement too); contiguous, within the
    sentence. Returns (first, last, has_modifiers)."""
    tokens = annotation.tokens
    members = {head}
    for child in annotation.children(head):
        rel = tokens[child].rel
        if child < head and rel in _LEFT_RELS:
            # "межправительственные и межведомственные соглашения": coordinated adjectives stay
            members.update(annotation.subtree(child, _SKIP_LEFT))
        elif child > head and rel in _RIGHT_RELS:
            members.update(annotation.subtree(child, _SKIP_RIGHT))
    if lexicons is not None:
        members.update(_topic_after(annotation, head, members, lexicons))
        members.update(_shared_complements(annotation, head, members, lexicons))
    first = head
    while first - 1 in members or _agreeing_modifier(tokens, first - 1, tokens[head]):
        first -= 1
    last = head + 1
    # a complement's preposition the parser hung elsewhere («Соглашения о партнерстве» with
    # «о» under a later noun) still stands between the head and its complement
    while last in members or (
        last + 1 in members and last < len(tokens) and tokens[last].pos == "ADP"
    ):
        last += 1
    while last - 1 > head and tokens[last - 1].pos in ("PUNCT", "ADP", "CCONJ"):
        last -= 1
    while first < head and tokens[first].pos in ("PUNCT", "ADP", "CCONJ"):
        first += 1
    return first, last, last - first > 1


def _topic_after(
    annotation: Annotation, head: int, members: set[int], lexicons: Lexicons
) -> set[int]:
    """ "реализации Соглашения о партнерстве" parsed with «о партнерстве» under «реализации":
    the «о ...» phrase right after the head is the title's subject all the same."""
    tokens = annotation.tokens
    after = head + 1
    while after in members:
        after += 1
    if after >= len(tokens) or tokens[after].sentence != tokens[head].sentence:
        return set()
    preposition = tokens[after]
    noun = preposition.head
    if preposition.pos != "ADP" or preposition.lemma not in lexicons.title_topics:
        return set()
    if noun is None or noun <= after or noun in members:
        return set()
    return {after, *annotation.subtree(noun, _SKIP_RIGHT)}


def _shared_complements(
    annotation: Annotation, head: int, members: set[int], lexicons: Lexicons
) -> set[int]:
    """ "Соглашение о поощрении и взаимной защите инвестиций": a noun joined by «и» to a
    complement of the head, under the same preposition (or none), belongs to the title; a noun
    joined to the head itself is another document."""
    tokens = annotation.tokens
    found: set[int] = set()
    pending = sorted(members - {head})
    while pending:
        member = pending.pop()
        for kid in annotation.children(member):
            if tokens[kid].rel != "conj" or tokens[kid].pos not in ("NOUN", "PROPN"):
                continue
            if _preposition(annotation, kid) not in (None, _preposition(annotation, member)):
                continue
            if tokens[kid].case != tokens[member].case:
                continue
            if lexicons.head_kind(tokens[kid].lemma) is not None:
                continue  # "... в порту Актау и Меморандум о ...": another document
            joined = set(annotation.subtree(kid, _SKIP_RIGHT)) - found - members
            found |= joined
            pending += sorted(joined)
    return found


def _preposition(annotation: Annotation, index: int) -> str | None:
    case = [k for k in annotation.children(index) if annotation.tokens[k].rel == "case"]
    return annotation.tokens[case[0]].lemma if case else None


def _agreeing_modifier(tokens: list[Token], index: int, head: Token) -> bool:
    """An adjective (or the "и" between two) right before the head and agreeing with it in
    number, whatever the parser attached it to: "межправительственные и межведомственные
    соглашения"."""
    if index < 0 or tokens[index].sentence != head.sentence:
        return False
    token = tokens[index]
    if token.pos == "CCONJ":
        return index > 0 and tokens[index - 1].pos == "ADJ"
    number = head.feats.get("Number")
    return token.pos == "ADJ" and (number is None or token.feats.get("Number") == number)


def _named(annotation: Annotation, head: Token) -> bool:
    """ "Неделя Казахстана", "встреча «Россия – Африка»" are named; "визит Президента" is not."""
    sentence_start = annotation.sentence_of(head.index).first_token
    if head.text[:1].isupper() and head.index != sentence_start:
        return True
    following = annotation.tokens[head.index + 1 : head.index + 2]
    return bool(following) and following[0].text in ("«", '"')


def named_organization_candidates(
    annotation: Annotation, lexicons: Lexicons
) -> Iterator[Candidate]:
    """ "синодального Отдела по взаимоотношениям Церкви и общества": a generic organisation
    word written with a capital inside a sentence names one organisation."""
    heads = lexicons.organization_heads
    for token in annotation.tokens:
        if token.lemma not in heads or token.pos not in ("NOUN", "PROPN"):
            continue
        if (
            not token.text[:1].isupper()
            or token.index == annotation.sentence_of(token.index).first_token
        ):
            continue
        first, last, _ = phrase_extent(annotation, token.index)
        yield Candidate(MentionType.ORGANIZATION, first, last, "pattern", PRIORITY["pattern"])


def described_organizations(
    annotation: Annotation, lexicons: Lexicons, candidates: list[Candidate]
) -> Iterator[Candidate]:
    """ "парламентской группы дружбы «Монголия-Казахстан»", "движения «Солидарность»": an
    organisation word before a quoted name makes one organisation of both."""
    tokens = annotation.tokens
    heads = lexicons.organization_heads
    for candidate in candidates:
        if candidate.type is not MentionType.ORGANIZATION or candidate.first < 2:
            continue
        quote = candidate.first - 1
        if tokens[quote].text not in _OPENING_QUOTES:
            continue
        head = _described_head(tokens, quote, heads)
        if head is None:
            continue
        first, _, _ = phrase_extent(annotation, head)
        last = candidate.last
        if last < len(tokens) and tokens[last].text in _CLOSING_QUOTES:
            last += 1
        yield replace(
            candidate,
            first=min(first, head),
            last=last,
            source="pattern",
            derived_from=(candidate.first, candidate.last),
        )


def _described_head(tokens: list[Token], quote: int, heads: frozenset[str]) -> int | None:
    """The organisation word right before the quote: one word ("движения") or two ("группы
    дружбы", whose head is the first)."""
    one = tokens[quote - 1]
    if one.lemma in heads and one.sentence == tokens[quote].sentence:
        return one.index
    two = tokens[quote - 2] if quote >= 2 else None
    if two is not None and f"{two.lemma} {one.lemma}" in heads:
        return two.index
    return None


# --- complements: "Председатель Сената", "МИД России", "Хурал Монголии" -------------------------

_EXTENDED_TYPES = {MentionType.POSITION, MentionType.ORGANIZATION}
_COMPLEMENT_TYPES = {
    MentionType.ORGANIZATION,
    MentionType.COUNTRY,
    MentionType.CITY,
    MentionType.LOCATION,
}


def complement_extensions(
    annotation: Annotation, candidates: list[Candidate], grow: list[Candidate] | None = None
) -> Iterator[Candidate]:
    """A position or organisation followed by the organisation or place it belongs to, in the
    genitive and governed by it, is one longer mention (and the parts stay as nested ones).
    Only the candidates in `grow` (default: all) are grown."""
    starts: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        if candidate.type in _COMPLEMENT_TYPES:
            starts.setdefault(candidate.first, []).append(candidate)
    tokens = annotation.tokens
    for candidate in candidates if grow is None else grow:
        if candidate.type not in _EXTENDED_TYPES:
            continue
        last = candidate.last
        extended = None
        for _ in range(3):  # "заместитель министра иностранных дел России": chains are short
            quoted = last < len(tokens) and tokens[last].text in _OPENING_QUOTES
            following = [
                c
                for c in starts.get(last + quoted, [])
                if _complement_of(annotation, c, candidate) and not c.chars
            ]
            if not following:
                break
            complement = max(following, key=lambda c: (c.length, c.priority))
            last = complement.last
            if quoted and last < len(tokens) and tokens[last].text in _CLOSING_QUOTES:
                last += 1  # "Полузащитник «Челси»"
            extended = replace(
                candidate,
                last=last,
                source="pattern",
                priority=candidate.priority + 0.05,
                countries=candidate.countries + complement.countries,
                derived_from=(candidate.first, candidate.last),
            )
        if extended is not None:
            yield extended


def syntactic_extensions(
    annotation: Annotation, candidates: list[Candidate]
) -> Iterator[Candidate]:
    """Titles and organisations grown by what the parse hangs on their last word: "глава
    компании", "член совета директоров", "Европейского суда по правам человека"."""
    tokens = annotation.tokens
    for candidate in candidates:
        if candidate.type not in _EXTENDED_TYPES or candidate.chars:
            continue
        head = candidate.last - 1
        last = candidate.last
        for child in annotation.children(head):
            token = tokens[child]
            if child < last or token.rel != "nmod":
                continue
            by_preposition = any(
                tokens[c].lemma == _TOPIC_PREPOSITION for c in annotation.children(child)
            )
            genitive = token.case == "Gen" and not by_preposition
            if not (by_preposition or (genitive and candidate.type is MentionType.POSITION)):
                continue
            subtree = annotation.subtree(child, _SKIP_RIGHT)
            subtree = _with_coordinated_genitives(annotation, child, subtree)
            if subtree[0] != last or subtree[-1] - subtree[0] + 1 != len(subtree):
                break  # not contiguous with the candidate: the parse is not to be trusted here
            last = subtree[-1] + 1
        if last > candidate.last and last - candidate.first <= 12:
            yield replace(
                candidate,
                last=last,
                source="pattern",
                priority=candidate.priority + 0.04,
                derived_from=(candidate.first, candidate.last),
            )


_OPENING_QUOTES = {"«", '"', "„", "“"}
_CLOSING_QUOTES = {"»", '"', "“", "”"}


def _with_coordinated_genitives(annotation: Annotation, head: int, subtree: list[int]) -> list[int]:
    """ "министр связи и коммуникаций": a coordinated genitive noun belongs to the title, unless
    it is another title ("министра культуры и министра спорта")."""
    tokens = annotation.tokens
    extra: list[int] = []
    for child in annotation.children(head):
        token = tokens[child]
        if token.rel == "conj" and token.case == "Gen" and token.pos == "NOUN" and child > head:
            if token.lemma in _TITLE_HEADS:
                continue
            extra.extend(annotation.subtree(child, _SKIP_RIGHT))
    return sorted(set(subtree) | set(extra))


_TITLE_HEADS = frozenset(_WORDS["title_heads"])


def _complement_of(annotation: Annotation, complement: Candidate, governor: Candidate) -> bool:
    """A genitive right after the title ("мэра Москвы"), an indeclinable abbreviation or name
    ("главы МИД РФ", "«Челси»"), or anything the parse attaches to the title."""
    first = annotation.tokens[complement.first]
    if first.case == "Gen" or first.text.isupper() or first.case is None:
        return True
    for index in range(complement.first, complement.last):
        head = annotation.tokens[index].head
        if head is not None and governor.first <= head < governor.last:
            return True
    return False


# --- dates -----------------------------------------------------------------------------------

_DATE_WORDS = _WORDS["date"]
_MONTHS = _DATE_WORDS["months"]
_YEAR_WORD = _DATE_WORDS["year_word"]
_YEAR = rf"(?:19|20)\d\d(?:\s*{_YEAR_WORD})?"
_DATE_RE = re.compile(
    rf"(?<!\w)(?:{_DATE_WORDS['prepositions']}\s+)?(?:"
    rf"\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+{_MONTHS}(?:\s+{_YEAR})?"
    rf"|{_MONTHS}\s+{_YEAR}"
    rf"|{_DATE_WORDS['periods']}\s+{_YEAR}"
    rf"|(?:19|20)\d\d\s*{_YEAR_WORD}"
    rf"|\d{{1,2}}\.\d{{1,2}}\.(?:19|20)?\d\d"
    rf"|{_DATE_WORDS['weekdays']}"
    rf")(?!\w)|(?<!\w){_DATE_WORDS['relative_days']}(?!\w)"
)


def date_candidates(annotation: Annotation) -> Iterator[Candidate]:
    starts = {t.start: t.index for t in annotation.tokens}
    ends = {t.end: t.index + 1 for t in annotation.tokens}
    for match in _DATE_RE.finditer(annotation.text):
        first, last = starts.get(match.start()), ends.get(match.end())
        if first is None or last is None:
            continue
        yield Candidate(MentionType.DATE, first, last, "regex", PRIORITY["regex"])
