#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests, benchmarks and CI: initialised in a folder of its own, run by
# an unprivileged user (initdb and postgres refuse root), listening on 127.0.0.1 only, on a free port, with
# a random password (scram-sha-256). Nothing outside the folder is touched except, when run as root on a
# machine without one, an unprivileged system user (`joinery-pg`) to own the cluster.
#
#   throwaway-cluster.sh start <dir> [--no-fsync]   prints postgres://joinery:<password>@127.0.0.1:<port>/joinery
#   throwaway-cluster.sh stop <dir>                 stops the server and removes <dir>
#
# --no-fsync is for test suites only (a crash of the machine loses the cluster, which is thrown away anyway);
# benchmarks run with the default, durable settings, like SQLite's synchronous=FULL.
# PG_BIN overrides where the server binaries are (default: the newest /usr/lib/postgresql/<n>/bin).
set -euo pipefail
umask 077

command=${1:-}
dir=${2:-}
if [[ -z "$command" || -z "$dir" ]]; then
  echo "usage: $0 start|stop <dir> [--no-fsync]" >&2
  exit 2
fi

pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [[ -z "$pg_bin" || ! -x "$pg_bin/initdb" ]]; then
  echo "PostgreSQL server binaries not found (install the Debian postgresql package, or set PG_BIN)" >&2
  exit 3
fi

# Runs a command as the cluster's owner: ourselves, or an unprivileged user when we are root.
owner=$(id -un)
as_owner() { "$@"; }
if [[ $(id -u) -eq 0 ]]; then
  owner=joinery-pg
  id -u "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
  as_owner() { setpriv --reuid="$owner" --regid="$(id -g "$owner")" --clear-groups -- "$@"; }
fi

free_port() {
  node -e "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

start() {
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  local password port
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  port=$(free_port)
  printf '%s\n' "$password" >"$dir/password"
  chown -R "$owner" "$dir"
  chmod 700 "$dir"
  as_owner "$pg_bin/initdb" -D "$dir/data" -U joinery --pwfile="$dir/password" --auth=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$dir/password"
  local settings="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=200"
  if [[ "${3:-}" == "--no-fsync" ]]; then settings="$settings -c fsync=off -c synchronous_commit=off -c full_page_writes=off"; fi
  as_owner "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "$settings" -w -t 60 start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  PGPASSWORD=$password psql -X -q -h 127.0.0.1 -p "$port" -U joinery -d postgres -c 'CREATE DATABASE joinery' >/dev/null
  local url="postgres://joinery:$password@127.0.0.1:$port/joinery"
  printf '%s\n' "$url" >"$dir/url"
  echo "$url"
}

stop() {
  [[ -d "$dir/data" ]] && as_owner "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "$command" in
  start) start "$@" ;;
  stop) stop ;;
  *) echo "unknown command: $command (start or stop)" >&2; exit 2 ;;
esac
