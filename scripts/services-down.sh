#!/usr/bin/env bash
# Stops what services-up.sh started (same SVC_DIR and ERP_SERVICES). Safe to run twice or when
# nothing runs. State stays in $SVC_DIR (logs help to debug a failed run); delete it to reset.
set -euo pipefail
# shellcheck source=scripts/services-lib.sh
. "$(dirname "$0")/services-lib.sh"
[ -d "$SVC_DIR" ] || exit 0

# Asks process $1 to exit, waits up to 10 s, then kills it hard.
stop_pid() {
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$1" 2>/dev/null || true
}

if wants rabbitmq && [ -d "$RMQ_DIR" ] && [ -n "$RMQ_SBIN" ]; then
  pid=$(live_pid "$RMQ_DIR/rabbit.pid" beam.smp || true)
  if [ -n "$pid" ]; then
    # A clean stop first; signals only in case the node no longer answers.
    rmq rabbitmqctl -q stop >/dev/null 2>&1 || true
    stop_pid "$pid"
    echo "rabbitmq: stopped"
  else
    echo "rabbitmq: not running"
  fi
  # epmd (Erlang's name server) outlives the node; kill it only if no other Erlang node uses it.
  if ! epmd -names 2>/dev/null | grep -q '^name '; then epmd -kill >/dev/null 2>&1 || true; fi
  rm -f "$SVC_DIR/env.d/rabbitmq"
fi

if wants postgres && [ -e "$SVC_DIR/pg" ] && [ -n "$PG_BIN" ]; then
  if as_pg "$PG_BIN/pg_ctl" -D "$(pg_root)/data" status >/dev/null 2>&1; then
    as_pg "$PG_BIN/pg_ctl" -D "$(pg_root)/data" -m fast -w stop >/dev/null && echo "postgres: stopped"
  else
    echo "postgres: not running"
  fi
  rm -f "$SVC_DIR/env.d/postgres"
fi

if wants clamd && [ -d "$CLAM_DIR" ]; then
  pid=$(live_pid "$CLAM_DIR/clamd.pid" clamd || true)
  if [ -n "$pid" ]; then stop_pid "$pid"; echo "clamd: stopped"; else echo "clamd: not running"; fi
  rm -f "$CLAM_DIR/clamd.pid" "$SVC_DIR/env.d/clamd"
fi

write_env
