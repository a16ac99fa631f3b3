"""`--format table`: what an analyst reads. Hand-built records, so the layout is tested, not the
extraction."""

from __future__ import annotations

from io import StringIO

from rich.console import Console

from communique.cli.render import EVIDENCE_CHARS, evidence_snippet, print_records
from communique.record import (
    Actor,
    ActorKind,
    CountryBasis,
    DateBasis,
    DatePrecision,
    Event,
    EventDate,
    EventStatus,
    Mention,
    MentionType,
    Occupation,
    Record,
    RecordStatus,
    Span,
)

TEXT = (
    "Фото: Сенат РК\n\n"
    "Председатель Сената Маулен Ашимбаев встретился с делегацией Монголии. "
    "В ходе беседы стороны рассмотрели вопросы межпарламентского сотрудничества, торговли, "
    "инвестиций, сельского хозяйства, горно-металлургического комплекса и освоения космоса."
)


def _span(text: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return start, start + len(text)


def _mention(
    mention_id: str, kind: MentionType, text: str, normal: str, actor: str | None
) -> Mention:
    start, end = _span(text)
    return Mention(
        id=mention_id,
        type=kind,
        start=start,
        end=end,
        text=text,
        normal=normal,
        actor=actor,
        extractor="test",
    )


def _record(**fields: object) -> Record:
    title_start, title_end = _span("Председатель Сената")
    mentions = [
        _mention("m0", MentionType.POSITION, "Председатель Сената", "Председатель Сената", None),
        _mention("m1", MentionType.ORGANIZATION, "Сената", "Сенат", "a0"),
        _mention("m2", MentionType.PERSON, "Маулен Ашимбаев", "Маулен Ашимбаев", "a1"),
        _mention("m3", MentionType.COUNTRY, "Монголии", "Монголия", "a2"),
    ]
    actors = [
        Actor(id="a0", kind=ActorKind.ORGANIZATION, name="Сенат", country="KZ", mentions=["m1"]),
        Actor(
            id="a1",
            kind=ActorKind.PERSON,
            name="Маулен Ашимбаев",
            name_latin="Maulen Ashimbayev",
            country="KZ",
            country_basis=CountryBasis.INFERRED,
            positions=["Председатель"],
            mentions=["m2"],
        ),
        Actor(id="a2", kind=ActorKind.COUNTRY, name="Монголия", country="MN", mentions=["m3"]),
    ]
    occupation = Occupation(
        id="o0",
        person="a1",
        position="Председатель",
        position_en="Chairman",
        title=Span(start=title_start, end=title_end),
        organization="a0",
        country="KZ",
        evidence=Span(start=TEXT.index("Председатель"), end=len(TEXT)),
        extractor="test",
    )
    values: dict[str, object] = {
        "id": "senate",
        "language": "ru",
        "language_confidence": 0.99,
        "home_country": "KZ",
        "text": TEXT,
        "mentions": mentions,
        "actors": actors,
        "occupations": [occupation],
    }
    return Record.model_validate(values | fields)


def _table(*records: Record, width: int = 100) -> str:
    buffer = StringIO()
    print_records(list(records), Console(file=buffer, width=width, color_system=None))
    return buffer.getvalue()


def test_header_shows_the_document_details() -> None:
    record = _record(title="Встреча с делегацией Монголии", url="https://example.org/news/1")
    shown = _table(record)
    assert shown.splitlines()[0].startswith("senate ─")
    for expected in ("ru (0.99)", "Встреча с делегацией Монголии", "https://example.org/news/1"):
        assert expected in shown
    assert "home country  KZ" in shown


def test_mention_summary_counts_types_and_lists_positions() -> None:
    shown = _table(_record())
    assert "4: PERSON 1 · ORGANIZATION 1 · COUNTRY 1 · POSITION 1" in shown
    assert "positions     Председатель Сената" in shown


def test_actors_people_first_with_inferred_country_marked() -> None:
    shown = _table(_record())
    rows = [line for line in shown.splitlines() if line.lstrip().startswith(("person", "org"))]
    assert rows[0].split()[:3] == ["person", "Маулен", "Ашимбаев"]
    assert "KZ inferred" in rows[0] and "Maulen Ashimbayev" in rows[0]
    assert "inferred:" in shown  # the mark is explained


def test_occupation_line_and_shortened_evidence() -> None:
    shown = _table(_record())
    assert "Маулен Ашимбаев: Председатель (Chairman), Сенат, KZ" in shown
    assert "Председатель Сената Маулен Ашимбаев встретился" in shown
    assert "освоения космоса" not in shown  # the sentence is cut...
    assert "…" in shown  # ...and says so


def test_evidence_snippet_keeps_the_title_and_cuts_at_words() -> None:
    record = _record()
    occupation = record.occupations[0]
    start, end = _span("торговли")  # far into a sentence longer than the snippet
    long_title = occupation.model_copy(update={"title": Span(start=start, end=end)})
    snippet = evidence_snippet(TEXT, long_title.evidence, long_title.title).plain
    assert "торговли" in snippet
    assert len(snippet) <= EVIDENCE_CHARS + 2
    assert snippet.startswith("…") and snippet.endswith("…")
    body = snippet.strip("…")
    assert body in TEXT
    cut = TEXT.index(body)
    assert TEXT[cut - 1].isspace() and TEXT[cut + len(body)].isspace()


def test_marked_record_shows_status_and_message() -> None:
    record = _record(
        language="en",
        status=RecordStatus.UNSUPPORTED_LANGUAGE,
        message="language 'en' is detected; only Russian is extracted for now",
        mentions=[],
        actors=[],
        occupations=[],
    )
    shown = _table(record)
    assert "status        unsupported_language" in shown
    assert "only Russian is extracted for now" in shown
    assert "Actors" not in shown


def test_document_values_are_not_read_as_markup() -> None:
    record = _record(title="[bold]Встреча[/bold] [red]", id="[draft]")
    shown = _table(record)
    assert "[bold]Встреча[/bold] [red]" in shown and "[draft]" in shown


def _event(**fields: object) -> Event:
    trigger_start, trigger_end = _span("встретился")
    values: dict[str, object] = {
        "id": "e0",
        "type": "CONSULT",
        "cameo": "040",
        "cameo_name": "Consult",
        "trigger": Span(start=trigger_start, end=trigger_end),
        "trigger_text": "встретился",
        "source": ["a1"],
        "target": ["a2"],
        "evidence": Span(start=TEXT.index("Председатель"), end=TEXT.index(" В ходе")),
        "extractor": "test",
    }
    return Event.model_validate(values | fields)


def test_events_show_type_sides_status_date_and_evidence() -> None:
    date = EventDate(value="2025-03", precision=DatePrecision.MONTH, basis=DateBasis.TEXT)
    planned = _event(id="e1", status=EventStatus.PLANNED, reported_by="a1", date=date)
    joint = _event(id="e2", joint=True, target=[], participants_inferred=True)
    shown = _table(_record(events=[_event(), planned, joint]))
    assert "CONSULT 040 Consult: Маулен Ашимбаев → Монголия" in shown
    assert "Маулен Ашимбаев → Монголия, planned by Маулен Ашимбаев, 2025-03" in shown
    lines = [line.strip() for line in shown.splitlines()]
    assert "3 CONSULT 040 Consult: Маулен Ашимбаев (sides inferred)" in lines  # joint: no arrow
    assert "встретился с делегацией Монголии." in shown
