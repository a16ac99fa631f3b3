"""Dataset-neutral gold mentions: what the mention scorer compares predictions against."""

from __future__ import annotations

from dataclasses import dataclass

Offsets = tuple[int, int]
"""Character offsets `(start, end)`, end exclusive."""


@dataclass(frozen=True)
class GoldMention:
    """A gold mention as the scorer sees it.

    `extents` are the spans a prediction may equal for an exact match (FactRuEval: the full
    extent and the name-only extent; NEREL: the outer extent). `fragments` are the pieces a
    prediction may overlap (FactRuEval token runs, NEREL fragments). A `neutral` mention is
    neither a miss nor grounds for a false positive; `neutral_reason` says why.
    """

    id: str
    type: str
    extents: tuple[Offsets, ...]
    fragments: tuple[Offsets, ...]
    neutral_reason: str | None = None

    @property
    def neutral(self) -> bool:
        return self.neutral_reason is not None

    @property
    def start(self) -> int:
        return min(start for start, _ in self.extents)

    @property
    def end(self) -> int:
        return max(end for _, end in self.extents)
