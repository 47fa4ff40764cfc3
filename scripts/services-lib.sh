# shellcheck shell=bash disable=SC2034  # sourced; the variables are used by the sourcing scripts
# Shared settings and helpers for services-up.sh / services-down.sh. Sourced, not run.
# Every service is a private copy that listens on 127.0.0.1 only and keeps all its state
# under $SVC_DIR, so tests never touch (or depend on) the machine's own system services.

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SVC_DIR=${SVC_DIR:-$REPO/.services}
case $SVC_DIR in /*) ;; *) SVC_DIR=$PWD/$SVC_DIR ;; esac   # daemons must not depend on our cwd
# Unset -> all services; set but empty -> none (e.g. a unit-test-only run).
ERP_SERVICES=${ERP_SERVICES-postgres rabbitmq clamd}
PG_PORT=${ERP_PG_PORT:-55432}
RABBIT_PORT=${ERP_RABBITMQ_PORT:-5672}
CLAMD_PORT=${ERP_CLAMD_PORT:-3310}

wants() { [[ " $ERP_SERVICES " == *" $1 "* ]]; }
is_root() { [ "$(id -u)" -eq 0 ]; }
# Prints the pid in file $1 only if that process is still program $2 (a stale pid may have
# been reused by an unrelated process, which must never be killed).
live_pid() { local p; p=$(cat "$1" 2>/dev/null) && [ "$(ps -o comm= -p "$p" 2>/dev/null)" = "$2" ] && echo "$p"; }
log_tail() { [ -s "${1:-}" ] || return 0; echo "---- last lines of $1:" >&2; tail -n 25 "$1" >&2; }

# --- PostgreSQL -------------------------------------------------------------------------
# Prefer 15 (the version install-deps.sh gets on Debian 12); fall back to the newest installed major version.
PG_BIN=/usr/lib/postgresql/15/bin
[ -x "$PG_BIN/initdb" ] || PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
# initdb and pg_ctl refuse to run as root, so as root they run as the Debian 'postgres' user.
as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }
# The cluster lives in $SVC_DIR/pg. When the postgres user cannot reach that folder (e.g. a
# checkout under /root), $SVC_DIR/pg becomes a symlink to a folder in /tmp that it can reach.
pg_root() { readlink -f "$SVC_DIR/pg"; }

# --- RabbitMQ ---------------------------------------------------------------------------
# Debian's /usr/sbin/rabbitmq* wrappers 'su' to the rabbitmq user; the real scripts live in a
# versioned folder, found by glob so a Debian point release does not break us.
RMQ_SBIN=$(ls -d /usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin 2>/dev/null | sort -V | tail -n 1)
RMQ_DIR=$SVC_DIR/rabbit
# Runs one of the rabbit scripts (rabbitmq-server, rabbitmqctl, ...) against our private node.
# HOME holds the Erlang cookie, so the CLI tools and the node agree without touching ~/.
# The node name carries the port: two checkouts on other ports may run side by side.
rmq() {
  local tool=$1; shift
  env HOME="$RMQ_DIR/home" RABBITMQ_NODENAME="erp$RABBIT_PORT@localhost" \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$RABBIT_PORT" \
    RABBITMQ_DIST_PORT=$((RABBIT_PORT + 20000)) ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_MNESIA_BASE="$RMQ_DIR/mnesia" RABBITMQ_LOG_BASE="$RMQ_DIR/log" \
    RABBITMQ_PID_FILE="$RMQ_DIR/rabbit.pid" ERL_CRASH_DUMP="$RMQ_DIR/log/erl_crash.dump" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_DIR/enabled_plugins" RABBITMQ_CONFIG_FILE="$RMQ_DIR/rabbitmq" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    "$RMQ_SBIN/$tool" "$@"
}

# --- clamd ------------------------------------------------------------------------------
CLAM_DIR=$SVC_DIR/clam
# clamd's own protocol: "zPING\0" -> "PONG\0". Uses bash's /dev/tcp because nc is not installed.
clam_ping() {
  timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" && printf "zPING\0" >&3 && tr -d "\0" <&3' \
    _ "$CLAMD_PORT" 2>/dev/null | grep -qx PONG
}

# --- env file ---------------------------------------------------------------------------
# Each running service leaves $SVC_DIR/env.d/<name>; $SVC_DIR/env is their concatenation, so
# starting or stopping one service never loses the settings of the others.
write_env() {
  mkdir -p "$SVC_DIR/env.d"
  {
    echo "# Written by scripts/services-up.sh; source it to reach the test services."
    cat "$SVC_DIR"/env.d/* 2>/dev/null || true
    # Chromium is a program, not a service: Playwright needs its path (it cannot download one).
    if command -v chromium >/dev/null; then echo "export ERP_TEST_CHROMIUM='$(command -v chromium)'"; fi
  } > "$SVC_DIR/env"
}
