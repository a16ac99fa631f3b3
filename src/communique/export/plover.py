"""Events as PLOVER records, one JSON object a line, as the PLOVER manual's chapter "Data
Fields" defines them; `schemas/plover-event.schema.json` is that definition as a JSON Schema.

Communique's own fields, which PLOVER has no place for (CAMEO code, Goldstein weight, status,
review, evidence offsets, the date as the text states it), are under the one key `communique`.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from communique.coding import cameo_table
from communique.export.actors import CodedActor, code_actor
from communique.export.gdelt import dated

SCHEMA_PATH = Path(__file__).parent / "schemas" / "plover-event.schema.json"
CODEBOOK = "PLOVER manual (Open Event Data Alliance), Draft 0.8 CAMEO-to-PLOVER table"
CODER = "Communique"
EXTENSION = "communique"
STATUSES = ("happened", "reported", "planned", "negated")


@cache
def plover_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def plover_event(row: dict[str, Any], details: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER record for an events-table row and its `queries.event_details`."""
    code = cameo_table().code(row["cameo"])
    category, contexts = row["type"], list(code.contexts)
    if row["status"] == "planned":
        future = cameo_table().future(row["type"])
        # The manual's auxiliary mode "future" goes in the context where no category says it.
        category = future[0] if future else category
        contexts += [] if future else ["future"]
    elif row["status"] == "negated":
        contexts.append("negation")  # the manual: "negated events can be excluded"
    actors = [code_actor(a) for a in details["source"]]
    recipients = [code_actor(a) for a in details["target"]]
    mode = row["mode"]
    if row["joint"]:
        # The manual's reciprocal events: every participant is the actor, no recipient.
        actors, recipients = _unique(actors + recipients), []
    if category != row["type"]:
        mode = None  # a mode belongs to its category; AGREE has none
    day, dated_by = dated(details, row.get("stored_at"))
    record: dict[str, Any] = {
        "id": f"{row['document_id']}/{row['event_id']}",
        "date": day.isoformat(),
        "actor": [_entity(a) for a in actors],
        "recipient": [_entity(a) for a in recipients],
        "event": [category],
        "mode": [mode] if mode else [],
        "context": list(dict.fromkeys(contexts)),
        "event_text": [row["evidence"]] if row["evidence"] else [],
        "cite_info": {
            "url": row["url"],
            "title": row["title"],
            "publication": row["publisher"],
            "coder": f"{CODER} {row['pipeline_version']}",
            "codebook": CODEBOOK,
            "version": row["pipeline_version"],
        },
        "coder": CODER,
        "coded_date": str(row["stored_at"] or "")[:10] or None,
        EXTENSION: {
            "cameo": row["cameo"],
            "cameo_name": row["cameo_name"],
            "goldstein": row["goldstein"],
            "status": row["status"],
            "review": row["review"],
            "sources": row["sources"],
            "date_stated": details["date_value"],
            "date_precision": details["date_precision"],
            # how `date` was found: text, published, period (a month or year's first day), stored
            "dated_by": dated_by,
            "evidence": {
                "document_id": row["document_id"],
                "start": row["span_start"],
                "end": row["span_end"],
                "trigger": row["trigger_text"],
            },
        },
    }
    return {k: v for k, v in record.items() if v is not None}


def _entity(actor: CodedActor) -> dict[str, Any]:
    """The manual's "information object for entities"."""
    entity: dict[str, Any] = {
        "code": actor.plover_code,
        "sector": "".join(actor.plover_sectors[:2]) or None,  # "3- or 6-char sector"
        "entity_text": actor.name,
        "identifier_id": f"communique-kb:{actor.kb_id}" if actor.kb_id else None,
        "identifier_text": actor.name_latin or None,
        "office": actor.office,
    }
    return {k: v for k, v in entity.items() if v is not None}


def _unique(actors: list[CodedActor]) -> list[CodedActor]:
    return list({(a.name, a.kb_id): a for a in actors}.values())
