"""Mentions found by where they lie in the text, not by scanning every one.

Extraction and resolution ask, for each mention, which others lie inside it, around it or just
before it. Asked of the whole list each time, that costs the square of the number of mentions:
a long document took minutes. A SpanIndex sorts the spans by start once and answers each
question with two binary searches, visiting only the spans that can qualify; it returns them in
the order of the list it was built from, so the callers' results are the same as a scan's.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


class SpanIndex(Generic[S]):
    """Spans with character offsets `start` and `end` (end exclusive), sorted by start."""

    def __init__(self, spans: Sequence[S]) -> None:
        self.spans = spans
        self._order = sorted(range(len(spans)), key=lambda i: spans[i].start)
        self._starts = [spans[i].start for i in self._order]
        # A span holding a given offset starts at most this far before it.
        self._longest = max((span.end - span.start for span in spans), default=0)

    @classmethod
    def of(cls, spans: Sequence[S]) -> SpanIndex[S]:
        """The index of `spans`, built once for a list that several calls ask about. Kept for
        the last few lists of this thread (the list itself is held, so its id stays its own);
        a list changed in length since is indexed anew."""
        cache: list[SpanIndex[S]] = _recent.__dict__.setdefault("indexes", [])
        for index in cache:
            if index.spans is spans and len(index._starts) == len(spans):
                return index
        index = cls(spans)
        cache.insert(0, index)
        del cache[_RECENT:]
        return index

    def starting_in(self, low: int, high: int) -> list[S]:
        """The spans that start at an offset in [low, high), in the list's order."""
        first = bisect_left(self._starts, low)
        last = bisect_left(self._starts, high)
        return [self.spans[i] for i in sorted(self._order[first:last])]

    def within(self, start: int, end: int) -> list[S]:
        """The spans lying wholly in [start, end) (a span equal to it included)."""
        return [s for s in self.starting_in(start, end + 1) if s.end <= end]

    def covering(self, start: int, end: int) -> list[S]:
        """The spans that hold all of [start, end) (a span equal to it included)."""
        return [s for s in self.starting_in(end - self._longest, start + 1) if s.end >= end]

    def ending_in(self, low: int, high: int) -> list[S]:
        """The spans that end at an offset in [low, high]."""
        return [s for s in self.starting_in(low - self._longest, high + 1) if low <= s.end <= high]


_recent = threading.local()  # the web server extracts in several threads at once
_RECENT = 4
