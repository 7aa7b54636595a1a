# Sourced by scripts/test. Makes sure a PostgreSQL server answers for the
# tests and exports TEST_DATABASE_URL pointing at it:
#   1. TEST_DATABASE_URL, or 127.0.0.1:5432, when it already answers;
#   2. otherwise a Debian cluster started with pg_ctlcluster;
#   3. otherwise a throw-away cluster made with initdb + pg_ctl in .pgtmp/
#      (port 55432), stopped when the tests end.
# With PG_INSTALL=1 (what .ci/run sets) and no PostgreSQL binaries at all, it
# installs Debian's postgresql package first.

pg_answers() { # host port
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$1" -p "$2" -t 3
  else
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
  fi
}

pg_bin() { # the newest installed server binaries directory
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

pg_as_owner() { # run a command as the postgres user when we are root (initdb refuses root)
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

ensure_postgres() {
  local url="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}"
  local hostport host port
  hostport=$(echo "$url" | sed -E 's#^[a-z]+://([^@/]*@)?([^/?]*).*#\2#')
  host=${hostport%:*}; port=${hostport##*:}; [ "$port" = "$hostport" ] && port=5432
  if pg_answers "$host" "$port"; then
    export TEST_DATABASE_URL="$url"; return 0
  fi
  echo "PostgreSQL does not answer at $host:$port; starting one" >&2
  if [ -z "$(pg_bin)" ] && [ "${PG_INSTALL:-0}" = 1 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's postgresql package" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || true
  fi
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -n "$(ls /etc/postgresql 2>/dev/null)" ]; then
    local ver; ver=$(ls /etc/postgresql | sort -V | tail -n 1)
    pg_ctlcluster --skip-systemctl-redirect "$ver" main start 2>/dev/null || pg_ctlcluster "$ver" main start || true
    for _ in $(seq 1 30); do pg_answers 127.0.0.1 5432 && break; sleep 1; done
    if pg_answers 127.0.0.1 5432; then
      export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"; return 0
    fi
  fi
  local bin; bin=$(pg_bin)
  if [ -z "$bin" ]; then
    echo "no PostgreSQL server binaries found: install PostgreSQL (apt-get install postgresql) or set TEST_DATABASE_URL" >&2
    return 1
  fi
  local dir="$PWD/.pgtmp"
  rm -rf "$dir"; mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  pg_as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-p 55432 -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  trap 'pg_as_owner "'"$bin"'/pg_ctl" -D "'"$dir"'/data" -m fast stop >/dev/null 2>&1; rm -rf "'"$dir"'"' EXIT
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:55432/postgres?sslmode=disable"
}
