#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL server on loopback, for the PostgreSQL tests:
#   bash scripts/with-postgres.sh make test
# Installs PostgreSQL (and tmux, for the terminal test) from the distribution's packages if
# they are missing, starts a server with a data folder under /tmp, sets HR_WIZARD_TEST_PG,
# runs the command, then stops the server and removes the folder.
set -euo pipefail

missing=()
command -v tmux >/dev/null || missing+=(tmux)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$pg_bin" ] || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing ${missing[*]} from the distribution's packages..." >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

port=${HR_WIZARD_TEST_PG_PORT:-55432}
folder=$(mktemp -d /tmp/hr-wizard-pg.XXXXXX)
as_owner=()
if [ "$(id -u)" -eq 0 ]; then  # PostgreSQL refuses to run as root
    chown postgres "$folder"
    as_owner=(runuser -u postgres --)
fi

stop() {
    "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$folder/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$folder"
}
trap stop EXIT

# Trust on loopback only, no fsync: a throwaway server for tests, never for real data.
"${as_owner[@]}" "$pg_bin/initdb" -D "$folder/data" -U postgres -A trust --no-sync >/dev/null
"${as_owner[@]}" "$pg_bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $folder -c fsync=off -c full_page_writes=off" start >/dev/null

export HR_WIZARD_TEST_PG="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
"$@"
