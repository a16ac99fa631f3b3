"""What the parallel-ingest tests share: a small corpus written for them, a stand-in pipeline
that workers can import, and a dump of every stored row."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from communique.document import Document
from communique.record import Record
from communique.store import Store

# Written for these tests. Two are near-duplicates (the same release re-published with one
# sentence added), so that ingest links a story; one is an exact duplicate; one is English and
# one Kazakh, read by their own lang/ readers.
TEXTS = [
    "Министр иностранных дел России Сергей Лавров провёл переговоры в Москве с министром "
    "иностранных дел Казахстана. Стороны обсудили торгово-экономическое сотрудничество.",
    "Президент Узбекистана провёл телефонный разговор с Президентом Турции. Лидеры условились "
    "о встрече в Ташкенте в ближайшее время.",
    "Председатель Сената Парламента Казахстана встретился с Послом Венгрии. Обсуждены вопросы "
    "межпарламентского сотрудничества и подготовка визита делегации в Будапешт.",
    "В Астане подписано соглашение о сотрудничестве в области образования между Казахстаном и "
    "Монголией. Документ подписали министры просвещения двух стран.",
    "Председатель Сената Парламента Казахстана встретился с Послом Венгрии. Обсуждены вопросы "
    "межпарламентского сотрудничества и подготовка визита делегации в Будапешт. Посол передал "
    "приглашение посетить Венгрию.",
    "The foreign ministers of Kazakhstan and Germany met in Berlin to discuss energy trade.",
    "Министр иностранных дел России Сергей Лавров провёл переговоры в Москве с министром "
    "иностранных дел Казахстана. Стороны обсудили торгово-экономическое сотрудничество.",
    "Қазақстан Сыртқы істер министрі 2024 жылғы 5 наурызда Астанада Венгрия елшісімен кездесті. "
    "Тараптар екі ел арасындағы ынтымақтастықты талқылады.",
    "Глава МИД Киргизии принял делегацию Европейского союза во главе со специальным "
    "представителем ЕС по Центральной Азии. Стороны обсудили региональную безопасность.",
]


def write_corpus(folder: Path) -> Path:
    """The texts as files doc-00.txt ... in `folder` (ingest walks a folder in name order)."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, text in enumerate(TEXTS):
        (folder / f"doc-{number:02}.txt").write_text(text, encoding="utf-8")
    return folder


def documents() -> list[Document]:
    return [Document(id=f"doc-{n:02}", text=text) for n, text in enumerate(TEXTS)]


# Tables whose rows a parallel ingest must reproduce exactly; times of writing are left out.
TABLES = (
    "documents", "stories", "signatures", "mentions", "actors", "occupations", "events",
    "agreements", "commitments", "topics", "fact_countries", "event_topics",
)  # fmt: skip


def dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row of TABLES, sorted, without the columns saying when it was written."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    for table in TABLES:
        columns, rows = store.backend.fetch(f"SELECT * FROM {table}")
        keep = [i for i, name in enumerate(columns) if not name.endswith("_at")]
        tables[table] = sorted((tuple(row[i] for i in keep) for row in rows), key=repr)
    return tables


class Echo:
    """A stand-in pipeline (no models: fast to start in a worker) whose records carry the
    document's id and text. With `die_on` and `marker`, the first
    process to meet a text containing `die_on` dies on the spot (as a worker killed by the
    kernel would), leaving `marker` behind so that the batch's second run goes through."""

    def __init__(self, die_on: str | None = None, marker: Path | None = None) -> None:
        self.die_on = die_on
        self.marker = marker

    def process(self, document: Document) -> Record:
        return next(self.process_many([document]))

    def process_many(self, documents: Iterable[Document], batch_size: int = 16) -> Iterator[Record]:
        for document in documents:
            dies = self.die_on is not None and self.die_on in document.text
            if dies and self.marker is not None and not self.marker.exists():
                self.marker.write_text(str(os.getpid()))
                os._exit(1)
            yield Record(id=document.id, text=document.text)
