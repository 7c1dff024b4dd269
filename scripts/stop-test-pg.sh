#!/bin/sh
set -eu
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
PGDATA=${PGDATA:-/tmp/vinhdanh-test-pg}
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
