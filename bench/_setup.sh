# shellcheck shell=bash
# Shared start of every benchmark: the venv, a throwaway PostgreSQL, production-like settings
# with the benchmark URLs (bench/settings.py), migrated and with static files collected.
# Sourced from the repository root; leaves $work (a temp dir) and $gunicorn_pid for the caller,
# and cleans both up on exit.
. bin/_venv.sh
. bin/_pg.sh

w3_venv
export PATH="$W3_VENV/bin:$PATH"
work="$(mktemp -d "${TMPDIR:-/tmp}/week3-bench.XXXXXX")"
gunicorn_pid=""
cleanup() {
    [[ -n $gunicorn_pid ]] && kill -TERM "$gunicorn_pid" 2>/dev/null && wait "$gunicorn_pid" 2>/dev/null
    w3_pg_stop
    rm -rf "$work"
}
trap cleanup EXIT
unset DATABASE_URL
w3_pg_start

export DJANGO_SETTINGS_MODULE=bench.settings
export SECRET_KEY="bench-only-$(python -c 'import secrets; print(secrets.token_hex(16))')"
# Plain HTTP on the loopback: no HTTPS redirect, cookies without the Secure flag.
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false CSRF_COOKIE_SECURE=false \
    SESSION_COOKIE_SECURE=false STATIC_ROOT="$work/static" LOG_LEVEL=WARNING
python manage.py migrate --noinput -v0
python manage.py collectstatic --noinput -v0

# One app server for a benchmark: gunicorn with the production gunicorn.conf.py and the bench
# settings on $port, in the background ($gunicorn_pid), its output in $work/gunicorn.log. The
# arguments are more of its environment (WEB_CONCURRENCY is 2 unless they set it; REDIS_URL=…).
# Returns once it answers; if it never does, prints its log and exits.
w3_bench_serve() {
    env WEB_CONCURRENCY=2 "$@" BIND="127.0.0.1:$port" gunicorn bench.wsgi_app:application \
        -c gunicorn.conf.py --access-logfile /dev/null --log-level warning \
        >"$work/gunicorn.log" 2>&1 &
    gunicorn_pid=$!
    for _ in $(seq 1 60); do
        curl -fs "http://127.0.0.1:$port/bench/trivial" >/dev/null && return 0
        sleep 0.5
    done
    cat "$work/gunicorn.log" >&2
    exit 1
}

w3_bench_stop() {
    kill -TERM "$gunicorn_pid" && wait "$gunicorn_pid" || true
    gunicorn_pid=""
}
