"""Score records on a corpus of parallel releases (ru / kk / en) read by an analyst.

The corpus is a folder `<lang>/<slug>.txt` with `gold.jsonl` beside it (format in the corpus'
README: persons with nominative name, surname, title and country; party countries; meetings with
participants, mode and status; agreements with title words and status; topics; organisations;
bylines to ignore). The scoring is the shared tool's (`shared/tools/score_releases.py`), ported
here so that `communique eval releases DIR` gives the same numbers in process:

- persons: a gold person matches a person actor when the first 5 letters of the gold surname start
  a token of the actor's name, of its mentions, or of their transliteration; one-to-one, greedy.
- name: the matched actor's name is the gold nominative name (case, hyphen and accents aside).
- title: a key class of the gold title (chair, minister, ambassador, ...) is among the record's
  occupations for that person (`title_occ`), or its occupations, positions and POSITION mentions.
- person country, party countries (of persons, organisations, events' sides and agreements).
- meetings: a CONSULT event whose sides cover both sides of a gold meeting (lenient: a surname's
  side may be covered by that person's gold country on the event); mode phone <-> phone.
- agreements: the title's head word and half its words in one agreement; its status class.
- topics and organisations (loose: 60 % of a name's word stems in one organisation actor).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from communique.document import Document
from communique.ingest.documents import with_language
from communique.record import Record

LANGUAGES = ("ru", "kk", "en")
GOLD_FILE = "gold.jsonl"

Predictor = Callable[[list[Document]], list[Record]]
ProgressCallback = Callable[[str, int, int], None]

_FOLD = str.maketrans(
    {
        "ә": "а", "ө": "о", "ү": "у", "ұ": "у", "қ": "к", "ғ": "г", "ң": "н", "һ": "х", "і": "и",
        "ё": "е", "\u2011": "-", "\u2010": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " ",
        "’": "'", "ʼ": "'",
    }
)  # fmt: skip
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
# The other spellings official romanisations use.
_TRANSLIT_ALT = {"ж": "j", "х": "h", "й": "i", "ы": "i", "ю": "iu", "я": "ia", "к": "q"}

TITLE_CLASSES = {
    "chair": r"председател|спикер|торага|торайым|chairman|chairwoman|\bchair\b|speaker|marshal"
    r"|маршал",
    "minister": r"министр|глава\s+(\S+\s+)?мид|глава\s+(\S+\s+)?внешнеполитическ|minister"
    r"|foreign\s+secretary",
    "pm": r"премьер|prime\s+minister",
    "secretary": r"секретар|хатшы|secretary",
    "ambassador": r"посол|посл[аоуеы]|елши|ambassador|envoy|посланник",
    "president": r"президент|глава\s+государств|мемлекет\s+басшы|president|head\s+of\s+state"
    r"|лидер|leader",
    "deputy": r"депутат|\bdeputy\b(?!\s+(prime|chairman|minister))|\bmp\b",
    "director": r"директор|director",
    "monarch": r"корол|queen|king|\bпапа|pope",
    "order": r"магистр|канцлер|grand\s+master|chancellor",
    "head": r"басшы|руководител|\bhead\b",
    "poet": r"акын|поэт|poet",
}
_ISO = re.compile(r"^[A-Z]{2}$")
_SIGNED = ("signed", "ratified", "in_force")
_PLANNED = ("planned", "under_negotiation")


def fold(text: str) -> str:
    return unicodedata.normalize("NFC", text or "").lower().translate(_FOLD)


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def token_list(text: str) -> list[str]:
    """Tokens in text order; a hyphenated token is followed by its parts."""
    out: list[str] = []
    for token in re.split(r"[\s,.;:«»\"()\[\]/]+", _strip_accents(fold(text))):
        token = token.strip("-'")
        if token:
            out.append(token)
            if "-" in token:
                out.extend(part for part in token.split("-") if part)
    return out


def same_name(a: str, b: str) -> bool:
    """The same nominative form, case, hyphen/space variants and accents aside."""

    def norm(x: str) -> str:
        return " ".join(_strip_accents(fold(x)).replace(" -", "-").split())

    return norm(a) == norm(b)


def _is_cyrillic(text: str) -> bool:
    return bool(re.search(r"[а-я]", text))


def _translits(text: str) -> set[str]:
    plain = "".join(_TRANSLIT.get(c, c) for c in text)
    alternative = "".join(_TRANSLIT_ALT.get(c, _TRANSLIT.get(c, c)) for c in text)
    return {plain, alternative}


def _prefix_match(gold: str, token: str) -> bool:
    if len(gold) >= 5:
        return token[:5] == gold[:5]
    return token.startswith(gold) and len(token) <= len(gold) + 3


def surname_key(surname: str) -> str:
    parts = [t for t in re.split(r"\s+", _strip_accents(fold(surname))) if t]
    return parts[0].strip("-'") if parts else ""


def surname_matches(surname: str, cyrillic: set[str], latin: set[str]) -> bool:
    gold = surname_key(surname)
    if not gold:
        return False
    if _is_cyrillic(gold):
        return any(_prefix_match(gold, t) for t in cyrillic) or any(
            _prefix_match(g, t) for g in _translits(gold) for t in latin
        )
    return any(_prefix_match(gold, t) for t in latin) or any(
        _prefix_match(gold, tt) for t in cyrillic for tt in _translits(t)
    )


def title_classes(title: str) -> set[str]:
    folded = fold(title)
    return {name for name, rx in TITLE_CLASSES.items() if re.search(rx, folded)}


def _stems(text: str, min_len: int = 3) -> set[str]:
    return {t[:5] for t in token_list(text) if len(t) >= min_len}


class RecordView:
    """What the scoring needs from one record (its JSON form, as `extract --format jsonl`)."""

    def __init__(self, record: dict[str, Any] | None) -> None:
        record = record or {}
        self.status: str = record.get("status", "missing")
        self.text: str = record.get("text") or ""
        self.actors: dict[str, dict[str, Any]] = {a["id"]: a for a in record.get("actors") or []}
        self.mentions: list[dict[str, Any]] = record.get("mentions") or []
        self.occupations: list[dict[str, Any]] = record.get("occupations") or []
        self.events: list[dict[str, Any]] = record.get("events") or []
        self.agreements: list[dict[str, Any]] = record.get("agreements") or []
        self.topics = {t["id"] for t in record.get("topics") or []}
        self.cyrillic: dict[str, set[str]] = {}
        self.latin: dict[str, set[str]] = {}
        for actor_id, actor in self.actors.items():
            names = [actor.get("name") or "", actor.get("name_latin") or ""]
            for m in self.mentions:
                if m.get("actor") == actor_id and m.get("type") in (
                    "PERSON",
                    "ORGANIZATION",
                    "COUNTRY",
                ):
                    names += [m.get("text") or "", m.get("normal") or "", m.get("latin") or ""]
            cyrillic, latin = set(), set()
            for name in names:
                for token in token_list(name):
                    (cyrillic if _is_cyrillic(token) else latin).add(token)
            self.cyrillic[actor_id], self.latin[actor_id] = cyrillic, latin
        self.persons = [i for i, a in self.actors.items() if a.get("kind") == "person"]
        self.organizations = [i for i, a in self.actors.items() if a.get("kind") == "organization"]

    def person_matches(self, actor_id: str, surname: str) -> bool:
        return surname_matches(
            surname, self.cyrillic.get(actor_id, set()), self.latin.get(actor_id, set())
        )

    def titles(self, actor_id: str, with_positions: bool) -> str:
        parts: list[str] = []
        for o in self.occupations:
            if o.get("person") == actor_id:
                parts += [o.get("position") or "", o.get("position_en") or ""]
                span = o.get("title") or {}
                if "start" in span:
                    parts.append(self.text[span["start"] : span["end"]])
        if with_positions:
            parts += self.actors[actor_id].get("positions") or []
            for m in self.mentions:
                if m.get("actor") == actor_id and m.get("type") == "POSITION":
                    parts += [m.get("text") or "", m.get("normal") or "", m.get("label") or ""]
        return " | ".join(parts)

    def actor_countries(self, actor_id: str) -> set[str]:
        country = (self.actors.get(actor_id) or {}).get("country")
        return {country} if country else set()

    def party_countries(self) -> set[str]:
        out = {
            a["country"]
            for a in self.actors.values()
            if a.get("kind") in ("person", "organization") and a.get("country")
        }
        for e in self.events:
            out.update(e.get("source_countries") or [])
            out.update(e.get("target_countries") or [])
        for g in self.agreements:
            out.update(g.get("countries") or [])
        return out

    def country_actors(self) -> set[str]:
        return {
            a["country"]
            for a in self.actors.values()
            if a.get("kind") == "country" and a.get("country")
        }


def score_document(gold: dict[str, Any], view: RecordView) -> dict[str, Any]:
    """Counts and misses for one gold line against one record."""
    row: dict[str, Any] = {"status": view.status}
    row.update(_score_persons(gold, view))
    row.update(_score_countries(gold, view))
    row.update(_score_meetings(gold, view))
    row.update(_score_agreements(gold, view))
    gold_topics = set(gold["topics"])
    row.update(
        top_gold=len(gold_topics),
        top_pred=len(view.topics),
        top_tp=len(gold_topics & view.topics),
        top_missed=sorted(gold_topics - view.topics),
        top_extra=sorted(view.topics - gold_topics),
    )
    row.update(_score_organizations(gold, view))
    return row


def _score_persons(gold: dict[str, Any], view: RecordView) -> dict[str, Any]:
    # greedy one-to-one; among candidates prefer the exact name, then the most mentions
    free = list(view.persons)
    matched: dict[int, str] = {}
    for i, person in enumerate(gold["persons"]):
        candidates = [a for a in free if view.person_matches(a, person["surname"])]
        if candidates:
            best = max(
                candidates,
                key=lambda a: (
                    same_name(view.actors[a].get("name") or "", person["name"]),
                    len(view.actors[a].get("mentions") or []),
                    bool(view.actors[a].get("country")),
                ),
            )
            matched[i] = best
            free.remove(best)
    ignore = gold.get("ignore_persons") or []
    ignored = [a for a in free if any(view.person_matches(a, s) for s in ignore)]
    persons = gold["persons"]
    row: dict[str, Any] = {
        "p_gold": len(persons),
        "p_tp": len(matched),
        "p_pred": len(view.persons) - len(ignored),
        "p_missed": [p["name"] for i, p in enumerate(persons) if i not in matched],
        "name_ok": sum(
            same_name(view.actors[a].get("name") or "", persons[i]["name"])
            for i, a in matched.items()
        ),
        "name_wrong": [
            f"{persons[i]['name']} -> {view.actors[a].get('name')}"
            for i, a in matched.items()
            if not same_name(view.actors[a].get("name") or "", persons[i]["name"])
        ],
        "p_spurious": [view.actors[a].get("name") for a in free if a not in ignored],
    }
    t_n = t_occ = t_any = c_n = c_ok = 0
    t_wrong: list[str] = []
    c_wrong: list[str] = []
    for i, actor_id in matched.items():
        person = persons[i]
        wanted = title_classes(person["title"]) if person.get("title") else set()
        if wanted:
            t_n += 1
            t_occ += bool(title_classes(view.titles(actor_id, False)) & wanted)
            found = bool(title_classes(view.titles(actor_id, True)) & wanted)
            t_any += found
            if not found:
                said = view.titles(actor_id, True)[:80]
                t_wrong.append(f"{person['surname']}: gold '{person['title']}' / record '{said}'")
        if person.get("country"):
            c_n += 1
            if person["country"] in view.actor_countries(actor_id):
                c_ok += 1
            else:
                said = view.actors[actor_id].get("country")
                c_wrong.append(f"{person['surname']}: gold {person['country']} / record {said}")
    row.update(t_n=t_n, t_occ=t_occ, t_any=t_any, t_wrong=t_wrong, c_n=c_n, c_ok=c_ok)
    if c_wrong:
        row["p_country_wrong"] = c_wrong
    return row


def _score_countries(gold: dict[str, Any], view: RecordView) -> dict[str, Any]:
    wanted, said = set(gold["countries"]), view.party_countries()
    return {
        "ctry_gold": len(wanted),
        "ctry_pred": len(said),
        "ctry_tp": len(wanted & said),
        "ctry_missed": sorted(wanted - said),
        "ctry_extra": sorted(said - wanted),
        "ctry_actor_tp": len(wanted & view.country_actors()),
        "ctry_actor_pred": len(view.country_actors()),
    }


def _score_meetings(gold: dict[str, Any], view: RecordView) -> dict[str, Any]:
    gold_country = {surname_key(p["surname"]): p.get("country") for p in gold["persons"]}
    consults = [e for e in view.events if e.get("type") == "CONSULT"]

    def event_countries(event: dict[str, Any]) -> set[str]:
        return set(event.get("source_countries") or []) | set(event.get("target_countries") or [])

    def side_actors(side: str, event: dict[str, Any], lenient: bool) -> set[str]:
        ids = list(event.get("source") or []) + list(event.get("target") or [])
        if _ISO.match(side):
            hit = {a for a in ids if side in view.actor_countries(a)}
            if side in event_countries(event):
                hit.add("country:" + side)
            return hit
        hit = {
            a
            for a in ids
            if (view.actors.get(a) or {}).get("kind") == "person" and view.person_matches(a, side)
        }
        if lenient and not hit:
            country = gold_country.get(surname_key(side))
            if country and country in event_countries(event):
                hit.add("country:" + country)
        return hit

    def covers(meeting: dict[str, Any], event: dict[str, Any], lenient: bool) -> bool:
        first = side_actors(meeting["participants"][0], event, lenient)
        last = side_actors(meeting["participants"][-1], event, lenient)
        if not first or not last:
            return False
        return any(x != y for x in first for y in last) or (
            lenient and bool(first & last) and len(event_countries(event)) >= 2
        )

    m_tp = m_len = mode_n = mode_ok = 0
    missed: list[str] = []
    supported: set[str] = set()
    for meeting in gold["meetings"]:
        strict = [e for e in consults if covers(meeting, e, False)]
        lenient = [e for e in consults if covers(meeting, e, True)]
        supported.update(e["id"] for e in lenient)
        m_tp += bool(strict)
        m_len += bool(lenient)
        if strict:
            mode_n += 1
            want_phone = meeting["mode"] == "phone"
            mode_ok += any((e.get("mode") == "phone") == want_phone for e in strict)
        else:
            missed.append("+".join(meeting["participants"]) + f" ({meeting['mode']})")
    return {
        "m_gold": len(gold["meetings"]),
        "m_tp": m_tp,
        "m_len": m_len,
        "mode_n": mode_n,
        "mode_ok": mode_ok,
        "m_missed": missed,
        "consult_pred": len(consults),
        "consult_supported": len(supported),
        "events_pred": len(view.events),
    }


def _score_agreements(gold: dict[str, Any], view: RecordView) -> dict[str, Any]:
    free = list(view.agreements)
    mention_text = {m.get("id"): m.get("text") or "" for m in view.mentions}
    tp = status_ok = 0
    missed: list[str] = []
    for agreement in gold["agreements"]:
        words = [t for t in token_list(agreement["title_words"]) if len(t) >= 3]
        head = words[0][:5] if words else ""
        wanted = {w[:5] for w in words}
        best, best_share = None, 0.0
        for said in free:
            stems = _stems(
                (said.get("title") or "") + " " + mention_text.get(said.get("mention"), "")
            )
            if head not in stems:
                continue
            share = len(wanted & stems) / max(1, len(wanted))
            if share > best_share:
                best, best_share = said, share
        if best is not None and best_share >= 0.5:
            free.remove(best)
            tp += 1
            status = best.get("status")
            status_ok += {
                "signed": status in _SIGNED,
                "planned": status in _PLANNED,
                "mentioned": True,
            }.get(agreement["status"], False)
        else:
            missed.append(agreement["title_words"])
    return {
        "a_gold": len(gold["agreements"]),
        "a_tp": tp,
        "a_status_ok": status_ok,
        "a_pred": len(view.agreements),
        "a_missed": missed,
    }


def _score_organizations(gold: dict[str, Any], view: RecordView) -> dict[str, Any]:
    found = 0
    names = gold.get("organisations") or []
    for name in names:
        wanted = _stems(name)
        acronyms = {t for t in re.split(r"\s+", name) if len(t) >= 2 and t.isupper()}
        for org in view.organizations:
            tokens = view.cyrillic[org] | view.latin[org]
            stems = {t[:5] for t in tokens if len(t) >= 3}
            if (wanted and len(wanted & stems) / len(wanted) >= 0.6) or (
                acronyms & {t.upper() for t in tokens}
            ):
                found += 1
                break
    return {"org_gold": len(names), "org_tp": found, "org_pred": len(view.organizations)}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def aggregate(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Micro-averages over documents."""
    rows = list(rows)

    def total(key: str) -> int:
        return sum(r[key] for r in rows)

    return {
        "docs": len(rows),
        "docs_ok": sum(r["status"] == "ok" for r in rows),
        "person_recall": _ratio(total("p_tp"), total("p_gold")),
        "person_precision": _ratio(total("p_tp"), total("p_pred")),
        "person_name_exact": _ratio(total("name_ok"), total("p_tp")),
        "title_occ": _ratio(total("t_occ"), total("t_n")),
        "title_any": _ratio(total("t_any"), total("t_n")),
        "person_country": _ratio(total("c_ok"), total("c_n")),
        "country_recall": _ratio(total("ctry_tp"), total("ctry_gold")),
        "country_precision": _ratio(total("ctry_tp"), total("ctry_pred")),
        "country_actor_recall": _ratio(total("ctry_actor_tp"), total("ctry_gold")),
        "meeting_recall": _ratio(total("m_tp"), total("m_gold")),
        "meeting_recall_lenient": _ratio(total("m_len"), total("m_gold")),
        "meeting_mode_ok": _ratio(total("mode_ok"), total("mode_n")),
        "consult_events": total("consult_pred"),
        "consult_supported": _ratio(total("consult_supported"), total("consult_pred")),
        "agreement_recall": _ratio(total("a_tp"), total("a_gold")),
        "agreement_status_ok": _ratio(total("a_status_ok"), total("a_tp")),
        "agreements_pred": total("a_pred"),
        "topic_recall": _ratio(total("top_tp"), total("top_gold")),
        "topic_precision": _ratio(total("top_tp"), total("top_pred")),
        "org_recall_loose": _ratio(total("org_tp"), total("org_gold")),
    }


