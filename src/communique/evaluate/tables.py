"""Rich tables for an evaluation report: system and baseline side by side."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from communique.evaluate.runner import BASELINE, SYSTEM


def report_tables(report: dict[str, Any]) -> list[Table]:
    tables = [mention_table(report)]
    occupation = report["systems"][SYSTEM].get("occupation")
    if occupation:
        tables.append(occupation_table(report, occupation))
    relations = report["systems"][SYSTEM].get("relations")
    if relations:
        tables.append(relation_table(report, relations))
    tables.append(timing_table(report))
    return tables


def mention_table(report: dict[str, Any]) -> Table:
    systems = report["systems"]
    table = Table(
        title=f"{report['dataset']}: mentions ({report['documents']} documents)",
        caption="P / R / F1; exact = same trimmed span, overlap = any overlap",
    )
    table.add_column("bucket")
    table.add_column("gold", justify="right")
    for name in systems:
        table.add_column(f"{name} exact", justify="right")
        table.add_column(f"{name} overlap F1", justify="right")
    buckets = next(iter(systems.values()))["mentions"]
    for bucket, by_mode in buckets.items():
        gold_count = str(by_mode["exact"]["tp"] + by_mode["exact"]["fn"])
        cells = [
            cell
            for scores in systems.values()
            for cell in (
                _precision_recall_f1(scores["mentions"][bucket]["exact"]),
                f"{scores['mentions'][bucket]['overlap']['f1']:.3f}",
            )
        ]
        table.add_row(bucket, gold_count, *cells, style="bold" if bucket == "overall" else None)
    return table


def occupation_table(report: dict[str, Any], occupation: dict[str, Any]) -> Table:
    gold = report["gold"]["occupations"]
    table = Table(
        title=f"{report['dataset']}: Occupation ({gold['counted']} gold, {gold['neutral']} neutral)"
    )
    table.add_column("level")
    table.add_column("tp / fp / fn", justify="right")
    table.add_column(f"{SYSTEM} P / R / F1", justify="right")
    for level, counts in occupation.items():
        table.add_row(
            level,
            f"{counts['tp']} / {counts['fp']} / {counts['fn']}",
            _precision_recall_f1(counts),
        )
    return table


def relation_table(report: dict[str, Any], relations: dict[str, Any]) -> Table:
    table = Table(
        title=f"{report['dataset']}: relations, arguments from our own mentions",
        caption="exact = both trimmed argument spans equal the gold ones; overlap = both overlap",
    )
    table.add_column("relation")
    table.add_column("gold", justify="right")
    table.add_column("tp / fp / fn", justify="right")
    table.add_column("exact P / R / F1", justify="right")
    table.add_column("overlap F1", justify="right")
    for relation_type, by_mode in relations.items():
        exact = by_mode["exact"]
        table.add_row(
            relation_type,
            str(exact["tp"] + exact["fn"]),
            f"{exact['tp']} / {exact['fp']} / {exact['fn']}",
            _precision_recall_f1(exact),
            f"{by_mode['overlap']['f1']:.3f}",
        )
    return table


def timing_table(report: dict[str, Any]) -> Table:
    table = Table(title=f"{report['dataset']}: speed ({report['characters']} characters)")
    for column in ("system", "seconds", "docs/s", "chars/s"):
        table.add_column(column, justify="left" if column == "system" else "right")
    for name, scores in report["systems"].items():
        label = f"{name} (Natasha 1.6 NER)" if name == BASELINE else name
        table.add_row(
            label,
            f"{scores['elapsed_s']:.1f}",
            f"{scores['docs_per_s']:.1f}",
            f"{scores['chars_per_s']:.0f}",
        )
    return table


def _precision_recall_f1(counts: dict[str, Any]) -> str:
    return f"{counts['precision']:.3f} / {counts['recall']:.3f} / {counts['f1']:.3f}"
