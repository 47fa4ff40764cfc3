#!/usr/bin/env bash
# Starts the services the integration tests use, on loopback, with state under $SVC_DIR
# (default <repo>/.services), and writes $SVC_DIR/env with the connection settings:
#   ERP_SERVICES="postgres rabbitmq clamd"   which to start (default all)
#   ERP_PG_PORT / ERP_RABBITMQ_PORT / ERP_CLAMD_PORT   ports (55432 / 5672 / 3310)
#   ERP_RABBITMQ_PLUGINS="rabbitmq_management"   optional plugins (management UI on port+10000)
# Idempotent: a service that already answers is left alone. Stop with services-down.sh.
set -euo pipefail
# shellcheck source=scripts/services-lib.sh
. "$(dirname "$0")/services-lib.sh"
for s in $ERP_SERVICES; do   # a typo would otherwise silently start nothing
  case $s in postgres|rabbitmq|clamd) ;; *) echo "services-up: unknown service '$s'" >&2; exit 2 ;; esac
done
mkdir -p "$SVC_DIR/env.d"

# Each start_* removes its env.d entry first: the env file must never list a dead service.
start_postgres() {
  rm -f "$SVC_DIR/env.d/postgres"
  [ -n "$PG_BIN" ] || { echo "postgres: not installed (run scripts/install-deps.sh)" >&2; return 1; }
  if [ ! -e "$SVC_DIR/pg" ]; then
    if is_root && ! runuser -u postgres -- test -x "$SVC_DIR"; then
      ln -s "$(mktemp -d /tmp/erp-pg.XXXXXX)" "$SVC_DIR/pg"     # see pg_root in services-lib.sh
    else
      mkdir "$SVC_DIR/pg"
    fi
  fi
  local P; P=$(pg_root)
  is_root && chown postgres:postgres "$P"
  if as_pg "$PG_BIN/pg_ctl" -D "$P/data" status >/dev/null 2>&1; then
    echo "postgres: already running"
  else
    [ -f "$P/data/PG_VERSION" ] ||
      as_pg "$PG_BIN/initdb" -D "$P/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$P/initdb.log" ||
      { log_tail "$P/initdb.log"; return 1; }
    # TCP only (no unix socket: long checkout paths overflow its 107-byte limit). Durability
    # is switched off because the data is throwaway and tests run much faster without fsync.
    as_pg "$PG_BIN/pg_ctl" -D "$P/data" -l "$P/server.log" -w -t 60 -o "-c listen_addresses=127.0.0.1 \
      -p $PG_PORT -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off \
      -c full_page_writes=off" start >/dev/null || { log_tail "$P/server.log"; return 1; }
  fi
  echo "export ERP_TEST_POSTGRES='Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres'" \
    > "$SVC_DIR/env.d/postgres"
  echo "postgres: ready on 127.0.0.1:$PG_PORT (${SECONDS}s)"
}

start_rabbitmq() {   # only launches the node; wait_rabbitmq waits, so the others start meanwhile
  rm -f "$SVC_DIR/env.d/rabbitmq"
  [ -n "$RMQ_SBIN" ] || { echo "rabbitmq: not installed (run scripts/install-deps.sh)" >&2; return 1; }
  # The pid file, not 'rabbitmqctl ping': ping takes a second or more to say "not running".
  if live_pid "$RMQ_DIR/rabbit.pid" beam.smp >/dev/null; then echo "rabbitmq: already running"; return; fi
  mkdir -p "$RMQ_DIR/home" "$RMQ_DIR/mnesia" "$RMQ_DIR/log"
  rm -f "$RMQ_DIR/log/erl_crash.dump"   # so a crash dump found later is from this start
  printf 'listeners.tcp.default = 127.0.0.1:%s\nmanagement.tcp.ip = 127.0.0.1\nmanagement.tcp.port = %s\n' \
    "$RABBIT_PORT" $((RABBIT_PORT + 10000)) > "$RMQ_DIR/rabbitmq.conf"
  echo "[${ERP_RABBITMQ_PLUGINS:-}]." > "$RMQ_DIR/enabled_plugins"
  # Output goes to a file so the detached VM never holds the caller's stdout pipe open.
  rmq rabbitmq-server -detached >"$RMQ_DIR/log/start.out" 2>&1
}

