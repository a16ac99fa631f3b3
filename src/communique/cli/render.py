"""Human-readable views of records for the terminal: what an analyst reads before the JSON.

Every value from a document goes in as `Text`, never as a markup string: a name or a message
with square brackets in it must print as written, not as Rich markup.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from rich import box
from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from communique.record import (
    Actor,
    ActorKind,
    CountryBasis,
    Event,
    EventStatus,
    Mention,
    MentionType,
    Occupation,
    Record,
    RecordStatus,
    Span,
)

# People first: they are what a release is about; then who they act for, then where.
_KIND_ORDER = {kind: index for index, kind in enumerate(ActorKind)}
_KIND_ORDER[ActorKind.PERSON] = -1
# Mention types that do not become actors, listed by their nominative forms in the summary.
_LISTED_TYPES = {
    MentionType.POSITION: "positions",
    MentionType.AGREEMENT: "agreements",
    MentionType.LAW: "laws",
    MentionType.EVENT: "events",
    MentionType.DATE: "dates",
}
_MAX_LISTED = 8
# Evidence is cut to about this many characters around the title or trigger it supports.
EVIDENCE_CHARS = 110
_ELLIPSIS = "…"


def print_records(records: Sequence[Record], console: Console) -> None:
    for index, record in enumerate(records):
        if index:
            console.print()
        console.print(record_view(record))


def record_view(record: Record) -> RenderableType:
    """A rule with the id; the document's details and a mention summary (or, for a marked record,
    its status); then actors, occupations and events."""
    details = _grid()
    for name, value in _header_fields(record):
        details.add_row(name, Text(value))
    if record.status is not RecordStatus.OK:
        details.add_row(Text("status", style="bold yellow"), Text(record.status.value, "yellow"))
        details.add_row("message", Text(record.message or ""))
        return Group(_rule(record), details)
    _add_mention_summary(details, record)
    parts: list[RenderableType] = [_rule(record), details]
    if record.actors:
        parts.append(_actors(record))
    if record.occupations:
        parts.append(_occupations(record))
    if record.events:
        parts.append(_events(record))
    return Group(*parts)


def _rule(record: Record) -> Rule:
    return Rule(Text(record.id, style="bold"), align="left")


def _grid() -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    return grid


def _header_fields(record: Record) -> Iterable[tuple[str, str]]:
    language = record.language or "unknown"
    if record.language_confidence is not None:
        language += f" ({record.language_confidence:.2f})"
    yield "language", language
    for name in ("title", "url", "published", "source"):
        if value := getattr(record, name):
            yield name, value
    yield "home country", record.home_country or "unknown"


def _add_mention_summary(grid: Table, record: Record) -> None:
    counts = Counter(mention.type for mention in record.mentions)
    by_type = " · ".join(f"{kind.value} {counts[kind]}" for kind in MentionType if counts[kind])
    grid.add_row("mentions", Text(f"{len(record.mentions)}: {by_type}" if by_type else "none"))
    for kind, label in _LISTED_TYPES.items():
        if names := _distinct_names(record.mentions, kind):
            grid.add_row(label, Text(_listing(names)))
    if record.topics:
        grid.add_row("topics", Text(_listing([topic.label_en for topic in record.topics])))


def _distinct_names(mentions: Sequence[Mention], kind: MentionType) -> list[str]:
    """Nominative forms of the mentions of `kind`, in text order, skipping ones nested in another
    of the same kind ("Спикер" inside "Спикер Сената" says nothing more)."""
    of_kind = [m for m in mentions if m.type is kind]
    outermost = [m for m in of_kind if not any(_nested(m, other) for other in of_kind)]
    return list(dict.fromkeys(m.normal for m in sorted(outermost, key=lambda m: m.start)))


def _nested(inner: Mention, outer: Mention) -> bool:
    return (
        inner is not outer
        and outer.start <= inner.start
        and inner.end <= outer.end
        and (outer.end - outer.start) > (inner.end - inner.start)
    )


def _listing(names: list[str]) -> str:
    shown = "; ".join(names[:_MAX_LISTED])
    hidden = len(names) - _MAX_LISTED
    return f"{shown}; … {hidden} more" if hidden > 0 else shown


def _actors(record: Record) -> Table:
    table = Table(
        title="Actors",
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        expand=True,
        pad_edge=False,
    )
    table.add_column("kind", no_wrap=True)
    table.add_column("name / positions", ratio=3)
    table.add_column("latin", ratio=3)
    table.add_column("country", no_wrap=True)
    table.add_column("mentions", justify="right", no_wrap=True)
    for actor in sorted(record.actors, key=lambda a: _KIND_ORDER[a.kind]):
        name = Text(actor.name)
        if actor.positions:
            name.append("\n" + ", ".join(actor.positions), style="dim")
        table.add_row(
            actor.kind.value,
            name,
            Text(actor.name_latin or ""),
            _country(actor.country, actor.country_basis),
            str(len(actor.mentions)),
        )
    if any(a.country_basis is CountryBasis.INFERRED for a in record.actors):
        table.caption = "inferred: the country is read from the document, not stated with the actor"
        table.caption_justify = "left"
    return table


def _country(country: str | None, basis: CountryBasis | None) -> Text:
    text = Text(country or "")
    if country and basis is CountryBasis.INFERRED:
        text.append(" inferred", style="italic yellow")
    return text


def _occupations(record: Record) -> RenderableType:
    """One entry per fact: "person: title, organisation or place, country", then its evidence.

    A list, not a table: at 80 columns a fifth column leaves the evidence a few words a line.
    """
    heading, entries = _list_section("Occupations", "person: title, organisation / place, country")
    actors = {actor.id: actor for actor in record.actors}
    for number, occupation in enumerate(record.occupations, start=1):
        evidence = evidence_snippet(record.text, occupation.evidence, occupation.title)
        entries.add_row(f"{number}", Group(_occupation_line(occupation, actors), evidence))
    return Group(Text(), heading, entries)


def _occupation_line(occupation: Occupation, actors: dict[str, Actor]) -> Text:
    """Parts the text does not state are left out, not shown as blanks."""
    title = occupation.position
    if occupation.position_en:
        title += f" ({occupation.position_en})"
    line = Text.assemble((_name(actors, occupation.person), "bold"), ": ", title)
    if where := _name(actors, occupation.organization or occupation.place):
        line.append(f", {where}")
    if occupation.country:
        line.append(", ")
        line.append_text(_country(occupation.country, occupation.country_basis))
    return line


def _list_section(title: str, legend: str) -> tuple[Text, Table]:
    heading = Text(title, style="bold")
    heading.append(f"  {legend}; evidence", style="dim")
    entries = Table.grid(padding=(0, 1))
    entries.add_column(justify="right", style="dim")
    entries.add_column()
    return heading, entries


def _events(record: Record) -> RenderableType:
    heading, entries = _list_section("Events", "type CAMEO: source → target, status, date")
    actors = {actor.id: actor for actor in record.actors}
    for number, event in enumerate(record.events, start=1):
        evidence = evidence_snippet(record.text, event.evidence, event.trigger)
        entries.add_row(f"{number}", Group(_event_line(event, actors), evidence))
    return Group(Text(), heading, entries)


def _event_line(event: Event, actors: dict[str, Actor]) -> Text:
    line = Text.assemble((f"{event.type} {event.cameo}", "bold"))
    if event.cameo_name:
        line.append(f" {event.cameo_name}")
    if event.joint:  # both sides act: no direction to show
        line.append(": " + " ↔ ".join(_name(actors, a) for a in [*event.source, *event.target]))
    else:
        line.append(f": {_names(actors, event.source)} → {_names(actors, event.target)}")
    if event.participants_inferred:
        line.append(" (sides inferred)", style="italic yellow")
    details = [] if event.status is EventStatus.HAPPENED else [event.status.value]
    if event.reported_by:
        by = f"by {_name(actors, event.reported_by)}"
        details = [f"{details[0]} {by}"] if details else [f"said {by}"]
    if event.date:
        details.append(event.date.value)
    if details:
        line.append(", " + ", ".join(details), style="italic")
    return line


def _names(actors: dict[str, Actor], actor_ids: Sequence[str]) -> str:
    """The actors' names, or "?" where the text leaves the side unnamed."""
    return ", ".join(_name(actors, actor_id) for actor_id in actor_ids) or "?"


