"""Who holds which position where, as the text states it: "Президента Касым-Жомарта Токаева",
"Сергей Лавров, министр иностранных дел России", "мэра Москвы Юрия Лужкова"."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from communique.extract.spans import SpanIndex
from communique.lang.ru.words import russian_words
from communique.nlp import Annotation, Morphology, Token
from communique.record import Mention, MentionForm, MentionType

_WORDS = russian_words("roles")
_AND: str = _WORDS["conjunction"]  # joins two titles or two names of a list
_PLACE_TYPES = {MentionType.COUNTRY, MentionType.CITY, MentionType.LOCATION}
_SEPARATORS = {",", "—", "–", "-", "("}


@dataclass(frozen=True)
class RoleFact:
    person: Mention
    position: Mention  # the whole title, complements included
    title: str  # the title alone, nominative: "Председатель"
    title_en: str | None
    organization: Mention | None
    place: Mention | None
    evidence: tuple[int, int]


def find_roles(annotation: Annotation, mentions: list[Mention]) -> list[RoleFact]:
    persons = [m for m in mentions if m.type is MentionType.PERSON]
    positions = _outermost(mentions, MentionType.POSITION)
    holders: dict[str, list[Mention]] = {}
    own_places: dict[str, Mention] = {}  # a listed person -> the country said before his name
    for position in positions:
        if _plural(annotation, position):
            # "музыканты Юрий Царёв, Алексей Борисов и Павел Шевелёв": each of them; but
            # "представители Роскосмоса Борис Волынов" gives him no title of his own
            listed = _name_list_after(annotation, position, persons, mentions)
            own_places.update({p.id: c for p, c in listed if c is not None})
            names = [p for p, _ in listed]
            names = names if len(names) > 1 else _predicate_subjects(annotation, position, persons)
            holders[position.id] = names
            continue
        person = _holder(annotation, position, persons, mentions)
        if person is not None and _the_relative(annotation, position, person):
            holders[position.id] = []  # "дочь капитана Ханна": Ханна is no captain
            continue
        holders[position.id] = (
            [person] if person else _predicate_subjects(annotation, position, persons)
        )
    _share_with_coordinated_titles(annotation, positions, holders)
    facts = [
        _fact(annotation, mentions, person, position)
        for position in positions
        for person in holders[position.id]
    ]
    plural = {p.id for p in positions if _plural(annotation, p)}
    return [
        replace(
            f,
            title=_singular(annotation.morphology, f.title) if f.position.id in plural else f.title,
            **(
                {"place": own_places[f.person.id], "organization": None}
                if f.person.id in own_places
                else {}
            ),
        )
        for f in facts
    ]


def _singular(morphology: Morphology, title: str) -> str:
    """ "заместители министров" said of each of them: "заместитель министров"."""
    words = title.split(" ")
    parsed = morphology.parse(words[0].lower())[0].inflect({"sing", "nomn"})
    if parsed is None:
        return title
    words[0] = parsed.word.capitalize() if words[0][:1].isupper() else parsed.word
    if len(words) > 1:  # "заместители министров": each the deputy of one minister
        second = morphology.parse(words[1])[0]
        if {"NOUN", "plur", "gent"} <= second.tag.grammemes:
            single = second.inflect({"sing", "gent"})
            words[1] = single.word if single else words[1]
    return " ".join(words)


def _share_with_coordinated_titles(
    annotation: Annotation, positions: list[Mention], holders: dict[str, list[Mention]]
) -> None:
    """ "Политолог и медиаменеджер Игорь Малашенко", "музыкант, пианист Евгений Кисин": a title
    joined to the next one by "и" or a comma shares its holder."""
    for title, following in zip(reversed(positions[:-1]), reversed(positions[1:]), strict=True):
        gap = annotation.text[title.end : following.start].strip()
        if not holders[title.id] and gap in (",", _AND) and holders[following.id]:
            holders[title.id] = holders[following.id]


# People named by whom they are to somebody: "дочь президента Иванка Трамп" is the daughter.
_RELATIVES = frozenset(_WORDS["relatives"])


def _the_relative(annotation: Annotation, position: Mention, person: Mention) -> bool:
    """The name after a title that is the complement of a kinship word, in another case than
    the title, names the relative: "дочь капитана Ханна", "супруга музыканта Эльжбета", "мать
    пограничника Светлану"; but "сына президента Александра Лукашенко" names the president."""
    if person.start < position.end or not _of_a_relative(annotation, position):
        return False
    title = _head_token(annotation, position)
    name = next(iter(annotation.tokens_over(person.start, person.end)), None)
    if title is None or name is None or title.case is None or name.case is None:
        return False
    # the tagger may give a name the title's case ("Мария" as a genitive): the dictionary knows
    cases = {
        _UD_CASES.get(str(p.tag.case)) for p in annotation.morphology.parse(name.text) if p.is_known
    }
    return title.case != name.case or (bool(cases - {None}) and title.case not in cases)


