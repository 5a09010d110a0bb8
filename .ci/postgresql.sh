# Sourced by the test scripts that need PostgreSQL on 127.0.0.1:5432 (trust authentication).

# Starts the local cluster if it is installed but stopped; fails if PostgreSQL does not respond.
require_postgresql() {
  if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    if command -v pg_ctlcluster >/dev/null 2>&1; then
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
      sleep 2
    fi
  fi
  if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    echo "PostgreSQL is not reachable on 127.0.0.1:5432" >&2
    exit 1
  fi
}

create_database() {
  psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $1"
}

drop_database() {
  psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $1 WITH (FORCE)" || true
}
