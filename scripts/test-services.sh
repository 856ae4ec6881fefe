#!/usr/bin/env bash
# Install (Debian, as root) and start what the tests need beyond Python:
# a PostgreSQL server and headless Chromium. Safe to run again: installs only what is missing.
# Prints the lines to `eval` for the test run (NEWSPRISM_TEST_PG_URL, NEWSPRISM_CHROMIUM).
set -euo pipefail

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "test-services: missing ${need[*]}; install them (apt-get install ${need[*]}) or run as root" >&2
    exit 0
  fi
  echo "test-services: installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

# PostgreSQL: start the packaged cluster (whatever major version Debian ships) and make a test role and database.
if command -v pg_lsclusters >/dev/null 2>&1; then
  read -r ver name _ < <(pg_lsclusters -h | head -n1) || true
  if [ -z "${ver:-}" ]; then
    ver=$(ls /usr/lib/postgresql | sort -n | tail -n1); name=main
    pg_createcluster "$ver" "$name" >&2
  fi
  pg_ctlcluster "$ver" "$name" start >&2 2>/dev/null || true
  for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='newsprism'\"" | grep -q 1 \
    || su postgres -c "psql -qc \"CREATE ROLE newsprism LOGIN SUPERUSER PASSWORD 'newsprism'\"" >&2
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='newsprism_test'\"" | grep -q 1 \
    || su postgres -c "createdb -O newsprism newsprism_test" >&2
  echo "export NEWSPRISM_TEST_PG_URL=postgresql+psycopg://newsprism:newsprism@localhost/newsprism_test"
fi
command -v chromium >/dev/null 2>&1 && echo "export NEWSPRISM_CHROMIUM=$(command -v chromium)"
exit 0
