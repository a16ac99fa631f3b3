"""Mentions in the nominative: "Великим Государственным Хуралом" -> "Великий Государственный
Хурал", "Касым-Жомарта Кемелевича Токаева" -> "Касым-Жомарт Кемелевич Токаев".

The phrase's syntactic head goes to the nominative and the words agreeing with it follow;
complements ("Монголии" in "Хуралом Монголии") keep their case, as they should.
"""

from __future__ import annotations

from functools import cache, lru_cache

from communique.knowledge.files import data_file
from communique.lang.ru.words import russian_words
from communique.nlp import Annotation, Morphology, Token
from communique.record import MentionType

_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
_NUMBERS = {"Sing": "sing", "Plur": "plur"}
_NAME_GRAMMEMES = {"Name", "Surn", "Patr"}
_AGREEING_POS = {"ADJ", "DET", "NUM"}


def nominative(annotation: Annotation, first: int, last: int, kind: MentionType) -> str:
    tokens = annotation.tokens[first:last]
    morphology = annotation.morphology
    if kind is MentionType.DATE:
        # "14 мая 2024 года" is the date's own form; only a leading preposition goes
        if len(tokens) > 1 and tokens[0].pos == "ADP":
            tokens = tokens[1:]
        return _join(annotation, tokens, [t.text for t in tokens])
    if kind is MentionType.PERSON:
        subject = _is_subject(annotation, first, last)
        shared = _shared_case(morphology, tokens)
        words = [_inflect_name(morphology, t, subject, shared) for t in tokens]
    else:
        inflect = _agreeing_with_head(annotation, first, last)
        words = [
            _inflect(morphology, t, inflect[t.index]) if t.index in inflect else t.text
            for t in tokens
        ]
    return _join(annotation, tokens, words)


def _is_subject(annotation: Annotation, first: int, last: int) -> bool:
    """The phrase is a clause's subject, or conjoined with one ("Сидоров и Салем Али")."""
    tokens = annotation.tokens
    outside = [t for t in tokens[first:last] if t.head is None or not first <= t.head < last]
    token = outside[0] if outside else tokens[first]
    for _ in range(4):
        if token.rel.startswith("nsubj"):
            return True
        if token.rel != "conj" or token.head is None:
            return False
        token = tokens[token.head]
    return False


def _join(annotation: Annotation, tokens: list[Token], words: list[str]) -> str:
    parts = []
    for i, (token, word) in enumerate(zip(tokens, words, strict=True)):
        if i:
            gap = annotation.text[tokens[i - 1].end : token.start]
            parts.append(" " if gap.isspace() else gap)
        parts.append(word)
    return "".join(parts).replace("\n", " ")


def _agreeing_with_head(annotation: Annotation, first: int, last: int) -> dict[int, Token | None]:
    """Token index -> the head it agrees with (None for the head itself)."""
    tokens = annotation.tokens
    roots = [t for t in tokens[first:last] if t.head is None or not first <= t.head < last]
    nouns = [
        t
        for t in roots
        if t.pos in ("NOUN", "PROPN") or _capitalised_noun(annotation.morphology, t)
    ]
    if not nouns:
        # "Чрезвычайным и Полномочным Послом": the parse may hang the noun on an adjective
        # (or loop); the head is then the first noun in the case the phrase starts with
        case = (roots or [tokens[first]])[0].case
        nouns = [t for t in tokens[first:last] if t.pos in ("NOUN", "PROPN") and t.case == case]
    head = (nouns or roots or [tokens[first]])[0]
    result: dict[int, Token | None] = {head.index: None}
    # the parser may hang an adjective on a far noun; one right before its head agrees with it
    before = head.index - 1
    while before >= first and tokens[before].pos in ("ADJ", "CCONJ", "DET"):
        if tokens[before].pos != "CCONJ":
            result[before] = head
        before -= 1
    stack = [head.index]
    while stack:
        parent = stack.pop()
        for child in annotation.children(parent):
            token = tokens[child]
            if not first <= child < last or child in result:
                continue
            if token.pos in _AGREEING_POS and token.rel.split(":")[0] in ("amod", "det", "conj"):
                result[child] = head
                stack.append(child)
            elif token.rel == "conj" and token.pos == head.pos and token.case == head.case:
                result[child] = None  # "соглашения и меморандумы"
                stack.append(child)
    return result


