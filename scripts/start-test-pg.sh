#!/bin/sh
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the tests (root only: initdb runs as
# the postgres user) and prints the address to export as VINHDANH_TEST_PG. Stop it with
# scripts/stop-test-pg.sh. Nothing system-wide is touched.
set -eu
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
PGDATA=${PGDATA:-/tmp/vinhdanh-test-pg}
PGPORT=${PGPORT:-54329}
if [ -f "$PGDATA/postmaster.pid" ]; then
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
fi
rm -rf "$PGDATA" "$PGDATA.pw"
install -d -o postgres -g postgres -m 700 "$PGDATA"
echo postgres > "$PGDATA.pw"; chown postgres "$PGDATA.pw"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 --pwfile="$PGDATA.pw" >/dev/null
# fsync and full-page writes off: a throwaway server whose data nobody needs after a crash
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $PGDATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
runuser -u postgres -- "$PGBIN/psql" -h "$PGDATA" -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE vinhdanh LOGIN PASSWORD 'vinhdanh'" -c "CREATE DATABASE vinhdanh_test OWNER vinhdanh" \
    -c "CREATE DATABASE vinhdanh_test_core OWNER vinhdanh" -c "CREATE DATABASE vinhdanh_test_ui OWNER vinhdanh" \
    -c "CREATE DATABASE vinhdanh_test_documents OWNER vinhdanh" -c "CREATE DATABASE vinhdanh_test_cli OWNER vinhdanh"
echo "postgresql://vinhdanh:vinhdanh@127.0.0.1:$PGPORT/vinhdanh_test"
