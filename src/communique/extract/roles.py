"""Who holds which position where, as the text states it: "Президента Касым-Жомарта Токаева",
"Сергей Лавров, министр иностранных дел России", "мэра Москвы Юрия Лужкова"."""

from __future__ import annotations

from dataclasses import dataclass

from communique.nlp import Annotation
from communique.record import Mention, MentionForm, MentionType

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
    for position in positions:
        if _plural(annotation, position):
            # "музыканты Юрий Царёв, Алексей Борисов и Павел Шевелёв": each of them; but
            # "представители Роскосмоса Борис Волынов" gives him no title of his own
            names = _name_list_after(annotation, position, persons)
            holders[position.id] = names if len(names) > 1 else []
            continue
        person = _holder(annotation, position, persons, mentions) or _predicate_subject(
            annotation, position, persons
        )
        holders[position.id] = [person] if person else []
    _share_with_coordinated_titles(annotation, positions, holders)
    return [
        _fact(annotation, mentions, person, position)
        for position in positions
        for person in holders[position.id]
    ]


def _share_with_coordinated_titles(
    annotation: Annotation, positions: list[Mention], holders: dict[str, list[Mention]]
) -> None:
    """ "Политолог и медиаменеджер Игорь Малашенко", "музыкант, пианист Евгений Кисин": a title
    joined to the next one by "и" or a comma shares its holder."""
    for title, following in zip(reversed(positions[:-1]), reversed(positions[1:]), strict=True):
        gap = annotation.text[title.end : following.start].strip()
        if not holders[title.id] and gap in (",", "и") and holders[following.id]:
            holders[title.id] = holders[following.id]


def _name_list_after(
    annotation: Annotation, position: Mention, persons: list[Mention]
) -> list[Mention]:
    """The names listed right after a title: "Юрий Царёв, Алексей Борисов и Павел Шевелёв"."""
    names: list[Mention] = []
    end = position.end
    for person in sorted(persons, key=lambda m: m.start):
        if person.start < end:
            continue
        if annotation.text[end : person.start].strip() not in ("", ",", "и"):
            break
        names.append(person)
        end = person.end
    return names


_PREDICATE_VERBS = {"стать", "являться", "назначить", "избрать", "работать", "служить", "занимать"}
_POST_WORDS = {"должность", "пост"}


def _predicate_subject(
    annotation: Annotation, position: Mention, persons: list[Mention]
) -> Mention | None:
    """ "Маккаррик стал кардиналом", "Иванов назначен министром", "занимает должность
    руководителя": the title is the predicate of the person who is the subject."""
    tokens = annotation.tokens
    head = next(iter(annotation.tokens_in(position.start, position.end)), None)
    for _ in range(3):
        if head is None or head.head is None:
            return None
        head = tokens[head.head]
        if head.lemma in _PREDICATE_VERBS:
            break
        if head.lemma not in _POST_WORDS:
            return None
    else:
        return None
    for child in annotation.children(head.index):
        if tokens[child].rel.startswith("nsubj"):
            subject = tokens[child]
            return next((p for p in persons if p.start <= subject.start < p.end), None)
    return None


def title_of(mentions: list[Mention], position: Mention) -> tuple[str, str | None]:
    """The title without the organisation or place it belongs to, and its English label."""
    inner = [
        m
        for m in mentions
        if m.type is MentionType.POSITION
        and m.start == position.start
        and m.end < position.end
        and m is not position
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
    heads = annotation.tokens_in(position.start, position.end)[:1]
    return bool(heads) and heads[0].feats.get("Number") == "Plur"


def _adjective_before(
    annotation: Annotation, mentions: list[Mention], position: Mention
) -> Mention | None:
    """ "российский президент", "израильское правительство": the country is the adjective."""
    for mention in mentions:
        if mention.form is MentionForm.ADJECTIVE and mention.type in _PLACE_TYPES:
            gap = annotation.text[mention.end : position.start]
            if mention.end <= position.start and not gap.strip():
                return mention
    return None


def _complements(mentions: list[Mention], position: Mention) -> list[Mention]:
    inside = [
        m
        for m in mentions
        if position.start < m.start
        and m.end <= position.end
        and m.type in (_PLACE_TYPES | {MentionType.ORGANIZATION})
    ]
    return sorted(inside, key=lambda m: (m.start, -(m.end - m.start)))


def _outermost(mentions: list[Mention], kind: MentionType) -> list[Mention]:
    of_kind = [m for m in mentions if m.type is kind]
    return [
        m
        for m in of_kind
        if not any(o is not m and o.start <= m.start and m.end <= o.end for o in of_kind)
    ]


_QUOTES = {"«", "»", '"', "„", "“", "”"}


def _only_words_between(
    annotation: Annotation, left: Mention, right: Mention, mentions: list[Mention]
) -> bool:
    """Nothing but the title's own words lies between it and the name: "Президента страны
    Касым-Жомарта Токаева", "посол Японии в России Масахару Коно"."""
    between = annotation.tokens_in(left.end, right.start)
    named = [m for m in mentions if left.end <= m.start and m.end <= right.start]
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
