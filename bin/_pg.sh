# shellcheck shell=bash
# A throwaway PostgreSQL cluster in a temporary directory; sourced by bin/test and bin/smoke.
#
#   w3_pg_find_bindir   prints the directory of the server binaries (initdb, pg_ctl), or fails
#   w3_pg_start         starts a cluster and exports DATABASE_URL=postgres://postgres@127.0.0.1:PORT/week3
#   w3_pg_stop          stops the cluster and deletes its directory (safe to call more than once)
#
# Callers put w3_pg_stop in their EXIT trap. Durability is switched off: the data is thrown away.

W3_PG_DIR=""
W3_PG_BINDIR=""

w3_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

w3_pg_find_bindir() {
    local pg_ctl dir
    # On PATH, possibly as symlinks: use the directory they point into, where createdb lives too.
    pg_ctl="$(command -v pg_ctl || true)"
    if [[ -n $pg_ctl ]]; then
        dir="$(dirname "$(readlink -f "$pg_ctl")")"
        if [[ -x $dir/initdb && -x $dir/createdb ]]; then
            echo "$dir"
            return 0
        fi
    fi
    # Debian and Ubuntu keep the server binaries off PATH, one directory per major version.
    while read -r dir; do
        if [[ -x $dir/initdb && -x $dir/pg_ctl && -x $dir/createdb ]]; then
            echo "$dir"
            return 0
        fi
    done < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -V -r)
    return 1
}

# Runs a server binary as the cluster's owner: initdb and postgres refuse to run as root.
_w3_pg_as_owner() {
    if [[ $EUID -eq 0 ]]; then
        (cd "$W3_PG_DIR" && su postgres -s /bin/sh -c "$(printf '%q ' "$@")")
    else
        (cd "$W3_PG_DIR" && "$@")
    fi
}

w3_pg_start() {
    local port attempt locale_opt
    W3_PG_BINDIR="$(w3_pg_find_bindir)" || {
        echo "PostgreSQL server binaries (initdb, pg_ctl) not found." >&2
        return 1
    }
    if [[ $EUID -eq 0 ]]; then
        if ! id postgres >/dev/null 2>&1; then
            echo "Running as root: a 'postgres' user is needed to own the throwaway cluster." >&2
            return 1
        fi
        W3_PG_DIR="$(mktemp -d /tmp/week3-pg.XXXXXX)"
        chown postgres: "$W3_PG_DIR"
    else
        W3_PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/week3-pg.XXXXXX")"
    fi

    for locale_opt in --locale=C.UTF-8 --no-locale; do
        if _w3_pg_as_owner "$W3_PG_BINDIR/initdb" -D "$W3_PG_DIR/data" -U postgres -A trust \
            -E UTF8 "$locale_opt" >"$W3_PG_DIR/initdb.log" 2>&1; then
            break
        fi
        if [[ $locale_opt == --no-locale ]]; then
            cat "$W3_PG_DIR/initdb.log" >&2
            echo "initdb failed." >&2
            return 1
        fi
    done
    cat >>"$W3_PG_DIR/data/postgresql.conf" <<CONF

# Throwaway cluster for Week 3's tests: local only, speed over durability.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$W3_PG_DIR'
fsync = off
full_page_writes = off
synchronous_commit = off
CONF

    # The free port is only reserved once postgres binds it: retry if someone took it meanwhile.
    for attempt in 1 2 3; do
        port="$(w3_free_port)"
        if _w3_pg_as_owner "$W3_PG_BINDIR/pg_ctl" -D "$W3_PG_DIR/data" -l "$W3_PG_DIR/server.log" \
            -o "-p $port" -w -t 30 start >/dev/null; then
            break
        fi
        if [[ $attempt -eq 3 ]]; then
            cat "$W3_PG_DIR/server.log" >&2 || true
            echo "Could not start the throwaway PostgreSQL cluster." >&2
            return 1
        fi
    done
    if ! "$W3_PG_BINDIR/createdb" -h 127.0.0.1 -p "$port" -U postgres week3; then
        echo "Could not create the week3 database." >&2
        return 1
    fi
    export DATABASE_URL="postgres://postgres@127.0.0.1:$port/week3"
    echo "Throwaway PostgreSQL $("$W3_PG_BINDIR/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port." >&2
}

w3_pg_stop() {
    [[ -n $W3_PG_DIR ]] || return 0
    if [[ -f $W3_PG_DIR/data/postmaster.pid ]]; then
        _w3_pg_as_owner "$W3_PG_BINDIR/pg_ctl" -D "$W3_PG_DIR/data" -m fast -w -t 20 stop \
            >/dev/null 2>&1 ||
            _w3_pg_as_owner "$W3_PG_BINDIR/pg_ctl" -D "$W3_PG_DIR/data" -m immediate -w stop \
                >/dev/null 2>&1 || true
    fi
    rm -rf "$W3_PG_DIR"
    W3_PG_DIR=""
}