wait_rabbitmq() {
  # 'ping' succeeds before the broker has booted; await_startup is the real check, but it fails
  # at once until the node has registered with epmd, hence the retry loop (about 8-12 s).
  local t=$SECONDS
  until rmq rabbitmqctl -q await_startup --timeout 60 >/dev/null 2>&1; do
    # Give up after 2 min, or after 20 s without an Erlang VM (e.g. the port or name is taken).
    if [ $SECONDS -ge $((t + 120)) ] ||
       { [ $SECONDS -ge $((t + 20)) ] && ! live_pid "$RMQ_DIR/rabbit.pid" beam.smp >/dev/null; }; then
      echo "rabbitmq: did not start" >&2; log_tail "$RMQ_DIR/log/start.out"
      grep -m1 '^Slogan' "$RMQ_DIR/log/erl_crash.dump" >&2 2>/dev/null || true   # the VM's last words
      log_tail "$(ls -t "$RMQ_DIR"/log/*.log 2>/dev/null | head -n 1)"; return 1
    fi
    sleep 1
  done
  {
    echo "export ERP_TEST_RABBITMQ='amqp://guest:guest@127.0.0.1:$RABBIT_PORT/'"
    # Outage tests stop and restart THIS node with the same scripts (SVC_DIR + port select it).
    echo "export ERP_TEST_RABBITMQ_CONTROL='$REPO/scripts;$SVC_DIR;$RABBIT_PORT'"
    [[ ${ERP_RABBITMQ_PLUGINS:-} != *rabbitmq_management* ]] ||
      echo "export ERP_TEST_RABBITMQ_MANAGEMENT='http://127.0.0.1:$((RABBIT_PORT + 10000))/'"
  } > "$SVC_DIR/env.d/rabbitmq"
  echo "rabbitmq: ready on 127.0.0.1:$RABBIT_PORT (${SECONDS}s)"
}

start_clamd() {
  rm -f "$SVC_DIR/env.d/clamd"
  command -v clamd >/dev/null || { echo "clamd: not installed (run scripts/install-deps.sh)" >&2; return 1; }
  if clam_ping; then
    echo "clamd: already running"
  else
    mkdir -p "$CLAM_DIR/db"
    # No network for freshclam, and clamd refuses an empty database, so ship our own signatures
    # for the harmless EICAR test file: whole-file MD5 (.hdb) and body pattern (.ndb, which also
    # finds it inside zips and other files). Hex of the pattern computed with od (no xxd needed).
    echo '44d88612fea8a8f36de82e1278abb02f:68:Test.EICAR-HDB' > "$CLAM_DIR/db/test.hdb"
    echo "Test.EICAR-NDB:0:*:$(printf %s EICAR-STANDARD-ANTIVIRUS-TEST-FILE | od -An -tx1 | tr -d ' \n')" \
      > "$CLAM_DIR/db/test.ndb"
    cat > "$CLAM_DIR/clamd.conf" <<CONF
DatabaseDirectory $CLAM_DIR/db
TCPSocket $CLAMD_PORT
TCPAddr 127.0.0.1
Foreground yes
LogFile $CLAM_DIR/clamd.log
StreamMaxLength 100M
SelfCheck 0
CONF
    nohup clamd -c "$CLAM_DIR/clamd.conf" >"$CLAM_DIR/clamd.out" 2>&1 </dev/null &
    echo $! > "$CLAM_DIR/clamd.pid"
    local deadline=$((SECONDS + 60))
    until clam_ping; do
      if [ $SECONDS -ge $deadline ] || ! kill -0 "$(cat "$CLAM_DIR/clamd.pid")" 2>/dev/null; then
        echo "clamd: did not start" >&2; log_tail "$CLAM_DIR/clamd.out"; return 1
      fi
      sleep 0.2
    done
  fi
  echo "export ERP_TEST_CLAMD='127.0.0.1:$CLAMD_PORT'" > "$SVC_DIR/env.d/clamd"
  echo "clamd: ready on 127.0.0.1:$CLAMD_PORT (${SECONDS}s)"
}

# RabbitMQ is the slowest, so it is launched first and waited for last. A failed service does
# not stop the others; the env file lists the ones that run, and the exit code reports failure.
failed=""
if wants rabbitmq; then start_rabbitmq || failed+=" rabbitmq"; fi
if wants postgres; then start_postgres || failed+=" postgres"; fi
if wants clamd; then start_clamd || failed+=" clamd"; fi
if wants rabbitmq && [[ $failed != *rabbitmq* ]]; then wait_rabbitmq || failed+=" rabbitmq"; fi
write_env
[ -z "$failed" ] || { echo "services: FAILED:$failed; settings in $SVC_DIR/env" >&2; exit 1; }
echo "services: '$ERP_SERVICES' up in ${SECONDS}s; settings in $SVC_DIR/env"
