"""Events as PLOVER-style JSON objects, one a line.

Field names follow the PLOVER event data format (id, date, event, mode, context, source,
src_actor, src_agent, target, tgt_actor, tgt_agent, eventText, url); Communique's own fields that
PLOVER has no place for are kept under their own names (cameo, goldstein, status, review,
evidence).
"""

from __future__ import annotations

from typing import Any

from communique.export.countries import alpha3

PLOVER_VERSION = "PLOVER 2020 (Communique mapping 1)"


def plover_event(row: dict[str, Any]) -> dict[str, Any]:
    sources, targets = row["source"], row["target"]
    source_countries, target_countries = row["source_countries"], row["target_countries"]
    if row["joint"] and not targets and len(sources) > 1:
        # A joint act ("стороны подписали"): PLOVER is dyadic, so the second side is the target.
        sources, targets = sources[:1], sources[1:2]
        source_countries, target_countries = source_countries[:1], source_countries[1:2]
    return {
        "id": f"{row['document_id']}/{row['event_id']}",
        "date": row["date"],
        "event": row["type"],
        "mode": row["mode"],
        "context": [],
        "source": alpha3(source_countries[0]) if source_countries else None,
        "src_actor": sources[0] if sources else None,
        "src_agent": None,
        "target": alpha3(target_countries[0]) if target_countries else None,
        "tgt_actor": targets[0] if targets else None,
        "tgt_agent": None,
        "eventText": row["evidence"],
        "url": row["url"],
        "version": PLOVER_VERSION,
        "cameo": row["cameo"],
        "goldstein": row["goldstein"],
        "status": row["status"],
        "review": row["review"],  # machine, or an analyst's confirmed/corrected/added
        "sources": row["sources"],
        "evidence": {
            "document_id": row["document_id"],
            "start": row["span_start"],
            "end": row["span_end"],
            "trigger": row["trigger_text"],
        },
    }