def _name(actors: dict[str, Actor], actor_id: str | None) -> str:
    actor = actors.get(actor_id or "")
    return actor.name if actor else (actor_id or "")


def evidence_snippet(text: str, evidence: Span, focus: Span, width: int = EVIDENCE_CHARS) -> Text:
    """The evidence, cut at word boundaries to about `width` characters around `focus` (a title,
    a trigger), which is in bold: the part that says why the fact is there."""
    start, end = evidence.start, evidence.end
    focus_start, focus_end = max(focus.start, start), min(focus.end, end)
    low, high = _window(text, start, end, focus_start, focus_end, width)
    snippet = Text(_ELLIPSIS if low > start else "")
    offset = len(snippet) - low
    # Line breaks inside a sentence (a heading, a quote) would break the entry.
    snippet.append(text[low:high].replace("\n", " "))
    if high < end:
        snippet.append(_ELLIPSIS)
    if focus_start < focus_end:
        snippet.stylize("bold", max(focus_start, low) + offset, min(focus_end, high) + offset)
    snippet.stylize("dim")
    return snippet


def _window(
    text: str, start: int, end: int, focus_start: int, focus_end: int, width: int
) -> tuple[int, int]:
    if end - start <= width:
        return start, end
    room = max(width - (focus_end - focus_start), 0)
    low = max(start, focus_start - room // 3)  # more context after the focus than before it
    high = min(end, max(low + width, focus_end))
    low = max(start, min(low, high - width))
    while start < low < focus_start and not text[low - 1].isspace():
        low += 1
    while focus_end < high < end and not text[high].isspace():
        high -= 1
    return low, high
