"""Human-readable views of records for the terminal."""

from __future__ import annotations

from collections import Counter

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table

from communique.record import Record, RecordStatus


def record_panel(record: Record) -> Panel:
    title = f"{record.id}  [dim]{record.language or '?'}[/dim]"
    if record.status is not RecordStatus.OK:
        return Panel(f"[yellow]{record.status.value}[/yellow]: {record.message}", title=title)
    return Panel(Group(_summary(record), _actors(record), _occupations(record)), title=title)


def _summary(record: Record) -> Table:
    counts = Counter(m.type.value for m in record.mentions)
    table = Table.grid(padding=(0, 2))
    table.add_row(
        "[bold]mentions[/bold]", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"
    )
    if record.home_country:
        table.add_row("[bold]home country[/bold]", record.home_country)
    return table


def _actors(record: Record) -> Table:
    table = Table(title="Actors", title_justify="left", expand=True)
    for column in ("kind", "name", "latin", "country", "mentions (as written)"):
        table.add_column(column)
    mentions = {m.id: m for m in record.mentions}
    for actor in record.actors:
        written = Counter(mentions[i].text for i in actor.mentions if i in mentions)
        table.add_row(
            actor.kind.value,
            actor.name,
            actor.name_latin or "",
            (actor.country or "") + (" (inferred)" if actor.country_basis == "inferred" else ""),
            "; ".join(f"{t} ×{n}" if n > 1 else t for t, n in written.items()),
        )
    return table


def _occupations(record: Record) -> Table:
    table = Table(title="Occupations", title_justify="left", expand=True)
    for column in ("person", "position", "organization", "country", "evidence"):
        table.add_column(column)
    actors = {a.id: a for a in record.actors}
    for occupation in record.occupations:
        organization = actors.get(occupation.organization or "")
        evidence = record.text[occupation.evidence.start : occupation.evidence.end]
        table.add_row(
            actors[occupation.person].name,
            occupation.position,
            organization.name if organization else "",
            occupation.country or "",
            evidence if len(evidence) < 90 else evidence[:87] + "...",
        )
    return table


def print_records(records: list[Record], console: Console) -> None:
    for record in records:
        console.print(record_panel(record))