def _capitalised_noun(morphology: Morphology, token: Token) -> bool:
    """ "Мажилиса" tagged as an adjective: a capitalised word pymorphy knows only as a noun."""
    if not token.text[:1].isupper():
        return False
    kinds = {p.tag.POS for p in morphology.parse(token.text)}
    return "NOUN" in kinds and not kinds & {"ADJF", "PRTF"}


def _inflect(morphology: Morphology, token: Token, head: Token | None) -> str:
    case = token.feats.get("Case")
    if case in (None, "Nom") or not token.text[:1].isalpha():
        return token.text
    grammemes = {"nomn"}
    source = head or token
    number = _NUMBERS.get(source.feats.get("Number", ""), "")
    if number:
        grammemes.add(number)
    if head is not None and number != "plur":
        gender = _GENDERS.get(head.feats.get("Gender", ""))
        if gender:
            grammemes.add(gender)
    dictionary_case = _CASES.get(case, "")
    return _inflect_word(
        morphology, token.text, dictionary_case, token.pos, frozenset(grammemes), False
    )


def _inflect_name(
    morphology: Morphology, token: Token, subject: bool, shared: str | None = None
) -> str:
    """`subject`: the name is the subject of its clause, so nominative whatever its ending.
    `shared`: the case the dictionary reads the name in, which its other words share."""
    if not token.text[:1].isalpha() or subject:
        return token.text
    case = _CASES.get(token.feats.get("Case", ""), "")
    if shared and shared != case and shared in _name_cases(morphology, token.text, singular=True):
        case = shared
    gender = _GENDERS.get(token.feats.get("Gender", ""), "")
    return _name_nominative(morphology, token.text, case, gender)


def _shared_case(morphology: Morphology, tokens: list[Token]) -> str | None:
    """The words of a name agree in case: "Акмалем Рахимовым" is instrumental because the
    dictionary knows "Рахимовым" only as one, whatever the tagger read in the first name
    ("Акмалем" as a nominative). The first word the dictionary knows in one singular case."""
    for token in tokens:
        if not token.text[:1].isalpha() or not morphology.word_is_known(token.text):
            continue
        cases = _name_cases(morphology, token.text, singular=True)
        if len(cases) == 1:
            return next(iter(cases))
    return None


@lru_cache(maxsize=50_000)
def _name_cases(morphology: Morphology, word: str, singular: bool = False) -> frozenset[str]:
    """The cases a name's parses have (only in the singular, if asked)."""
    return frozenset(
        str(p.tag.case)
        for p in morphology.parse(word)
        if _NAME_GRAMMEMES & set(p.tag.grammemes)
        and p.tag.case
        and (not singular or p.tag.number == "sing")
    )


_NAMES = russian_words("names")
_HUSHING: str = _NAMES["hushing"]
_A_DECLENSION: dict[str, str] = _NAMES["a_declension"]
_INSTRUMENTAL = tuple(_NAMES["instrumental"])
_ADJECTIVAL_INSTRUMENTAL = tuple(_NAMES["adjectival_instrumental"])


