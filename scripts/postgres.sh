#!/usr/bin/env bash
# A throw-away PostgreSQL server for the store's tests.
#
#   scripts/postgres.sh install   apt-get install postgresql, if no initdb is found (root only)
#   eval "$(scripts/postgres.sh start)"
#                                 (installing first as `install` does, when root) initialise a cluster in a new temporary folder, start it on
#                                 127.0.0.1 at a free port, print `export COMMUNIQUE_TEST_PG=<url>`
#                                 and `export COMMUNIQUE_TEST_PG_DIR=<folder>`
#   scripts/postgres.sh stop [DIR]
#                                 stop that server and delete its folder (DIR defaults to
#                                 $COMMUNIQUE_TEST_PG_DIR)
#
# Each start makes its own cluster, so two test runs on one machine never share a server. As
# root (CI), the server runs as the `postgres` user: PostgreSQL refuses to run as root. Messages go
# to stderr; stdout carries only the exports.
set -euo pipefail

find_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    return 1
}

as_server_user() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

install() {
    if find_bin >/dev/null; then
        return 0
    fi
    if [ "$(id -u)" -ne 0 ]; then
        echo "postgres.sh: PostgreSQL is not installed and installing it needs root" >&2
        return 1
    fi
    echo "postgres.sh: installing PostgreSQL from Debian" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    # Debian's package also creates and starts a cluster of its own; it is not used here.
    apt-get install -y -qq postgresql >&2
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
    local bin dir password port
    if ! find_bin >/dev/null && [ "$(id -u)" -eq 0 ]; then
        install
    fi
    bin="$(find_bin)" || { echo "postgres.sh: no initdb under /usr/lib/postgresql" >&2; return 1; }
    dir="$(mktemp -d "${TMPDIR:-/tmp}/communique-pg.XXXXXX")"
    chmod 755 "$dir"
    password="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
    printf '%s\n' "$password" >"$dir/password"
    if [ "$(id -u)" -eq 0 ]; then
        chown -R postgres: "$dir"
    fi
    # C.UTF-8: lower() and ILIKE fold Cyrillic, as DuckDB's do; no fsync, the data is thrown away.
    as_server_user "$bin/initdb" -D "$dir/data" -U postgres --auth=scram-sha-256 \
        --pwfile="$dir/password" --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; return 1; }
    local attempt
    for attempt in 1 2 3 4 5; do
        port="$(free_port)"
        if as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off \
                -c synchronous_commit=off -c full_page_writes=off" >/dev/null 2>&1; then
            echo "export COMMUNIQUE_TEST_PG='postgresql://postgres:$password@127.0.0.1:$port/postgres'"
            echo "export COMMUNIQUE_TEST_PG_DIR='$dir'"
            echo "postgres.sh: PostgreSQL started on 127.0.0.1:$port ($dir)" >&2
            return 0
        fi
        echo "postgres.sh: start on port $port failed (attempt $attempt)" >&2
    done
    cat "$dir/server.log" >&2 || true
    rm -rf "$dir"
    return 1
}

stop() {
    local dir="${1:-${COMMUNIQUE_TEST_PG_DIR:-}}" bin
    [ -n "$dir" ] && [ -d "$dir/data" ] || return 0
    bin="$(find_bin)"
    as_server_user "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}

case "${1:-}" in
    install) install ;;
    start) start ;;
    stop) stop "${2:-}" ;;
    *) echo "usage: $0 install|start|stop [DIR]" >&2; exit 2 ;;
esac
