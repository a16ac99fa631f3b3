"""`communique eval`: score extraction on FactRuEval-2016 or NEREL 1.1, next to Natasha's NER, or
whole records on a corpus of releases read by an analyst (`releases`); the Kazakh tagger on
KazNERD.

Also runnable without the main CLI: `python -m communique.cli.evaluate factrueval DIR`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from communique.evaluate.baseline import natasha_baseline
from communique.evaluate.predictors import SystemName, pipeline_predictor, predictor_for
from communique.evaluate.releases import COLUMNS, LANGUAGES, evaluate_releases
from communique.evaluate.runner import ProgressCallback, evaluate_factrueval, evaluate_nerel
from communique.evaluate.tables import report_tables
from communique.lang.kk.corpus import CorpusError
from communique.lang.kk.evaluation import REPORTED_CLASSES, evaluate_kaznerd

eval_app = typer.Typer(
    help="Score extraction against gold data, next to the Natasha 1.6 NER baseline.",
    no_args_is_help=True,
)
console = Console()

Directory = Annotated[
    Path, typer.Argument(exists=True, file_okay=False, help="Folder of gold documents.")
]
OutputOption = Annotated[Path | None, typer.Option(help="Write the JSON report here.")]
LimitOption = Annotated[int | None, typer.Option(min=1, help="Score only the first N documents.")]
BaselineOption = Annotated[
    bool, typer.Option("--baseline/--no-baseline", help="Also run Natasha's NER, same documents.")
]
ErrorsOption = Annotated[
    Path | None, typer.Option(help="Write the system's FP/FN, one JSON object a line, here.")
]
SystemOption = Annotated[
    SystemName, typer.Option(help="What to score: our pipeline or Natasha's NER alone.")
]


@eval_app.command()
def factrueval(
    directory: Directory,
    output: OutputOption = None,
    limit: LimitOption = None,
    baseline: BaselineOption = True,
    errors: ErrorsOption = None,
    system: SystemOption = SystemName.PIPELINE,
) -> None:
    """FactRuEval-2016 (the devset folder): Person, Org, Location; Occupation."""
    _run(evaluate_factrueval, directory, output, limit, baseline, errors, system)


@eval_app.command()
def nerel(
    directory: Directory,
    output: OutputOption = None,
    limit: LimitOption = None,
    baseline: BaselineOption = True,
    errors: ErrorsOption = None,
    system: SystemOption = SystemName.PIPELINE,
) -> None:
    """NEREL 1.1 (a split folder: dev or train): PERSON, ORGANIZATION, LOC and more; Occupation."""
    _run(evaluate_nerel, directory, output, limit, baseline, errors, system)


class KazNERDSplit(StrEnum):
    DEV = "dev"
    TEST = "test"
    TRAIN = "train"


@eval_app.command()
def kaznerd(
    file: Annotated[
        Path, typer.Argument(exists=True, dir_okay=False, help="KazNERD IOB2_valid.txt.")
    ],
    split: Annotated[
        KazNERDSplit, typer.Option(help="Side of the block split (lang/kk/corpus.py) to score.")
    ] = KazNERDSplit.TEST,
    output: OutputOption = None,
) -> None:
    """KazNERD (CoNLL, IOB2): the Kazakh tagger's exact-match F1 per class on a held-out side."""
    try:
        scores = evaluate_kaznerd(file, split.value)
    except (
        CorpusError
    ) as error:  # a path and a line: printed whole, never wrapped or read as markup
        console.print(f"[red]{escape(str(error))}[/red]", soft_wrap=True)
        raise typer.Exit(1) from error
    table = Table(title=f"Kazakh tagger on KazNERD, {split.value} side (exact match)")
    for column in ("class", "gold", "predicted", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "class" else "right")
    ordered = [*REPORTED_CLASSES[:-1], *sorted(set(scores) - set(REPORTED_CLASSES)), "ALL"]
    for label in ordered:
        row = scores[label]
        table.add_row(
            label,
            str(row["gold"]),
            str(row["predicted"]),
            f"{row['precision']:.3f}",
            f"{row['recall']:.3f}",
            f"{row['f1']:.3f}",
        )
    console.print(table)
    if output:
        _write(output, json.dumps(scores, ensure_ascii=False, indent=2) + "\n")


