"""Mentions in the nominative: "Великим Государственным Хуралом" -> "Великий Государственный
Хурал", "Касым-Жомарта Кемелевича Токаева" -> "Касым-Жомарт Кемелевич Токаев".

The phrase's syntactic head goes to the nominative and the words agreeing with it follow;
complements ("Монголии" in "Хуралом Монголии") keep their case, as they should.
"""

from __future__ import annotations

from functools import lru_cache

from communique.nlp import Annotation, Token
from communique.nlp.morph import analyzer
from communique.record import MentionType

_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
_NUMBERS = {"Sing": "sing", "Plur": "plur"}
_NAME_GRAMMEMES = {"Name", "Surn", "Patr"}
_AGREEING_POS = {"ADJ", "DET", "NUM"}


def nominative(annotation: Annotation, first: int, last: int, kind: MentionType) -> str:
    tokens = annotation.tokens[first:last]
    if kind is MentionType.PERSON:
        words = [_inflect_name(t) for t in tokens]
    else:
        inflect = _agreeing_with_head(annotation, first, last)
        words = [_inflect(t, inflect[t.index]) if t.index in inflect else t.text for t in tokens]
    return _join(annotation, tokens, words)


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
    nouns = [t for t in roots if t.pos in ("NOUN", "PROPN")]
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
            elif token.rel.startswith("flat") or (token.rel == "conj" and token.pos == head.pos):
                result[child] = None  # "Касым-Жомарт Токаев", "соглашения и меморандумы"
                stack.append(child)
    return result


def _inflect(token: Token, head: Token | None) -> str:
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
    return _inflect_word(token.text, _CASES.get(case, ""), token.pos, frozenset(grammemes), False)


def _inflect_name(token: Token) -> str:
    case = token.feats.get("Case")
    if case in (None, "Nom") or not token.text[:1].isalpha():
        return token.text
    grammemes = {"nomn", "sing"}
    gender = _GENDERS.get(token.feats.get("Gender", ""))
    if gender:
        grammemes.add(gender)
    return _inflect_word(token.text, _CASES.get(case, ""), token.pos, frozenset(grammemes), True)


@lru_cache(maxsize=100_000)
def _inflect_word(word: str, case: str, pos: str, grammemes: frozenset[str], name: bool) -> str:
    if "-" in word:
        return "-".join(_inflect_word(p, case, pos, grammemes, name) for p in word.split("-"))
    parses = analyzer().parse(word)
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
