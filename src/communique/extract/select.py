"""Choose mentions among overlapping candidates.

Different types may nest ("Председатель Сената" holds the organisation "Сената"); candidates
that cross each other, or claim the same span with different types, are settled by priority.
"""

from __future__ import annotations

from dataclasses import replace

from communique.extract.candidates import Candidate
from communique.record import MentionType

# When sources tie, the more specific reading wins.
_TYPE_ORDER = [
    MentionType.PERSON,
    MentionType.COUNTRY,
    MentionType.POSITION,
    MentionType.AGREEMENT,
    MentionType.LAW,
    MentionType.EVENT,
    MentionType.ORGANIZATION,
    MentionType.CITY,
    MentionType.LOCATION,
    MentionType.DATE,
]


def select(candidates: list[Candidate]) -> list[Candidate]:
    merged = _merge_same_spans(candidates)
    ranked = sorted(merged, key=_rank, reverse=True)
    chosen: list[Candidate] = []
    # The kept candidates on each token: a candidate can only clash with those it overlaps, so
    # it is checked against them alone, not against every one kept (quadratic in a long text).
    on_token: dict[int, list[Candidate]] = {}
    for candidate in ranked:
        tokens = _tokens(candidate)
        overlapping = {id(kept): kept for token in tokens for kept in on_token.get(token, ())}
        if all(_compatible(candidate, kept) for kept in overlapping.values()):
            chosen.append(candidate)
            for token in tokens:
                on_token.setdefault(token, []).append(candidate)
    return sorted(chosen, key=lambda c: (c.first, -c.last))


def _tokens(candidate: Candidate) -> range:
    """The tokens a candidate covers (its first one, were it ever empty)."""
    return range(candidate.first, max(candidate.last, candidate.first + 1))


def _rank(candidate: Candidate) -> tuple[float, int, int]:
    return (candidate.priority, candidate.length, -_TYPE_ORDER.index(candidate.type))


def _merge_same_spans(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per (type, span), carrying the best priority and every attribute found."""
    by_span: dict[tuple[MentionType, int, int, tuple[int, int] | None], Candidate] = {}
    for candidate in candidates:
        key = (candidate.type, candidate.first, candidate.last, candidate.chars)
        current = by_span.get(key)
        if current is None:
            by_span[key] = candidate
            continue
        best, other = (
            (candidate, current) if _rank(candidate) > _rank(current) else (current, candidate)
        )
        by_span[key] = replace(
            best,
            countries=best.countries or other.countries,
            kb_id=best.kb_id or other.kb_id,
            # the dictionary knows the whole title ("Chairman of the Senate"); a grown head
            # only knows its own ("Chairman")
            label=(other.label if other.source == "kb" else None) or best.label or other.label,
            # a title the dictionary knows alone ("заместитель министра") stays one when the
            # parse also grows it from a shorter head ("заместитель" + "министра")
            standalone=best.standalone or (other.source == "kb" and other.standalone),
        )
    return list(by_span.values())


def _compatible(candidate: Candidate, kept: Candidate) -> bool:
    if candidate.last <= kept.first or kept.last <= candidate.first:
        return True
    if candidate.chars and kept.chars:
        return candidate.chars != kept.chars  # the parts of one compound adjective
    same_span = candidate.first == kept.first and candidate.last == kept.last
    if same_span:
        return False
    if kept.first <= candidate.first and candidate.last <= kept.last:
        outer, inner = kept, candidate
    elif candidate.first <= kept.first and kept.last <= candidate.last:
        outer, inner = candidate, kept
    else:
        return False  # crossing spans: the better one stays
    if outer.type is not inner.type:
        return True  # "Председатель Сената" holds the organisation "Сената"
    # Same type: "Штаты" inside "Соединенные Штаты" is no second country. Only a title or an
    # organisation keeps its head word(s) when a complement follows ("президент" in
    # "президент США", "МИД" in "МИД Японии"), and only a title that stands alone.
    if outer.type is MentionType.ORGANIZATION and outer.derived_from == (inner.first, inner.last):
        return True  # "движения «Солидарность»" keeps the name "Солидарность"
    return (
        outer.type in (MentionType.POSITION, MentionType.ORGANIZATION)
        and outer.first == inner.first
        and inner.standalone
    )
