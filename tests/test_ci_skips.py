"""The suite's own rule: in CI a skipped test fails (tests/conftest.py), elsewhere it skips."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

HOOK = (Path(__file__).parent / "conftest.py").read_text(encoding="utf-8")
SKIPPING = """
import pytest

def test_needs_a_service():
    pytest.skip("no PostgreSQL here")

@pytest.mark.xfail(reason="known gap", strict=True)
def test_known_gap():
    assert False
"""


@pytest.mark.parametrize(("ci", "outcomes"), [("1", {"failed": 1}), (None, {"skipped": 1})])
def test_a_skip_fails_only_in_ci(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, ci: str | None, outcomes: dict
) -> None:
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    pytester.makeconftest(HOOK)
    pytester.makepyfile(SKIPPING)
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(**outcomes, xfailed=1)
    if ci:
        result.stdout.fnmatch_lines(["*skipped in CI*no PostgreSQL here*"])
