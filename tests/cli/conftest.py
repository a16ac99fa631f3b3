"""Running `communique` in-process: the pipeline's models load once for the whole session."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner, Result

from communique.cli.main import app

from .helpers import Invoke


@pytest.fixture(scope="session")
def cli() -> Invoke:
    """`cli("extract", path, input=b"...")`: the exit code, stdout and stderr, kept apart."""
    runner = CliRunner()

    def invoke(*args: str, input: bytes | str | None = None) -> Result:
        return runner.invoke(app, list(args), input=input)

    return invoke
