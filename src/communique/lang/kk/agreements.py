"""Kazakh agreements: the document's title, kind, status, parties and signing event.

A Kazakh title ends in its head noun and is written before it, its last word alone taking the
case («Инвестицияларды көтермелеу және өзара қорғау туралы келісімге»): the title is read back
from the head (`data/agreements.json`) to the clause's subject, a name, a punctuation mark or a
place or time in the locative («Сеулде», «айында»). Its status is stated by the verb after it or
a participle before it, and the verb's form says whether it is done: «қол қойды», «қол қойылған
келісім» (signed), «қол қойылмағанын» (negated), «қол қою үшін», «ратификациялаудың маңызы»
(a verbal noun: the act still ahead) are planned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from communique.knowledge.files import read_data
from communique.lang.kk.events import Word, event_words, noun_base, verb_form
from communique.lang.kk.suffixes import base_form, case_analysis, known_case_analysis
from communique.record import (
    ActorKind,
    Agreement,
    AgreementStatus,
    Event,
    Mention,
    MentionType,
    Record,
    Span,
)

AGREEMENTS_FILE = Path(__file__).parent / "data" / "agreements.json"
KAZAKH_AGREEMENTS = "lang.kk.agreements@0.1.0"
_DONE_FORMS = frozenset({"past", "participle", "progressive", "converb"})
_ALWAYS = frozenset({AgreementStatus.IN_FORCE, AgreementStatus.UNDER_NEGOTIATION})
_PLACE_CASES = frozenset({"locative", "ablative"})
_SIGNINGS = frozenset({AgreementStatus.SIGNED, AgreementStatus.RATIFIED})
_RANGE = re.compile(r"^\d+[–-]\d+$")  # «2025–2027 жылдарға арналған бағдарлама»


@dataclass(frozen=True)
class AgreementWords:
    kinds: dict[str, str]
    compound: dict[str, str]
    signed_only: frozenset[str]
    status_stems: tuple[tuple[tuple[str, ...], AgreementStatus], ...]
    status_reach: int
    title_reach: int
    title_stops: frozenset[str]


@cache
def agreement_words(path: Path = AGREEMENTS_FILE) -> AgreementWords:
    data = read_data(path)
    return AgreementWords(
        kinds=data["kinds"],
        compound=data["compound"],
        signed_only=frozenset(data["signed_only"]),
        status_stems=tuple(
            (tuple(s["words"]), AgreementStatus(s["done"])) for s in data["status_stems"]
        ),
        status_reach=int(data["status_reach"]),
        title_reach=int(data["title_reach"]),
        title_stops=frozenset(data["title_stops"]),
    )


def read_agreements(
    record: Record, sentences: list[list[Word]], events: list[Event], known: frozenset[str]
) -> None:
    """Add AGREEMENT mentions and the agreements they title to the record; `known` are the
    words that only look inflected (`read.document_base_forms`)."""
    lexicon = agreement_words()
    stops = _stop_words(record, known)
    for number, words in enumerate(sentences):
        for index, word in enumerate(words):
            head = _head(words, index, lexicon)
            if head is None:
                continue
            status, status_word = _status(words, index, lexicon)
            if status is None:
                status, status_word = _status_of_next(words, index, lexicon)
            first = _title_start(words, index, lexicon, stops)
            if first > 0 and words[first - 1].lower in ("қойылған", "қойған"):
                status = AgreementStatus.SIGNED  # «қол қойылған келісім»
            if status not in _SIGNINGS and head in lexicon.signed_only:
                continue
            start, end = words[first].start, word.end
            text = record.text[start:end]
            mention = Mention(
                id=f"m{len(record.mentions) + 1}",
                type=MentionType.AGREEMENT,
                start=start,
                end=end,
                text=text,
                normal=base_form(text),
                label=lexicon.kinds[head],
                sentence=number,
                extractor=KAZAKH_AGREEMENTS,
            )
            record.mentions.append(mention)
            event = _signing(events, status_word)
            parties = _parties(record, number, event)
            if event is not None and event.status.value in ("planned", "negated"):
                status = AgreementStatus.PLANNED
            sentence = record.sentences[number]
            record.agreements.append(
                Agreement(
                    id=f"g{len(record.agreements)}",
                    mention=mention.id,
                    title=mention.normal,
                    kind=lexicon.kinds[head],
                    unnamed=first == index - len(lexicon.compound.get(head, "").split()),
                    parties=parties,
                    countries=_countries(record, parties),
                    status=status or AgreementStatus.MENTIONED,
                    date=event.date if event is not None else None,
                    event=event.id if event is not None else None,
                    evidence=Span(start=sentence.start, end=sentence.end),
                    extractor=KAZAKH_AGREEMENTS,
                )
            )


def _status_of_next(
    words: list[Word], index: int, lexicon: AgreementWords
) -> tuple[AgreementStatus | None, Word | None]:
    """Documents joined by «және» or «мен» share the verb after the last of them
    («мәлімдемеге және тұжырымдамасына қол қойды»)."""
    if index + 1 >= len(words) or words[index + 1].lower not in event_words().conjunctions:
        return None, None
    for later in range(index + 2, min(len(words), index + 2 + lexicon.title_reach)):
        if _head(words, later, lexicon) is not None:
            return _status(words, later, lexicon)
    return None, None


def _head(words: list[Word], index: int, lexicon: AgreementWords) -> str | None:
    """The head noun's base form if the word is one («келісімге» -> «келісім»)."""
    word = words[index]
    if not word.text.isalpha():
        return None
    base = noun_base(word.lower)
    head = base if base in lexicon.kinds else word.lower if word.lower in lexicon.kinds else None
    if head is None:
        analysis = case_analysis(word.lower)
        stem = analysis[0] if analysis else word.lower
        head = stem if stem in lexicon.kinds else None
    if head is None:
        return None
    before = lexicon.compound.get(head)
    if before and (index == 0 or words[index - 1].lower != before):
        return None
    return head


