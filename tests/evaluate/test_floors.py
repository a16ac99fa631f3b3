"""Floors under every figure `communique eval` reports, in one table.

Each floor is a value measured on this code with a stated margin below it, so a drop anywhere
fails and a rise is a one-line change here (raise the measured value). The pipeline is
deterministic: the margin is not noise, it is how much a figure may give back for a gain
elsewhere before someone has to look. Figures measured at 0 (relations the pipeline does not
extract yet) are reported by `communique eval` and have no floor until they have a value.

The gold sets run once per session (about 15 s together on 2 cores). The measured values come
from `communique eval factrueval|nerel|releases` on 5 December 2026.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from communique.evaluate.baseline import natasha_baseline
from communique.evaluate.releases import evaluate_releases
from communique.evaluate.runner import SYSTEM, evaluate_factrueval, evaluate_nerel
from communique.pipeline import Pipeline

DATASETS = Path(__file__).resolve().parents[2].parent / "shared" / "datasets"
FACTRUEVAL = DATASETS / "factrueval-2016" / "devset"
NEREL_DEV = DATASETS / "nerel-1.1" / "dev"
RELEASES_DEV = DATASETS / "releases-dev"

# The usual margin: a point of F1, a few facts on these sets.
MARGIN = 0.01
# FactRuEval's devset holds five Meeting facts: one fact is 0.1 to 0.2 of F1.
FEW_FACTS_MARGIN = 0.10

# (gold set, path of the figure in its report) -> (measured, margin)
FLOORS: dict[tuple[str, str], tuple[float, float]] = {
    ("factrueval", "mentions.Person.exact.f1"): (0.9476, MARGIN),
    ("factrueval", "mentions.Org.exact.f1"): (0.7442, MARGIN),
    ("factrueval", "mentions.Location.exact.f1"): (0.9366, MARGIN),
    ("factrueval", "mentions.overall.exact.f1"): (0.8837, MARGIN),
    ("factrueval", "occupation.lenient.f1"): (0.7273, MARGIN),
    ("factrueval", "occupation.strict.f1"): (0.6854, MARGIN),
    ("factrueval", "occupation.who.f1"): (0.7438, MARGIN),
    ("factrueval", "participants.Meeting.f1"): (0.8, FEW_FACTS_MARGIN),
    ("factrueval", "participants.Deal.f1"): (0.0645, MARGIN),
    ("nerel", "mentions.PERSON.exact.f1"): (0.9205, MARGIN),
    ("nerel", "mentions.ORGANIZATION.exact.f1"): (0.7098, MARGIN),
    ("nerel", "mentions.LOC.exact.f1"): (0.8779, MARGIN),
    ("nerel", "mentions.COUNTRY.exact.f1"): (0.9177, MARGIN),
    ("nerel", "mentions.CITY.exact.f1"): (0.7026, MARGIN),
    ("nerel", "mentions.PROFESSION.exact.f1"): (0.7742, MARGIN),
    ("nerel", "mentions.EVENT.exact.f1"): (0.2486, MARGIN),
    ("nerel", "mentions.LAW.exact.f1"): (0.2614, MARGIN),
    ("nerel", "mentions.DATE.exact.f1"): (0.696, MARGIN),
    ("nerel", "mentions.overall.exact.f1"): (0.85, MARGIN),
    ("nerel", "relations.WORKS_AS.exact.f1"): (0.6045, MARGIN),
    ("nerel", "relations.WORKPLACE.exact.f1"): (0.4128, MARGIN),
    ("nerel", "relations.PARTICIPANT_IN.exact.f1"): (0.0193, MARGIN),
    ("nerel", "relations.POINT_IN_TIME.exact.f1"): (0.0081, MARGIN),
    # The releases corpus, Russian.
    ("releases", "ru.person_recall"): (1.0, MARGIN),
    ("releases", "ru.person_precision"): (0.991, MARGIN),
    ("releases", "ru.person_name_exact"): (0.957, MARGIN),
    ("releases", "ru.title_occ"): (0.873, MARGIN),
    ("releases", "ru.title_any"): (0.902, MARGIN),
    ("releases", "ru.person_country"): (0.929, MARGIN),
    ("releases", "ru.country_recall"): (0.988, MARGIN),
    ("releases", "ru.country_precision"): (0.977, MARGIN),
    ("releases", "ru.country_actor_recall"): (0.976, MARGIN),
    ("releases", "ru.meeting_recall"): (0.952, MARGIN),
    ("releases", "ru.meeting_recall_lenient"): (1.0, MARGIN),
    ("releases", "ru.meeting_mode_ok"): (0.975, MARGIN),
    ("releases", "ru.consult_supported"): (0.89, MARGIN),
    ("releases", "ru.agreement_recall"): (0.964, MARGIN),
    ("releases", "ru.agreement_status_ok"): (0.963, MARGIN),
    ("releases", "ru.topic_recall"): (0.844, MARGIN),
    ("releases", "ru.topic_precision"): (0.904, MARGIN),
    ("releases", "ru.org_recall_loose"): (0.907, MARGIN),
    # Kazakh, read by lang/kk (events, agreements, dates and topics from word forms and case
    # endings; issue 11). A meeting is 1/83 of the recall (any one lost fails it, as for Russian),
    # an agreement 1/28 (the margin lets one go).
    # Person countries 0.673 -> 0.86 by the reader's rules of issue 11 (publisher as home, the
    # title's own country, group members, the Kazakh spelling), docs/languages.md. Then (reader
    # 0.6, 6 December 2026): names made whole, bare and paired titles, the countries a title
    # names, the retrained tagger: person precision 0.858 -> 0.974, titles 0.768 -> 0.97, person
    # countries 0.86 -> 0.902, countries 0.871 -> 0.929, meetings 0.916 -> 0.976, CONSULT events
    # backed 0.72 -> 0.785, organisations 0.783 -> 0.86.
    ("releases", "kk.person_recall"): (0.991, MARGIN),
    ("releases", "kk.person_precision"): (0.974, MARGIN),
    ("releases", "kk.person_name_exact"): (0.965, MARGIN),
    ("releases", "kk.title_occ"): (0.87, MARGIN),
    ("releases", "kk.title_any"): (0.97, MARGIN),
    ("releases", "kk.person_country"): (0.902, MARGIN),
    ("releases", "kk.country_recall"): (0.929, MARGIN),
    ("releases", "kk.country_precision"): (1.0, MARGIN),
    ("releases", "kk.country_actor_recall"): (0.941, MARGIN),
    ("releases", "kk.meeting_recall"): (0.976, MARGIN),
    ("releases", "kk.meeting_recall_lenient"): (1.0, MARGIN),
    # 0.958 -> 0.947: a headline restating a call became that call (extract.meetings), and the
    # scorer now matches the release's planned meeting to the call, whose mode is "phone" (kk/05;
    # the planned meeting's own event has no sides the tagger found); and mode is over the
    # meetings found, 4 more of them (0.867 -> 0.916) with one mode wrong.
    ("releases", "kk.meeting_mode_ok"): (0.975, MARGIN),
    # A reception and the talks said at it are one event now (issue 10: one meeting, one
    # event): two supported events become one, which lowers the corpus share of supported
    # events though no meeting is lost (kk 07, en 08: 3 of 4 -> 2 of 3); 0.747 -> 0.72.
    # 0.806 -> 0.785 with «X басшысы» standing for X's titled person (events 0.1.4): two
    # invitations («Моңғолия делегациясының басшысы қазақстандық сенаторларды ... шақырды») now
    # have their inviter and no guessed second side, and the invited group («қазақстандық
    # сенаторларды») is no party the reader takes, so they are one-sided, unsupported events.
    ("releases", "kk.consult_supported"): (0.785, MARGIN),
    ("releases", "kk.agreement_recall"): (0.964, FEW_FACTS_MARGIN / 2),
    ("releases", "kk.agreement_status_ok"): (1.0, FEW_FACTS_MARGIN / 2),
    ("releases", "kk.topic_recall"): (0.882, MARGIN),
    ("releases", "kk.topic_precision"): (0.93, MARGIN),
    ("releases", "kk.org_recall_loose"): (0.86, MARGIN),
    # English, read by lang/en (spaCy's parse and an entity ruler from the knowledge base).
    # Names made whole and title phrases read to their name (reader 0.4.0, 6 December 2026):
    # person recall 0.974 -> 1.0, precision 0.926 -> 0.991, names 0.929 -> 0.991, titles
    # 0.907 -> 0.99, person countries 0.882 -> 0.982, meetings 0.855 -> 0.976.
    ("releases", "en.person_recall"): (1.0, MARGIN),
    ("releases", "en.person_precision"): (0.991, MARGIN),
    ("releases", "en.person_name_exact"): (0.991, MARGIN),
    ("releases", "en.title_occ"): (0.99, MARGIN),
    ("releases", "en.title_any"): (0.99, MARGIN),
    ("releases", "en.person_country"): (0.982, MARGIN),
    ("releases", "en.country_recall"): (0.988, MARGIN),
    ("releases", "en.country_precision"): (0.988, MARGIN),
    ("releases", "en.country_actor_recall"): (0.906, MARGIN),
    # 0.783 -> 0.855: the shared sides rule, a headline of states merged into its meeting,
    # attendance joining the meeting, a recurring surname that the NER left untagged.
    # 0.855 -> 0.976: names and titles made whole, a partner the parser hangs on the verb.
    ("releases", "en.meeting_recall"): (0.976, MARGIN),
    ("releases", "en.meeting_recall_lenient"): (1.0, MARGIN),
    # 0.972 -> 1.0: the invited take part on the inviter's side, "the leaders" are both sides
    ("releases", "en.meeting_mode_ok"): (1.0, MARGIN),
    # 0.798 before receptions merged; 0.773 -> 0.845: "a meeting with X" under "the sides", the
    # invited take part on the inviter's side, "the leaders" are both sides
    ("releases", "en.consult_supported"): (0.845, MARGIN),
    ("releases", "en.agreement_recall"): (0.929, FEW_FACTS_MARGIN / 2),
    ("releases", "en.agreement_status_ok"): (0.962, FEW_FACTS_MARGIN / 2),
    ("releases", "en.topic_recall"): (0.929, MARGIN),
    ("releases", "en.topic_precision"): (0.934, MARGIN),
    ("releases", "en.org_recall_loose"): (0.922, MARGIN),
}
# Every test here waits for the gold sets' run: `make test-fast` leaves them out.
pytestmark = pytest.mark.slow

_FOLDERS = {"factrueval": FACTRUEVAL, "nerel": NEREL_DEV, "releases": RELEASES_DEV}


def _predictor(pipeline: Pipeline) -> Any:
    return lambda documents: [pipeline.process(d) for d in documents]


@pytest.fixture(scope="session")
def reports(pipeline: Pipeline) -> dict[str, dict[str, Any]]:
    """Each gold set's figures, the pipeline's run once per session."""
    missing = [str(folder) for folder in _FOLDERS.values() if not folder.is_dir()]
    if missing:
        pytest.skip(f"shared gold data not present: {', '.join(missing)}")
    predict = _predictor(pipeline)
    factrueval = evaluate_factrueval(FACTRUEVAL, predict, baseline=natasha_baseline)
    nerel = evaluate_nerel(NEREL_DEV, predict, baseline=None)
    releases = evaluate_releases(RELEASES_DEV, predict, languages=["ru", "kk", "en"])
    # Keyed as FLOORS names the gold sets: the part of each report its paths start from.
    return {
        "factrueval": factrueval["systems"][SYSTEM],
        "factrueval-natasha": factrueval["systems"]["natasha"],
        "nerel": nerel["systems"][SYSTEM],
        "releases": releases["languages"],
    }


def _figure(report: dict[str, Any], path: str) -> float:
    value: Any = report
    for key in path.split("."):
        value = value[key]
    return float(value)


@pytest.mark.parametrize(("gold_set", "path"), list(FLOORS), ids=[f"{g}:{p}" for g, p in FLOORS])
def test_no_figure_falls_below_its_floor(
    reports: dict[str, dict[str, Any]], gold_set: str, path: str
) -> None:
    measured, margin = FLOORS[(gold_set, path)]
    value = _figure(reports[gold_set], path)
    assert value >= round(measured - margin, 4), (
        f"{gold_set} {path}: {value:.4f}, floor {measured - margin:.4f} ({measured} - {margin})"
    )


def test_the_pipeline_beats_natashas_names_on_factrueval(
    reports: dict[str, dict[str, Any]],
) -> None:
    """Natasha's NER alone, run in the same evaluation, is the anchor: every kind at least as
    good, organisations clearly better (the knowledge base and head phrases)."""
    system, natasha = reports["factrueval"], reports["factrueval-natasha"]
    for bucket in ("Person", "Org", "Location"):
        path = f"mentions.{bucket}.exact.f1"
        assert _figure(system, path) >= _figure(natasha, path), bucket
    org = "mentions.Org.exact.f1"
    assert _figure(system, org) >= _figure(natasha, org) + 0.03