_UD_CASES = {
    "nomn": "Nom",
    "gent": "Gen",
    "datv": "Dat",
    "accs": "Acc",
    "ablt": "Ins",
    "loct": "Loc",
}


def _of_a_relative(annotation: Annotation, position: Mention) -> bool:
    """The title is the complement of a kinship word ("дочь капитана", "дочь писателя, актера
    и режиссера")."""
    tokens = annotation.tokens
    head = _head_token(annotation, position)
    for _ in range(4):
        if head is None or head.head is None:
            return False
        governor = tokens[head.head]
        if head.rel == "conj":
            head = governor
            continue
        return head.rel == "nmod" and governor.lemma in _RELATIVES
    return False


def _name_list_after(
    annotation: Annotation, position: Mention, persons: list[Mention], mentions: list[Mention]
) -> list[tuple[Mention, Mention | None]]:
    """The names listed right after a title: "Юрий Царёв (проект «Метро»), Алексей Борисов и
    Павел Шевелёв"; each with the country said before it where the title is distributed over
    states ("главами МИД Малайзии X, Египта Y и Омана Z": Y heads Egypt's ministry)."""
    countries = sorted(
        (m for m in mentions if m.type is MentionType.COUNTRY and m.start >= position.end),
        key=lambda m: m.start,
    )
    names: list[tuple[Mention, Mention | None]] = []
    end = position.end
    for person in sorted(persons, key=lambda m: m.start):
        if person.start < end:
            continue
        gap = _ASIDE.sub("", annotation.text[end : person.start])
        country = next((c for c in countries if end <= c.start and c.end <= person.start), None)
        if country is not None:
            before = gap[: country.start - end].strip()
            after = annotation.text[country.end : person.start].strip()
            if before in ("", ",", _AND) and not after:
                names.append((person, country))
                end = person.end
                continue
        if gap.strip() not in ("", ",", _AND):
            break
        names.append((person, None))
        end = person.end
    return names


_ASIDE = re.compile(r"\([^()]*\)")  # "(проект «Метро»)" between two names of a list

_PREDICATE_VERBS = frozenset(_WORDS["predicate_verbs"])
_POST_WORDS = frozenset(_WORDS["post_words"])


def _predicate_subjects(
    annotation: Annotation, position: Mention, persons: list[Mention]
) -> list[Mention]:
    """The persons a title is said of, by the parse:
    * the subject of a predicate title: "Маккаррик был кардиналом", "Тукай — поэт" (and of the
      title it is coordinated with: "был министром здравоохранения, а затем министром ...");
    * the subject of a verb the title completes: "Маккаррик стал кардиналом", "Иванов назначен
      министром", "занимает должность руководителя", "Операторами выступили А и Б";
    * the name a title stands in apposition to: "Ван Цзюнь, бывший председатель корпорации".
    Subjects joined by "и" each hold it."""
    tokens = annotation.tokens
    head = _head_token(annotation, position)
    if head is None:
        return []
    # "министром здравоохранения, а затем министром иностранных дел": the first title's subject
    for _ in range(3):
        if head.rel != "conj" or head.head is None or tokens[head.head].pos != "NOUN":
            break
        if _subject_of(annotation, head.index):
            break
        head = tokens[head.head]
    subject = _subject_of(annotation, head.index)
    if subject is None and head.rel == "appos" and head.head is not None:
        subject = tokens[head.head]
    if subject is None:
        subject = _verb_subject(annotation, head)
    if subject is None:
        return []
    return _persons_at(annotation, subject, persons)


def _head_token(annotation: Annotation, mention: Mention) -> Token | None:
    for token in annotation.tokens_over(mention.start, mention.end):
        head = token.head
        if head is None or not mention.start <= annotation.tokens[head].start < mention.end:
            return token
    return None


def _subject_of(annotation: Annotation, index: int) -> Token | None:
    for child in annotation.children(index):
        if annotation.tokens[child].rel in ("nsubj", "nsubj:pass"):
            return annotation.tokens[child]
    return None


def _verb_subject(annotation: Annotation, head: Token) -> Token | None:
    tokens = annotation.tokens
    for _ in range(3):
        if head.head is None:
            return None
        head = tokens[head.head]
        if head.lemma in _PREDICATE_VERBS:
            subject = _subject_of(annotation, head.index)
            if subject is None and head.rel == "conj" and head.head is not None:
                # "Сидибе учился во Франции и работал консультантом"
                subject = _subject_of(annotation, head.head)
            return subject
        if head.lemma not in _POST_WORDS:
            return None
    return None


def _persons_at(annotation: Annotation, subject: Token, persons: list[Mention]) -> list[Mention]:
    """The person whose name holds the subject token, and those joined to it by "и"."""
    found = [p for p in persons if p.start <= subject.start < p.end]
    if not found:
        return []
    for child in annotation.children(subject.index):
        token = annotation.tokens[child]
        if token.rel == "conj":
            found += [p for p in persons if p.start <= token.start < p.end and p not in found]
    return found


