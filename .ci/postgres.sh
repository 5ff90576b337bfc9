#!/usr/bin/env bash
# A throwaway PostgreSQL server on a free loopback port, for the JDBC token store tests (Debian's server package,
# installed when missing). `start` prints the line that points the tests at it:
#   eval "$(.ci/postgres.sh start)"; ./mvnw -B -pl camel-chimpypos-jdbc -am verify; .ci/postgres.sh stop
set -euo pipefail

dir=${CHIMPYPOS_POSTGRES_DIR:-/tmp/chimpypos-postgres}

server_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

# PostgreSQL refuses to run as root: as root, run it as the package's postgres user
as_server_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    if [ -z "$(server_bin)" ] || [ ! -x "$(server_bin)/postgres" ]; then
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    fi
    bin=$(server_bin)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_server_user "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_server_user "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync >/dev/null
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >&2
    echo "export CHIMPYPOS_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres'"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_server_user "$(server_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >&2
    fi
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
