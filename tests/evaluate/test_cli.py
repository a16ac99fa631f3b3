"""The one test that loads a model: Natasha's NER on two devset documents, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from communique.cli.evaluate import eval_app


def test_natasha_on_two_documents(factrueval_dir: Path, tmp_path: Path) -> None:
    output, errors = tmp_path / "report.json", tmp_path / "errors.jsonl"
    arguments = ["factrueval", str(factrueval_dir), "--system", "natasha", "--limit", "2"]
    result = CliRunner().invoke(
        eval_app, [*arguments, "--output", str(output), "--errors", str(errors)]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(output.read_text(encoding="utf-8"))
    assert report["documents"] == 2
    person = report["systems"]["system"]["mentions"]["Person"]["exact"]
    assert person["tp"] > 0 and person["f1"] > 0.5
    lines = errors.read_text(encoding="utf-8").splitlines()
    assert all(json.loads(line)["kind"] in {"fp", "fn"} for line in lines)
