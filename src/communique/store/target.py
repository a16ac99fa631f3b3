"""What a `--db` value names: a DuckDB file (the default) or a PostgreSQL server (a URL)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

DEFAULT_DB = "communique.duckdb"
DB_ENV = "COMMUNIQUE_DB"
_POSTGRES_SCHEMES = ("postgresql://", "postgres://")

BackendKind = Literal["duckdb", "postgresql"]


@dataclass(frozen=True)
class Target:
    kind: BackendKind
    location: str  # a file path (or ":memory:") for DuckDB, a libpq URL for PostgreSQL

    def describe(self) -> str:
        """For messages: a PostgreSQL URL without its password."""
        if self.kind == "duckdb":
            return self.location
        from psycopg.conninfo import conninfo_to_dict

        try:
            info = conninfo_to_dict(self.location)
        except Exception:  # a malformed URL is reported by connect(); here it is only a label
            return "postgresql://…"
        host = info.get("host", "")
        port = f":{info['port']}" if info.get("port") else ""
        return f"postgresql://{host}{port}/{info.get('dbname', '')}"


def parse_target(value: str | None) -> Target:
    """A URL starting postgresql:// (or postgres://) is PostgreSQL; anything else a DuckDB file."""
    value = (value or "").strip() or DEFAULT_DB
    if value.lower().startswith(_POSTGRES_SCHEMES):
        return Target("postgresql", value)
    return Target("duckdb", value)
