# shellcheck shell=bash
# Shared by benchmarks/run and benchmarks/scaleout (sourced, not run): a throwaway
# PostgreSQL cluster, free ports on 127.0.0.1 only, the production-like environment,
# gunicorn / redis / moto servers started by pid file, and one cleanup that stops
# exactly what was started here. Every wait is bounded in time.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PY="$ROOT/.venv/bin/python"
START_TS=$(date +%s)
step() { printf '\n==> %s (%ss)\n' "$*" "$(($(date +%s) - START_TS))" >&2; }
die() { printf 'FAIL %s\n' "$*" >&2; exit 1; }

WORK=$(mktemp -d /tmp/ilo-bench.XXXXXX)
chmod 755 "$WORK"
PGBIN=${PGBIN:-$(dirname "$(readlink -f "$(command -v initdb || echo /usr/lib/postgresql/15/bin/initdb)")")}
PGUSER_OS=""
PIDFILES=()  # pid files of the servers started here (gunicorn, redis, moto)

as_pg() {
    if [ -n "$PGUSER_OS" ]; then runuser -u "$PGUSER_OS" -- "$@"; else "$@"; fi
}

# Stop one server by its pid file, politely, then for sure; bounded to ~10 s.
stop_pidfile() {
    local file=$1 pid
    [ -s "$file" ] || return 0
    pid=$(cat "$file")
    kill "$pid" 2>/dev/null || { rm -f "$file"; return 0; }
    for _ in $(seq 1 40); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.25
    done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$file"
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    local f
    for f in "${PIDFILES[@]}"; do stop_pidfile "$f"; done
    if [ "$status" != 0 ]; then
        for f in "$WORK"/gunicorn-*.log; do
            [ -s "$f" ] || continue
            printf '\n--- last lines of %s\n' "${f##*/}" >&2
            tail -n 30 "$f" >&2
        done
    fi
    if [ -f "$WORK/pg/postmaster.pid" ]; then
        as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Debian packages the scripts need, installed only when missing (the scripts run as root).
need_commands() {  # need_commands "cmd:package" ...
    local missing="" pair
    for pair in "$@"; do
        command -v "${pair%%:*}" >/dev/null 2>&1 || missing="$missing ${pair#*:}"
    done
    [ -z "$missing" ] && return 0
    step "Installing$missing from Debian"
    apt-get update -qq
    # shellcheck disable=SC2086  # word splitting of the package list is intended
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
}

# Whether something already listens on 127.0.0.1:$1.
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A port for a server of ours: $2 if set (refused when taken), else a free one.
pick_port() {  # pick_port NAME [REQUESTED]
    local name=$1 port=${2:-}
    if [ -z "$port" ]; then
        port=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    fi
    if port_taken "$port"; then
        die "port $port ($name) is taken on 127.0.0.1: refusing to measure someone else's server"
    fi
    echo "$port"
}

# Wait (bounded) until a URL answers 200; fail with the server's log otherwise.
wait_http() {  # wait_http URL SECONDS LOG
    local url=$1 seconds=$2 log=${3:-}
    for _ in $(seq 1 "$((seconds * 4))"); do
        if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then return 0; fi
        sleep 0.25
    done
    [ -n "$log" ] && [ -f "$log" ] && tail -n 40 "$log" >&2
    die "$url did not answer within ${seconds}s"
}

start_postgres() {
    PG_PORT=$(pick_port postgres "${BENCH_PG_PORT:-}")
    if [ "$(id -u)" = 0 ]; then
        # initdb refuses to run as root: run the cluster as an unprivileged user.
        PGUSER_OS=postgres
        id "$PGUSER_OS" >/dev/null 2>&1 ||
            useradd --system --no-create-home --shell /usr/sbin/nologin "$PGUSER_OS"
        mkdir -p "$WORK/pgsock" && chown "$PGUSER_OS" "$WORK/pgsock"
    else
        mkdir -p "$WORK/pgsock"
    fi
    local dbuser=${PGUSER_OS:-$(id -un)}
    mkdir -p "$WORK/pg" && chown "${PGUSER_OS:-$(id -un)}" "$WORK/pg"
    as_pg "$PGBIN/initdb" -D "$WORK/pg" -U "$dbuser" --auth=trust --encoding=UTF8 \
        --locale=C.UTF-8 >/dev/null
    # Durability off (a throwaway cluster); everything else as PostgreSQL ships it.
    as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pgsock/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $WORK/pgsock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
        start >/dev/null || { cat "$WORK/pgsock/server.log" >&2; die "PostgreSQL did not start"; }
    "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$dbuser" -d postgres -qc "CREATE DATABASE ilo_office"
    DATABASE_URL="postgres://$dbuser@127.0.0.1:$PG_PORT/ilo_office"
    export DATABASE_URL
    echo "PostgreSQL $("$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$dbuser" -d postgres -Atc 'SHOW server_version') on 127.0.0.1:$PG_PORT" >&2
}

start_redis() {
    REDIS_PORT=$(pick_port redis "${BENCH_REDIS_PORT:-}")
    local pidfile="$WORK/redis.pid"
    mkdir -p "$WORK/redis"
    PIDFILES+=("$pidfile")
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
        --dir "$WORK/redis" --pidfile "$pidfile" --daemonize yes \
        --logfile "$WORK/redis/redis.log" >/dev/null
    for _ in $(seq 1 40); do
        "$PY" -c "import redis, sys; sys.exit(0 if redis.Redis(port=$REDIS_PORT).ping() else 1)" \
            2>/dev/null && break
        sleep 0.25
    done
    "$PY" -c "import redis; redis.Redis(port=$REDIS_PORT).ping()" || die "Redis did not start"
    echo "Redis $(redis-server --version | grep -o 'v=[0-9.]*') on 127.0.0.1:$REDIS_PORT" >&2
}

# The production settings every measured server and helper runs with.
SECRET_KEY_RUN=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')
prod_env() {  # prod_env [VAR=value ...] command ...
    env -u DEBUG -u PAGE_CACHE -u CACHE_URL -u MEDIA_STORAGE -u MEDIA_URL -u BENCHMARK_CEILING \
        DJANGO_SETTINGS_MODULE=ilo_office.settings CACHE_DIR="$WORK/cache" \
        SECRET_KEY="$SECRET_KEY_RUN" ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0 \
        DATABASE_URL="$DATABASE_URL" STATIC_ROOT="$WORK/static" MEDIA_ROOT="$WORK/media" \
        LOG_LEVEL=WARNING "$@"
}

manage() { (cd "$ROOT" && prod_env "$PY" manage.py "$@"); }

# Start gunicorn (3 sync workers) on 127.0.0.1:$PORT with extra environment; wait for it.
start_gunicorn() {  # start_gunicorn NAME PORT [VAR=value ...]
    local name=$1 port=$2
    shift 2
    local pidfile="$WORK/gunicorn-$name.pid" log="$WORK/gunicorn-$name.log"
    PIDFILES+=("$pidfile")
    (cd "$ROOT" && prod_env "$@" "$ROOT/.venv/bin/gunicorn" ilo_office.wsgi \
        --bind "127.0.0.1:$port" --workers 3 --worker-class sync --timeout 60 \
        --pid "$pidfile" --error-logfile "$log" --capture-output --log-level warning --daemon)
    for _ in $(seq 1 80); do [ -s "$pidfile" ] && break; sleep 0.25; done
    [ -s "$pidfile" ] || { cat "$log" >&2; die "gunicorn $name did not start"; }
    wait_http "http://127.0.0.1:$port/healthz" 60 "$log"
}

stop_gunicorn() { stop_pidfile "$WORK/gunicorn-$1.pid"; }