@eval_app.command()
def releases(
    directory: Directory,
    output: OutputOption = None,
    limit: LimitOption = None,
    language: Annotated[
        list[str] | None,
        typer.Option(help=f"Score only this language ({', '.join(LANGUAGES)}); repeatable."),
    ] = None,
    detail: Annotated[bool, typer.Option(help="Print one line per document.")] = False,
) -> None:
    """A corpus of releases with an analyst's gold.jsonl (e.g. shared/datasets/releases-dev):
    persons, names, titles, countries, meetings, agreements, topics, organisations."""
    unknown = sorted(set(language or ()) - set(LANGUAGES))
    if unknown:
        raise typer.BadParameter(f"unknown language {', '.join(unknown)}", param_hint="--language")
    if not (directory / "gold.jsonl").is_file():
        raise typer.BadParameter(f"no gold.jsonl in {directory}", param_hint="DIRECTORY")
    with _progress() as progress:
        report = evaluate_releases(
            directory,
            pipeline_predictor(),
            languages=language or LANGUAGES,
            limit=limit,
            progress=progress,
        )
    # plain columns, not a Rich table: eighteen figures must fit a terminal's width untruncated
    console.print(
        "lang " + " ".join(f"{header:>6}" for header, _ in COLUMNS), markup=False, soft_wrap=True
    )
    for lang, summary in report["languages"].items():
        cells = (summary[key] for _, key in COLUMNS)
        line = " ".join(f"{'-' if c is None else c:>6}" for c in cells)
        console.print(f"{lang:<4} {line}", markup=False, soft_wrap=True)
    if detail:
        for key, row in report["documents"].items():
            console.print(
                f"{key:<55} {row['status']:<22} P {row['p_tp']}/{row['p_gold']} "
                f"(pred {row['p_pred']})  T {row['t_any']}/{row['t_n']}  "
                f"Meet {row['m_tp']}/{row['m_gold']}  Agr {row['a_tp']}/{row['a_gold']}  "
                f"Top {row['top_tp']}/{row['top_gold']}",
                markup=False,
                soft_wrap=True,
            )
    if output:
        _write(output, json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        console.print(f"Report written to {output}")


def _run(
    evaluate: Callable[..., dict[str, Any]],
    directory: Path,
    output: Path | None,
    limit: int | None,
    baseline: bool,
    errors_path: Path | None,
    system: SystemName,
) -> None:
    try:
        predictor = predictor_for(system)
    except ImportError as error:
        console.print(f"[red]The pipeline cannot be loaded ({error}); try --system natasha.[/red]")
        raise typer.Exit(1) from error
    errors: list[dict[str, Any]] = []
    with _progress() as progress:
        report = evaluate(
            directory,
            predictor,
            baseline=natasha_baseline if baseline and system is SystemName.PIPELINE else None,
            limit=limit,
            errors=errors,
            progress=progress,
        )
    for table in report_tables(report):
        console.print(table)
    if output:
        _write(output, json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        console.print(f"Report written to {output}")
    if errors_path:
        _write(errors_path, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors))
        console.print(f"{len(errors)} errors written to {errors_path}")


@contextmanager
def _progress() -> Iterator[ProgressCallback]:
    """A Rich progress bar per system, advanced after each batch of documents."""
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console) as progress:
        tasks: dict[str, Any] = {}

        def update(system: str, done: int, total: int) -> None:
            if system not in tasks:
                tasks[system] = progress.add_task(system, total=total)
            progress.update(tasks[system], completed=done)

        yield update


def _write(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")


if __name__ == "__main__":
    eval_app()