# The columns of the summary table: (header, key in `aggregate`).
COLUMNS = (
    ("docs", "docs"),
    ("ok", "docs_ok"),
    ("P-rec", "person_recall"),
    ("P-prec", "person_precision"),
    ("Name", "person_name_exact"),
    ("T-occ", "title_occ"),
    ("T-any", "title_any"),
    ("P-ctry", "person_country"),
    ("C-rec", "country_recall"),
    ("C-prec", "country_precision"),
    ("Meet", "meeting_recall"),
    ("Meet~", "meeting_recall_lenient"),
    ("Mode", "meeting_mode_ok"),
    ("Cons✓", "consult_supported"),
    ("Agr", "agreement_recall"),
    ("AgrSt", "agreement_status_ok"),
    ("Topic", "topic_recall"),
    ("Org~", "org_recall_loose"),
)


def read_gold(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def evaluate_releases(
    directory: Path,
    predictor: Predictor,
    *,
    languages: Iterable[str] = LANGUAGES,
    limit: int | None = None,
    progress: ProgressCallback | None = None,
    batch_size: int = 16,
) -> dict[str, Any]:
    """Run the predictor over the corpus' releases (one document `<lang>/<slug>` each, language
    detected as on ingest) and score every record; the report has one summary per language and
    one row of counts and misses per document."""
    wanted = set(languages)
    gold = [g for g in read_gold(directory / GOLD_FILE) if g["lang"] in wanted]
    if limit is not None:
        gold = gold[:limit]
    documents = [
        with_language(
            Document(
                id=f"{g['lang']}/{g['slug']}",
                text=(directory / g["lang"] / f"{g['slug']}.txt").read_text(encoding="utf-8"),
            )
        )
        for g in gold
    ]
    records: list[Record] = []
    for start in range(0, len(documents), batch_size):
        records += predictor(documents[start : start + batch_size])
        if progress:
            progress("system", len(records), len(documents))
    return score_corpus(
        gold,
        {r.id: r.model_dump(mode="json") for r in records},
        [lang for lang in LANGUAGES if lang in wanted],
    )


def score_corpus(
    gold: list[dict[str, Any]],
    records: dict[str, dict[str, Any]],
    languages: Iterable[str] = LANGUAGES,
) -> dict[str, Any]:
    """Score records (JSON form, by id `<lang>/<slug>`; a missing one scores as empty) against
    the gold lines: one summary per language, and `all`."""
    rows: dict[str, dict[str, Any]] = {}
    for entry in gold:
        key = f"{entry['lang']}/{entry['slug']}"
        record = records.get(key)
        row = score_document(entry, RecordView(record))
        row["lang"] = entry["lang"]
        row["detected_language"] = (record or {}).get("language")
        rows[key] = row
    summary = {lang: aggregate(r for r in rows.values() if r["lang"] == lang) for lang in languages}
    summary["all"] = aggregate(rows.values())
    return {"dataset": "releases", "languages": summary, "documents": rows}