def _status(
    words: list[Word], index: int, lexicon: AgreementWords
) -> tuple[AgreementStatus | None, Word | None]:
    """The status the words after the title state, and the verb that states it."""
    reach = words[index + 1 : index + 1 + lexicon.status_reach]
    for offset, word in enumerate(reach):
        for stems, done in lexicon.status_stems:
            leading, last = stems[:-1], stems[-1]
            if offset < len(leading):
                continue
            if any(reach[offset - len(leading) + k].lower != w for k, w in enumerate(leading)):
                continue
            if done in _ALWAYS and noun_base(word.lower).startswith(last):
                return done, word
            parsed = verb_form(word.lower, last, event_words())
            if parsed is None:
                continue
            if done in _ALWAYS:
                return done, word
            return (done if parsed[0] in _DONE_FORMS else AgreementStatus.PLANNED), word
    return None, None


def _title_start(words: list[Word], index: int, lexicon: AgreementWords, stops: set[int]) -> int:
    """The first word of the title that ends at `index`."""
    first = index - len(lexicon.compound.get(noun_base(words[index].lower), "").split())
    while first > 0 and index - first < lexicon.title_reach:
        word = words[first - 1]
        if word.start in stops or word.lower in lexicon.title_stops:
            break
        if not (word.text.isalnum() or _RANGE.match(word.text) or word.text in '«»"-'):
            break
        if _head(words, first - 1, lexicon) is not None:
            break  # «келісімге және ... меморандумға»: the title before is another document's
        first -= 1
    while first < index and (
        words[first].text in "»–" or words[first].lower in event_words().conjunctions
    ):
        first += 1  # «келісімге және меморандумға»: the «және» joins the two documents
    return first


def _stop_words(record: Record, known: frozenset[str]) -> set[int]:
    """Start offsets of the words no title reaches back over: names and titles of persons,
    dates, and places in the locative («Сеулде қол қойылған»)."""
    starts = set()
    for mention in record.mentions:
        place = mention.type in (MentionType.COUNTRY, MentionType.CITY) and _in_locative(
            mention.text.split()[-1], known
        )
        if mention.type in (MentionType.PERSON, MentionType.POSITION, MentionType.DATE) or place:
            offset = mention.start
            for part in mention.text.split():
                starts.add(offset)
                offset += len(part) + 1
    return starts


def _in_locative(word: str, known: frozenset[str]) -> bool:
    analysis = known_case_analysis(word, known)
    return analysis is not None and analysis[1] in _PLACE_CASES


def _signing(events: list[Event], word: Word | None) -> Event | None:
    if word is None:
        return None
    return next((e for e in events if e.trigger.end == word.end), None)


def _parties(record: Record, sentence: int, event: Event | None) -> list[str]:
    if event is not None and (event.source or event.target) and not event.participants_inferred:
        return list(dict.fromkeys(event.source + event.target))
    kinds = {a.id: a.kind for a in record.actors}
    return list(
        dict.fromkeys(
            m.actor
            for m in record.mentions
            if m.sentence == sentence and m.actor and kinds.get(m.actor) is ActorKind.PERSON
        )
    )


def _countries(record: Record, parties: list[str]) -> list[str]:
    return list(
        dict.fromkeys(
            c for a in parties if (actor := record.actor_by_id(a)) and (c := actor.country)
        )
    )
