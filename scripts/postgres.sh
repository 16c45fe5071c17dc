#!/usr/bin/env bash
# A PostgreSQL server on 127.0.0.1 for the tests of `--db postgres` projects (CI and local).
# Idempotent: installs Debian's `postgresql` when missing (as root), creates a cluster when there
# is none, starts it unless it runs, and creates the login role `app` (password `app`, CREATEDB),
# the one that generated projects' `.env` and `compose.yaml` use. Prints the URL to export:
#   eval "$(bash scripts/postgres.sh)"    # sets TEST_DATABASE_URL
set -euo pipefail

ROLE=app
PASSWORD=app
log() { echo "postgres.sh: $*" >&2; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

if ! command -v pg_lsclusters >/dev/null; then
  if [ "$(id -u)" != 0 ]; then
    log "PostgreSQL is not installed: run 'sudo apt-get install postgresql' (or 'docker compose up -d' in a generated project)"
    exit 1
  fi
  log "installing Debian's postgresql"
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2
fi

# The first cluster (Debian's package creates <version>/main); create one when there is none.
read -r VERSION CLUSTER PORT STATUS _ < <(pg_lsclusters --no-header | head -n 1) || true
if [ -z "${VERSION:-}" ]; then
  VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  CLUSTER=main
  log "creating cluster $VERSION/$CLUSTER"
  pg_createcluster "$VERSION" "$CLUSTER" >&2
  read -r VERSION CLUSTER PORT STATUS _ < <(pg_lsclusters --no-header "$VERSION" "$CLUSTER")
fi

# Debian's default listen_addresses is 'localhost', and pg_hba asks loopback TCP for a password.
if [ "$STATUS" != online ]; then
  log "starting cluster $VERSION/$CLUSTER on port $PORT"
  pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi
for _ in $(seq 1 30); do
  as_postgres pg_isready -q -p "$PORT" && break
  sleep 1
done
as_postgres pg_isready -q -p "$PORT" || { log "the server on port $PORT did not become ready"; exit 1; }

as_postgres psql -p "$PORT" -v ON_ERROR_STOP=1 -qAt >&2 <<SQL
SELECT 'role $ROLE ready';
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
  ELSE
    ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
  END IF;
END
\$\$;
SQL

echo "export TEST_DATABASE_URL=postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/postgres"