@lru_cache(maxsize=50_000)
def _name_nominative(morphology: Morphology, word: str, case: str, gender: str) -> str:
    """A personal name in the nominative. A name in the case the tagger read is declined
    back; failing that (pymorphy guesses "Ковачем" as a verb, "Акмалем" as a nominative), the
    masculine instrumental or genitive ending is undone."""
    if "-" in word:
        return "-".join(_name_nominative(morphology, p, case, gender) for p in word.split("-"))
    if word.lower() in _name_particles():
        return word  # «Аль», «бин», «фон» do not decline
    if _declines_like_a_noun_in_a(morphology, word):
        return _restore_shape(word, word[:-1].lower() + _A_DECLENSION["nominative"])
    readings = [p for p in morphology.parse(word) if _NAME_GRAMMEMES & set(p.tag.grammemes)]
    # a person's name is singular: "Саидов" is a surname, not the genitive plural of "Саид"
    names = [p for p in readings if p.tag.number != "plur"]
    if case in ("nomn", ""):
        # the tagger may be wrong; a name pymorphy reads only in an oblique case is declined,
        # an unknown one with an instrumental ending too
        if names and not any(p.tag.case == "nomn" for p in readings):
            case = names[0].tag.case
        elif not names and gender in ("masc", "") and word.lower().endswith(_INSTRUMENTAL):
            return _masculine_name_stem(word, "ablt")
        else:
            return word
    in_case = [p for p in names if p.tag.case == case]
    if gender:
        in_case = [p for p in in_case if p.tag.gender == gender] or in_case
    for parse in in_case:
        inflected = parse.inflect({"nomn", "sing"}) or parse.inflect({"nomn"})
        if inflected is not None:
            return _restore_shape(word, inflected.word)
    if any(p.tag.case == "nomn" for p in names) and morphology.word_is_known(word):
        return word
    return _masculine_name_stem(word, case) if gender in ("masc", "") else word


@cache
def _name_particles() -> frozenset[str]:
    return frozenset(data_file("triggers.json")["name_particles"])


def _declines_like_a_noun_in_a(morphology: Morphology, word: str) -> bool:
    """ "Ямады", "Лейлы": a name the dictionary does not know, in "-ы" after a consonant, is
    the genitive of one in "-а", whatever case the tagger read (pymorphy guesses such a word
    indeclinable). No name in "-ы" is a nominative; one in "-и" may be ("Кэндзи",
    "Судзуки"), so it is left alone."""
    lower = word.lower()
    return (
        len(word) > 3
        and lower[-1] == _A_DECLENSION["genitive"]
        and lower[-2] not in _NAMES["vowels_and_signs"]
        and not morphology.word_is_known(word)
    )


def _masculine_name_stem(word: str, case: str) -> str:
    lower = word.lower()
    if lower.endswith(_ADJECTIVAL_INSTRUMENTAL):
        return word[:-2]  # Рахимовым -> Рахимов
    if lower.endswith(_NAMES["instrumental_o"]) and len(word) > 4:
        return word[:-2]  # Иштваном -> Иштван
    if lower.endswith(_NAMES["instrumental_e"]) and len(word) > 4:
        return word[:-2] + (
            "" if lower[-3] in _HUSHING else _NAMES["soft_sign"]
        )  # Ковачем, Акмалем -> Акмаль
    if (
        case in ("gent", "accs")
        and len(word) > 4
        and lower[-1] == _NAMES["masculine_genitive"]
        and lower[-2] not in _NAMES["vowels_and_soft_sign"]
    ):
        return word[:-1]  # Макрона -> Макрон
    return word


@lru_cache(maxsize=100_000)
def _inflect_word(
    morphology: Morphology, word: str, case: str, pos: str, grammemes: frozenset[str], name: bool
) -> str:
    if "-" in word:
        # "пресс-служба", "вице-премьер": only the last part declines
        stem, _, tail = word.rpartition("-")
        return f"{stem}-{_inflect_word(morphology, tail, case, pos, grammemes, name)}"
    parses = morphology.parse(word)
    if name:
        parses = [p for p in parses if _NAME_GRAMMEMES & set(p.tag.grammemes)] or parses
    elif pos == "ADJ":
        parses = [p for p in parses if p.tag.POS in ("ADJF", "PRTF")] or parses
    elif pos in ("NOUN", "PROPN"):
        parses = [p for p in parses if p.tag.POS == "NOUN"] or parses
    if case:
        parses = [p for p in parses if p.tag.case == case] or parses
    for parse in parses:
        wanted = set(grammemes)
        if parse.tag.POS == "NOUN":
            wanted -= {"masc", "femn", "neut"}  # a noun's gender is its own
        inflected = parse.inflect(wanted) or parse.inflect({"nomn"})
        if inflected is not None:
            return _restore_shape(word, inflected.word)
    return word


def _restore_shape(original: str, word: str) -> str:
    if len(original) > 1 and original.isupper():
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
