#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the benchmarks: `start` prints a connection string, `stop` removes it.
# PostgreSQL refuses to run as root, so the cluster belongs to the postgres user.
set -euo pipefail
directory=/tmp/nonprofitportal-bench-pg
port=${BENCH_PG_PORT:-55432}
case "${1:-}" in
  start)
    rm -rf "$directory" && mkdir -p "$directory" && chown postgres "$directory"
    runuser -u postgres -- initdb -D "$directory/data" -A trust -U postgres >/dev/null
    runuser -u postgres -- pg_ctl -D "$directory/data" -o "-p $port -k $directory -c listen_addresses=127.0.0.1 -c fsync=on" -l "$directory/log" -w start >/dev/null
    runuser -u postgres -- psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE bench" >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=bench"
    ;;
  stop)
    runuser -u postgres -- pg_ctl -D "$directory/data" -m fast -w stop >/dev/null || true
    rm -rf "$directory"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