def title_of(mentions: list[Mention], position: Mention) -> tuple[str, str | None]:
    """The title without the organisation or place it belongs to, and its English label."""
    inner = [
        m
        for m in SpanIndex.of(mentions).starting_in(position.start, position.start + 1)
        if m.type is MentionType.POSITION and m.end < position.end and m is not position
    ]
    complement = _complements(mentions, position)
    if complement:
        first = min(c.start for c in complement)
        words = position.normal.split(" ")
        kept = len(position.text[: first - position.start].split())
        label = position.label or (inner[0].label if inner else None)
        return " ".join(words[:kept]) or position.normal, label
    if inner:
        title = min(inner, key=lambda m: m.end)
        return title.normal, position.label or title.label
    return position.normal, position.label


def _fact(
    annotation: Annotation, mentions: list[Mention], person: Mention, position: Mention
) -> RoleFact:
    complements = _complements(mentions, position)
    organization = next((m for m in complements if m.type is MentionType.ORGANIZATION), None)
    place = next((m for m in complements if m.type in _PLACE_TYPES), None)
    place = place or _adjective_before(annotation, mentions, position)
    sentence = annotation.sentences[position.sentence or 0]
    title, title_en = title_of(mentions, position)
    return RoleFact(
        person=person,
        position=position,
        title=title,
        title_en=title_en,
        organization=organization,
        place=place,
        evidence=(sentence.start, sentence.end),
    )


def _plural(annotation: Annotation, position: Mention) -> bool:
    heads = annotation.tokens_over(position.start, position.end)[:1]
    return bool(heads) and heads[0].feats.get("Number") == "Plur"


def _adjective_before(
    annotation: Annotation, mentions: list[Mention], position: Mention
) -> Mention | None:
    """ "российский президент", "израильское правительство": the country is the adjective."""
    # only a mention ending in the blank run before the title can qualify
    blank_from = position.start
    while blank_from > 0 and annotation.text[blank_from - 1].isspace():
        blank_from -= 1
    for mention in SpanIndex.of(mentions).ending_in(blank_from, position.start):
        if mention.form is MentionForm.ADJECTIVE and mention.type in _PLACE_TYPES:
            gap = annotation.text[mention.end : position.start]
            if mention.end <= position.start and not gap.strip():
                return mention
    return None


def _complements(mentions: list[Mention], position: Mention) -> list[Mention]:
    inside = [
        m
        for m in SpanIndex.of(mentions).within(position.start + 1, position.end)
        if m.type in (_PLACE_TYPES | {MentionType.ORGANIZATION})
    ]
    return sorted(inside, key=lambda m: (m.start, -(m.end - m.start)))


def _outermost(mentions: list[Mention], kind: MentionType) -> list[Mention]:
    of_kind = [m for m in mentions if m.type is kind]
    index = SpanIndex(of_kind)
    return [m for m in of_kind if not any(o is not m for o in index.covering(m.start, m.end))]


_QUOTES = {"«", "»", '"', "„", "“", "”"}


def _only_words_between(
    annotation: Annotation, left: Mention, right: Mention, mentions: list[Mention]
) -> bool:
    """Nothing but the title's own words lies between it and the name: "Президента страны
    Касым-Жомарта Токаева", "посол Японии в России Масахару Коно"."""
    between = annotation.tokens_in(left.end, right.start)
    named = SpanIndex.of(mentions).within(left.end, right.start)
    for token in between:
        inside_name = any(m.start <= token.start and token.end <= m.end for m in named)
        plain_word = token.pos in ("NOUN", "ADJ") and not token.text[:1].isupper()
        linking = token.pos in ("ADP", "CCONJ") or token.text in _QUOTES
        if not (inside_name or plain_word or linking):
            return False
    return len(between) <= 6


def _holder(
    annotation: Annotation, position: Mention, persons: list[Mention], mentions: list[Mention]
) -> Mention | None:
    text = annotation.text
    for person in persons:
        if person.sentence != position.sentence:
            continue
        # "Президента страны Касым-Жомарта Токаева": the name right after the title
        if person.start >= position.end and _only_words_between(
            annotation, position, person, mentions
        ):
            return person
    for person in persons:
        if person.sentence != position.sentence:
            continue
        # "Бывший спикер палаты представителей, Нэнси Пелоси, которая..."
        if (
            person.start >= position.end
            and annotation.text[position.end : person.start].strip() == ","
        ):
            after = annotation.text[person.end : person.end + 2].strip()[:1]
            if after in (",", "—", "–", "(") or not after:
                return person
    for person in persons:
        if person.sentence != position.sentence:
            continue
        # "Сергей Лавров, министр иностранных дел России" / "Лавров (министр ...)"
        between = text[person.end : position.start].strip()
        if person.end <= position.start and between in _SEPARATORS:
            return person
    return None
